package io.ransomtrace.views.findings;

import io.ransomtrace.engine.finding.Severity;
import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.views.common.Plural;
import io.ransomtrace.views.common.TextWidths;
import io.ransomtrace.views.common.TimeFormats;
import io.ransomtrace.views.common.ViewStyles;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The case's findings, most severe first: severity chip, title, host, root command, login user, files affected,
 * first alert. Sortable by any column, filtered by free text; suppressed findings are shown greyed with the
 * reason (or hidden with "Show suppressed" off). On a busy host most findings are a daemon's low bulk work, so
 * the list shows medium and above until the analyst asks for the lower ones ("N lower findings hidden — show"),
 * and folds lower findings of one program and user into one expandable row ({@link FindingGroups}). Selecting a
 * finding reports it ({@link #setOnFindingSelected}); selecting a group row does not.
 */
public final class FindingsList extends VBox {
    private static final PseudoClass SUPPRESSED = PseudoClass.getPseudoClass("suppressed");
    private static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");
    /** Findings below this are hidden until the analyst shows them. */
    public static final Severity FLOOR = Severity.MEDIUM;

    private final List<FindingRow> all = new ArrayList<>();
    private final TreeTableView<FindingRow> table = new TreeTableView<>();
    private final TextField filter = new TextField();
    private final CheckBox showSuppressed = new CheckBox("Show suppressed");
    private final Hyperlink lowerLink = new Hyperlink();
    private final Label count = new Label();
    private final TreeTableColumn<FindingRow, Severity> severity = new TreeTableColumn<>("Severity");
    private TreeTableColumn<FindingRow, String> hostColumn;
    private TreeTableColumn<FindingRow, String> userColumn;
    private TreeTableColumn<FindingRow, Long> filesColumn;
    private final ReadOnlyObjectWrapper<FindingRow> selected = new ReadOnlyObjectWrapper<>(this, "selectedFinding");
    private final VBox placeholder = new VBox(6);
    private Node emptyPlaceholder = new Label("No findings");
    private final Label hostChip = new Label();
    private final javafx.scene.control.Button clearHost = new javafx.scene.control.Button();
    private String hostScope;
    private boolean showLower;
    private boolean rebuilding;
    private Consumer<FindingRow> onFindingSelected = f -> { };

    public FindingsList() {
        ViewStyles.apply(this, "findings-list");
        setId("findings-list");
        filter.setId("findings-filter");
        filter.setPromptText("Filter findings: title, host, command, user…");
        HBox.setHgrow(filter, Priority.ALWAYS);
        showSuppressed.setId("findings-show-suppressed");
        showSuppressed.setSelected(true);
        showSuppressed.setMinWidth(Region.USE_PREF_SIZE);
        lowerLink.setId("findings-lower");
        lowerLink.setMinWidth(Region.USE_PREF_SIZE);
        lowerLink.setOnAction(e -> setShowLower(!showLower));
        count.setId("findings-count");
        count.getStyleClass().add("text-muted");
        count.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.SOMETIMES);
        hostChip.setId("findings-host-scope");
        hostChip.getStyleClass().add("filter-chip");
        hostChip.setMinWidth(Region.USE_PREF_SIZE);
        clearHost.setGraphic(new FontIcon(Material2AL.CLOSE));
        clearHost.getStyleClass().addAll("flat", "small");
        clearHost.setOnAction(e -> setHostScope(null));
        HBox toolbar = new HBox(8, new FontIcon(Material2AL.FILTER_LIST), filter, hostChip, clearHost,
                showSuppressed, grow, lowerLink, count);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 6, 4, 6));
        toolbar.getStyleClass().add("view-toolbar");

        table.setId("findings-table");
        table.getStyleClass().add("dense");
        table.setShowRoot(false);
        table.setRoot(new TreeItem<>());
        table.setFixedCellSize(24);
        // Every column gives way in proportion, down to its minimum (the short values' columns fit their values).
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        placeholder.setAlignment(Pos.CENTER);
        buildColumns();
        // Sorts the rows and, within each folded group, its members, with the columns' comparators.
        table.setSortPolicy(t -> {
            sortTree(t.getRoot());
            return true;
        });
        table.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(FindingRow item, boolean empty) {
                super.updateItem(item, empty);
                boolean s = !empty && item != null && item.suppressed();
                pseudoClassStateChanged(SUPPRESSED, s);
                pseudoClassStateChanged(GROUP, !empty && FindingGroups.isGroup(item));
                setTooltip(s ? new Tooltip("Suppressed: " + Inert.plain(item.suppressedWhy())) : null);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            FindingRow row = now == null ? null : now.getValue();
            if (FindingGroups.isGroup(row)) {
                return;
            }
            selected.set(row);
            if (row != null && !rebuilding) {
                onFindingSelected.accept(row);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(toolbar, table);
        filter.textProperty().addListener(o -> rebuild());
        showSuppressed.selectedProperty().addListener(o -> rebuild());
        rebuild();
    }

    private void buildColumns() {
        severity.setId("findings-col-severity");
        severity.setPrefWidth(92);
        severity.setMinWidth(Math.max(84, TextWidths.of("Severity") + 26));
        severity.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().getValue().severity()));
        // Most severe first when sorted ascending.
        severity.setComparator(SeverityChip.MOST_SEVERE_FIRST);
        severity.setCellFactory(c -> new TreeTableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(Severity item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                SeverityChip.show(chip, item);
                chip.setMinWidth(Region.USE_PREF_SIZE);
                setGraphic(chip);
            }
        });
        TreeTableColumn<FindingRow, String> title = textColumn("Finding", "title", 320, 96, r -> r.suppressed()
                ? r.title() + "  — suppressed: " + r.suppressedWhy() : r.title());
        TreeTableColumn<FindingRow, String> host = textColumn("Host", "host", 130, 96, FindingRow::host);
        TreeTableColumn<FindingRow, String> root = textColumn("Root command", "root", 240, 90, FindingRow::rootCommand);
        TreeTableColumn<FindingRow, String> user = textColumn("Login user", "user", 90, 84, FindingRow::loginUser);
        TreeTableColumn<FindingRow, Long> files = new TreeTableColumn<>("Files");
        files.setId("findings-col-files");
        files.setPrefWidth(62);
        files.setMinWidth(TextWidths.of("Files") + 26);
        files.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().getValue().filesAffected()));
        files.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format("%,d", item));
            }
        });
        files.getStyleClass().add("numeric");
        TreeTableColumn<FindingRow, Instant> first = new TreeTableColumn<>("First alert (UTC)");
        first.setId("findings-col-first-alert");
        first.setPrefWidth(150);
        first.setMinWidth(72);
        first.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().getValue().firstAlert()));
        first.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        first.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : TimeFormats.seconds(item));
                setTooltip(empty || item == null ? null : new Tooltip(TimeFormats.full(item) + " UTC"));
            }
        });
        table.getColumns().addAll(List.of(severity, title, host, root, user, files, first));
        hostColumn = host;
        userColumn = user;
        filesColumn = files;
        table.setTreeColumn(title);
        severity.setSortType(TreeTableColumn.SortType.ASCENDING);
        table.getSortOrder().add(severity);
    }

    /** A text column whose cells show their whole value as a tooltip (long commands are cut on screen). */
    private static TreeTableColumn<FindingRow, String> textColumn(String name, String id, double width, double min,
                                                                  Function<FindingRow, String> value) {
        TreeTableColumn<FindingRow, String> c = new TreeTableColumn<>(name);
        c.setId("findings-col-" + id);
        c.setPrefWidth(width);
        // The column's title is always whole ("Root command"); its values may be cut, with a tooltip. Every value
        // comes from a log: shown inert (markup, bidi and escapes visible, never obeyed).
        c.setMinWidth(Math.max(min, TextWidths.of(name) + 26));
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(Inert.plain(value.apply(cd.getValue().getValue()))));
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return c;
    }

    private void sortTree(TreeItem<FindingRow> item) {
        Comparator<TreeItem<FindingRow>> c = table.getComparator();
        if (item == null || c == null || item.getChildren().isEmpty()) {
            return;
        }
        javafx.collections.FXCollections.sort(item.getChildren(), c);
        for (TreeItem<FindingRow> child : item.getChildren()) {
            sortTree(child);
        }
    }

    /** Shows or hides the findings below medium. */
    public void setShowLower(boolean show) {
        if (show != showLower) {
            showLower = show;
            rebuild();
        }
    }

    public boolean isShowingLower() {
        return showLower;
    }

    /** What the list shows when there are no findings at all (e.g. no case open, or a case being prepared). */
    public void setEmptyPlaceholder(Node node) {
        emptyPlaceholder = node;
        rebuild();
    }

    /** Lists only the findings of one host (null: every host), with a chip that lifts the scope. */
    public void setHostScope(String host) {
        hostScope = host;
        rebuild();
    }

    public String hostScope() {
        return hostScope;
    }

    private boolean visible(FindingRow f, String text) {
        return (hostScope == null || hostScope.equals(f.host()))
                && (showSuppressed.isSelected() || !f.suppressed())
                && (text.isEmpty() || contains(f.title(), text) || contains(f.host(), text)
                || contains(f.rootCommand(), text) || contains(f.loginUser(), text)
                || contains(f.severity().name(), text) || contains(f.program(), text) || contains(f.user(), text));
    }

    /** Rebuilds the rows from the findings, the filter, the suppressed switch and the severity floor. */
    private void rebuild() {
        String text = filter.getText() == null ? "" : filter.getText().strip().toLowerCase(Locale.ROOT);
        FindingRow was = selected.get();
        List<FindingRow> matching = all.stream().filter(f -> visible(f, text)).toList();
        List<FindingRow> lower = matching.stream().filter(f -> !f.severity().atLeast(FLOOR)).toList();
        List<FindingRow> shown = showLower ? matching : matching.stream().filter(f -> f.severity().atLeast(FLOOR)).toList();
        List<TreeItem<FindingRow>> items = new ArrayList<>();
        for (FindingGroups.Entry e : FindingGroups.of(shown)) {
            TreeItem<FindingRow> item = new TreeItem<>(e.row());
            for (FindingRow m : e.members()) {
                item.getChildren().add(new TreeItem<>(m));
            }
            items.add(item);
        }
        rebuilding = true;
        try {
            // The root stays: a new root would clear the sort order the analyst chose. The selection goes first:
            // the tree's selection model cannot follow a wholesale replacement of its rows.
            table.getSelectionModel().clearSelection();
            table.getRoot().getChildren().setAll(items);
            table.sort();
            if (was != null) {
                selectItem(was.id());
            }
        } finally {
            rebuilding = false;
        }
        if (was != null && (selected.get() == null || !selected.get().id().equals(was.id()))) {
            selected.set(null);
        }
        hostChip.setText(hostScope == null ? "" : "host: " + Inert.plain(hostScope));
        for (Node n : List.of(hostChip, clearHost)) {
            n.setVisible(hostScope != null);
            n.setManaged(hostScope != null);
        }
        long suppressed = all.stream().filter(FindingRow::suppressed).count();
        count.setText(shown.size() + " of " + all.size() + (suppressed > 0 ? " (" + suppressed + " suppressed)" : ""));
        lowerLink.setVisible(!lower.isEmpty());
        lowerLink.setManaged(!lower.isEmpty());
        lowerLink.setText(showLower ? "Hide the " + Plural.of(lower.size(), "lower finding")
                : Plural.of(lower.size(), "lower finding") + " hidden — show");
        table.setPlaceholder(all.isEmpty() ? emptyPlaceholder : placeholderFor(lower.size()));
    }

    private Node placeholderFor(int lowerHidden) {
        Label what = new Label(!showLower && lowerHidden > 0 ? "No findings at medium or above."
                : "No findings match the filter.");
        placeholder.getChildren().setAll(what);
        if (!showLower && lowerHidden > 0) {
            Hyperlink show = new Hyperlink("Show the " + Plural.of(lowerHidden, "lower finding"));
            show.setId("findings-placeholder-lower");
            show.setOnAction(e -> setShowLower(true));
            placeholder.getChildren().add(show);
        }
        return placeholder;
    }

    private static boolean contains(String s, String lowerNeedle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    /** Replaces the findings, keeping the selection when the selected finding is still there. */
    public void setFindings(List<FindingRow> findings) {
        all.clear();
        all.addAll(findings);
        // Host, login user and file count are read whole: their columns are as wide as their widest value.
        TextWidths.fit(hostColumn, all.stream().map(FindingRow::host).filter(java.util.Objects::nonNull)
                .distinct().toList(), 240);
        TextWidths.fit(userColumn, all.stream().map(FindingRow::loginUser).filter(java.util.Objects::nonNull)
                .distinct().toList(), 160);
        TextWidths.fit(filesColumn, all.stream().map(f -> String.format("%,d", f.filesAffected())).distinct()
                .toList(), 100);
        rebuild();
    }

    public List<FindingRow> findings() {
        return List.copyOf(all);
    }

    /** The findings as listed: filtered, sorted, members of a folded group in its place (expanded or not). */
    public List<FindingRow> shown() {
        List<FindingRow> out = new ArrayList<>();
        for (TreeItem<FindingRow> item : table.getRoot().getChildren()) {
            if (FindingGroups.isGroup(item.getValue())) {
                item.getChildren().forEach(c -> out.add(c.getValue()));
            } else {
                out.add(item.getValue());
            }
        }
        return out;
    }

    /** The rows as drawn: groups as one row, members only when their group is expanded. */
    public List<FindingRow> rows() {
        List<FindingRow> out = new ArrayList<>();
        for (int i = 0; i < table.getExpandedItemCount(); i++) {
            out.add(table.getTreeItem(i).getValue());
        }
        return out;
    }

    /**
     * Selects the finding with this id, showing the lower findings or expanding its group when that is where it
     * is; false when it is not in the list (filtered out, or not a finding of the case).
     */
    public boolean select(String id) {
        if (!selectItem(id)) {
            boolean lowerHidden = !showLower && all.stream().anyMatch(f -> f.id().equals(id)
                    && !f.severity().atLeast(FLOOR));
            if (!lowerHidden) {
                return false;
            }
            setShowLower(true);
            return selectItem(id);
        }
        return true;
    }

    private boolean selectItem(String id) {
        for (TreeItem<FindingRow> item : table.getRoot().getChildren()) {
            TreeItem<FindingRow> hit = item.getValue().id().equals(id) ? item : null;
            for (TreeItem<FindingRow> c : item.getChildren()) {
                if (c.getValue().id().equals(id)) {
                    item.setExpanded(true);
                    hit = c;
                }
            }
            if (hit != null) {
                int row = table.getRow(hit);
                table.getSelectionModel().clearAndSelect(row);
                table.scrollTo(Math.max(0, row - 2));
                return true;
            }
        }
        return false;
    }

    /** Selects the next listed finding (the first when none is selected); for keyboard navigation. */
    public void selectNext() {
        move(1);
    }

    public void selectPrevious() {
        move(-1);
    }

    private void move(int delta) {
        List<FindingRow> shown = shown();
        if (shown.isEmpty()) {
            return;
        }
        FindingRow now = selected.get();
        int i = -1;
        for (int k = 0; now != null && k < shown.size(); k++) {
            if (shown.get(k).id().equals(now.id())) {
                i = k;
            }
        }
        int next = i < 0 ? (delta > 0 ? 0 : shown.size() - 1) : Math.max(0, Math.min(shown.size() - 1, i + delta));
        select(shown.get(next).id());
    }

    public ReadOnlyObjectProperty<FindingRow> selectedFindingProperty() {
        return selected.getReadOnlyProperty();
    }

    public void setOnFindingSelected(Consumer<FindingRow> callback) {
        onFindingSelected = callback == null ? f -> { } : callback;
    }

    public TreeTableView<FindingRow> table() {
        return table;
    }

    public TextField filterField() {
        return filter;
    }
}
