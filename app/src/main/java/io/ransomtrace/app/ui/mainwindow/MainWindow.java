package io.ransomtrace.app.ui.mainwindow;

import atlantafx.base.theme.Styles;
import io.ransomtrace.app.ui.CoverageView;
import io.ransomtrace.app.ui.Theme;
import io.ransomtrace.views.common.EmptyState;
import io.ransomtrace.views.common.StatusBar;
import io.ransomtrace.views.events.EventsGrid;
import io.ransomtrace.views.findings.FindingsList;
import io.ransomtrace.views.inspector.Inspector;
import io.ransomtrace.views.process.ProcessTreeTable;
import io.ransomtrace.views.spread.NoteSpreadMap;
import io.ransomtrace.views.timeline.RewriteTimeline;
import io.ransomtrace.views.tuning.AllowlistEditor;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.io.File;

/**
 * The main window's layout: menu and tool bar, case navigator (left), findings above the investigation tabs
 * (centre), inspector, tuning and allowlist (right), status bar (bottom). Features fill the regions; this class
 * only arranges them, switches the theme, and hands Open, Import and Export to whoever the workbench set.
 */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final StatusBar statusBar = new StatusBar();
    private final TreeView<NavigatorItem> caseNavigator = new TreeView<>();
    private final FindingsList findings = new FindingsList();
    private final TabPane investigationTabs = new TabPane();
    private final ProcessTreeTable processTree = new ProcessTreeTable();
    private final RewriteTimeline timeline = new RewriteTimeline();
    private final NoteSpreadMap spreadMap = new NoteSpreadMap();
    private final EventsGrid eventsGrid = new EventsGrid();
    private final CoverageView coverage = new CoverageView();
    private final Inspector inspector = new Inspector();
    private final StackPane tuningHolder = new StackPane();
    private final AllowlistEditor allowlistEditor = new AllowlistEditor();
    private final TabPane sidePanels = new TabPane();
    private final ImportErrorsTable importErrors = new ImportErrorsTable();
    private final Menu actionsMenu = new Menu("Investigate");
    private final Menu fileMenu = new Menu("File");
    private final CheckMenuItem darkThemeItem = new CheckMenuItem("Dark theme");
    private Runnable onOpenCase = () -> { };
    private Runnable onImportLogs = () -> { };
    private Runnable onImportFolder = () -> { };
    private final EmptyState noCase = EmptyState.noCase(() -> onOpenCase.run(), () -> onImportLogs.run());
    private final PreparingCaseView preparing = new PreparingCaseView();
    private Runnable onExport = () -> statusBar.showIdle("Open a case to export its findings");

    public MainWindow() {
        root.setId("main-window");
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(workspace());
        root.setBottom(statusBar);
        statusBar.caseInfo().setText("No case open");
    }

    public static void addStylesheets(Scene scene) {
        scene.getStylesheets().add(MainWindow.class.getResource("/io/ransomtrace/app/ui/workbench.css").toExternalForm());
    }

    public Parent root() {
        return root;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public TreeView<NavigatorItem> caseNavigator() {
        return caseNavigator;
    }

    public TabPane investigationTabs() {
        return investigationTabs;
    }

    public FindingsList findings() {
        return findings;
    }

    public ProcessTreeTable processTree() {
        return processTree;
    }

    public RewriteTimeline timeline() {
        return timeline;
    }

    public NoteSpreadMap spreadMap() {
        return spreadMap;
    }

    public EventsGrid eventsGrid() {
        return eventsGrid;
    }

    public CoverageView coverage() {
        return coverage;
    }

    public Inspector inspector() {
        return inspector;
    }

    public AllowlistEditor allowlistEditor() {
        return allowlistEditor;
    }

    /** Inspector, Tuning and Allowlist, stacked as tabs on the right. */
    public TabPane sidePanels() {
        return sidePanels;
    }

    /** Where the controller puts the tuning panel (it is built per case, from the case's profile). */
    public StackPane tuningHolder() {
        return tuningHolder;
    }

    public ImportErrorsTable importErrors() {
        return importErrors;
    }

    /** The menu the controller fills with re-run, next/previous finding and the view shortcuts. */
    public Menu actionsMenu() {
        return actionsMenu;
    }

    /** The File menu (features add their items: File → Open fleet findings…). */
    public Menu fileMenu() {
        return fileMenu;
    }

    /** Shows an investigation tab and focuses its content. */
    public void showTab(InvestigationTab tab) {
        Tab t = investigationTabs.getTabs().get(tab.ordinal());
        investigationTabs.getSelectionModel().select(t);
        if (t.getContent() != null) {
            t.getContent().requestFocus();
        }
    }

    /** Brings an investigation tab to the front without moving the keyboard focus. */
    public void selectTab(InvestigationTab tab) {
        investigationTabs.getSelectionModel().select(tab.ordinal());
    }

    /** The investigation tab in front. */
    public InvestigationTab selectedTab() {
        int i = investigationTabs.getSelectionModel().getSelectedIndex();
        return InvestigationTab.values()[Math.max(0, i)];
    }

    /** Brings a side panel (inspector, tuning, allowlist) to the front. */
    public void showSidePanel(SidePanel panel) {
        sidePanels.getSelectionModel().select(panel.ordinal());
    }

    public SidePanel selectedSidePanel() {
        int i = sidePanels.getSelectionModel().getSelectedIndex();
        return SidePanel.values()[Math.max(0, i)];
    }

    /** File → Open case… (Ctrl+O), the tool bar button and the empty window's invitation. */
    public void setOnOpenCase(Runnable handler) {
        this.onOpenCase = handler;
    }

    public void setOnExport(Runnable handler) {
        this.onExport = handler;
    }

    /** File → Import logs… (Ctrl+I), the tool bar button and the empty window's invitation. */
    public void setOnImportLogs(Runnable handler) {
        this.onImportLogs = handler;
    }

    /** File → Import folder… (Ctrl+Shift+I): a rotated set or a folder of exports. */
    public void setOnImportFolder(Runnable handler) {
        this.onImportFolder = handler;
    }

    /** The centre while a case is being prepared (first start): says so, with progress. */
    public PreparingCaseView showPreparing(String what) {
        preparing.start(what);
        findings.setEmptyPlaceholder(preparing);
        return preparing;
    }

    /** The centre without a case: an invitation to open one or import logs. */
    public void showNoCase() {
        findings.setEmptyPlaceholder(noCase);
    }

    /** The centre with a case that has no finding at all. */
    public void showNoFindings() {
        Label none = new Label("No findings: the detector saw no mass encryption and no bulk file changes here.");
        none.setId("no-findings");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        findings.setEmptyPlaceholder(none);
    }

    public void toggleTheme() {
        Theme next = Theme.current().other();
        next.apply();
        darkThemeItem.setSelected(next == Theme.DARK);
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open case…", new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> onOpenCase.run());
        MenuItem imp = new MenuItem("Import logs…", new FontIcon(Material2OutlinedAL.FILE_UPLOAD));
        imp.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        imp.setOnAction(e -> onImportLogs.run());
        MenuItem impFolder = new MenuItem("Import folder…");
        impFolder.setId("menu-import-folder");
        impFolder.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        impFolder.setOnAction(e -> onImportFolder.run());
        MenuItem export = new MenuItem("Export…");
        export.setId("menu-export");
        export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        export.setOnAction(e -> onExport.run());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> Platform.exit());
        Menu file = fileMenu;
        file.getItems().setAll(open, imp, impFolder, new SeparatorMenuItem(), export, new SeparatorMenuItem(), quit);

        darkThemeItem.setId("menu-dark-theme");
        darkThemeItem.setOnAction(e -> {
            Theme wanted = darkThemeItem.isSelected() ? Theme.DARK : Theme.LIGHT;
            wanted.apply();
        });
        Menu view = new Menu("View", null, darkThemeItem);
        for (InvestigationTab tab : InvestigationTab.values()) {
            MenuItem show = new MenuItem(tab.title());
            show.setAccelerator(new KeyCodeCombination(tab.shortcut(), KeyCombination.SHORTCUT_DOWN));
            show.setOnAction(e -> showTab(tab));
            view.getItems().add(tab.ordinal(), show);
        }
        view.getItems().add(InvestigationTab.values().length, new SeparatorMenuItem());
        MenuBar bar = new MenuBar(file, actionsMenu, view);
        bar.setId("menu-bar");
        return bar;
    }

    private ToolBar toolBar() {
        Button open = iconButton("toolbar-open-case", Material2OutlinedAL.FOLDER_OPEN, "Open case (Ctrl+O)");
        open.setOnAction(e -> onOpenCase.run());
        Button imp = iconButton("toolbar-import-logs", Material2OutlinedAL.FILE_UPLOAD, "Import logs (Ctrl+I)");
        imp.setOnAction(e -> onImportLogs.run());
        Button theme = iconButton("theme-switch", Material2OutlinedAL.BRIGHTNESS_6, "Switch light/dark theme");
        theme.setOnAction(e -> toggleTheme());
        Region grow = new Region();
        javafx.scene.layout.HBox.setHgrow(grow, Priority.ALWAYS);
        ToolBar bar = new ToolBar(open, imp, grow, theme);
        bar.setId("tool-bar");
        return bar;
    }

    private static Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String tooltip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tooltip));
        return b;
    }

    private SplitPane workspace() {
        caseNavigator.setId("case-navigator");
        caseNavigator.setShowRoot(true);
        caseNavigator.setRoot(new TreeItem<>(NavigatorItem.group(NavigatorItem.Kind.CASE, "No case open")));
        SplitPane left = new SplitPane(titled("Case", caseNavigator), titled("Import errors", importErrors));
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.62);

        findings.setEmptyPlaceholder(noCase);

        investigationTabs.setId("investigation-tabs");
        investigationTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (InvestigationTab t : InvestigationTab.values()) {
            investigationTabs.getTabs().add(tab(t.id(), t.title(), switch (t) {
                case PROCESS_TREE -> processTree;
                case TIMELINE -> timeline;
                case SPREAD_MAP -> spreadMap;
                case EVENTS -> eventsGrid;
                case COVERAGE -> coverage;
            }));
        }

        SplitPane centre = new SplitPane(titled("Findings", findings), investigationTabs);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.34);

        sidePanels.setId("side-panels");
        sidePanels.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tuningHolder.getChildren().add(emptyHint("Open a case to tune its detection profile."));
        for (SidePanel p : SidePanel.values()) {
            sidePanels.getTabs().add(tab(p.id(), p.title(), switch (p) {
                case INSPECTOR -> inspector;
                case TUNING -> tuningHolder;
                case ALLOWLIST -> allowlistEditor;
            }));
        }

        SplitPane main = new SplitPane(left, centre, sidePanels);
        // One width for the right pane whichever of its tabs is in front (its panels are laid out for it): the
        // views in the centre do not jump when the analyst switches between inspector, tuning and allowlist.
        main.setDividerPositions(0.12, 0.69);
        left.setMinWidth(150);
        sidePanels.setMinWidth(380);
        keepShares(main, 0.12, 0.69);
        keepShares(centre, 0.34);
        return main;
    }

    /**
     * Keeps a split pane's panes at these shares whatever the window's size (a window manager may map the window
     * small first, and the panes' minimum sizes then skew the shares for good), until the analyst drags one of its
     * dividers: from then on the analyst's shares are kept.
     */
    private static void keepShares(SplitPane pane, double... shares) {
        boolean[] dragged = {false};
        pane.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof javafx.scene.Node n && n.getStyleClass().contains("split-pane-divider")
                    && n.getParent() == pane) {
                dragged[0] = true;
            }
        });
        javafx.beans.InvalidationListener reapply = o -> {
            if (!dragged[0] && pane.getWidth() > 0 && pane.getHeight() > 0) {
                Platform.runLater(() -> pane.setDividerPositions(shares));
            }
        };
        pane.widthProperty().addListener(reapply);
        pane.heightProperty().addListener(reapply);
    }

    private static Tab tab(String id, String name, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setId(id);
        return t;
    }

    private static VBox titled(String title, javafx.scene.Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().addAll("pane-heading", Styles.TEXT_SMALL, Styles.TEXT_BOLD);
        heading.setPadding(new Insets(4, 8, 4, 8));
        VBox box = new VBox(heading, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private static StackPane emptyHint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        l.setPadding(new Insets(12));
        return new StackPane(l);
    }
}
