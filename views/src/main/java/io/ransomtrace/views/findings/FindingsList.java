package io.ransomtrace.views.findings;

import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.views.common.TimeFormats;
import io.ransomtrace.views.common.ViewStyles;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The case's findings, most severe first: severity chip, title, host, root command, login user, files affected,
 * first alert. Sortable by any column, filtered by free text; suppressed findings are shown greyed with the
 * reason (or hidden with "Show suppressed" off). Selecting one reports it ({@link #setOnFindingSelected}).
 */
public final class FindingsList extends VBox {
    private static final PseudoClass SUPPRESSED = PseudoClass.getPseudoClass("suppressed");

    private final ObservableList<FindingRow> all = FXCollections.observableArrayList();
    private final FilteredList<FindingRow> filtered = new FilteredList<>(all);
    private final SortedList<FindingRow> sorted = new SortedList<>(filtered);
    private final TableView<FindingRow> table = new TableView<>(sorted);
    private final TextField filter = new TextField();
    private final CheckBox showSuppressed = new CheckBox("Show suppressed");
    private final Label count = new Label();
    private final TableColumn<FindingRow, Severity> severity = new TableColumn<>("Severity");
    private Consumer<FindingRow> onFindingSelected = f -> { };

    public FindingsList() {
        ViewStyles.apply(this, "findings-list");
        setId("findings-list");
        filter.setId("findings-filter");
        filter.setPromptText("Filter findings: title, host, command, user…");
        HBox.setHgrow(filter, Priority.ALWAYS);
        showSuppressed.setId("findings-show-suppressed");
        showSuppressed.setSelected(true);
        count.setId("findings-count");
        count.getStyleClass().add("text-muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.SOMETIMES);
        HBox toolbar = new HBox(8, new FontIcon(Material2AL.FILTER_LIST), filter, showSuppressed, grow, count);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 6, 4, 6));
        toolbar.getStyleClass().add("view-toolbar");

        table.setId("findings-table");
        table.getStyleClass().add("dense");
        table.setFixedCellSize(24);
        table.setPlaceholder(new Label("No findings"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        buildColumns();
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FindingRow item, boolean empty) {
                super.updateItem(item, empty);
                boolean s = !empty && item != null && item.suppressed();
                pseudoClassStateChanged(SUPPRESSED, s);
                setTooltip(s ? new Tooltip("Suppressed: " + Inert.plain(item.suppressedWhy())) : null);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                onFindingSelected.accept(now);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(toolbar, table);
        filter.textProperty().addListener(o -> refilter());
        showSuppressed.selectedProperty().addListener(o -> refilter());
        refilter();
    }

    private void buildColumns() {
        severity.setId("findings-col-severity");
        severity.setPrefWidth(84);
        severity.setMaxWidth(100);
        severity.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().severity()));
        // Most severe first when sorted ascending.
        severity.setComparator(SeverityChip.MOST_SEVERE_FIRST);
        severity.setCellFactory(c -> new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(Severity item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                SeverityChip.show(chip, item);
                setGraphic(chip);
            }
        });
        TableColumn<FindingRow, String> title = new TableColumn<>("Finding");
        title.setId("findings-col-title");
        title.setPrefWidth(320);
        title.setCellValueFactory(c -> new SimpleObjectProperty<>(Inert.plain(c.getValue().suppressed()
                ? c.getValue().title() + "  — suppressed: " + c.getValue().suppressedWhy()
                : c.getValue().title())));
        TableColumn<FindingRow, String> host = textColumn("Host", "host", 110, FindingRow::host);
        TableColumn<FindingRow, String> root = textColumn("Root command", "root", 240, FindingRow::rootCommand);
        TableColumn<FindingRow, String> user = textColumn("Login user", "user", 84, FindingRow::loginUser);
        TableColumn<FindingRow, Long> files = new TableColumn<>("Files");
        files.setId("findings-col-files");
        files.setPrefWidth(70);
        files.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().filesAffected()));
        files.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format("%,d", item));
            }
        });
        files.getStyleClass().add("numeric");
        TableColumn<FindingRow, Instant> first = new TableColumn<>("First alert (UTC)");
        first.setId("findings-col-first-alert");
        first.setPrefWidth(150);
        first.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().firstAlert()));
        first.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        first.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : TimeFormats.seconds(item));
            }
        });
        table.getColumns().addAll(List.of(severity, title, host, root, user, files, first));
        severity.setSortType(TableColumn.SortType.ASCENDING);
        table.getSortOrder().add(severity);
    }

    private static TableColumn<FindingRow, String> textColumn(String name, String id, double width,
                                                              Function<FindingRow, String> value) {
        TableColumn<FindingRow, String> c = new TableColumn<>(name);
        c.setId("findings-col-" + id);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(Inert.plain(value.apply(cd.getValue()))));
        return c;
    }

    private void refilter() {
        String text = filter.getText() == null ? "" : filter.getText().strip().toLowerCase(Locale.ROOT);
        boolean suppressedToo = showSuppressed.isSelected();
        filtered.setPredicate(f -> (suppressedToo || !f.suppressed()) && (text.isEmpty()
                || contains(f.title(), text) || contains(f.host(), text) || contains(f.rootCommand(), text)
                || contains(f.loginUser(), text) || contains(f.severity().name(), text)));
        long suppressed = all.stream().filter(FindingRow::suppressed).count();
        count.setText(filtered.size() + " of " + all.size() + (suppressed > 0 ? " (" + suppressed + " suppressed)" : ""));
    }

    private static boolean contains(String s, String lowerNeedle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    /** Replaces the findings, keeping the selection when the selected finding is still there. */
    public void setFindings(List<FindingRow> findings) {
        FindingRow selected = table.getSelectionModel().getSelectedItem();
        all.setAll(findings);
        refilter();
        if (selected != null) {
            select(selected.id());
        }
    }

    public List<FindingRow> findings() {
        return List.copyOf(all);
    }

    /** The findings as shown: filtered and sorted. */
    public List<FindingRow> shown() {
        return List.copyOf(sorted);
    }

    /** Selects the finding with this id if it is shown. */
    public boolean select(String id) {
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(id)) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(i);
                return true;
            }
        }
        return false;
    }

    /** Selects the next shown finding (the first when none is selected); for keyboard navigation. */
    public void selectNext() {
        move(1);
    }

    public void selectPrevious() {
        move(-1);
    }

    private void move(int delta) {
        if (sorted.isEmpty()) {
            return;
        }
        int i = table.getSelectionModel().getSelectedIndex();
        int next = i < 0 ? (delta > 0 ? 0 : sorted.size() - 1) : Math.max(0, Math.min(sorted.size() - 1, i + delta));
        table.getSelectionModel().clearAndSelect(next);
        table.scrollTo(next);
    }

    public ReadOnlyObjectProperty<FindingRow> selectedFindingProperty() {
        return table.getSelectionModel().selectedItemProperty();
    }

    public void setOnFindingSelected(Consumer<FindingRow> callback) {
        onFindingSelected = callback == null ? f -> { } : callback;
    }

    public TableView<FindingRow> table() {
        return table;
    }

    public TextField filterField() {
        return filter;
    }
}
