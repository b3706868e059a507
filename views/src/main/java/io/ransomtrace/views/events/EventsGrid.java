package io.ransomtrace.views.events;

import io.ransomtrace.engine.model.ProgramName;
import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.views.common.LatestWinsRunner;
import io.ransomtrace.views.common.TimeFormats;
import io.ransomtrace.views.common.ViewStyles;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every event of the case, one row each, scrolling smoothly through millions. The rows live in a
 * {@link PagedEventList} that holds a few pages fetched by keyset from an {@link EventPageSource}; the TableView
 * itself only ever holds the rows on screen, and a scroll bar beside it spans the whole listing. (A TableView
 * given millions of items directly spends time proportional to the scroll position on every layout pass in
 * JavaFX 21's VirtualFlow, so a window it is.) Filters sit in
 * the column headers (kind, process, path) plus a free-text quick filter; the time column sorts oldest or newest
 * first. Selecting a row reports it ({@link #setOnEventSelected}); the row menu pivots ±T around an event.
 */
public final class EventsGrid extends VBox {
    /** Rows per page; a screen shows ~40, so a page covers several screens. */
    public static final int PAGE_SIZE = 256;
    /** Pages held at once. */
    public static final int MAX_PAGES = 6;
    public static final List<String> DEFAULT_KINDS = List.of("EXEC", "EXIT", "CREATE", "WRITE", "TRUNCATE",
            "RENAME", "DELETE", "CHMOD", "CHOWN", "LINK", "MKDIR", "RMDIR", "OTHER");
    private static final String ANY = "any";
    private static final javafx.css.PseudoClass FAILED_CALL = javafx.css.PseudoClass.getPseudoClass("failed");
    private static final ExecutorService SHARED_FETCHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "events-pages");
        t.setDaemon(true);
        return t;
    });

    private final Executor fetcher;
    private final TableView<EventRow> table = new TableView<>();
    private final TextField quickFilter = new TextField();
    private final TextField pathFilter = new TextField();
    private final TextField processFilter = new TextField();
    private final ComboBox<String> kindFilter = new ComboBox<>();
    private final ComboBox<String> outcomeFilter = new ComboBox<>();
    private final HBox scopeChips = new HBox(4);
    private final Label count = new Label();
    private final Label timeChip = new Label();
    private final Button clearTime = new Button();
    private final TableColumn<EventRow, String> timeColumn = new TableColumn<>();
    private final PauseTransition typingPause = new PauseTransition(Duration.millis(300));
    private final LatestWinsRunner<Listing, Counted> counts;
    private final ReadOnlyObjectWrapper<EventRow> selectedEvent = new ReadOnlyObjectWrapper<>(this, "selectedEvent");
    private final SimpleObjectProperty<GridFilter> filter = new SimpleObjectProperty<>(GridFilter.NONE);

    private EventPageSource source;
    private boolean newestFirst;
    private boolean updatingControls;
    private PagedEventList rows;
    private final javafx.collections.ObservableList<EventRow> window = FXCollections.observableArrayList();
    private final javafx.scene.control.ScrollBar scrollBar = new javafx.scene.control.ScrollBar();
    private long top;
    private int visibleCount = 20;
    private long selectedIndex = -1;
    private boolean windowUpdating;
    private Consumer<EventRow> onEventSelected = r -> { };
    private BiConsumer<EventRow, java.time.Duration> onPivot = (r, d) -> { };
    /** An event to select (and show in the middle) once the next listing arrives: the pivot of "Show ±T". */
    private EventKey selectWhenListed;

    public EventsGrid() {
        this(SHARED_FETCHER);
    }

    /** @param fetcher where counts and pages are fetched; {@code Runnable::run} fetches inline (tests) */
    public EventsGrid(Executor fetcher) {
        this.fetcher = fetcher;
        this.counts = LatestWinsRunner.onExecutor(EventsGrid::count, fetcher);
        counts.setOnResult(this::install);
        ViewStyles.apply(this, "events-grid");
        setId("events-grid");

        quickFilter.setId("events-quick-filter");
        quickFilter.setPromptText("Quick filter: path, exe, kind, result…");
        HBox.setHgrow(quickFilter, Priority.ALWAYS);
        quickFilter.setMaxWidth(420);
        quickFilter.setMinWidth(120);
        count.setId("events-count");
        count.getStyleClass().add("text-muted");
        count.setMinWidth(Region.USE_PREF_SIZE);
        timeChip.setMinWidth(Region.USE_PREF_SIZE);
        timeChip.setId("events-time-filter");
        timeChip.getStyleClass().add("filter-chip");
        clearTime.setGraphic(new FontIcon(Material2AL.CLOSE));
        clearTime.getStyleClass().addAll("flat", "small");
        clearTime.setOnAction(e -> setFilter(filter.get().withTimeRange(null, null)));
        Button clearAll = new Button("Clear filters");
        clearAll.setId("events-clear-filters");
        clearAll.getStyleClass().addAll("flat", "small");
        clearAll.setMinWidth(Region.USE_PREF_SIZE);
        clearAll.setOnAction(e -> setFilter(GridFilter.NONE));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.SOMETIMES);
        scopeChips.setId("events-scope-chips");
        scopeChips.setAlignment(Pos.CENTER_LEFT);
        HBox toolbar = new HBox(6, new FontIcon(Material2AL.FILTER_LIST), quickFilter, timeChip, clearTime,
                scopeChips, clearAll, grow, count);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 6, 4, 6));
        toolbar.getStyleClass().add("view-toolbar");

        buildColumns();
        table.setId("events-table");
        table.setFixedCellSize(22);
        table.getStyleClass().addAll("dense");
        table.setPlaceholder(new Label("No events match these filters"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setSortPolicy(t -> {
            boolean desc = !t.getSortOrder().isEmpty() && timeColumn.getSortType() == TableColumn.SortType.DESCENDING;
            if (desc != newestFirst) {
                newestFirst = desc;
                // Not from inside TableView.sort: replacing the rows while it restores the selection throws.
                Platform.runLater(this::requery);
            }
            return true;
        });
        table.setRowFactory(t -> {
            TableRow<EventRow> row = new TableRow<>() {
                @Override
                protected void updateItem(EventRow item, boolean empty) {
                    super.updateItem(item, empty);
                    // A refused call changed nothing: shown, but marked, so it is never read as a change.
                    pseudoClassStateChanged(FAILED_CALL, !empty && item != null && item.failed());
                }
            };
            row.setContextMenu(rowMenu(row));
            return row;
        });
        table.setItems(window);
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (windowUpdating || now.intValue() < 0) {
                return;
            }
            selectIndex(top + now.intValue());
        });
        scrollBar.setId("events-scroll");
        scrollBar.setOrientation(javafx.geometry.Orientation.VERTICAL);
        scrollBar.setMin(0);
        scrollBar.setUnitIncrement(1);
        scrollBar.valueProperty().addListener((obs, old, now) -> {
            long t = Math.round(now.doubleValue());
            if (t != top) {
                top = t;
                refreshWindow();
            }
        });
        table.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                double rowsToMove = -e.getDeltaY() / table.getFixedCellSize();
                scrollToIndex(top + (long) (rowsToMove < 0 ? Math.floor(rowsToMove) : Math.ceil(rowsToMove)));
                e.consume();
            }
        });
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::onKey);
        table.heightProperty().addListener(o -> recomputeVisibleCount());
        HBox tableAndBar = new HBox(table, scrollBar);
        HBox.setHgrow(table, Priority.ALWAYS);
        VBox.setVgrow(tableAndBar, Priority.ALWAYS);
        getChildren().addAll(toolbar, tableAndBar);

        typingPause.setOnFinished(e -> applyControls());
        for (TextField f : List.of(quickFilter, pathFilter, processFilter)) {
            f.textProperty().addListener(o -> {
                if (!updatingControls) {
                    typingPause.playFromStart();
                }
            });
            f.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    typingPause.stop();
                    applyControls();
                }
            });
        }
        kindFilter.valueProperty().addListener(o -> {
            if (!updatingControls) {
                applyControls();
            }
        });
        outcomeFilter.valueProperty().addListener(o -> {
            if (!updatingControls) {
                applyControls();
            }
        });
        showFilterState();
    }

    private void buildColumns() {
        timeColumn.setGraphic(header("Time (UTC)", null));
        timeColumn.setPrefWidth(178);
        timeColumn.setCellValueFactory(c -> text(c.getValue(), r -> TimeFormats.full(r.time())));
        timeColumn.setSortable(true);

        kindFilter.setId("events-kind-filter");
        kindFilter.getItems().addAll(ANY, GridFilter.FILE_OPERATIONS);
        kindFilter.getItems().addAll(DEFAULT_KINDS);
        kindFilter.setValue(ANY);
        kindFilter.getStyleClass().add("small");
        kindFilter.setMaxWidth(Double.MAX_VALUE);
        TableColumn<EventRow, String> kind = column("kind", 96, r -> r.kind());
        kind.setGraphic(header("Kind", kindFilter));

        processFilter.setId("events-process-filter");
        processFilter.setPromptText("exe or pid");
        TableColumn<EventRow, String> process = column("process", 200,
                r -> ProgramName.of(r.exe(), "?") + "  [" + r.pid() + "]");
        process.setGraphic(header("Process", processFilter));

        pathFilter.setId("events-path-filter");
        pathFilter.setPromptText("path contains");
        TableColumn<EventRow, String> path = column("path", 360, EventRow::path);
        path.setGraphic(header("Path", pathFilter));

        TableColumn<EventRow, String> user = column("user", 90, EventRow::user);
        user.setGraphic(header("User", null));
        user.setMinWidth(70);
        TableColumn<EventRow, String> login = column("login-user", 96, EventRow::loginUser);
        login.setGraphic(header("Login user", null));
        login.setMinWidth(io.ransomtrace.views.common.TextWidths.of("Login user") + 20);

        TableColumn<EventRow, String> target = column("target", 220, EventRow::targetPath);
        target.setGraphic(header("Target", null));
        outcomeFilter.setId("events-outcome-filter");
        outcomeFilter.getItems().addAll(ANY, GridFilter.OK, GridFilter.FAILED);
        outcomeFilter.setValue(ANY);
        outcomeFilter.getStyleClass().add("small");
        outcomeFilter.setMaxWidth(Double.MAX_VALUE);
        TableColumn<EventRow, String> result = column("result", 84, EventRow::result);
        result.setGraphic(header("Result", outcomeFilter));
        result.setMinWidth(76);
        result.getStyleClass().add("result-column");
        TableColumn<EventRow, String> host = column("host", 110, EventRow::host);
        host.setGraphic(header("Host", null));
        TableColumn<EventRow, String> src = column("source", 170, r -> r.source() + ":" + r.line());
        src.setGraphic(header("Source:line", null));

        List<TableColumn<EventRow, String>> columns = List.of(timeColumn, kind, process, user, login, path, target,
                result, host, src);
        for (TableColumn<EventRow, String> c : columns) {
            c.setReorderable(false);
        }
        table.getColumns().addAll(columns);
    }

    private static TableColumn<EventRow, String> column(String id, double width, Function<EventRow, String> value) {
        TableColumn<EventRow, String> c = new TableColumn<>();
        c.setId("events-col-" + id);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> text(cd.getValue(), value));
        return c;
    }

    private static SimpleObjectProperty<String> text(EventRow r, Function<EventRow, String> value) {
        // text from logs: a bidi override or an escape is shown as [U+202E], never obeyed
        return new SimpleObjectProperty<>(r == null || r == PENDING ? "" : Inert.plain(value.apply(r)));
    }

    private static VBox header(String title, javafx.scene.control.Control filterControl) {
        Label l = new Label(title);
        l.getStyleClass().add("column-title");
        VBox box = new VBox(2, l);
        box.getStyleClass().add("column-header-filter");
        if (filterControl != null) {
            filterControl.getStyleClass().add("header-filter");
            box.getChildren().add(filterControl);
        } else {
            // Keep titles aligned with the filtered columns.
            Region spacer = new Region();
            spacer.setMinHeight(24);
            box.getChildren().add(spacer);
        }
        return box;
    }

    private ContextMenu rowMenu(TableRow<EventRow> row) {
        ContextMenu menu = new ContextMenu();
        for (java.time.Duration d : List.of(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(10),
                java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(10))) {
            MenuItem item = new MenuItem("Show ±" + TimeFormats.duration(d) + " around this event");
            item.setOnAction(e -> {
                if (isReal(row.getItem())) {
                    pivot(row.getItem(), d);
                }
            });
            menu.getItems().add(item);
        }
        MenuItem byProcess = new MenuItem("Only this process");
        byProcess.setOnAction(e -> {
            if (isReal(row.getItem())) {
                showProcess(String.valueOf(row.getItem().pid()));
            }
        });
        MenuItem byDirectory = new MenuItem("Only this directory");
        byDirectory.setOnAction(e -> {
            if (isReal(row.getItem()) && row.getItem().path() != null) {
                String p = row.getItem().path();
                int slash = p.lastIndexOf('/');
                showDirectory(slash > 0 ? p.substring(0, slash + 1) : p);
            }
        });
        menu.getItems().addAll(new SeparatorMenuItem(), byProcess, byDirectory);
        return menu;
    }

    /** Narrows the grid to [t − half, t + half] around {@code row} and tells the listener (e.g. the timeline). */
    public void pivot(EventRow row, java.time.Duration half) {
        selectWhenListed = row.key();
        setFilter(filter.get().withTimeRange(row.time().minus(half), row.time().plus(half)));
        onPivot.accept(row, half);
    }

    /** Lists what {@code f} selects and then selects the event {@code key} in the middle of the screen. */
    public void setFilterAndSelect(GridFilter f, EventKey key) {
        selectWhenListed = key;
        setFilter(f);
    }

    /** Shows the events of {@code source} (all of them, with the current filters). */
    public void setSource(EventPageSource source) {
        this.source = source;
        requery();
    }

    public GridFilter getFilter() {
        return filter.get();
    }

    /** Replaces every filter (header fields follow) and re-queries. */
    public void setFilter(GridFilter f) {
        filter.set(f == null ? GridFilter.NONE : f);
        updatingControls = true;
        try {
            quickFilter.setText(nullToEmpty(filter.get().quickText()));
            pathFilter.setText(nullToEmpty(filter.get().pathContains()));
            processFilter.setText(nullToEmpty(filter.get().process()));
            kindFilter.setValue(filter.get().kind() == null ? ANY : filter.get().kind());
            outcomeFilter.setValue(filter.get().outcome() == null ? ANY : filter.get().outcome());
        } finally {
            updatingControls = false;
        }
        typingPause.stop();
        showFilterState();
        requery();
    }

    /** Only events in [from, to), e.g. a timeline bucket. */
    public void showTimeRange(Instant from, Instant to) {
        setFilter(filter.get().withTimeRange(from, to));
    }

    /** Only events of a process (a pid, or an executable substring). */
    public void showProcess(String process) {
        setFilter(filter.get().withProcess(process));
    }

    /** Only events under a directory (its path as a substring). */
    public void showDirectory(String directory) {
        setFilter(filter.get().withPathContains(directory));
    }

    /** The kinds offered in the kind header filter. */
    public void setKindChoices(List<String> kinds) {
        updatingControls = true;
        try {
            String v = kindFilter.getValue();
            kindFilter.getItems().setAll(ANY, GridFilter.FILE_OPERATIONS);
            kindFilter.getItems().addAll(kinds);
            kindFilter.setValue(kindFilter.getItems().contains(v) ? v : ANY);
        } finally {
            updatingControls = false;
        }
    }

    public void setOnEventSelected(Consumer<EventRow> callback) {
        onEventSelected = callback == null ? r -> { } : callback;
    }

    public void setOnPivot(BiConsumer<EventRow, java.time.Duration> callback) {
        onPivot = callback == null ? (r, d) -> { } : callback;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<EventRow> selectedEventProperty() {
        return selectedEvent.getReadOnlyProperty();
    }

    public TableView<EventRow> table() {
        return table;
    }

    /** The rows of the current listing, held a few pages at a time (null before the first count arrives). */
    public PagedEventList rows() {
        return rows;
    }

    public boolean isNewestFirst() {
        return newestFirst;
    }

    /** Re-reads count and rows, e.g. after an import added events. */
    public void requery() {
        EventPageSource s = source;
        if (s == null) {
            return;
        }
        count.setText("counting…");
        counts.submit(new Listing(s, new EventQuery(filter.get(), newestFirst)));
    }

    /** What the grid lists: a source's events matching a query. */
    private record Listing(EventPageSource source, EventQuery query) {
    }

    /**
     * A listing's count, read off the FX thread; -1 when the source could not be read. {@code failed}: how many
     * of them are refused calls (-1 when not counted: on a large listing it would cost a second pass).
     */
    private record Counted(EventPageSource source, EventQuery query, long total, long failed) {
    }

    /** Listings up to this size also count their failed calls. */
    private static final long COUNT_FAILED_UP_TO = 200_000;

    private static Counted count(Listing l) {
        long n;
        long failed = -1;
        try {
            n = l.source().count(l.query());
            GridFilter f = l.query().filter();
            if (n > 0 && n <= COUNT_FAILED_UP_TO && f.outcome() == null) {
                failed = l.source().count(new EventQuery(f.withOutcome(GridFilter.FAILED), l.query().newestFirst()));
            }
        } catch (RuntimeException e) {
            n = -1;
        }
        return new Counted(l.source(), l.query(), n, failed);
    }

    /** Shows the newest count and starts paging through its rows. */
    private void install(Counted c) {
        if (c.total() < 0) {
            count.setText("could not read events");
            rows = null;
        } else {
            PagedEventList list = new PagedEventList(c.source(), c.query(), c.total(), PAGE_SIZE, MAX_PAGES, fetcher);
            list.setOnPageArrived(this::refreshWindow);
            rows = list;
            count.setText(io.ransomtrace.views.common.Plural.of(c.total(), "event") + (c.failed() > 0
                    ? " · " + String.format("%,d", c.failed()) + " failed" : ""));
            count.setTooltip(c.failed() > 0 ? new javafx.scene.control.Tooltip("Failed calls (the kernel refused "
                    + "them: nothing changed) are in italics; the Result column's filter lists or hides them") : null);
        }
        top = 0;
        selectedIndex = -1;
        selectedEvent.set(null);
        updateScrollBar();
        refreshWindow();
        EventKey wanted = selectWhenListed;
        selectWhenListed = null;
        if (wanted != null && rows != null) {
            PagedEventList listed = rows;
            fetcher.execute(() -> {
                long i = c.source().indexOf(wanted, c.query(), COUNT_FAILED_UP_TO);
                Platform.runLater(() -> {
                    if (rows == listed && i >= 0) {
                        scrollToIndex(i - visibleCount / 2);
                        selectIndex(i);
                    }
                });
            });
        }
    }

    /** Number of events in the current listing. */
    public long size() {
        return rows == null ? 0 : rows.size();
    }

    /** Index (in the listing) of the first row on screen. */
    public long firstVisibleIndex() {
        return top;
    }

    /** The rows on screen, top to bottom (null for rows whose page is still being fetched). */
    public List<EventRow> visibleRows() {
        List<EventRow> shown = new java.util.ArrayList<>(window.size());
        for (EventRow r : window) {
            shown.add(r == PENDING ? null : r);
        }
        return java.util.Collections.unmodifiableList(shown);
    }

    /** Scrolls so that row {@code index} is the first on screen (clamped to the listing). */
    public void scrollToIndex(long index) {
        long max = Math.max(0, size() - visibleCount);
        long t = Math.max(0, Math.min(max, index));
        if (t != top) {
            top = t;
            scrollBar.setValue(t);
            refreshWindow();
        }
    }

    /** Selects row {@code index} of the listing, scrolling it into view, and reports it. */
    public void selectIndex(long index) {
        if (rows == null || size() == 0) {
            return;
        }
        long i = Math.max(0, Math.min(size() - 1, index));
        selectedIndex = i;
        if (i < top) {
            scrollToIndex(i);
        } else if (i >= top + visibleCount) {
            scrollToIndex(i - visibleCount + 1);
        }
        refreshWindow();
        EventRow row = rows.get((int) i);
        selectedEvent.set(row);
        if (row != null) {
            onEventSelected.accept(row);
        }
    }

    public long selectedIndex() {
        return selectedIndex;
    }

    private void onKey(javafx.scene.input.KeyEvent e) {
        long target = switch (e.getCode()) {
            case DOWN -> selectedIndex + 1;
            case UP -> Math.max(0, selectedIndex - 1);
            case PAGE_DOWN -> selectedIndex + visibleCount;
            case PAGE_UP -> selectedIndex - visibleCount;
            case HOME -> 0;
            case END -> size() - 1;
            default -> Long.MIN_VALUE;
        };
        if (target != Long.MIN_VALUE) {
            selectIndex(target);
            e.consume();
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // The rows that fit change with the height and with the horizontal scroll bar coming and going.
        recomputeVisibleCount();
    }

    private void recomputeVisibleCount() {
        double viewport;
        javafx.scene.Node clip = table.lookup(".clipped-container");
        if (clip instanceof Region r && r.getHeight() > 0) {
            viewport = r.getHeight();
        } else {
            javafx.scene.Node h = table.lookup(".column-header-background");
            viewport = table.getHeight() - (h == null ? 52 : h.getLayoutBounds().getHeight()) - 16;
        }
        int n = (int) Math.max(1, Math.floor(viewport / table.getFixedCellSize()));
        if (n != visibleCount) {
            visibleCount = n;
            updateScrollBar();
            scrollToIndex(top);
            refreshWindow();
        }
    }

    private void updateScrollBar() {
        long max = Math.max(0, size() - visibleCount);
        scrollBar.setMax(max);
        scrollBar.setVisibleAmount(max == 0 ? 1 : Math.max(1, max * (double) visibleCount / Math.max(1, size())));
        scrollBar.setBlockIncrement(visibleCount);
        scrollBar.setDisable(max == 0);
        scrollBar.setValue(Math.min(top, max));
    }

    /** Placeholder for a row still being fetched: TableView items must not be null for selection to work. */
    private static final EventRow PENDING = new EventRow(-1, java.time.Instant.EPOCH, "", 0, "", "", "…", null, "",
            "", 0);

    private void refreshWindow() {
        List<EventRow> shown = new java.util.ArrayList<>(visibleCount);
        long n = size();
        for (long i = top; i < Math.min(n, top + visibleCount); i++) {
            EventRow r = rows.get((int) i);
            shown.add(r == null ? PENDING : r);
        }
        windowUpdating = true;
        try {
            window.setAll(shown);
            int local = (int) (selectedIndex - top);
            if (selectedIndex >= 0 && local >= 0 && local < shown.size()) {
                table.getSelectionModel().clearAndSelect(local);
            } else {
                table.getSelectionModel().clearSelection();
            }
        } finally {
            windowUpdating = false;
        }
    }

    private void applyControls() {
        GridFilter f = filter.get()
                .withQuickText(quickFilter.getText())
                .withPathContains(pathFilter.getText())
                .withProcess(processFilter.getText())
                .withKind(ANY.equals(kindFilter.getValue()) ? null : kindFilter.getValue())
                .withOutcome(ANY.equals(outcomeFilter.getValue()) ? null : outcomeFilter.getValue());
        if (!f.equals(filter.get())) {
            filter.set(f);
            showFilterState();
            requery();
        }
    }

    private void showFilterState() {
        GridFilter f = filter.get();
        boolean timed = f.from() != null || f.to() != null;
        timeChip.setText(timed ? timeRange(f.from(), f.to()) : "");
        timeChip.setVisible(timed);
        timeChip.setManaged(timed);
        clearTime.setVisible(timed);
        clearTime.setManaged(timed);
        scopeChips.getChildren().clear();
        if (f.host() != null) {
            scopeChips.getChildren().add(chip("events-host-filter", "host: " + Inert.plain(f.host()),
                    () -> filter.get().withHost(null)));
        }
        if (f.source() != null) {
            scopeChips.getChildren().add(chip("events-source-filter", "source: " + Inert.plain(f.source()),
                    () -> filter.get().withSource(null)));
        }
        if (f.processKey() != null) {
            scopeChips.getChildren().add(chip("events-process-key-filter", (f.withChildren() ? "lineage of " : "process ")
                    + Inert.plain(f.processLabel()), () -> filter.get().withProcessKey(null, false, null)));
        }
    }

    /** "14:40:32.009 – 14:42:32.045" within one day (the tooltip and the inspector give dates), else in full. */
    private String timeRange(Instant from, Instant to) {
        boolean sameDay = from != null && to != null
                && TimeFormats.full(from).substring(0, 10).equals(TimeFormats.full(to).substring(0, 10));
        timeChip.setTooltip(new javafx.scene.control.Tooltip(TimeFormats.full(from) + " – " + TimeFormats.full(to)));
        return sameDay ? TimeFormats.full(from).substring(11) + " – " + TimeFormats.full(to).substring(11)
                : TimeFormats.full(from) + " – " + TimeFormats.full(to);
    }

    /** A filter the header fields do not show, as a chip with a button that drops it. */
    private HBox chip(String id, String text, java.util.function.Supplier<GridFilter> without) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().add("filter-chip");
        l.setMinWidth(Region.USE_PREF_SIZE);
        Button x = new Button(null, new FontIcon(Material2AL.CLOSE));
        x.getStyleClass().addAll("flat", "small");
        x.setOnAction(e -> setFilter(without.get()));
        HBox box = new HBox(0, l, x);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static boolean isReal(EventRow r) {
        return r != null && r != PENDING;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
