package io.ransomtrace.views.process;

import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.views.common.TextWidths;
import io.ransomtrace.views.common.TimeFormats;
import io.ransomtrace.views.common.ViewStyles;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.BreadCrumbBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A host's processes as a tree table (pid, exe, command line, user ← login user, start, end, files changed,
 * signal badges and the analyst's tags), children read lazily from a {@link ProcessSource} on expand.
 * {@link #highlightLineage} expands and marks a campaign's chain, pins it above the tree as a breadcrumb (each
 * crumb selects its process) and expands the campaign root; the search field jumps from match to match (Enter);
 * the row menu raises {@link ProcessAction}s. Processes that only add noise are folded ({@link ProcessFolding}).
 * Columns keep the widths the analyst gives them (no resize policy that recomputes them when the tab returns).
 */
public final class ProcessTreeTable extends VBox {
    private static final PseudoClass LINEAGE = PseudoClass.getPseudoClass("lineage");
    private static final PseudoClass MATCH = PseudoClass.getPseudoClass("match");
    private static final PseudoClass FOLD = PseudoClass.getPseudoClass("fold");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final TreeTableView<ProcessRow> tree = new TreeTableView<>();
    private TreeTableColumn<ProcessRow, String> userColumn;
    private final BreadCrumbBar<ProcessRow> lineageBar = new BreadCrumbBar<>();
    private final HBox lineageBox;
    private final TextField search = new TextField();
    private final Label searchStatus = new Label();
    private final Set<String> lineage = new HashSet<>();
    private final Set<String> matches = new HashSet<>();
    private ProcessSource source;
    private String host;
    private List<List<String>> searchResults = List.of();
    private int searchIndex = -1;
    private String lastSearch = "";
    private BiConsumer<ProcessAction, ProcessRow> onAction = (a, p) -> { };
    private Consumer<ProcessRow> onProcessSelected = p -> { };

