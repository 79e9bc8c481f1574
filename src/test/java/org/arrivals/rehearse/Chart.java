package org.arrivals.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The rehearsal's chart, drawn with Java2D: people admitted, people waiting at all stations, and
 * sync lag (check-ins a station has not yet seen from the others), over the run, with the faults
 * shaded.
 */
final class Chart {
    private static final int W = 1000;
    private static final int PANEL = 180;
    private static final int LEFT = 70;
    private static final int TOP = 30;

    private Chart() {}

    static void draw(List<Map<String, Object>> samples, List<Map<String, Object>> faults, Path png) {
        if (samples.size() < 2) {
            return;
        }
        long t0 = (Long) samples.get(0).get("t");
        long t1 = (Long) samples.get(samples.size() - 1).get("t");
        int n = samples.size();
        double[] admitted = new double[n];
        double[] labels = new double[n];
        double[] waiting = new double[n];
        double[] lag = new double[n];
        long[] ts = new long[n];
        for (int i = 0; i < n; i++) {
            Map<String, Object> s = samples.get(i);
            ts[i] = (Long) s.get("t");
            admitted[i] = ((Number) s.get("admitted")).doubleValue();
            labels[i] = ((Number) s.getOrDefault("labels", 0)).doubleValue();
            @SuppressWarnings("unchecked")
            Map<String, Integer> q = (Map<String, Integer>) s.get("queues");
            waiting[i] = q.values().stream().mapToInt(Integer::intValue).sum();
            @SuppressWarnings("unchecked")
            Map<String, JsonNode> st = (Map<String, JsonNode>) s.get("stations");
            // for each station's check-ins, the most any station has; a station's lag is what it lacks of those
            Map<String, Integer> most = new java.util.HashMap<>();
            for (JsonNode r : st.values()) {
                r.path("byStation")
                        .fields()
                        .forEachRemaining(
                                e -> most.merge(e.getKey(), e.getValue().asInt(), Math::max));
            }
            int worst = 0;
            for (JsonNode r : st.values()) {
                int lacks = 0;
                for (var e : most.entrySet()) {
                    lacks += e.getValue() - r.path("byStation").path(e.getKey()).asInt();
                }
                worst = Math.max(worst, lacks);
            }
            lag[i] = worst;
        }
        int h = TOP + 3 * (PANEL + 40) + 24;
        BufferedImage img = new BufferedImage(W, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        String[] titles = {
            "check-ins acknowledged (blue) and badges out of the printers (green)",
            "people waiting (all stations)",
            "sync lag (check-ins the least informed station lacks)"
        };
        Color[] shades = {
            new Color(0x1f, 0x77, 0xb4, 40),
            new Color(0x2c, 0xa0, 0x2c, 40),
            new Color(0xd6, 0x27, 0x28, 40),
            new Color(0x94, 0x67, 0xbd, 40),
            new Color(0x8c, 0x56, 0x4b, 40)
        };
        double[][] series = {admitted, waiting, lag};
        Color[] colors = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0xd62728)};
        for (int p = 0; p < 3; p++) {
            int y0 = TOP + p * (PANEL + 40);
            for (int k = 0; k < faults.size(); k++) {
                Map<String, Object> f = faults.get(k);
                int x0 = x((Long) f.get("from"), t0, t1);
                int x1 = x((Long) f.get("to"), t0, t1);
                g.setColor(shades[k % shades.length]);
                g.fillRect(x0, y0, Math.max(2, x1 - x0), PANEL);
                if (p == 0) {
                    // one line each, so that faults one after the other keep their names apart
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(String.valueOf(f.get("fault")), x0 + 2, y0 + 14 + 14 * k);
                }
            }
            double max = 1;
            for (double v : series[p]) {
                max = Math.max(max, v);
            }
            if (p == 0) {
                for (double v : labels) {
                    max = Math.max(max, v);
                }
            }
            // seconds along the bottom of each panel
            g.setColor(Color.GRAY);
            for (long sec = 0; sec <= (t1 - t0) / 1000; sec += 20) {
                int tx = x(t0 + sec * 1000, t0, t1);
                g.drawLine(tx, y0 + PANEL, tx, y0 + PANEL + 4);
                g.drawString(sec + " s", tx - 8, y0 + PANEL + 16);
            }
            g.setColor(Color.BLACK);
            g.drawRect(LEFT, y0, W - LEFT - 20, PANEL);
            g.drawString(titles[p] + " (max " + (long) max + ")", LEFT, y0 - 6);
            g.drawString("0", LEFT - 20, y0 + PANEL);
            g.drawString(String.valueOf((long) max), LEFT - 45, y0 + 12);
            g.setColor(colors[p]);
            g.setStroke(new BasicStroke(2f));
            for (int i = 1; i < n; i++) {
                g.drawLine(
                        x(ts[i - 1], t0, t1),
                        y0 + PANEL - (int) (series[p][i - 1] / max * PANEL),
                        x(ts[i], t0, t1),
                        y0 + PANEL - (int) (series[p][i] / max * PANEL));
            }
            if (p == 0) {
                g.setColor(new Color(0x2c, 0xa0, 0x2c));
                for (int i = 1; i < n; i++) {
                    g.drawLine(
                            x(ts[i - 1], t0, t1),
                            y0 + PANEL - (int) (labels[i - 1] / max * PANEL),
                            x(ts[i], t0, t1),
                            y0 + PANEL - (int) (labels[i] / max * PANEL));
                }
            }
            g.setStroke(new BasicStroke(1f));
        }
        g.setColor(Color.BLACK);
        g.drawString(
                String.format(
                        "seconds since the stations were ready (0 to %.0f); shaded: the faults, named at the top",
                        (t1 - t0) / 1000.0),
                LEFT,
                h - 6);
        g.dispose();
        try {
            ImageIO.write(img, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int x(long t, long t0, long t1) {
        return LEFT + (int) ((double) Math.max(0, t - t0) / Math.max(1, t1 - t0) * (W - LEFT - 20));
    }
}
