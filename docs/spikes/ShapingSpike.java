import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextAttribute;
import java.awt.geom.Point2D;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.Character.UnicodeScript;
import java.text.Bidi;
import java.util.*;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * Spike: shape text with the JDK's HarfBuzz (Font.layoutGlyphVector), draw the resulting glyph ids with
 * PDFBox 3 (PDType0Font, Identity-H, CID = original GID), and wrap every HarfBuzz cluster whose ToUnicode
 * entry would be wrong (Arabic joining forms, ligatures, conjuncts, reordered matras) in /Span /ActualText.
 * Not thread-safe as written: Face.ttf (fontbox) reads tables lazily; precompute widths/toUnicode for production.
 */
public class ShapingSpike {

    /** One font of the fallback chain: parsed once per JVM, shared by all documents. */
    static final class Face {
        final String file; final Font awt; final TrueTypeFont ttf; final float unitsPerEm;
        final Set<UnicodeScript> scripts;
        Face(String file, UnicodeScript... scripts) throws Exception {
            this.file = file;
            this.awt = Font.createFont(Font.TRUETYPE_FONT, new File(file));
            this.ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file)); // metrics only
            this.unitsPerEm = ttf.getUnitsPerEm();
            this.scripts = EnumSet.noneOf(UnicodeScript.class);
            this.scripts.addAll(Arrays.asList(scripts));
        }
        boolean canDisplay(int cp) { return awt.canDisplay(cp); }
        /** What PDFBox's generated ToUnicode CMap will say for this glyph: first code of the reverse cmap lookup. */
        String toUnicode(int gid) throws IOException {
            List<Integer> codes = ttf.getUnicodeCmapLookup().getCharCodes(gid);
            return codes == null || codes.isEmpty() ? null : new String(new int[] { codes.get(0) }, 0, 1);
        }
        /** Glyph width exactly as PDFBox writes it into /W (Math.round(adv * 1000 / upem)). */
        int pdfWidth(int gid) throws IOException {
            return Math.round(ttf.getHorizontalMetrics().getAdvanceWidth(gid) * (1000f / unitsPerEm));
        }
    }

    static final String NOTO = "/usr/share/fonts/truetype/noto/";
    static final List<Face> CHAIN = new ArrayList<>();

    static synchronized void initChain(boolean withEmojiFont) throws Exception {
        if (!CHAIN.isEmpty()) return;
        CHAIN.add(new Face(NOTO + "NotoSans-Regular.ttf", UnicodeScript.LATIN, UnicodeScript.GREEK, UnicodeScript.CYRILLIC));
        CHAIN.add(new Face(NOTO + "NotoSansArabic-Regular.ttf", UnicodeScript.ARABIC));
        CHAIN.add(new Face(NOTO + "NotoSansHebrew-Regular.ttf", UnicodeScript.HEBREW));
        CHAIN.add(new Face(NOTO + "NotoSansDevanagari-Regular.ttf", UnicodeScript.DEVANAGARI));
        CHAIN.add(new Face(NOTO + "NotoSansEthiopic-Regular.ttf", UnicodeScript.ETHIOPIC));
        CHAIN.add(new Face(NOTO + "NotoSansMyanmar-Regular.ttf", UnicodeScript.MYANMAR));
        CHAIN.add(new Face("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA, UnicodeScript.BOPOMOFO));
        // Droid Sans Fallback has no precomposed Hangul syllables (only U+AC00), so Korean needs its own font.
        CHAIN.add(new Face("/usr/share/fonts/truetype/nanum/NanumGothic.ttf", UnicodeScript.HANGUL));
        if (withEmojiFont) // monochrome outline emoji; Noto Color Emoji (CBDT bitmaps) cannot be used, see main()
            CHAIN.add(new Face("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"));
    }

    /** A shaped glyph: glyph id + position (pt, relative to run origin, y up). */
    record Glyph(int gid, float x, float y) {}
    /** HarfBuzz cluster: glyphs (visual order) + the logical text they stand for; actualText null = ToUnicode is right. */
    record Cluster(List<Glyph> glyphs, String actualText) {}
    /** A shaped run (one font, one direction), clusters in visual order; text = logical text of the run. */
    record Run(Face face, float size, String text, List<Cluster> clusters, float advance) {}

    static final Map<TextAttribute, Object> KERN_LIGA =
            Map.of(TextAttribute.KERNING, TextAttribute.KERNING_ON, TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON);
    static final FontRenderContext FRC = new FontRenderContext(null, true, true); // fractional metrics: no rounding

    static boolean isIgnorable(int cp) { // ZWJ/ZWNJ/VS etc.: stay with neighbour, never force a font switch
        return cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /** Assigns a face to every char (same index as the string); null = no font can draw it. */
    static Face[] assignFaces(String s) {
        Face[] faces = new Face[s.length()];
        boolean[] weak = new boolean[s.length()];
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i), n = Character.charCount(cp);
            UnicodeScript sc = UnicodeScript.of(cp);
            Face f = null;
            boolean w = sc == UnicodeScript.COMMON || sc == UnicodeScript.INHERITED || isIgnorable(cp);
            if (!w) {
                for (Face c : CHAIN) if (c.scripts.contains(sc) && c.canDisplay(cp)) { f = c; break; }
                if (f == null) for (Face c : CHAIN) if (c.canDisplay(cp)) { f = c; break; }
            }
            for (int k = 0; k < n; k++) { faces[i + k] = f; weak[i + k] = w; }
            i += n;
        }
        // weak chars (spaces, punctuation, combining marks, ZWJ) take the font of a neighbour that can draw them
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i), n = Character.charCount(cp);
            if (weak[i]) {
                Face f = null;
                Face prev = i > 0 ? faces[i - 1] : null;
                Face next = null;
                for (int j = i + n; j < s.length() && next == null; j++) if (!weak[j]) next = faces[j];
                if (prev != null && (prev.canDisplay(cp) || isIgnorable(cp))) f = prev;
                else if (next != null && (next.canDisplay(cp) || isIgnorable(cp))) f = next;
                else if (!isIgnorable(cp)) for (Face c : CHAIN) if (c.canDisplay(cp)) { f = c; break; }
                for (int k = 0; k < n; k++) faces[i + k] = f;
            }
            i += n;
        }
        return faces;
    }

    /** Drops what no font can draw (e.g. emoji without an emoji font) and tidies the spaces left behind. */
    static String dropUndrawable(String s) {
        Face[] faces = assignFaces(s);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) if (faces[i] != null) b.append(s.charAt(i));
        return b.toString().replaceAll("\\s+", " ").trim();
    }

    /** Bidi + font itemisation + HarfBuzz shaping. Returns runs in visual (left-to-right) order. */
    static List<Run> shapeLine(String text, float size) throws IOException {
        String s = dropUndrawable(text);
        Face[] faces = assignFaces(s);
        char[] chars = s.toCharArray();
        Bidi bidi = new Bidi(s, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int n = bidi.getRunCount();
        byte[] levels = new byte[n];
        @SuppressWarnings({"unchecked", "rawtypes"}) List<Run>[] bidiRuns = new List[n];
        for (int r = 0; r < n; r++) {
            int start = bidi.getRunStart(r), limit = bidi.getRunLimit(r), level = bidi.getRunLevel(r);
            levels[r] = (byte) level;
            boolean rtl = (level & 1) == 1;
            List<Run> sub = new ArrayList<>();
            for (int i = start; i < limit; ) {               // split the bidi run where the font changes
                int j = i + 1;
                while (j < limit && faces[j] == faces[i]) j++;
                sub.add(shape(faces[i], size, chars, i, j, rtl));
                i = j;
            }
            if (rtl) Collections.reverse(sub);                // font runs of an RTL run go right-to-left
            bidiRuns[r] = sub;
        }
        Bidi.reorderVisually(levels, 0, bidiRuns, 0, n);
        List<Run> out = new ArrayList<>();
        for (List<Run> l : bidiRuns) out.addAll(l);
        return out;
    }

    static Run shape(Face face, float size, char[] chars, int start, int limit, boolean rtl) throws IOException {
        Font f = face.awt.deriveFont(size).deriveFont(KERN_LIGA); // JDK applies kern/liga only when asked
        GlyphVector gv = f.layoutGlyphVector(FRC, chars, start, limit,
                rtl ? Font.LAYOUT_RIGHT_TO_LEFT : Font.LAYOUT_LEFT_TO_RIGHT);
        int ng = gv.getNumGlyphs();
        String text = new String(chars, start, limit - start);
        TreeSet<Integer> clusterStarts = new TreeSet<>();  // char index (relative to start) of every cluster
        for (int g = 0; g < ng; g++) clusterStarts.add(gv.getGlyphCharIndex(g));
        List<Cluster> clusters = new ArrayList<>();
        for (int g = 0; g < ng; ) {
            int ci = gv.getGlyphCharIndex(g), h = g;
            List<Glyph> glyphs = new ArrayList<>();
            for (; h < ng && gv.getGlyphCharIndex(h) == ci; h++) {   // consecutive glyphs of one cluster
                int gid = gv.getGlyphCode(h);
                if (gid >= 0xFFFE) continue;                        // JDK's invisible glyph for ZWJ/ZWNJ/controls
                Point2D p = gv.getGlyphPosition(h);
                glyphs.add(new Glyph(gid, (float) p.getX(), (float) -p.getY())); // awt y is down, PDF y is up
            }
            Integer next = clusterStarts.higher(ci);
            String ct = text.substring(ci, next == null ? text.length() : next);
            if (!glyphs.isEmpty()) {
                boolean toUnicodeOk = glyphs.size() == 1 && ct.equals(face.toUnicode(glyphs.get(0).gid()));
                clusters.add(new Cluster(glyphs, toUnicodeOk ? null : ct));
            }
            g = h;
        }
        float adv = (float) gv.getGlyphPosition(ng).getX();
        return new Run(face, size, text, clusters, adv);
    }

    /** Per-document PDType0Fonts, loaded lazily (only faces actually used get embedded). */
    static final class DocFonts {
        final PDDocument doc; final Map<Face, PDType0Font> map = new HashMap<>();
        DocFonts(PDDocument doc) { this.doc = doc; }
        PDType0Font get(Face f) throws IOException {
            PDType0Font pd = map.get(f);
            if (pd == null) { pd = PDType0Font.load(doc, new File(f.file)); map.put(f, pd); } // embedSubset = true
            return pd;
        }
    }

    static float width(List<Run> runs) { float w = 0; for (Run r : runs) w += r.advance(); return w; }

    /** Writes glyphs as "Tm [<gid> adj <gid> ...] TJ"; a glyph off the current baseline (mark) starts a new Tm. */
    static final class TjWriter {
        final PDPageContentStream cs; final Face face; final float size, ox, oy;
        StringBuilder tj; float segY, prevX; int prevW;
        TjWriter(PDPageContentStream cs, Face face, float size, float ox, float oy) {
            this.cs = cs; this.face = face; this.size = size; this.ox = ox; this.oy = oy;
        }
        void glyph(Glyph g) throws IOException {
            if (tj == null || Math.abs(g.y() - segY) > 1e-3f) {
                flush();
                cs.setTextMatrix(Matrix.getTranslateInstance(ox + g.x(), oy + g.y()));
                tj = new StringBuilder();
                segY = g.y();
            } else {                      // TJ number = natural advance - wanted advance, in 1/1000 text space
                float adj = prevW - (g.x() - prevX) * 1000f / size;
                if (Math.abs(adj) > 0.5f) tj.append(String.format(Locale.ROOT, "%.1f", adj));
            }
            tj.append(String.format("<%04X>", g.gid())); // Identity-H: 2-byte CID, and PDFBox keeps CID = original GID
            prevX = g.x();
            prevW = face.pdfWidth(g.gid());
        }
        void flush() throws IOException { if (tj != null) showGlyphsTJ(cs, tj); tj = null; }
    }

    /** Draws one shaped line with its left edge at x, baseline at y. */
    static void drawLine(PDPageContentStream cs, DocFonts fonts, List<Run> runs, float x, float y) throws IOException {
        for (Run run : runs) {
            PDType0Font pd = fonts.get(run.face());
            Set<Integer> gids = new HashSet<>();
            for (Cluster c : run.clusters()) for (Glyph g : c.glyphs()) gids.add(g.gid());
            pd.addGlyphsToSubset(gids);           // showText() would do this per code point; we must do it per GID

            cs.beginText();
            cs.setFont(pd, run.size());           // also registers pd in doc.getFontsToSubset()
            TjWriter w = new TjWriter(cs, run.face(), run.size(), x, y);
            for (Cluster c : run.clusters()) {
                if (c.actualText() == null) {     // 1 glyph whose ToUnicode entry already is the right text
                    w.glyph(c.glyphs().get(0));
                    continue;
                }
                w.flush();
                beginActualText(cs, c.actualText());
                for (Glyph g : c.glyphs()) w.glyph(g);
                w.flush();
                cs.endMarkedContent();
            }
            w.flush();
            cs.endText();
            x += run.advance();
        }
    }

    /**
     * "/Span <</ActualText <FEFF...>>> BDC" with an INLINE dictionary. beginMarkedContent(name, PDPropertyList)
     * writes "/Span /Prop1 BDC" (a /Properties resource); poppler (pdftotext 22.12) ignores ActualText there.
     */
    @SuppressWarnings("deprecation")
    static void beginActualText(PDPageContentStream cs, String text) throws IOException {
        StringBuilder hex = new StringBuilder("FEFF");
        for (char c : text.toCharArray()) hex.append(String.format("%04X", (int) c)); // UTF-16BE, BOM
        cs.appendRawCommands("/Span <</ActualText <" + hex + ">>> BDC\n");
    }

    /**
     * PDPageContentStream is final, its writers are package-private and it has no glyph-id API, so the TJ goes
     * through appendRawCommands (deprecated as "discouraged" in 3.0.x, but the only public raw route).
     * body = "<0012>-35.20<00A7>..." : 2-byte hex CIDs (= original GIDs) and TJ adjustments (1/1000 em).
     */
    @SuppressWarnings("deprecation")
    static void showGlyphsTJ(PDPageContentStream cs, CharSequence body) throws IOException {
        cs.appendRawCommands("[" + body + "] TJ\n");
    }

    static final float W = 4 * 72, H = 3 * 72, MARGIN = 14;

    /** One badge page: lines centered, each shrunk to fit the width. */
    static void addBadge(PDDocument doc, DocFonts fonts, String[] lines, float[] sizes) throws IOException {
        PDPage page = new PDPage(new PDRectangle(W, H));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            float y = H - 60;
            for (int i = 0; i < lines.length; i++) {
                float size = sizes[i];
                List<Run> runs = shapeLine(lines[i], size);
                float w = width(runs);
                if (w > W - 2 * MARGIN) { size *= (W - 2 * MARGIN) / w; runs = shapeLine(lines[i], size); w = width(runs); }
                drawLine(cs, fonts, runs, (W - w) / 2, y);
                y -= size * 1.6f;
            }
        }
    }

    static byte[] badgePdf(String[][] badges, float[] sizes) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            DocFonts fonts = new DocFonts(doc);
            for (String[] lines : badges) addBadge(doc, fonts, lines, sizes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);                        // subsetting happens here
            return out.toByteArray();
        }
    }

    static final String[] NAMES = { "Nguyễn Thị Minh Khai", "محمد عبد الله", "Ahmed محمد Khan", "יוסף כהן", "王小明",
            "김민준", "बहादुर गुरुङ", "አበበ በቀለ", "အောင်ဆန်း", "Łukasz Żółć", "Ελένη Παπαδοπούλου",
            "Олена Коваленко", "Amara 😀 Okafor" };
    /** Harder cases: NFD Vietnamese (mark stacking via GPOS), Arabic harakat + lam-alef, Devanagari conjuncts/reph,
     *  Myanmar kinzi/medials, Latin kerning + fi ligature, Hebrew niqqud. */
    static final String[] STRESS = { java.text.Normalizer.normalize("Nguyễn Thị Ðức", java.text.Normalizer.Form.NFD),
            "مُحَمَّد علاء", "क्षत्रिय श्रीकृष्ण र्क", "မင်္ဂလာ ကြွ", "AVATAR Tiffany", "יִצְחָק" };

    static final String[][] BADGE3 = { { "Nguyễn Thị Minh Khai", "محمد عبد الله", "बहादुर गुरुङ" } };
    static final float[] BADGE3_SIZES = { 36, 28, 24 };

    public static void main(String[] args) throws Exception {
        boolean emojiFont = args.length > 0 && args[0].equals("symbola");
        initChain(emojiFont);
        String dir = "/tmp/shaping-spike/";
        // 1. one page per test name, 30 pt
        String[][] pages = new String[NAMES.length][];
        for (int i = 0; i < NAMES.length; i++) pages[i] = new String[] { NAMES[i] };
        java.nio.file.Files.write(java.nio.file.Path.of(dir + (emojiFont ? "names-symbola.pdf" : "names.pdf")),
                badgePdf(pages, new float[] { 30 }));
        String[][] stress = new String[STRESS.length][];
        for (int i = 0; i < STRESS.length; i++) stress[i] = new String[] { STRESS[i] };
        java.nio.file.Files.write(java.nio.file.Path.of(dir + "stress.pdf"), badgePdf(stress, new float[] { 30 }));
        // 2. a realistic 3-line badge (timing: see Bench.java)
        java.nio.file.Files.write(java.nio.file.Path.of(dir + "badge3.pdf"), badgePdf(BADGE3, BADGE3_SIZES));
    }
}
