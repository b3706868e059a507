package io.ransomtrace.views.tuning;

import io.ransomtrace.views.common.LatestWinsRunner;
import io.ransomtrace.views.common.TextWidths;
import io.ransomtrace.views.common.ViewStyles;
import io.ransomtrace.views.findings.FindingRow;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Live tuning: every profile threshold as a slider + spinner with its default shown (and a button back to it).
 * Moving one re-runs the detector over the case in the background (latest wins, debounced, stale runs
 * cancelled) and previews the difference with the kept findings; Keep adopts it, Revert puts the kept values
 * back. Profiles are saved and loaded through callbacks (the views open no file).
 */
public final class TuningPanel extends VBox {
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    /** The spinner's two buttons and the text field's padding, around the value. */
    private static final double SPINNER_CHROME = 96;

    private final Map<String, ThresholdSpec> specs = new LinkedHashMap<>();
    private final Map<String, Slider> sliders = new LinkedHashMap<>();
    private final Map<String, Spinner<Double>> spinners = new LinkedHashMap<>();
    private final Map<String, Button> resets = new LinkedHashMap<>();
    private final Map<String, Label> labels = new LinkedHashMap<>();
    private final FindingsDiffView diffView = new FindingsDiffView();
    /** Spinner width per group: as wide as the group's widest value, so that a group's values line up. */
    private final Map<String, Double> spinnerWidths = new LinkedHashMap<>();
    private final LatestWinsRunner<Map<String, Double>, List<FindingRow>> runner;
    private Map<String, Double> kept;
    private List<FindingRow> keptFindings;
    private List<FindingRow> previewFindings;
    private boolean updating;
    private BiConsumer<Map<String, Double>, List<FindingRow>> onKeep = (p, f) -> { };
    private Consumer<Map<String, Double>> onSaveProfile = p -> { };
    private Runnable onLoadProfile = () -> { };

