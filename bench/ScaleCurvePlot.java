import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the scale curve that bench/scale-curve.sh measures: time and peak RSS of import, open and re-run against
 * the size of the log, on log-log axes with the line of linear growth through the smallest point for comparison.
 * A single-file program (Java2D, headless): {@code java bench/ScaleCurvePlot.java SCALE.tsv OUT.png}.
 * The TSV has a header and the columns size_mb, events, import_s, import_rss_mb, open_s, open_rss_mb, rerun_s,
 * rerun_rss_mb.
 */
public class ScaleCurvePlot {
    record Row(double mb, double events, double importS, double importRss, double openS, double openRss,
               double rerunS, double rerunRss) {
    }

    static final Color[] COLORS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728)};
    static final String[] NAMES = {"import", "open (first paint)", "re-run (analyze)"};

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank() || line.startsWith("size_mb")) {
                continue;
            }
            String[] f = line.split("\t");
            rows.add(new Row(d(f[0]), d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]), d(f[6]), d(f[7])));
        }
        rows.sort((a, b) -> Double.compare(a.mb(), b.mb()));
        int w = 1400;
        int h = 620;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Ransomtrace at 0.1, 1 and 5 GB of audit log (bench/scale-curve.sh)", 30, 32);
        panel(g, rows, 30, 60, 660, 520, true);
        panel(g, rows, 720, 60, 660, 520, false);
        g.dispose();
        ImageIO.write(img, "png", new File(args[1]));
    }

    static double d(String s) {
        return Double.parseDouble(s.trim());
    }

    static double[] series(List<Row> rows, int which, boolean time) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out[i] = switch (which) {
                case 0 -> time ? r.importS() : r.importRss();
                case 1 -> time ? r.openS() : r.openRss();
                default -> time ? r.rerunS() : r.rerunRss();
            };
        }
        return out;
    }

    static void panel(Graphics2D g, List<Row> rows, int x0, int y0, int pw, int ph, boolean time) {
        int left = x0 + 70;
        int right = x0 + pw - 20;
        int top = y0 + 30;
        int bottom = y0 + ph - 60;
        double xmin = rows.get(0).mb() / 1.5;
        double xmax = rows.get(rows.size() - 1).mb() * 1.5;
        double ymin = Double.MAX_VALUE;
        double ymax = 0;
        for (int s = 0; s < 3; s++) {
            for (double v : series(rows, s, time)) {
                ymin = Math.min(ymin, v);
                ymax = Math.max(ymax, v);
            }
        }
        ymin = Math.pow(10, Math.floor(Math.log10(Math.max(ymin, 1e-3))));
        ymax = Math.pow(10, Math.ceil(Math.log10(ymax * 1.01)));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString(time ? "wall time (s), log scale" : "peak resident memory (MB), log scale", left, y0 + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(0xdddddd));
        for (double y = ymin; y <= ymax * 1.0001; y *= 10) {
            for (int m = 1; m < 10; m++) {
                double v = y * m;
                if (v > ymax) {
                    break;
                }
                int py = py(v, ymin, ymax, top, bottom);
                g.setColor(m == 1 ? new Color(0xbbbbbb) : new Color(0xeeeeee));
                g.drawLine(left, py, right, py);
                if (m == 1 || m == 2 || m == 5) {
                    g.setColor(Color.DARK_GRAY);
                    String label = v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
                    g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), py + 4);
                }
            }
        }
        for (Row r : rows) {
            int px = px(r.mb(), xmin, xmax, left, right);
            g.setColor(new Color(0xbbbbbb));
            g.drawLine(px, top, px, bottom);
            g.setColor(Color.DARK_GRAY);
            String label = r.mb() >= 1000 ? String.format(Locale.ROOT, "%.1f GB", r.mb() / 1000)
                    : String.format(Locale.ROOT, "%.0f MB", r.mb());
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, bottom + 18);
            String ev = String.format(Locale.ROOT, "%.2f M events", r.events() / 1e6);
            g.drawString(ev, px - g.getFontMetrics().stringWidth(ev) / 2, bottom + 34);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, right - left, bottom - top);
        for (int s = 0; s < 3; s++) {
            double[] ys = series(rows, s, time);
            // linear growth from the smallest size, for comparison
            g.setColor(COLORS[s]);
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{5, 5}, 0));
            double x1 = rows.get(rows.size() - 1).mb();
            double y1 = ys[0] * x1 / rows.get(0).mb();
            g.drawLine(px(rows.get(0).mb(), xmin, xmax, left, right), py(ys[0], ymin, ymax, top, bottom),
                    px(x1, xmin, xmax, left, right), py(Math.min(y1, ymax), ymin, ymax, top, bottom));
            g.setStroke(new BasicStroke(2.5f));
            for (int i = 0; i < rows.size(); i++) {
                int px = px(rows.get(i).mb(), xmin, xmax, left, right);
                int py = py(ys[i], ymin, ymax, top, bottom);
                g.fillOval(px - 5, py - 5, 10, 10);
                if (i > 0) {
                    g.drawLine(px(rows.get(i - 1).mb(), xmin, xmax, left, right),
                            py(ys[i - 1], ymin, ymax, top, bottom), px, py);
                }
                String v = time ? String.format(Locale.ROOT, "%.2f", ys[i]) : String.format(Locale.ROOT, "%.0f", ys[i]);
                g.drawString(v, px + 8, py - 6);
            }
            g.setStroke(new BasicStroke(1f));
            g.fillRect(left + 12, top + 12 + s * 20, 18, 10);
            g.setColor(Color.BLACK);
            g.drawString(NAMES[s], left + 36, top + 22 + s * 20);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString("dashed: linear growth from the smallest log", left + 12, top + 22 + 3 * 20);
        g.drawString("log size", (left + right) / 2 - 20, bottom + 52);
    }

    static int px(double mb, double min, double max, int left, int right) {
        return (int) Math.round(left + (Math.log(mb) - Math.log(min)) / (Math.log(max) - Math.log(min)) * (right - left));
    }

    static int py(double v, double min, double max, int top, int bottom) {
        double lv = Math.log(Math.max(v, min));
        return (int) Math.round(bottom - (lv - Math.log(min)) / (Math.log(max) - Math.log(min)) * (bottom - top));
    }
}
