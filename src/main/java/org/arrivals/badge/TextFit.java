package org.arrivals.badge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.arrivals.badge.text.FontChain;
import org.arrivals.badge.text.ShapedLine;
import org.arrivals.badge.text.Shaper;

/**
 * Fits text in a box, largest first: shrink (down to the minimum size), then wrap onto up to N
 * lines, then try the shorter form the caller offers (a name with its middle names as initials),
 * and as a last resort end the last line with "…".
 * Widths are measured by shaping, so every script is measured as it will be drawn.
 */
final class TextFit {
    private static final float STEP = 0.5f;

    private TextFit() {}

    record Fit(float size, List<ShapedLine> lines) {}

    /**
     * @param shorter a shorter form to try before cutting, such as a name with its middle names as
     *                initials; null when the text has none
     */
    static Fit fit(
            String text,
            String shorter,
            FontChain chain,
            float width,
            float height,
            float maxSize,
            float minSize,
            int maxLines,
            float lineFactor) {
        for (String candidate : shorter == null ? new String[] {text} : new String[] {text, shorter}) {
            for (float size = maxSize; size >= minSize - 1e-3; size -= STEP) {
                int linesThatFit = Math.max(1, Math.min(maxLines, (int) Math.floor(height / (size * lineFactor))));
                List<ShapedLine> lines = wrap(candidate, chain, size, width, linesThatFit);
                if (lines != null) {
                    return new Fit(size, lines.size() > 1 ? balance(candidate, chain, size, lines.size()) : lines);
                }
            }
        }
        return new Fit(
                minSize,
                cut(shorter == null ? text : shorter, chain, minSize, width, Math.max(1, Math.min(maxLines, (int)
                        Math.floor(height / (minSize * lineFactor))))));
    }

    /**
     * The same number of lines, broken where the widest line is narrowest, so a long name does not
     * end with one short word alone ("de la / Cruz"). Names have few words: every split is tried,
     * each piece shaped once.
     */
    private static List<ShapedLine> balance(String text, FontChain chain, float size, int lines) {
        String[] words = text.strip().split("\\s+");
        int n = words.length;
        ShapedLine[][] piece = new ShapedLine[n][n + 1];
        int[] best = null;
        float bestWidth = Float.MAX_VALUE;
        int[] breaks = new int[lines + 1];
        breaks[lines] = n;
        for (int[] split : splits(n, lines)) {
            System.arraycopy(split, 0, breaks, 0, lines);
            float widest = 0;
            for (int l = 0; l < lines; l++) {
                int from = breaks[l];
                int to = breaks[l + 1];
                if (piece[from][to] == null) {
                    piece[from][to] = Shaper.shape(String.join(" ", Arrays.copyOfRange(words, from, to)), size, chain);
                }
                widest = Math.max(widest, piece[from][to].width());
            }
            if (widest < bestWidth) {
                bestWidth = widest;
                best = breaks.clone();
            }
        }
        List<ShapedLine> out = new ArrayList<>(lines);
        for (int l = 0; l < lines; l++) {
            out.add(piece[best[l]][best[l + 1]]);
        }
        return out;
    }

    /** Every way to cut n words into k non-empty lines, as the index of each line's first word. */
    private static List<int[]> splits(int n, int k) {
        List<int[]> out = new ArrayList<>();
        int[] current = new int[k];
        splits(n, k, 1, 1, current, out);
        return out;
    }

    private static void splits(int n, int k, int line, int from, int[] current, List<int[]> out) {
        if (line == k) {
            out.add(current.clone());
            return;
        }
        for (int start = from; start <= n - (k - line); start++) {
            current[line] = start;
            splits(n, k, line + 1, start + 1, current, out);
        }
    }

    /** The last resort: fill the lines word by word at the smallest size, ending the last with "…". */
    private static List<ShapedLine> cut(String text, FontChain chain, float size, float width, int maxLines) {
        List<ShapedLine> lines = new ArrayList<>();
        String rest = text.strip();
        while (lines.size() < maxLines - 1 && !rest.isEmpty()) {
            String[] words = rest.split("\\s+");
            int take = 0;
            while (take < words.length
                    && Shaper.shape(String.join(" ", Arrays.copyOf(words, take + 1)), size, chain)
                                    .width()
                            <= width) {
                take++;
            }
            if (take == 0) {
                break;
            }
            lines.add(Shaper.shape(String.join(" ", Arrays.copyOf(words, take)), size, chain));
            rest = String.join(" ", Arrays.copyOfRange(words, take, words.length));
        }
        if (!rest.isEmpty()) {
            ShapedLine last = Shaper.shape(rest, size, chain);
            lines.add(last.width() <= width ? last : ellipsize(rest, chain, size, width));
        }
        return lines;
    }

    /** Greedy word wrap; null when it needs more lines than allowed or one word is too wide. */
    private static List<ShapedLine> wrap(String text, FontChain chain, float size, float width, int maxLines) {
        ShapedLine whole = Shaper.shape(text, size, chain);
        if (whole.width() <= width) {
            return List.of(whole);
        }
        if (maxLines == 1) {
            return null;
        }
        String[] words = text.strip().split("\\s+");
        List<ShapedLine> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        ShapedLine currentLine = null;
        for (String word : words) {
            String trial = current.length() == 0 ? word : current + " " + word;
            ShapedLine shaped = Shaper.shape(trial, size, chain);
            if (shaped.width() <= width) {
                current = new StringBuilder(trial);
                currentLine = shaped;
                continue;
            }
            if (currentLine == null) {
                return null; // a single word wider than the box
            }
            lines.add(currentLine);
            if (lines.size() == maxLines) {
                return null;
            }
            current = new StringBuilder(word);
            currentLine = Shaper.shape(word, size, chain);
            if (currentLine.width() > width) {
                return null;
            }
        }
        if (currentLine != null) {
            lines.add(currentLine);
        }
        return lines.size() <= maxLines ? lines : null;
    }

    private static ShapedLine ellipsize(String text, FontChain chain, float size, float width) {
        String t = text.strip();
        while (t.length() > 1) {
            t = t.substring(0, t.offsetByCodePoints(t.length(), -1)).strip();
            ShapedLine l = Shaper.shape(t + "…", size, chain);
            if (l.width() <= width) {
                return l;
            }
        }
        return Shaper.shape(t, size, chain);
    }
}