    /**
     * @param specs     the profile's thresholds with their current values
     * @param findings  the findings under the current values
     * @param runner    re-runs the detector for a set of values (see {@link LatestWinsRunner#forFx})
     */
    public TuningPanel(List<ThresholdSpec> specs, List<FindingRow> findings,
                       LatestWinsRunner<Map<String, Double>, List<FindingRow>> runner) {
        ViewStyles.apply(this, "tuning-panel");
        setId("tuning-panel");
        setSpacing(6);
        setPadding(new Insets(6));
        this.runner = runner;
        this.keptFindings = List.copyOf(findings);

        Label title = new Label("Detection profile");
        title.getStyleClass().add("panel-title");
        Button load = new Button("Load…", new FontIcon(Material2AL.FOLDER_OPEN));
        load.setId("tuning-load");
        load.getStyleClass().addAll("small", "flat");
        load.setOnAction(e -> onLoadProfile.run());
        Button save = new Button("Save…", new FontIcon(Material2MZ.SAVE));
        save.setId("tuning-save");
        save.getStyleClass().addAll("small", "flat");
        save.setOnAction(e -> onSaveProfile.accept(values()));
        Button defaults = new Button("All defaults");
        defaults.setId("tuning-defaults");
        defaults.getStyleClass().addAll("small", "flat");
        defaults.setOnAction(e -> resetAllToDefaults());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        for (Button b : List.of(defaults, load, save)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(4, title, grow, defaults, load, save);
        header.setAlignment(Pos.CENTER_LEFT);

        for (ThresholdSpec s : specs) {
            double w = Math.max(TextWidths.of("000"), Math.max(TextWidths.of(converter(s).toString(s.max())),
                    TextWidths.of(converter(s).toString(s.defaultValue())))) + SPINNER_CHROME;
            spinnerWidths.merge(s.group(), w, Math::max);
        }
        VBox grid = new VBox(2);
        grid.getStyleClass().add("threshold-grid");
        grid.setPadding(new Insets(0, 4, 0, 0));
        String group = null;
        for (ThresholdSpec s : specs) {
            this.specs.put(s.key(), s);
            if (!s.group().isEmpty() && !s.group().equals(group)) {
                group = s.group();
                Label heading = new Label(group);
                heading.getStyleClass().add("threshold-group");
                heading.setId("tuning-group-" + cssId(group));
                heading.setWrapText(true);
                heading.setMaxWidth(Double.MAX_VALUE);
                VBox.setMargin(heading, new Insets(grid.getChildren().isEmpty() ? 2 : 10, 0, 2, 0));
                grid.getChildren().add(heading);
            }
            grid.getChildren().add(thresholdRow(s));
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        diffView.setMinHeight(120);
        kept = values();

        runner.setOnBusy(diffView::setBusy);
        runner.setOnResult(this::showPreview);
        runner.setOnError(e -> diffView.showError(e.getMessage() == null ? e.toString() : e.getMessage()));
        diffView.keepButton().setOnAction(e -> keep());
        diffView.revertButton().setOnAction(e -> revert());
        getChildren().addAll(header, scroll, diffView);
    }

    /** One threshold: its full name, then slider, value, unit and default on one line, then what it does. */
    private VBox thresholdRow(ThresholdSpec s) {
        Label label = new Label(s.label());
        label.getStyleClass().add("threshold-label");
        // Full names: a long one wraps onto a second line instead of ending in "…".
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setTooltip(new Tooltip(s.key() + "\n" + s.description()));
        labels.put(s.key(), label);
        Slider slider = new Slider(s.min(), s.max(), s.currentValue());
        slider.setId("slider-" + cssId(s.key()));
        slider.setBlockIncrement(s.step());
        slider.setMajorTickUnit(s.max() - s.min() > 0 ? s.max() - s.min() : 1);
        Spinner<Double> spinner = new Spinner<>();
        spinner.setId("spinner-" + cssId(s.key()));
        SpinnerValueFactory.DoubleSpinnerValueFactory f =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(s.min(), s.max(), s.currentValue(), s.step());
        f.setConverter(converter(s));
        spinner.setValueFactory(f);
        spinner.setEditable(true);
        // Wide enough for the largest value the spinner takes (3600 seconds, 2000000 files), beside its two
        // buttons: never "36" for 3600.
        // Every spinner of a group as wide as its widest value, so that values and defaults line up.
        spinner.setPrefWidth(spinnerWidths.get(s.group()));
        spinner.setMinWidth(spinnerWidths.get(s.group()));
        spinner.getStyleClass().add(Spinner.STYLE_CLASS_SPLIT_ARROWS_HORIZONTAL);
        Label unit = new Label(s.unit() == null ? "" : s.unit());
        unit.getStyleClass().add("text-muted");
        unit.setMinWidth(Region.USE_PREF_SIZE);
        Button reset = new Button(null, new FontIcon(Material2MZ.RESTORE));
        reset.setId("reset-" + cssId(s.key()));
        reset.getStyleClass().addAll("flat", "small", "default-marker");
        reset.setTooltip(new Tooltip("Back to the profile default, " + converter(s).toString(s.defaultValue())));
        reset.setMinWidth(Region.USE_PREF_SIZE);
        Label defaultValue = new Label("default " + converter(s).toString(s.defaultValue()));
        defaultValue.setId("default-" + cssId(s.key()));
        defaultValue.getStyleClass().add("default-marker");
        defaultValue.setMinWidth(Region.USE_PREF_SIZE);
        reset.setOnAction(e -> setValue(s.key(), s.defaultValue()));
        resets.put(s.key(), reset);
        sliders.put(s.key(), slider);
        spinners.put(s.key(), spinner);

        slider.valueProperty().addListener((obs, old, now) -> {
            if (!updating) {
                double v = snap(s, now.doubleValue());
                updating = true;
                try {
                    spinner.getValueFactory().setValue(v);
                } finally {
                    updating = false;
                }
                changed(s.key(), v);
            }
        });
        spinner.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                updating = true;
                try {
                    slider.setValue(now);
                } finally {
                    updating = false;
                }
                changed(s.key(), now);
            }
        });
        HBox controls = new HBox(6, withDefaultTick(slider, s), spinner, unit, reset);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label description = new Label(s.description());
        description.getStyleClass().addAll("text-muted", "threshold-description");
        description.setWrapText(true);
        description.setMinHeight(Region.USE_PREF_SIZE);
        markDefault(s.key(), s.currentValue());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox title = new HBox(6, label, gap, defaultValue);
        title.setAlignment(Pos.BOTTOM_LEFT);
        VBox row = new VBox(1, title, controls, description);
        row.setId("threshold-" + cssId(s.key()));
        return row;
    }

    /** The slider with a small tick under its track where the profile default lies. */
    private static javafx.scene.Node withDefaultTick(Slider slider, ThresholdSpec s) {
        Region tick = new Region();
        tick.getStyleClass().add("default-tick");
        tick.setManaged(false);
        tick.setMouseTransparent(true);
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(slider, tick) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                double inset = 8; // half the thumb: the track starts and ends under the thumb's centre
                double f = s.max() == s.min() ? 0 : (s.defaultValue() - s.min()) / (s.max() - s.min());
                double x = inset + f * Math.max(0, getWidth() - 2 * inset);
                tick.resizeRelocate(Math.round(x) - 1, getHeight() - 5, 2, 5);
            }
        };
        box.setMinWidth(100);
        HBox.setHgrow(box, Priority.ALWAYS);
        javafx.scene.control.Tooltip.install(tick, new Tooltip("profile default"));
        return box;
    }

    /** A key usable as a CSS id (profile keys contain dots): {@code overwrite.minFiles} → {@code overwrite-minFiles}. */
    public static String cssId(String key) {
        return key.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static StringConverter<Double> converter(ThresholdSpec s) {
        return new StringConverter<>() {
            @Override
            public String toString(Double v) {
                if (v == null) {
                    return "";
                }
                return s.integral() ? String.valueOf(Math.round(v)) : String.format("%.2f", v);
            }

            @Override
            public Double fromString(String text) {
                try {
                    return ThresholdSpec.clamp(Double.parseDouble(text.strip().replace(",", "")), s.min(), s.max());
                } catch (NumberFormatException e) {
                    return s.currentValue();
                }
            }
        };
    }

    private static double snap(ThresholdSpec s, double v) {
        double snapped = s.min() + Math.round((v - s.min()) / s.step()) * s.step();
        return ThresholdSpec.clamp(snapped, s.min(), s.max());
    }

    private void changed(String key, double v) {
        specs.computeIfPresent(key, (k, s) -> s.withCurrent(v));
        markDefault(key, v);
        if (values().equals(kept)) {
            runner.cancel();
            previewFindings = null;
            diffView.show(FindingsDiff.NONE, false);
        } else {
            runner.submit(values());
        }
    }

    private void markDefault(String key, double v) {
        ThresholdSpec s = specs.get(key);
        boolean isDefault = s != null && v == s.defaultValue();
        resets.get(key).setDisable(isDefault);
        labels.get(key).pseudoClassStateChanged(CHANGED, !isDefault);
    }

    private void showPreview(List<FindingRow> findings) {
        previewFindings = List.copyOf(findings);
        diffView.show(FindingsDiff.between(keptFindings, previewFindings), true);
    }

    /** Adopts the previewed findings and the current values. */
    public void keep() {
        if (previewFindings == null) {
            return;
        }
        kept = values();
        keptFindings = previewFindings;
        previewFindings = null;
        diffView.show(FindingsDiff.NONE, false);
        onKeep.accept(kept, keptFindings);
    }

    /** Puts the kept values back and drops any preview. */
    public void revert() {
        runner.cancel();
        setValuesQuietly(kept);
        previewFindings = null;
        diffView.show(FindingsDiff.NONE, false);
    }

    public void resetAllToDefaults() {
        Map<String, Double> defaults = new LinkedHashMap<>();
        specs.values().forEach(s -> defaults.put(s.key(), s.defaultValue()));
        setValuesQuietly(defaults);
        if (values().equals(kept)) {
            runner.cancel();
        } else {
            runner.submit(values());
        }
    }

    /** Sets one threshold as if the analyst moved it (triggers a re-run). */
    public void setValue(String key, double v) {
        Spinner<Double> sp = spinners.get(key);
        if (sp != null) {
            sp.getValueFactory().setValue(ThresholdSpec.clamp(v, specs.get(key).min(), specs.get(key).max()));
        }
    }

    /** Loads a profile's values as the kept state (e.g. after Load…), with the findings they give. */
    public void loadProfile(Map<String, Double> values, List<FindingRow> findings) {
        runner.cancel();
        setValuesQuietly(values);
        kept = values();
        keptFindings = List.copyOf(findings);
        previewFindings = null;
        diffView.show(FindingsDiff.NONE, false);
    }

    private void setValuesQuietly(Map<String, Double> values) {
        updating = true;
        try {
            for (Map.Entry<String, Double> e : values.entrySet()) {
                ThresholdSpec s = specs.get(e.getKey());
                if (s == null) {
                    continue;
                }
                ThresholdSpec now = s.withCurrent(e.getValue());
                specs.put(s.key(), now);
                sliders.get(s.key()).setValue(now.currentValue());
                spinners.get(s.key()).getValueFactory().setValue(now.currentValue());
                markDefault(s.key(), now.currentValue());
            }
        } finally {
            updating = false;
        }
    }

    /** The current value of every threshold, by key. */
    public Map<String, Double> values() {
        Map<String, Double> v = new LinkedHashMap<>();
        specs.values().forEach(s -> v.put(s.key(), s.currentValue()));
        return v;
    }

    public Map<String, Double> keptValues() {
        return Map.copyOf(kept);
    }

    public List<ThresholdSpec> specs() {
        return new ArrayList<>(specs.values());
    }

    public FindingsDiffView diffView() {
        return diffView;
    }

    /** Partial news of the running re-run (events so far, alerts so far); call on the FX thread. */
    public void showProgress(String text) {
        diffView.showProgress(text);
    }

    public void setOnKeep(BiConsumer<Map<String, Double>, List<FindingRow>> callback) {
        onKeep = callback == null ? (p, f) -> { } : callback;
    }

    public void setOnSaveProfile(Consumer<Map<String, Double>> callback) {
        onSaveProfile = callback == null ? p -> { } : callback;
    }

    public void setOnLoadProfile(Runnable callback) {
        onLoadProfile = callback == null ? () -> { } : callback;
    }
}
