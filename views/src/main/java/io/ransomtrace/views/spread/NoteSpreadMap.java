package io.ransomtrace.views.spread;

import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.views.common.Palette;
import io.ransomtrace.views.common.Plural;
import io.ransomtrace.views.common.TimeFormats;
import io.ransomtrace.views.common.ViewStyles;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * How far a campaign spread: the directory hierarchy it touched as an icicle (rows are depths, width is files
 * encrypted in the subtree), coloured by when each directory was first hit, with a note badge where ransom
 * notes were dropped. Hover for a directory's counts; click to select it ({@link #setOnDirectorySelected});
 * double-click to zoom into a directory, double-click the top row to go back up.
 */
public final class NoteSpreadMap extends Region {
    private static final double ROW = 26;
    private static final double LEGEND = 30;
    private static final Font FONT = Font.font(11);
    private static final Font BADGE_FONT = Font.font(null, javafx.scene.text.FontWeight.BOLD, 10);

    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private final Deque<DirectoryNode> zoomStack = new ArrayDeque<>();
    private DirectoryNode root;
    private DirectoryNode shown;
    private Instant earliest;
    private Instant latest;
    private List<IcicleLayout.Cell> cells = List.of();
    private IcicleLayout.Cell hovered;
    private String selectedPath;
    private Consumer<String> onDirectorySelected = p -> { };