    public ProcessTreeTable() {
        ViewStyles.apply(this, "process-tree");
        setId("process-tree");
        search.setId("process-search");
        search.setPromptText("Find process: exe, command line, user, pid  (Enter: next)");
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(460);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                findNext(search.getText());
            }
        });
        searchStatus.setId("process-search-status");
        searchStatus.getStyleClass().add("text-muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.SOMETIMES);
        HBox toolbar = new HBox(6, new FontIcon(Material2MZ.SEARCH), search, searchStatus, grow);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 6, 4, 6));
        toolbar.getStyleClass().add("view-toolbar");

        lineageBar.setId("process-lineage");
        lineageBar.setAutoNavigationEnabled(false);
        lineageBar.setCrumbFactory(item -> {
            BreadCrumbBar.BreadCrumbButton b = new BreadCrumbBar.BreadCrumbButton(
                    item.getValue() == null ? "" : Inert.plain(item.getValue().label().replace("  ", " ")));
            b.getStyleClass().add("lineage-crumb");
            if (item.getValue() != null) {
                b.setTooltip(new javafx.scene.control.Tooltip(Inert.plain(item.getValue().commandLine())));
            }
            return b;
        });
        lineageBar.setOnCrumbAction(e -> {
            if (e.getSelectedCrumb() != null && e.getSelectedCrumb().getValue() != null) {
                selectKey(e.getSelectedCrumb().getValue().key());
            }
        });
        Label lineageTitle = new Label("Campaign lineage");
        lineageTitle.getStyleClass().addAll("text-muted", "lineage-title");
        lineageTitle.setMinWidth(Region.USE_PREF_SIZE);
        lineageBox = new HBox(8, lineageTitle, lineageBar);
        lineageBox.setAlignment(Pos.CENTER_LEFT);
        lineageBox.setPadding(new Insets(0, 6, 4, 6));
        lineageBox.getStyleClass().add("lineage-bar");
        showLineageBar(false);

        tree.setId("process-tree-table");
        tree.setShowRoot(false);
        tree.setFixedCellSize(24);
        tree.getStyleClass().add("dense");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(520);
        placeholder.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        tree.setPlaceholder(placeholder);
        // Unconstrained: a constrained policy recomputes every width when the tab comes back to the front.
        tree.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        buildColumns();
        tree.setRowFactory(t -> {
            TreeTableRow<ProcessRow> row = new TreeTableRow<>() {
                @Override
                protected void updateItem(ProcessRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(LINEAGE, !empty && item != null && lineage.contains(item.key()));
                    pseudoClassStateChanged(MATCH, !empty && item != null && matches.contains(item.key()));
                    pseudoClassStateChanged(FOLD, !empty && ProcessFolding.isFold(item));
                    pseudoClassStateChanged(FAILED, !empty && item != null && item.execFailed());
                }
            };
            row.setContextMenu(rowMenu(row));
            return row;
        });
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.getValue() != null && !ProcessFolding.isFold(now.getValue())) {
                onProcessSelected.accept(now.getValue());
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(toolbar, lineageBox, tree);
    }

    private void buildColumns() {
        TreeTableColumn<ProcessRow, ProcessRow> process = new TreeTableColumn<>("Process");
        process.setId("process-col-process");
        process.getStyleClass().add("process-cell");
        process.setPrefWidth(240);
        process.setMinWidth(140);
        process.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().getValue()));
        process.setCellFactory(c -> new TreeTableCell<>() {
            private final HBox tagsBox = new HBox(3);

            @Override
            protected void updateItem(ProcessRow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                boolean fold = ProcessFolding.isFold(item);
                String name = fold ? item.exe() : Inert.plain(item.label()) + (item.execFailed() ? "  (exec failed)" : "");
                setText(name);
                setTooltip(new javafx.scene.control.Tooltip(fold ? item.exe() + ": " + Inert.plain(item.commandLine())
                        : name + (item.tags().isEmpty() ? "" : "\ntags: " + Inert.plain(String.join(", ", item.tags())))));
                tagsBox.getChildren().clear();
                for (String t : item.tags().stream().sorted().toList()) {
                    Label chip = new Label(Inert.plain(t));
                    chip.getStyleClass().add("tag-chip");
                    chip.setMinWidth(Region.USE_PREF_SIZE);
                    tagsBox.getChildren().add(chip);
                }
                setGraphic(item.tags().isEmpty() ? null : tagsBox);
                setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
                setGraphicTextGap(6);
            }
        });
        TreeTableColumn<ProcessRow, String> cmd = text("Command line", "command", 330, ProcessRow::commandLine);
        cmd.setMinWidth(120);
        TreeTableColumn<ProcessRow, String> user = text("User ← login", "user", 130, ProcessRow::userDisplay);
        // "root ← carol" must never be cut: it is who ran the campaign (widened to the rows as they load).
        user.setMinWidth(120);
        userColumn = user;
        TreeTableColumn<ProcessRow, String> start = text("Start (UTC)", "start", 150, r -> TimeFormats.seconds(r.start()));
        TreeTableColumn<ProcessRow, String> end = text("End", "end", 150, r -> TimeFormats.seconds(r.end()));
        start.setMinWidth(140);
        end.setMinWidth(90);
        TreeTableColumn<ProcessRow, String> files = text("", "files", 64,
                r -> r.filesModified() == 0 ? "" : String.format("%,d", r.filesModified()));
        Label filesHeader = new Label("Files");
        filesHeader.setTooltip(new javafx.scene.control.Tooltip("Files this process itself (not its children) "
                + "created, wrote, truncated, renamed or deleted, with success.\nA finding counts only the originals "
                + "its campaign changed: ransom notes and encrypted copies are in this count, not in the finding's."));
        files.setGraphic(filesHeader);
        files.getStyleClass().add("numeric");
        files.setMinWidth(56);
        TreeTableColumn<ProcessRow, ProcessRow> badges = new TreeTableColumn<>("Signals");
        badges.setId("process-col-signals");
        badges.setPrefWidth(220);
        badges.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().getValue()));
        badges.setCellFactory(c -> new TreeTableCell<>() {
            private final HBox box = new HBox(3);

            @Override
            protected void updateItem(ProcessRow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null || item.badges().isEmpty()) {
                    setGraphic(null);
                    return;
                }
                box.getChildren().clear();
                item.badges().stream().sorted().forEach(b -> {
                    Label l = new Label(b);
                    l.getStyleClass().add("signal-badge");
                    l.setMinWidth(Region.USE_PREF_SIZE);
                    box.getChildren().add(l);
                });
                setGraphic(box);
            }
        });
        tree.getColumns().addAll(List.of(process, cmd, user, start, end, files, badges));
        tree.setTreeColumn(process);
    }

    private static TreeTableColumn<ProcessRow, String> text(String name, String id, double width,
                                                            Function<ProcessRow, String> value) {
        TreeTableColumn<ProcessRow, String> c = new TreeTableColumn<>(name);
        c.setId("process-col-" + id);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(cd.getValue().getValue() == null
                || ProcessFolding.isFold(cd.getValue().getValue()) && !"command".equals(id) ? ""
                : Inert.plain(value.apply(cd.getValue().getValue()))));
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return c;
    }

    private ContextMenu rowMenu(TreeTableRow<ProcessRow> row) {
        ContextMenu menu = new ContextMenu();
        for (ProcessAction a : ProcessAction.values()) {
            if (a == ProcessAction.ALLOWLIST_EXE || a == ProcessAction.TAG) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            MenuItem item = new MenuItem(a.label());
            item.setId("process-action-" + a.name().toLowerCase(java.util.Locale.ROOT));
            item.setOnAction(e -> {
                if (row.getItem() != null && !ProcessFolding.isFold(row.getItem())) {
                    onAction.accept(a, row.getItem());
                }
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    private final Label placeholder = new Label("No processes");

    /** Shows the processes of {@code host}. */
    public void setSource(ProcessSource source, String host) {
        this.source = source;
        this.host = host;
        lineage.clear();
        matches.clear();
        searchResults = List.of();
        searchIndex = -1;
        lastSearch = "";
        TreeItem<ProcessRow> root = new TreeItem<>();
        root.setExpanded(true);
        if (source != null) {
            root.getChildren().addAll(items("root", source.roots(host)));
        }
        // a host seen only through file integrity monitoring (osquery file_events, Auditbeat file_integrity) has
        // file events and no process: say why the tree is empty
        placeholder.setText(source == null || host == null ? "No processes"
                : "No processes: the log names none on " + host + " (file events without a process, as file integrity"
                + " monitoring records them)");
        // Processes that started before the logs are what the tree hangs from: their fold starts open.
        for (TreeItem<ProcessRow> top : root.getChildren()) {
            if (top.getValue().key().endsWith(":before-logs")) {
                top.setExpanded(true);
            }
        }
        tree.setRoot(root);
        lineageBar.setSelectedCrumb(null);
        showLineageBar(false);
    }

    /** Tree items for siblings: processes that read their children on demand, folds holding theirs. */
    private List<TreeItem<ProcessRow>> items(String parentKey, List<ProcessRow> siblings) {
        TextWidths.fit(userColumn, siblings.stream().map(ProcessRow::userDisplay).distinct().toList(), 260);
        List<TreeItem<ProcessRow>> out = new java.util.ArrayList<>();
        for (ProcessFolding.Entry e : ProcessFolding.fold(parentKey, siblings)) {
            if (e.isFold()) {
                TreeItem<ProcessRow> fold = new TreeItem<>(e.row());
                for (ProcessRow r : e.folded()) {
                    fold.getChildren().add(new LazyItem(r));
                }
                out.add(fold);
            } else {
                out.add(new LazyItem(e.row()));
            }
        }
        return out;
    }

    private void showLineageBar(boolean show) {
        lineageBox.setVisible(show);
        lineageBox.setManaged(show);
    }

    /** The processes of the pinned lineage, oldest first (empty when none is pinned). */
    public List<ProcessRow> pinnedLineage() {
        List<ProcessRow> out = new java.util.ArrayList<>();
        for (TreeItem<ProcessRow> i = lineageBar.getSelectedCrumb(); i != null; i = i.getParent()) {
            out.add(0, i.getValue());
        }
        return out;
    }

    /** The breadcrumb bar above the tree (the pinned lineage). */
    public BreadCrumbBar<ProcessRow> lineageBar() {
        return lineageBar;
    }

    /**
     * Expands the chain of keys (a root of the host down to a process), selects its last process and scrolls to
     * it, without touching the pinned lineage: "show this event's process in the tree".
     *
     * @return whether the whole chain was found
     */
    public boolean reveal(List<String> keys) {
        TreeItem<ProcessRow> last = expandPath(keys);
        if (last == null || !last.getValue().key().equals(keys.get(keys.size() - 1))) {
            return false;
        }
        int row = tree.getRow(last);
        tree.getSelectionModel().clearAndSelect(row);
        tree.scrollTo(Math.max(0, row - 3));
        return true;
    }

    /** Clears the search field and its matches (a new scope starts without the last one's search). */
    public void clearSearch() {
        search.clear();
        findNext("");
        lastSearch = "";
        searchResults = List.of();
        searchIndex = -1;
    }

    /** Selects a process already in the tree (loaded along an expanded path) and scrolls it into view. */
    public boolean selectKey(String key) {
        TreeItem<ProcessRow> item = find(tree.getRoot(), key);
        if (item == null) {
            return false;
        }
        for (TreeItem<ProcessRow> up = item.getParent(); up != null; up = up.getParent()) {
            up.setExpanded(true);
        }
        int row = tree.getRow(item);
        tree.getSelectionModel().clearAndSelect(row);
        tree.scrollTo(Math.max(0, row - 3));
        return true;
    }

    /** Replaces a process's tags where it is shown (after the analyst tagged it). */
    public void showTags(String key, java.util.Set<String> tags) {
        TreeItem<ProcessRow> item = find(tree.getRoot(), key);
        if (item != null) {
            item.setValue(item.getValue().withTags(tags));
        }
        tree.refresh();
    }

    /** A loaded item with this key (children of unexpanded processes are not read). */
    private static TreeItem<ProcessRow> find(TreeItem<ProcessRow> at, String key) {
        if (at == null) {
            return null;
        }
        if (at.getValue() != null && key.equals(at.getValue().key())) {
            return at;
        }
        if (at instanceof LazyItem lazy && !lazy.loaded) {
            return null;
        }
        for (TreeItem<ProcessRow> c : at.getChildren()) {
            TreeItem<ProcessRow> hit = find(c, key);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /**
     * Expands and marks the chain of processes {@code keys} (from a root of the host down to the campaign's
     * process), selects its last element and scrolls to it.
     *
     * @return how many of the keys were found along the chain (all of them when the lineage is complete)
     */
    public int highlightLineage(List<String> keys) {
        lineage.clear();
        lineage.addAll(keys);
        TreeItem<ProcessRow> last = expandPath(keys);
        int found = 0;
        List<ProcessRow> chain = new java.util.ArrayList<>();
        for (TreeItem<ProcessRow> i = last; i != null && i.getValue() != null; i = i.getParent()) {
            if (!ProcessFolding.isFold(i.getValue())) {
                chain.add(0, i.getValue());
                found++;
            }
        }
        if (last != null) {
            // The campaign root's own work (its children) is what the analyst looks at next.
            last.setExpanded(true);
            int row = tree.getRow(last);
            tree.getSelectionModel().clearAndSelect(row);
            tree.scrollTo(Math.max(0, row - 3));
        }
        // Processes started before the logs say nothing in a lineage; the crumbs start at the first named one.
        List<ProcessRow> crumbs = chain.stream().dropWhile(ProcessRow::unnamed).toList();
        lineageBar.setSelectedCrumb(crumbs.isEmpty() ? null
                : BreadCrumbBar.buildTreeModel(crumbs.toArray(ProcessRow[]::new)));
        showLineageBar(!crumbs.isEmpty());
        tree.refresh();
        return found;
    }

    /** The keys currently highlighted as the lineage. */
    public Set<String> highlightedLineage() {
        return Set.copyOf(lineage);
    }

    /** Jumps to the next process matching {@code text} (a new text starts from the first match). */
    public void findNext(String text) {
        String t = text == null ? "" : text.strip();
        if (source == null || t.isEmpty()) {
            matches.clear();
            searchStatus.setText("");
            tree.refresh();
            return;
        }
        if (!t.equals(lastSearch)) {
            lastSearch = t;
            searchResults = source.search(host, t);
            searchIndex = -1;
            matches.clear();
            for (List<String> p : searchResults) {
                matches.add(p.get(p.size() - 1));
            }
        }
        if (searchResults.isEmpty()) {
            searchStatus.setText("no match");
            tree.refresh();
            return;
        }
        searchIndex = (searchIndex + 1) % searchResults.size();
        TreeItem<ProcessRow> item = expandPath(searchResults.get(searchIndex));
        if (item != null) {
            int row = tree.getRow(item);
            tree.getSelectionModel().clearAndSelect(row);
            tree.scrollTo(Math.max(0, row - 3));
        }
        searchStatus.setText((searchIndex + 1) + " of " + searchResults.size());
        tree.refresh();
    }

    private TreeItem<ProcessRow> expandPath(List<String> keys) {
        TreeItem<ProcessRow> at = tree.getRoot();
        TreeItem<ProcessRow> last = null;
        if (at == null) {
            return null;
        }
        for (String key : keys) {
            TreeItem<ProcessRow> next = null;
            for (TreeItem<ProcessRow> child : at.getChildren()) {
                if (child.getValue() != null && key.equals(child.getValue().key())) {
                    next = child;
                } else if (ProcessFolding.isFold(child.getValue())) {
                    // A folded process is one level further down, inside its fold.
                    for (TreeItem<ProcessRow> folded : child.getChildren()) {
                        if (key.equals(folded.getValue().key())) {
                            child.setExpanded(true);
                            next = folded;
                        }
                    }
                }
                if (next != null) {
                    break;
                }
            }
            if (next == null) {
                break;
            }
            at.setExpanded(true);
            last = next;
            at = next;
        }
        return last;
    }

    public void setOnAction(BiConsumer<ProcessAction, ProcessRow> callback) {
        onAction = callback == null ? (a, p) -> { } : callback;
    }

    public void setOnProcessSelected(Consumer<ProcessRow> callback) {
        onProcessSelected = callback == null ? p -> { } : callback;
    }

    public TreeTableView<ProcessRow> treeTable() {
        return tree;
    }

    public TextField searchField() {
        return search;
    }

    /** A tree item that asks the source for its children the first time they are needed. */
    private final class LazyItem extends TreeItem<ProcessRow> {
        private final ProcessSource from = source;
        private boolean loaded;
        private Boolean leaf;

        LazyItem(ProcessRow row) {
            super(row);
        }

        @Override
        public boolean isLeaf() {
            if (loaded) {
                return super.getChildren().isEmpty();
            }
            if (leaf == null) {
                leaf = from == null || !from.hasChildren(getValue());
            }
            return leaf;
        }

        @Override
        public ObservableList<TreeItem<ProcessRow>> getChildren() {
            if (!loaded) {
                loaded = true;
                if (from != null) {
                    super.getChildren().addAll(items(getValue().key(), from.children(getValue())));
                }
            }
            return super.getChildren();
        }
    }
}
