package io.ransomtrace.views.timeline;

import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.views.common.LatestWinsRunner;
import io.ransomtrace.views.common.Palette;
import io.ransomtrace.views.common.TimeFormats;
import io.ransomtrace.views.common.ViewStyles;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * File operations per time bucket, stacked by kind, with markers for the first event, alert and note.
 *
 * <p>Drawn on one Canvas, and only when something changed (data, range, size, hover): the cost is proportional
 * to the buckets on screen (a few thousand at most), never to the events behind them. Whenever the visible
 * range changes the chart asks its {@link BucketSupplier} for buckets of that range, off the JavaFX thread,
 * latest request wins; until they arrive the previous buckets are drawn at their true times, so zooming
 * feels immediate.
 *
 * <p>Mouse: drag to zoom into a range, scroll to zoom around the cursor, double-click (or Reset) for the whole
 * range, click a bar to select its bucket ({@link #setOnBucketSelected}). Hovering shows a bar's counts.
 */
public final class RewriteTimeline extends Region {
    /** The narrowest range the chart zooms to: a handful of millisecond buckets. */
    public static final Duration MIN_SPAN = Duration.ofMillis(10);
    private static final double LEFT = 64;
    private static final double RIGHT = 12;
    /** Two header rows: the range and the buttons, then the legend and the bar size. */
    private static final double TOP = 50;
    private static final double ROW = 24;
    private static final double BOTTOM = 22;
    /** What the count axis counts, as the briefing's chart says it. */
    public static final String Y_AXIS_LABEL = "file operations per bar";
    private static final double MIN_BAR_PX = 3;
    private static final Font FONT = Font.font(11);
    private static final ExecutorService SHARED_FETCHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "timeline-buckets");
        t.setDaemon(true);
        return t;
    });

    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private final Button reset = new Button("Reset zoom");
    private final Label rangeLabel = new Label();
    private final javafx.scene.control.ToggleButton logScale = new javafx.scene.control.ToggleButton("log");
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
    private final LatestWinsRunner<BucketRequest, TimelineData> fetches;

    private final ObjectProperty<TimeRange> visibleRange = new SimpleObjectProperty<>(this, "visibleRange");
    private final ReadOnlyObjectWrapper<TimeRange> selectedBucket = new ReadOnlyObjectWrapper<>(this, "selectedBucket");
    private BucketSupplier supplier;
    private TimeRange fullRange;
    private TimelineData data;
    private int lastMaxBuckets;
    private Instant pivot;
    private Consumer<TimeRange> onBucketSelected = r -> { };

    private double dragStartX = Double.NaN;
    private double dragX = Double.NaN;
    private TimelineBucket hovered;

    /** A timeline that fetches buckets on a shared background thread. */
    public RewriteTimeline() {
        this(SHARED_FETCHER);
    }

    /** @param fetcher where {@link BucketSupplier#bucketsFor} runs; {@code Runnable::run} fetches inline */
    public RewriteTimeline(Executor fetcher) {
        this.fetches = LatestWinsRunner.onExecutor(RewriteTimeline::fetch, fetcher);
        fetches.setOnResult(result -> {
            data = result;
            draw();
        });
        ViewStyles.apply(this, "rewrite-timeline");
        setId("rewrite-timeline");
        setMinSize(200, 120);
        setPrefSize(900, 220);
        canvas.setId("timeline-canvas");
        hover.getStyleClass().add("chart-hover");
        hover.setId("timeline-hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        reset.getStyleClass().addAll("small", "flat");
        reset.setId("timeline-reset");
        reset.setOnAction(e -> resetZoom());
        rangeLabel.getStyleClass().add("chart-range");
        rangeLabel.setId("timeline-range");
        rangeLabel.setMouseTransparent(true);
        logScale.getStyleClass().addAll("small", "flat");
        logScale.setMinWidth(40);
        reset.setMinWidth(Region.USE_PREF_SIZE);
        logScale.setId("timeline-log");
        logScale.setTooltip(new javafx.scene.control.Tooltip(
                "Logarithmic count axis: background activity stays visible next to a burst"));
        logScale.selectedProperty().addListener(o -> draw());
        measure.setFont(FONT);
        getChildren().addAll(canvas, rangeLabel, logScale, reset, hover);
        setPadding(Insets.EMPTY);

        visibleRange.addListener((obs, old, now) -> {
            rangeLabel.setText(now == null ? "" : describe(now));
            requestBuckets();
            draw();
        });
        widthProperty().addListener(o -> {
            if (Math.abs(maxBuckets() - lastMaxBuckets) > lastMaxBuckets / 5) {
                requestBuckets();
            }
            draw();
        });
        heightProperty().addListener(o -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> setHovered(null, 0, 0));
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    }

    /** Shows the operations {@code supplier} counts, over the whole range [from, to). */
    public void setSource(BucketSupplier supplier, Instant from, Instant to) {
        this.supplier = supplier;
        Instant end = to.isAfter(from) ? to : from.plus(MIN_SPAN);
        this.fullRange = new TimeRange(from, end);
        this.data = null;
        this.pivot = null;
        selectedBucket.set(null);
        if (fullRange.equals(visibleRange.get())) {
            requestBuckets();
            draw();
        } else {
            visibleRange.set(fullRange);
        }
    }

    public ObjectProperty<TimeRange> visibleRangeProperty() {
        return visibleRange;
    }

    public TimeRange getVisibleRange() {
        return visibleRange.get();
    }

    /** Zooms to {@code range}, kept at least {@link #MIN_SPAN} wide. */
    public void setVisibleRange(TimeRange range) {
        if (range.duration().compareTo(MIN_SPAN) < 0) {
            Instant mid = range.at(0.5);
            range = new TimeRange(mid.minus(MIN_SPAN.dividedBy(2)), mid.plus(MIN_SPAN.dividedBy(2)));
        }
        visibleRange.set(range);
    }

    public TimeRange getFullRange() {
        return fullRange;
    }

    public void resetZoom() {
        if (fullRange != null) {
            pivot = null;
            visibleRange.set(fullRange);
        }
    }

    /** The "±T around this event" pivot: shows [t − half, t + half] with a line at t. */
    public void focusAround(Instant t, Duration half) {
        pivot = t;
        setVisibleRange(new TimeRange(t.minus(half), t.plus(half)));
        draw();
    }

    /** Called with a bucket's range when the analyst clicks its bar. */
    public void setOnBucketSelected(Consumer<TimeRange> callback) {
        this.onBucketSelected = callback == null ? r -> { } : callback;
    }

    public ReadOnlyObjectProperty<TimeRange> selectedBucketProperty() {
        return selectedBucket.getReadOnlyProperty();
    }

    /** The data currently drawn (for the lead's status line and for tests). */
    public TimelineData getData() {
        return data;
    }

    /** The hover card's text, empty when nothing is hovered. */
    public String hoverText() {
        return hover.isVisible() ? hover.getText() : "";
    }

    /** The x coordinate (in this region) where {@code t} is drawn. */
    public double xOf(Instant t) {
        TimeRange r = visibleRange.get();
        return LEFT + r.fractionOf(t) * plotWidth();
    }

    /** The time drawn at x (in this region). */
    public Instant timeAt(double x) {
        return visibleRange.get().at((x - LEFT) / plotWidth());
    }

    /** The y coordinate in the middle of the plot area, where the bars are. */
    public double plotBottom() {
        return getHeight() - BOTTOM;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        double bw = reset.prefWidth(-1);
        double bh = reset.prefHeight(-1);
        reset.resizeRelocate(w - RIGHT - bw, 0, bw, Math.min(bh, ROW - 2));
        double gw = Math.max(40, logScale.prefWidth(-1));
        logScale.resizeRelocate(w - RIGHT - bw - 4 - gw, 0, gw, Math.min(logScale.prefHeight(-1), ROW - 2));
        // The range has the first row to itself (left of the buttons): it never runs over the legend.
        double lw = Math.min(rangeLabel.prefWidth(-1), Math.max(0, w - RIGHT - bw - gw - 14 - 8));
        rangeLabel.resizeRelocate(8, 2, lw, ROW - 4);
        hover.autosize();
        draw();
    }

    private int maxBuckets() {
        return (int) Math.max(10, Math.min(2000, plotWidth() / MIN_BAR_PX));
    }

    private double plotWidth() {
        return Math.max(1, getWidth() - LEFT - RIGHT);
    }

    private double plotHeight() {
        return Math.max(1, getHeight() - TOP - BOTTOM);
    }

    private void requestBuckets() {
        TimeRange range = visibleRange.get();
        BucketSupplier s = supplier;
        if (range == null || s == null) {
            return;
        }
        int max = maxBuckets();
        lastMaxBuckets = max;
        fetches.submit(new BucketRequest(s, range, max));
    }

    /** One read of the buckets for a range: the newest request wins. */
    private record BucketRequest(BucketSupplier supplier, TimeRange range, int maxBuckets) {
    }

    /** Reads the buckets; a supplier that fails or has nothing shows an empty range rather than an error. */
    private static TimelineData fetch(BucketRequest r) {
        try {
            TimelineData fetched = r.supplier().bucketsFor(r.range().from(), r.range().to(), r.maxBuckets());
            return fetched != null ? fetched : TimelineData.empty(r.range().from(), r.range().to());
        } catch (RuntimeException e) {
            return TimelineData.empty(r.range().from(), r.range().to());
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        TimeRange range = visibleRange.get();
        if (range == null || w < 10 || h < 10) {
            return;
        }
        g.setFont(FONT);
        long max = data == null ? 0 : niceCeiling(data.maxTotal());
        drawCountAxis(g, max, w);
        drawTimeAxis(g, range, h);
        drawLegend(g);
        if (data != null) {
            drawBars(g, range, max);
            drawMarkers(g, range);
        }
        if (data != null && data.buckets().isEmpty()) {
            g.setFill(Palette.AXIS_TEXT);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("No file operations in this range", LEFT + plotWidth() / 2, TOP + plotHeight() / 2);
        }
        if (pivot != null && range.contains(pivot)) {
            double x = Math.round(xOf(pivot)) + 0.5;
            g.setStroke(Palette.MARK_PIVOT);
            g.setLineWidth(1.5);
            g.strokeLine(x, TOP, x, TOP + plotHeight());
        }
        if (!Double.isNaN(dragStartX) && !Double.isNaN(dragX)) {
            double x0 = Math.max(LEFT, Math.min(dragStartX, dragX));
            double x1 = Math.min(LEFT + plotWidth(), Math.max(dragStartX, dragX));
            g.setFill(Palette.SELECTION_FILL);
            g.fillRect(x0, TOP, x1 - x0, plotHeight());
            g.setStroke(Palette.SELECTION_STROKE);
            g.setLineWidth(1);
            g.strokeRect(x0 + 0.5, TOP + 0.5, x1 - x0 - 1, plotHeight() - 1);
        }
    }

    /** Whether the count axis is logarithmic. */
    public javafx.beans.property.BooleanProperty logScaleProperty() {
        return logScale.selectedProperty();
    }

    /** Height in pixels of a stack reaching {@code count} on the count axis. */
    private double heightOf(double count, long max) {
        if (max <= 0 || count <= 0) {
            return 0;
        }
        double f = logScale.isSelected() ? Math.log1p(count) / Math.log1p(max) : count / max;
        return f * plotHeight();
    }

    private void drawCountAxis(GraphicsContext g, long max, double w) {
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        List<Long> levels = new ArrayList<>();
        if (logScale.isSelected() && max > 0) {
            levels.add(0L);
            for (long v = 1; v <= max; v *= 10) {
                levels.add(v);
            }
        } else {
            for (int i = 0; i <= 4; i++) {
                levels.add(max * i / 4);
            }
        }
        for (long v : levels) {
            double y = Math.round(TOP + plotHeight() - heightOf(v, max)) + 0.5;
            g.setStroke(Palette.GRID);
            g.strokeLine(LEFT, y, w - RIGHT, y);
            if (max > 0) {
                g.setFill(Palette.AXIS_TEXT);
                g.fillText(compact(v), LEFT - 6, y);
            }
        }
    }

    private double textWidth(String s) {
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    private void drawTimeAxis(GraphicsContext g, TimeRange range, double h) {
        g.setTextBaseline(VPos.TOP);
        g.setFill(Palette.AXIS_TEXT);
        g.setStroke(Palette.GRID);
        double y = h - BOTTOM;
        for (TimeTicks.Tick tick : TimeTicks.compute(range, plotWidth(), 95)) {
            double x = Math.round(xOf(tick.time())) + 0.5;
            g.strokeLine(x, y, x, y + 4);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(tick.label(), x, y + 5);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("UTC", 4, y + 5);
    }

    private void drawLegend(GraphicsContext g) {
        double x = LEFT;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double y = ROW + (TOP - ROW) / 2 - 2;
        for (OpKind kind : OpKind.values()) {
            g.setFill(kind.color());
            g.fillRect(x, y - 4, 9, 9);
            g.setFill(Palette.AXIS_TEXT);
            g.fillText(kind.label(), x + 13, y);
            x += 13 + textWidth(kind.label()) + 12;
        }
        String size = barSizeText();
        if (!size.isEmpty()) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(size, getWidth() - RIGHT, y);
        }
        // The count axis says what it counts, as the briefing's chart does.
        g.save();
        g.translate(12, TOP + plotHeight() / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(Y_AXIS_LABEL, 0, 0);
        g.restore();
    }

    /**
     * "one bar = 1 ms" (the width of a bucket), and that refused calls are not counted; empty before data came.
     */
    public String barSizeText() {
        if (data == null || data.bucketWidth() == null || data.bucketWidth().isZero()) {
            return "";
        }
        return "one bar = " + TimeFormats.duration(data.bucketWidth()) + " · successful calls only";
    }

    private void drawBars(GraphicsContext g, TimeRange range, long max) {
        if (max <= 0) {
            return;
        }
        double ph = plotHeight();
        double base = TOP + ph;
        for (TimelineBucket b : data.buckets()) {
            if (!b.end().isAfter(range.from()) || !b.start().isBefore(range.to())) {
                continue;
            }
            double x0 = Math.max(LEFT, xOf(b.start()));
            double x1 = Math.min(LEFT + plotWidth(), xOf(b.end()));
            double bw = x1 - x0;
            if (bw > 3) {
                bw -= 1; // a hairline gap between neighbouring bars keeps them countable
            }
            bw = Math.max(1, bw);
            double y = base;
            for (OpKind kind : OpKind.values()) {
                long c = b.count(kind);
                if (c == 0) {
                    continue;
                }
                // Segments split the stack's height in proportion to their counts, on either scale.
                double total = heightOf(b.total(), max);
                double hgt = total * c / b.total();
                if (kind == OpKind.NOTE) {
                    hgt = Math.max(hgt, 3); // a single note among thousands of writes must stay visible
                }
                g.setFill(kind.color());
                g.fillRect(x0, y - hgt, bw, hgt);
                y -= hgt;
            }
            boolean selected = b.range().equals(selectedBucket.get());
            if (b == hovered || selected) {
                g.setStroke(Palette.HOVER_STROKE);
                g.setLineWidth(selected ? 2 : 1);
                g.strokeRect(x0 - 0.5, Math.min(y, base - 2) - 0.5, bw + 1, base - Math.min(y, base - 2) + 1);
            }
        }
    }

    private void drawMarkers(GraphicsContext g, TimeRange range) {
        g.setLineWidth(1);
        g.setTextBaseline(VPos.TOP);
        int row = 0;
        for (TimelineMarker m : data.markers()) {
            if (!range.contains(m.time())) {
                continue;
            }
            double x = Math.round(xOf(m.time())) + 0.5;
            g.setStroke(m.kind().color());
            g.setLineDashes(4, 3);
            g.strokeLine(x, TOP, x, TOP + plotHeight());
            g.setLineDashes();
            String text = Inert.plain(m.label());
            double tw = textWidth(text) + 6;
            double lx = x + tw + 4 > LEFT + plotWidth() ? x - tw - 2 : x + 3;
            double ly = TOP + 2 + (row++ % 3) * 14;
            g.setFill(m.kind().color());
            g.fillRect(lx, ly, tw, 13);
            g.setFill(Palette.textOn(m.kind().color()));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(text, lx + 3, ly + 1);
        }
    }

    private TimelineBucket bucketAt(double x) {
        if (data == null || x < LEFT || x > LEFT + plotWidth()) {
            return null;
        }
        Instant t = timeAt(x);
        TimelineBucket best = null;
        double bestDistance = Double.MAX_VALUE;
        for (TimelineBucket b : data.buckets()) {
            if (b.range().contains(t)) {
                return b;
            }
            // Very narrow buckets are hard to hit: accept the nearest within 2 px.
            double d = Math.min(Math.abs(xOf(b.start()) - x), Math.abs(xOf(b.end()) - x));
            if (d < 2 && d < bestDistance) {
                best = b;
                bestDistance = d;
            }
        }
        return best;
    }

    private void onPressed(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1) {
            dragStartX = e.getX();
            dragX = Double.NaN;
        }
    }

    private void onDragged(MouseEvent e) {
        if (!Double.isNaN(dragStartX)) {
            dragX = e.getX();
            setHovered(null, 0, 0);
            draw();
        }
    }

    private void onReleased(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || visibleRange.get() == null) {
            return;
        }
        if (e.getClickCount() == 2) {
            resetZoom();
        } else if (!Double.isNaN(dragX) && Math.abs(dragX - dragStartX) > 4) {
            double x0 = Math.max(LEFT, Math.min(dragStartX, dragX));
            double x1 = Math.min(LEFT + plotWidth(), Math.max(dragStartX, dragX));
            setVisibleRange(new TimeRange(timeAt(x0), timeAt(x1)));
        } else {
            TimelineBucket b = bucketAt(e.getX());
            if (b != null) {
                selectedBucket.set(b.range());
                onBucketSelected.accept(b.range());
            }
        }
        dragStartX = Double.NaN;
        dragX = Double.NaN;
        draw();
    }

    private void onMoved(MouseEvent e) {
        setHovered(bucketAt(e.getX()), e.getX(), e.getY());
    }

    private void onScroll(ScrollEvent e) {
        TimeRange r = visibleRange.get();
        if (r == null || e.getDeltaY() == 0) {
            return;
        }
        double factor = e.getDeltaY() > 0 ? 0.8 : 1.25;
        zoom(factor, e.getX());
        e.consume();
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping the time under x in place; never beyond the full range. */
    public void zoom(double factor, double x) {
        TimeRange r = visibleRange.get();
        if (r == null) {
            return;
        }
        double f = Math.max(0, Math.min(1, (x - LEFT) / plotWidth()));
        Instant anchor = r.at(f);
        long span = Math.round(r.nanos() * factor);
        span = Math.max(span, MIN_SPAN.toNanos());
        if (fullRange != null && span >= fullRange.nanos()) {
            visibleRange.set(fullRange);
            return;
        }
        Instant from = anchor.minusNanos(Math.round(span * f));
        Instant to = from.plusNanos(span);
        if (fullRange != null && from.isBefore(fullRange.from())) {
            from = fullRange.from();
            to = from.plusNanos(span);
        } else if (fullRange != null && to.isAfter(fullRange.to())) {
            to = fullRange.to();
            from = to.minusNanos(span);
        }
        visibleRange.set(new TimeRange(from, to));
    }

    private void setHovered(TimelineBucket b, double x, double y) {
        if (b != hovered) {
            hovered = b;
            draw();
        }
        if (b == null) {
            hover.setVisible(false);
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(TimeFormats.full(b.start())).append("  +").append(TimeFormats.duration(Duration.between(b.start(), b.end())));
        for (OpKind kind : OpKind.values()) {
            if (b.count(kind) > 0) {
                sb.append('\n').append(kind.label()).append(": ").append(String.format("%,d", b.count(kind)));
            }
        }
        sb.append("\ntotal: ").append(String.format("%,d", b.total()))
                .append(b.total() == 1 ? " file operation" : " file operations")
                .append("\n(successful calls only; click to list them in the events grid)");
        hover.setText(sb.toString());
        hover.setVisible(true);
        hover.autosize();
        double hx = x + 14 + hover.getWidth() > getWidth() ? x - 14 - hover.getWidth() : x + 14;
        double hy = Math.max(0, Math.min(y + 10, getHeight() - hover.getHeight()));
        hover.relocate(hx, hy);
    }

    private static String describe(TimeRange r) {
        return TimeFormats.full(r.from()) + " – " + TimeFormats.full(r.to()) + "  (" + TimeFormats.duration(r.duration()) + ")";
    }

    static long niceCeiling(long v) {
        if (v <= 0) {
            return 0;
        }
        long p = 1;
        while (p * 10 <= v) {
            p *= 10;
        }
        for (long m : new long[]{1, 2, 4, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String compact(long v) {
        if (v >= 1_000_000) {
            return (v % 1_000_000 == 0 ? String.valueOf(v / 1_000_000) : String.format("%.1f", v / 1e6)) + "M";
        }
        if (v >= 10_000) {
            return (v % 1000 == 0 ? String.valueOf(v / 1000) : String.format("%.1f", v / 1e3)) + "k";
        }
        return String.valueOf(v);
    }

    /** Buckets drawn, for tests and diagnostics. */
    List<TimelineBucket> drawnBuckets() {
        return data == null ? List.of() : new ArrayList<>(data.buckets());
    }
}
