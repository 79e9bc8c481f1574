package org.arrivals.certificate;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.arrivals.badge.text.FontChain;
import org.arrivals.badge.text.PdfGlyphWriter;
import org.arrivals.badge.text.PdfQr;
import org.arrivals.badge.text.ShapedLine;
import org.arrivals.badge.text.Shaper;
import org.arrivals.i18n.Texts;
import org.arrivals.session.Attendance;

/**
 * Turns a template and what people attended into certificates of attendance: a pure function of
 * its inputs, like a badge. Every name and title is shaped in its own script and drawn as glyphs
 * (the badges' {@code badge.text}); each page's words are in the person's language, right to
 * left in Arabic; the QR code is vector squares. Many certificates go into one document, which
 * embeds each font once.
 */
public final class CertificateRenderer {
    static final float PT_PER_MM = 72f / 25.4f;
    private static final float LINE = 1.3f;

    /** One person's certificate: who, what they attended, in which language, and its signed QR text. */
    public record Certificate(
            org.arrivals.attendee.Attendee attendee,
            Attendance attendance,
            String eventName,
            Locale language,
            LocalDate issued,
            int minMinutes,
            String token) {}

    private CertificateRenderer() {}

    /** Every certificate in one PDF, in order (a person with many sessions takes more than one page). */
    public static byte[] render(CertificateTemplate t, List<Certificate> certificates) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(t, certificates, out);
        return out.toByteArray();
    }

    public static void write(CertificateTemplate t, List<Certificate> certificates, OutputStream out) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(
                    certificates.size() == 1 ? "Certificate of attendance" : certificates.size() + " certificates");
            info.setCreator("Arrivals");
            PdfGlyphWriter glyphs = new PdfGlyphWriter(doc);
            for (Certificate c : certificates) {
                new Page(doc, glyphs, t, c).draw();
            }
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the certificate PDF", e);
        }
    }

    /** One person's pages being drawn. */
    private static final class Page {
        private final PDDocument doc;
        private final PdfGlyphWriter glyphs;
        private final CertificateTemplate t;
        private final Certificate c;
        private final Texts texts;
        private final boolean rtl;
        private final float pageW;
        private final float pageH;
        private final float left;
        private final float right;
        private final Color accent;
        private final DateTimeFormatter dates;
        private final DateTimeFormatter times;
        private final NumberFormat numbers;
        private PDPageContentStream cs;

        Page(PDDocument doc, PdfGlyphWriter glyphs, CertificateTemplate t, Certificate c) {
            this.doc = doc;
            this.glyphs = glyphs;
            this.t = t;
            this.c = c;
            this.texts = new Texts(c.language());
            this.rtl = c.language().getLanguage().equals("ar");
            this.pageW = mm(t.width());
            this.pageH = mm(t.height());
            this.left = mm(t.margin());
            this.right = pageW - mm(t.margin());
            this.accent = t.accent() == null ? Color.BLACK : Color.decode(t.accent());
            DecimalStyle digits = DecimalStyle.of(c.language());
            this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                    .withLocale(c.language())
                    .withDecimalStyle(digits);
            this.times = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                    .withLocale(c.language())
                    .withDecimalStyle(digits);
            this.numbers = NumberFormat.getNumberInstance(c.language());
            numbers.setMaximumFractionDigits(2);
        }

        void draw() throws IOException {
            newPage();
            centred(texts.t("certificate.title"), t.title(), accent);
            centred(texts.t("certificate.intro"), t.intro(), Color.DARK_GRAY);
            name();
            String org = c.attendee().organization();
            if (org != null && !org.isBlank()) {
                centred(org, t.organization(), Color.DARK_GRAY);
            }
            float y = wrapped(
                    texts.t(
                            "certificate.statement",
                            c.eventName() == null || c.eventName().isBlank()
                                    ? texts.t("certificate.theEvent")
                                    : c.eventName()),
                    t.statement(),
                    top(t.statement()),
                    Color.BLACK,
                    true);
            List<String> days = new ArrayList<>();
            c.attendance().days().forEach(d -> days.add(plain(dates.format(d))));
            wrapped(
                    texts.t("certificate.days", String.join(texts.t("certificate.listSeparator"), days)),
                    t.days(),
                    Math.min(y, top(t.days())),
                    Color.BLACK,
                    true);
            table();
            footer();
            cs.close();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(new PDRectangle(pageW, pageH));
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            if (t.border()) {
                cs.setStrokingColor(accent);
                cs.setLineWidth(2.5f);
                float inset = mm(t.margin()) / 2;
                cs.addRect(inset, inset, pageW - 2 * inset, pageH - 2 * inset);
                cs.stroke();
                cs.setLineWidth(0.6f);
                cs.addRect(inset + 4, inset + 4, pageW - 2 * inset - 8, pageH - 2 * inset - 8);
                cs.stroke();
            }
        }

        /** The name, as large as fits the width (shrinking to the template's minimum, then on two lines). */
        private void name() throws IOException {
            CertificateTemplate.Block b = t.person();
            FontChain chain = b.bold() ? FontChain.bold() : FontChain.regular();
            // the registered name (a funder or a licensing board checks it against an ID), not the badge's
            String name = c.attendee().legalName();
            float width = right - left;
            float min = (float) (b.minSize() > 0 ? b.minSize() : b.size());
            for (float size = (float) b.size(); size >= min - 1e-3; size -= 0.5f) {
                ShapedLine line = Shaper.shape(name, size, chain);
                if (line.width() <= width) {
                    cs.setNonStrokingColor(Color.BLACK);
                    glyphs.draw(cs, line, (pageW - line.width()) / 2, top(b) - size);
                    return;
                }
            }
            wrapped(name, new CertificateTemplate.Block(b.y(), min, min, b.bold(), 0), top(b), Color.BLACK, true);
        }

        /** A single line centred on the page at its block's place. */
        private void centred(String text, CertificateTemplate.Block b, Color color) throws IOException {
            wrapped(text, b, top(b), color, true);
        }

        /** Text wrapped to the page's width from {@code y} (the top, in points); returns the y below it. */
        private float wrapped(String text, CertificateTemplate.Block b, float y, Color color, boolean centre)
                throws IOException {
            float size = (float) b.size();
            FontChain chain = b.bold() ? FontChain.bold() : FontChain.regular();
            cs.setNonStrokingColor(color);
            for (ShapedLine line : wrap(text, size, chain, right - left)) {
                y -= size;
                float x = centre ? (pageW - line.width()) / 2 : rtl ? right - line.width() : left;
                glyphs.draw(cs, line, x, y);
                y -= size * (LINE - 1);
            }
            return y - size * 0.6f;
        }

        /** The sessions: date, time, title, minutes in the room (mirrored right to left), over pages as needed. */
        private void table() throws IOException {
            CertificateTemplate.Block b = t.table();
            float size = (float) b.size();
            float bottom = pageH - mm(b.bottom());
            float width = right - left;
            // columns as shares of the width: date, time, session, minutes
            float[] share = {0.20f, 0.25f, 0.41f, 0.14f};
            String[] head = {
                texts.t("certificate.col.date"),
                texts.t("certificate.col.time"),
                texts.t("certificate.col.session"),
                texts.t("certificate.col.minutes")
            };
            float y = top(b);
            List<Attendance.Attended> rows = c.attendance().sessions();
            if (rows.isEmpty()) {
                wrapped(texts.t("certificate.noSessions"), b, y, Color.DARK_GRAY, true);
                return;
            }
            y = header(head, share, width, size, y);
            for (Attendance.Attended a : rows) {
                String[] cells = {
                    plain(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                            .withLocale(c.language())
                            .withDecimalStyle(DecimalStyle.of(c.language()))
                            .format(a.session().date())),
                    plain(time(a.session().start()) + " – " + time(a.session().end())),
                    a.session().title(),
                    plain(numbers.format(a.minutes()))
                };
                List<List<ShapedLine>> lines = new ArrayList<>();
                int most = 1;
                for (int i = 0; i < cells.length; i++) {
                    List<ShapedLine> l = wrap(cells[i], size, FontChain.regular(), width * share[i] - 6);
                    lines.add(l);
                    most = Math.max(most, l.size());
                }
                float rowH = most * size * LINE + 3;
                if (y - rowH < bottom) {
                    newPage();
                    y = top(t.title());
                    y = wrapped(
                            texts.t("certificate.continued", c.attendee().legalName()),
                            t.intro(),
                            y,
                            Color.DARK_GRAY,
                            true);
                    y = header(head, share, width, size, y);
                }
                cs.setNonStrokingColor(Color.BLACK);
                row(lines, share, width, size, y);
                y -= rowH;
                cs.setStrokingColor(new Color(0xD0, 0xD7, 0xDE));
                cs.setLineWidth(0.4f);
                cs.moveTo(left, y + 1.5f);
                cs.lineTo(right, y + 1.5f);
                cs.stroke();
            }
            float totalHours = c.attendance().totalMinutes() / 60f;
            y -= 4;
            y = wrapped(
                    texts.t(
                            "certificate.total",
                            numbers.format(totalHours),
                            numbers.format(c.attendance().sessions().size())),
                    t.total(),
                    y,
                    Color.BLACK,
                    false);
            if (c.minMinutes() > 0) {
                wrapped(
                        texts.t("certificate.minMinutes", numbers.format(c.minMinutes())),
                        new CertificateTemplate.Block(0, t.footer().size() + 1, 0, false, 0),
                        y,
                        Color.DARK_GRAY,
                        false);
            }
        }

        private float header(String[] head, float[] share, float width, float size, float y) throws IOException {
            List<List<ShapedLine>> lines = new ArrayList<>();
            for (int i = 0; i < head.length; i++) {
                lines.add(wrap(head[i], size, FontChain.bold(), width * share[i] - 6));
            }
            cs.setNonStrokingColor(accent);
            row(lines, share, width, size, y);
            int most = lines.stream().mapToInt(List::size).max().orElse(1);
            y -= most * size * LINE + 3;
            cs.setStrokingColor(accent);
            cs.setLineWidth(0.8f);
            cs.moveTo(left, y + 1.5f);
            cs.lineTo(right, y + 1.5f);
            cs.stroke();
            return y - 2;
        }

        /** A row's cells from the start side (left, or right in Arabic), each cell's lines from its top. */
        private void row(List<List<ShapedLine>> cells, float[] share, float width, float size, float y)
                throws IOException {
            float start = 0;
            for (int i = 0; i < cells.size(); i++) {
                float colW = width * share[i];
                float colLeft = rtl ? right - start - colW : left + start;
                float ly = y;
                for (ShapedLine line : cells.get(i)) {
                    ly -= size;
                    float x = rtl ? colLeft + colW - 3 - line.width() : colLeft + 3;
                    glyphs.draw(cs, line, x, ly);
                    ly -= size * (LINE - 1);
                }
                start += colW;
            }
        }

        /** The QR code (the start side's far corner) and the footer that says what it is. */
        private void footer() throws IOException {
            float side = mm(t.qr().size());
            float y = pageH - mm(t.qr().y()) - side;
            float x = rtl ? left : right - side;
            PdfQr.draw(cs, c.token(), x, y, side);
            CertificateTemplate.Block f = t.footer();
            float textW = right - left - side - 12;
            float tx = rtl ? left + side + 12 : left;
            float ty = pageH - mm(t.qr().y());
            cs.setNonStrokingColor(Color.DARK_GRAY);
            for (String text : List.of(
                    texts.t(
                            "certificate.issued",
                            plain(dates.format(c.issued())),
                            c.attendee().code()),
                    texts.t("certificate.verify"))) {
                for (ShapedLine line : wrap(text, (float) f.size(), FontChain.regular(), textW)) {
                    ty -= (float) f.size();
                    glyphs.draw(cs, line, rtl ? tx + textW - line.width() : tx, ty);
                    ty -= (float) f.size() * (LINE - 1);
                }
                ty -= (float) f.size() * 0.6f;
            }
        }

        private String time(LocalTime at) {
            return times.format(at);
        }

        private float top(CertificateTemplate.Block b) {
            return pageH - mm(b.y());
        }
    }

    /** Greedy word wrap by shaped width; a word wider than the line is cut where it fits. */
    static List<ShapedLine> wrap(String text, float size, FontChain chain, float width) {
        List<ShapedLine> lines = new ArrayList<>();
        String s = text == null ? "" : text.strip();
        ShapedLine whole = Shaper.shape(s, size, chain);
        if (whole.width() <= width) {
            lines.add(whole);
            return lines;
        }
        String[] words = s.split("\\s+");
        StringBuilder current = new StringBuilder();
        ShapedLine currentLine = null;
        for (String word : words) {
            String trial = current.length() == 0 ? word : current + " " + word;
            ShapedLine shaped = Shaper.shape(trial, size, chain);
            if (shaped.width() <= width || current.length() == 0) {
                current = new StringBuilder(trial);
                currentLine = shaped;
                continue;
            }
            lines.add(currentLine);
            current = new StringBuilder(word);
            currentLine = Shaper.shape(word, size, chain);
        }
        if (currentLine != null) {
            lines.add(currentLine);
        }
        return lines;
    }

    /** Without the invisible direction marks some locales put around numbers (fonts draw them as boxes). */
    static String plain(String s) {
        return s.replaceAll("[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]", "");
    }

    static float mm(double v) {
        return (float) v * PT_PER_MM;
    }
}
