package io.ransomtrace.views.process;

import io.ransomtrace.engine.text.Inert;
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
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A host's processes as a tree table (pid, exe, command line, user ← login user, start, end, files modified,
 * signal badges), children read lazily from a {@link ProcessSource} on expand. {@link #highlightLineage}
 * expands and marks a campaign's root→leaf chain; the search field jumps from match to match (Enter); the row
 * menu raises {@link ProcessAction}s.
 */
public final class ProcessTreeTable extends VBox {
    private static final PseudoClass LINEAGE = PseudoClass.getPseudoClass("lineage");
    private static final PseudoClass MATCH = PseudoClass.getPseudoClass("match");

    private final TreeTableView<ProcessRow> tree = new TreeTableView<>();
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

        tree.setId("process-tree-table");
        tree.setShowRoot(false);
        tree.setFixedCellSize(24);
        tree.getStyleClass().add("dense");
        tree.setPlaceholder(new Label("No processes"));
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        buildColumns();
        tree.setRowFactory(t -> {
            TreeTableRow<ProcessRow> row = new TreeTableRow<>() {
                @Override
                protected void updateItem(ProcessRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(LINEAGE, !empty && item != null && lineage.contains(item.key()));
                    pseudoClassStateChanged(MATCH, !empty && item != null && matches.contains(item.key()));
                }
            };
            row.setContextMenu(rowMenu(row));
            return row;
        });
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.getValue() != null) {
                onProcessSelected.accept(now.getValue());
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(toolbar, tree);
    }

    private void buildColumns() {
        TreeTableColumn<ProcessRow, ProcessRow> process = new TreeTableColumn<>("Process");
        process.setId("process-col-process");
        process.getStyleClass().add("process-cell");
        process.setPrefWidth(220);
        process.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().getValue()));
        process.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(ProcessRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Inert.plain(item.exeName()) + "  " + item.pid());
            }
        });
        TreeTableColumn<ProcessRow, String> cmd = text("Command line", "command", 330, ProcessRow::commandLine);
        TreeTableColumn<ProcessRow, String> user = text("User ← login", "user", 110, ProcessRow::userDisplay);
        TreeTableColumn<ProcessRow, String> start = text("Start (UTC)", "start", 150, r -> TimeFormats.seconds(r.start()));
        TreeTableColumn<ProcessRow, String> end = text("End", "end", 150, r -> TimeFormats.seconds(r.end()));
        start.setMinWidth(150);
        end.setMinWidth(90);
        TreeTableColumn<ProcessRow, String> files = text("Files", "files", 60,
                r -> r.filesModified() == 0 ? "" : String.format("%,d", r.filesModified()));
        files.getStyleClass().add("numeric");
        files.setMinWidth(56);
        TreeTableColumn<ProcessRow, ProcessRow> badges = new TreeTableColumn<>("Signals");
        badges.setId("process-col-signals");
        badges.setPrefWidth(200);
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
        c.setCellValueFactory(cd -> new SimpleObjectProperty<>(
                cd.getValue().getValue() == null ? "" : Inert.plain(value.apply(cd.getValue().getValue()))));
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
                if (row.getItem() != null) {
                    onAction.accept(a, row.getItem());
                }
            });
            menu.getItems().add(item);
        }
        return menu;
    }

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
            for (ProcessRow r : source.roots(host)) {
                root.getChildren().add(new LazyItem(r));
            }
        }
        tree.setRoot(root);
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
        int found = depthOf(last);
        if (last != null) {
            int row = tree.getRow(last);
            tree.getSelectionModel().clearAndSelect(row);
            tree.scrollTo(Math.max(0, row - 3));
        }
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

    private static int depthOf(TreeItem<?> item) {
        int d = 0;
        for (TreeItem<?> i = item; i != null && i.getParent() != null; i = i.getParent()) {
            d++;
        }
        return d;
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
                leaf = !source.hasChildren(getValue());
            }
            return leaf;
        }

        @Override
        public ObservableList<TreeItem<ProcessRow>> getChildren() {
            if (!loaded) {
                loaded = true;
                for (ProcessRow c : source.children(getValue())) {
                    super.getChildren().add(new LazyItem(c));
                }
            }
            return super.getChildren();
        }
    }
}
