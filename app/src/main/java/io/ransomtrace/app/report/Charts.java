package io.ransomtrace.app.report;

import io.ransomtrace.engine.text.Inert;
import io.ransomtrace.app.store.DirectorySummary;
import io.ransomtrace.app.store.FileOpBucket;
import io.ransomtrace.engine.model.FileOpKind;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The briefing's charts, drawn with Java2D into PNG data URIs: no display, no JavaFX stage, no external file,
 * and the same image in HTML and PDF. Labels are drawn from case strings passed through {@link Inert#plain}.
 */
public final class Charts {

    static final FileOpKind[] KINDS = {FileOpKind.WRITE, FileOpKind.TRUNCATE, FileOpKind.CREATE, FileOpKind.RENAME,
            FileOpKind.DELETE};
    static final Map<FileOpKind, Color> COLORS = new EnumMap<>(Map.of(
            FileOpKind.WRITE, new Color(0xE0, 0x7B, 0x39), FileOpKind.TRUNCATE, new Color(0x9C, 0x4A, 0x1A),
            FileOpKind.CREATE, new Color(0x4C, 0x9A, 0x6A), FileOpKind.RENAME, new Color(0x6A, 0x4C, 0xA8),
            FileOpKind.DELETE, new Color(0xC0, 0x39, 0x2B)));
    private static final Color ALERT = new Color(0xC0, 0x10, 0x10);
    private static final Color INK = new Color(0x22, 0x2B, 0x36);
    private static final Color GRID = new Color(0xDD, 0xE2, 0xE8);
    private static final Font BASE = loadFont();

    private Charts() {
    }

    /** File operations per time bucket, stacked by kind, with a red line at the first alert. */
    public static String timeline(List<FileOpBucket> buckets, Instant from, Instant to, Duration bucket, Instant alert) {
        int w = 1400;
        int h = 440;
        int left = 90;
        int right = 30;
        int top = 60;
        int bottom = 70;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        Map<Long, Map<FileOpKind, Long>> columns = new TreeMap<>();
        long bucketMs = Math.max(1, bucket.toMillis());
        long spanMs = Math.max(bucketMs, Duration.between(from, to).toMillis() + bucketMs);
        int n = (int) Math.max(1, Math.min(400, (spanMs + bucketMs - 1) / bucketMs));
        long max = 1;
        for (FileOpBucket b : buckets) {
            long col = Math.max(0, Math.min(n - 1, Duration.between(from, b.bucketStart()).toMillis() / bucketMs));
            columns.computeIfAbsent(col, c -> new EnumMap<>(FileOpKind.class)).merge(b.kind(), b.count(), Long::sum);
        }
        for (Map<FileOpKind, Long> c : columns.values()) {
            max = Math.max(max, c.values().stream().mapToLong(Long::longValue).sum());
        }
        max = niceCeiling(max);
        int plotW = w - left - right;
        int plotH = h - top - bottom;
        g.setFont(BASE.deriveFont(22f));
        for (int i = 0; i <= 4; i++) {
            int y = top + plotH - plotH * i / 4;
            g.setColor(GRID);
            g.drawLine(left, y, left + plotW, y);
            g.setColor(INK);
            String label = Long.toString(max * i / 4);
            g.drawString(label, left - 12 - g.getFontMetrics().stringWidth(label), y + 8);
        }
        double colW = (double) plotW / n;
        for (var e : columns.entrySet()) {
            int x = left + (int) Math.round(e.getKey() * colW);
            int bw = Math.max(2, (int) Math.round(colW) - 2);
            int y = top + plotH;
            for (FileOpKind k : KINDS) {
                long v = e.getValue().getOrDefault(k, 0L);
                if (v == 0) {
                    continue;
                }
                int bh = (int) Math.max(1, Math.round((double) plotH * v / max));
                g.setColor(COLORS.get(k));
                g.fillRect(x, y - bh, bw, bh);
                y -= bh;
            }
        }
        g.setColor(INK);
        g.drawLine(left, top + plotH, left + plotW, top + plotH);
        g.drawString("+0", left, top + plotH + 30);
        String end = "+" + Briefing.duration(Duration.ofMillis(spanMs));
        g.drawString(end, left + plotW - g.getFontMetrics().stringWidth(end), top + plotH + 30);
        String start = Briefing.TIME.format(from) + " UTC, one bar = " + Briefing.duration(bucket);
        g.drawString(start, left + (plotW - g.getFontMetrics().stringWidth(start)) / 2, top + plotH + 30);
        int lx = left;
        for (FileOpKind k : KINDS) {
            g.setColor(COLORS.get(k));
            g.fillRect(lx, 18, 22, 22);
            g.setColor(INK);
            String name = k.name().toLowerCase(java.util.Locale.ROOT);
            g.drawString(name, lx + 30, 37);
            lx += 50 + g.getFontMetrics().stringWidth(name);
        }
        if (alert != null) {
            double fraction = (double) Duration.between(from, alert).toMillis() / spanMs;
            int x = left + (int) Math.round(Math.max(0, Math.min(1, fraction)) * plotW);
            g.setColor(ALERT);
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{12f, 8f}, 0f));
            g.drawLine(x, top - 6, x, top + plotH);
            g.setFont(BASE.deriveFont(Font.BOLD, 22f));
            String label = "first alert +" + Briefing.duration(Duration.between(from, alert));
            int tw = g.getFontMetrics().stringWidth(label);
            g.drawString(label, Math.min(x + 8, w - right - tw), top + plotH + 58);
        }
        g.dispose();
        return dataUri(img);
    }

    /** Files changed per directory, most active first, as horizontal bars. */
    public static String spread(List<DirectorySummary> dirs) {
        int rows = Math.max(1, dirs.size());
        int rowH = 40;
        int w = 1400;
        int labelW = 760;
        int h = 30 + rows * rowH + 20;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        g.setFont(BASE.deriveFont(22f));
        long max = 1;
        for (DirectorySummary d : dirs) {
            max = Math.max(max, d.files());
        }
        int y = 30;
        for (DirectorySummary d : dirs) {
            String label = shortenLeft(Inert.plain(d.directory(), 400), g, labelW - 20);
            g.setColor(INK);
            g.drawString(label, labelW - 20 - g.getFontMetrics().stringWidth(label), y + 26);
            int bw = (int) Math.max(2, Math.round((double) (w - labelW - 120) * d.files() / max));
            g.setColor(COLORS.get(FileOpKind.RENAME));
            g.fillRect(labelW, y + 6, bw, rowH - 12);
            g.setColor(INK);
            g.drawString(String.format(java.util.Locale.ROOT, "%,d", d.files()), labelW + bw + 10, y + 26);
            y += rowH;
        }
        if (dirs.isEmpty()) {
            g.setColor(INK);
            g.drawString("no file operations recorded for this campaign", 20, y + 26);
        }
        g.dispose();
        return dataUri(img);
    }

    private static String shortenLeft(String s, Graphics2D g, int width) {
        if (g.getFontMetrics().stringWidth(s) <= width) {
            return s;
        }
        int cut = 0;
        while (cut < s.length() && g.getFontMetrics().stringWidth("…" + s.substring(cut)) > width) {
            cut++;
        }
        return "…" + s.substring(cut);
    }

    private static long niceCeiling(long v) {
        long step = 1;
        while (true) {
            for (long m : new long[]{1, 2, 4, 5, 8, 10}) {
                if (step * m >= v) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    private static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    private static String dataUri(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** The font PDFBox ships (Liberation Sans), so that charts look the same on a machine without fonts. */
    static Font loadFont() {
        try (InputStream in = BriefingPdf.fontStream()) {
            if (in != null) {
                return Font.createFont(Font.TRUETYPE_FONT, in);
            }
        } catch (IOException | FontFormatException e) {
            // fall through to the logical font
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }
}