    public NoteSpreadMap() {
        ViewStyles.apply(this, "note-spread-map");
        setId("note-spread-map");
        setMinSize(200, 120);
        setPrefSize(700, 240);
        canvas.setId("spread-canvas");
        hover.getStyleClass().add("chart-hover");
        hover.setId("spread-hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        getChildren().addAll(canvas, hover);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> setHovered(cellAt(e.getX(), e.getY()), e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> setHovered(null, 0, 0));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
    }

    /** Shows the directories in {@code stats} (one entry per directory hit). */
    public void setStats(List<DirectoryStat> stats) {
        setTree(stats.isEmpty() ? null : DirectoryNode.fromStats(stats));
    }

    public void setTree(DirectoryNode tree) {
        root = tree;
        zoomStack.clear();
        selectedPath = null;
        earliest = tree == null ? null : tree.earliestHit();
        latest = tree == null ? null : tree.latestHit();
        show(tree);
    }

    public void setOnDirectorySelected(Consumer<String> callback) {
        onDirectorySelected = callback == null ? p -> { } : callback;
    }

    /** The directory drawn as the top row (the root, or the one zoomed into). */
    public DirectoryNode shownRoot() {
        return shown;
    }

    /** The laid-out cells, for hit tests and tests. */
    public List<IcicleLayout.Cell> cells() {
        return cells;
    }

    /** The hover card's text, empty when nothing is hovered. */
    public String hoverText() {
        return hover.isVisible() ? hover.getText() : "";
    }

    public String selectedPath() {
        return selectedPath;
    }

    private void show(DirectoryNode node) {
        shown = node;
        hovered = null;
        hover.setVisible(false);
        requestLayout();
        relayoutAndDraw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        hover.autosize();
        relayoutAndDraw();
    }

    private void relayoutAndDraw() {
        double w = getWidth();
        double h = getHeight();
        if (shown == null || w < 10 || h < LEGEND + ROW) {
            cells = List.of();
        } else {
            // Rows share the height, between a dense minimum and a calm maximum.
            int treeDepth = shown.depth();
            double row = Math.max(ROW, Math.min(40, (h - LEGEND) / treeDepth));
            int depth = (int) Math.max(1, Math.floor((h - LEGEND) / row));
            cells = IcicleLayout.layout(shown, 0, 0, w, row, depth);
        }
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setFont(FONT);
        if (shown == null) {
            g.setFill(Palette.AXIS_TEXT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No directory touched by the selected campaign", w / 2, h / 2);
            return;
        }
        for (IcicleLayout.Cell c : cells) {
            drawCell(g, c);
        }
        drawLegend(g, w, h);
    }

    private void drawCell(GraphicsContext g, IcicleLayout.Cell c) {
        DirectoryNode n = c.node();
        Instant hit = n.firstHit() != null ? n.firstHit() : n.earliestHit();
        Color fill = n.subtreeFiles() == 0 && n.subtreeNotes() == 0 ? Palette.GRID : Palette.sequential(timeFraction(hit));
        double x = c.x() + 0.5;
        double y = c.y() + 0.5;
        double cw = Math.max(0.5, c.width() - 1);
        double ch = c.height() - 1;
        g.setFill(fill);
        g.fillRect(x, y, cw, ch);
        if (c == hovered || n.path().equals(selectedPath)) {
            g.setStroke(Palette.HOVER_STROKE);
            g.setLineWidth(2);
            g.strokeRect(x + 1, y + 1, cw - 2, ch - 2);
        }
        double badgeW = n.notesDropped() > 0 ? drawNoteMarker(g, n.notesDropped(), x, y, cw, ch) : 0;
        double room = cw - badgeW - 8;
        if (room > 24) {
            g.setFill(Palette.textOn(fill));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            String label = Inert.plain(n.name()) + (room > 90 ? "  " + String.format("%,d", n.subtreeFiles()) : "");
            g.fillText(elide(label, room), x + 5, y + ch / 2);
        }
    }

    /**
     * The note marker of a cell, whole or not at all: "N3" when it fits, "N" when only that fits, else a strip
     * in the note colour along the cell's bottom (the hover card gives the count). Returns the width it took.
     */
    private double drawNoteMarker(GraphicsContext g, long notes, double x, double y, double cw, double ch) {
        String text = notes > 1 ? "N" + notes : "N";
        double full = textWidth(text, BADGE_FONT) + 8;
        double letter = textWidth("N", BADGE_FONT) + 8;
        double w = full <= cw - 4 ? full : letter <= cw - 4 ? letter : 0;
        if (w == 0) {
            g.setFill(Palette.NOTE);
            g.fillRect(x, y + ch - 4, cw, 3);
            return 0;
        }
        String shown = w == full ? text : "N";
        double bx = x + cw - w - 2;
        g.setFill(Palette.NOTE);
        g.fillRoundRect(bx, y + 4, w, ch - 8, 4, 4);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1);
        g.strokeRoundRect(bx, y + 4, w, ch - 8, 4, 4);
        g.setFill(Color.WHITE);
        g.setFont(BADGE_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(shown, bx + w / 2, y + ch / 2);
        g.setFont(FONT);
        return w + 2;
    }

    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    private double textWidth(String s, Font font) {
        measure.setFont(font);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    /** The text cut to fit {@code width}, ending in "…" when cut (never squeezed). */
    private String elide(String s, double width) {
        if (textWidth(s, FONT) <= width) {
            return s;
        }
        for (int n = s.length() - 1; n > 0; n--) {
            String t = s.substring(0, n) + "…";
            if (textWidth(t, FONT) <= width) {
                return t;
            }
        }
        return "";
    }

    private void drawLegend(GraphicsContext g, double w, double h) {
        double y = h - LEGEND + 8;
        double x = 4;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Palette.AXIS_TEXT);
        g.fillText("first hit", x, y + 6);
        x += 52;
        if (earliest != null) {
            g.fillText(TimeFormats.full(earliest), x, y + 6);
            x += 150;
            double gw = 140;
            for (int i = 0; i < gw; i++) {
                g.setFill(Palette.sequential(i / gw));
                g.fillRect(x + i, y, 1, 12);
            }
            x += gw + 6;
            g.setFill(Palette.AXIS_TEXT);
            String end = TimeFormats.full(latest);
            if (latest != null && !latest.equals(earliest)) {
                end += "  (+" + TimeFormats.duration(Duration.between(earliest, latest)) + ")";
            }
            g.fillText(end, x, y + 6);
            x += textWidth(end, FONT) + 20;
        }
        g.setFill(Palette.NOTE);
        g.fillRoundRect(x, y, 14, 12, 4, 4);
        g.setFill(Color.WHITE);
        g.setFont(BADGE_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("N", x + 7, y + 6);
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Palette.AXIS_TEXT);
        // The legend's tail only where it fits whole: a legend cut mid-word says nothing.
        String notes = "ransom notes dropped";
        String widths = "    width = files encrypted";
        g.fillText(notes + (x + 20 + textWidth(notes + widths, FONT) <= w ? widths : ""), x + 20, y + 6);
    }

    private double timeFraction(Instant t) {
        if (t == null || earliest == null || latest == null) {
            return Double.NaN;
        }
        long span = Duration.between(earliest, latest).toNanos();
        return span == 0 ? 0 : Duration.between(earliest, t).toNanos() / (double) span;
    }

    private IcicleLayout.Cell cellAt(double x, double y) {
        for (IcicleLayout.Cell c : cells) {
            if (c.contains(x, y)) {
                return c;
            }
        }
        return null;
    }

    private void onClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        IcicleLayout.Cell c = cellAt(e.getX(), e.getY());
        if (c == null) {
            return;
        }
        if (e.getClickCount() == 2) {
            if (c.depth() == 0 && !zoomStack.isEmpty()) {
                show(zoomStack.pop());
            } else if (c.depth() > 0 && !c.node().children().isEmpty()) {
                zoomStack.push(shown);
                show(c.node());
            }
            return;
        }
        selectedPath = c.node().path();
        draw();
        onDirectorySelected.accept(c.node().path());
    }

    private void setHovered(IcicleLayout.Cell c, double x, double y) {
        if (c != hovered) {
            hovered = c;
            draw();
        }
        if (c == null) {
            hover.setVisible(false);
            return;
        }
        DirectoryNode n = c.node();
        StringBuilder sb = new StringBuilder(Inert.plain(n.path()));
        sb.append('\n').append(Plural.of(n.filesEncrypted(), "file")).append(" encrypted here, ")
                .append(String.format("%,d", n.subtreeFiles())).append(" in the subtree");
        if (n.subtreeNotes() > 0) {
            sb.append('\n').append(Plural.of(n.notesDropped(), "ransom note")).append(" here, ")
                    .append(String.format("%,d", n.subtreeNotes())).append(" in the subtree");
        }
        Instant hit = n.firstHit() != null ? n.firstHit() : n.earliestHit();
        if (hit != null) {
            sb.append("\nfirst hit ").append(TimeFormats.full(hit));
            if (earliest != null && hit.isAfter(earliest)) {
                sb.append("  (+").append(TimeFormats.duration(Duration.between(earliest, hit))).append(')');
            }
        }
        hover.setText(sb.toString());
        hover.setVisible(true);
        hover.autosize();
        double hx = x + 14 + hover.getWidth() > getWidth() ? x - 14 - hover.getWidth() : x + 14;
        double hy = Math.max(0, Math.min(y + 12, getHeight() - hover.getHeight()));
        hover.relocate(Math.max(0, hx), hy);
    }
}
