package org.arrivals.badge;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.arrivals.attendee.Attendee;
import org.arrivals.badge.text.FontChain;
import org.arrivals.badge.text.PdfGlyphWriter;
import org.arrivals.badge.text.PdfQr;
import org.arrivals.badge.text.ShapedLine;

/**
 * Turns a template and an attendee into a badge PDF: a pure function of its inputs, with no
 * printer, store or screen involved. Many badges can go into one document (pre-printing), which
 * embeds each font once.
 */
public final class BadgeRenderer {
    static final float PT_PER_MM = 72f / 25.4f;
    private static final float LINE = 1.18f;

    private final BadgeToken tokens;

    public BadgeRenderer(BadgeToken tokens) {
        this.tokens = tokens;
    }

    /** Where a text element's lines landed, in points from the bottom-left: for tests and previews. */
    public record PlacedText(
            String value,
            List<String> lines,
            float size,
            float boxWidth,
            float boxHeight,
            float widestLine,
            float blockHeight) {}

    public byte[] render(BadgeTemplate template, Attendee attendee, String eventName) {
        return renderAll(template, List.of(attendee), eventName);
    }

    /** One badge of generation {@code generation} (its QR; a reprint's is refused once another replaces it). */
    public byte[] render(BadgeTemplate template, Attendee attendee, String eventName, int generation) {
        return renderAll(template, List.of(attendee), eventName, new ArrayList<>(), a -> generation);
    }

    public byte[] renderAll(BadgeTemplate template, List<Attendee> attendees, String eventName) {
        return renderAll(template, attendees, eventName, new ArrayList<>());
    }

    public byte[] renderAll(
            BadgeTemplate template, List<Attendee> attendees, String eventName, List<PlacedText> placed) {
        return renderAll(template, attendees, eventName, placed, a -> 0);
    }

    /** As above, each badge of its person's current generation ({@code generationOf}). */
    public byte[] renderAll(
            BadgeTemplate template,
            List<Attendee> attendees,
            String eventName,
            List<PlacedText> placed,
            java.util.function.ToIntFunction<Attendee> generationOf) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(attendees.size() == 1 ? "Badge" : attendees.size() + " badges");
            info.setCreator("Arrivals");
            Pdf pdf = new Pdf(doc, new PdfGlyphWriter(doc), new HashMap<>());
            for (Attendee a : attendees) {
                addBadge(pdf, template, a, eventName, placed, generationOf.applyAsInt(a));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the badge PDF", e);
        }
    }

    /** One document being written: its fonts and images are embedded once, whatever the number of badges. */
    private record Pdf(PDDocument doc, PdfGlyphWriter glyphs, Map<Path, PDImageXObject> images) {}

    private void addBadge(
            Pdf pdf, BadgeTemplate t, Attendee a, String eventName, List<PlacedText> placed, int generation)
            throws IOException {
        float pageW = (float) t.width() * PT_PER_MM;
        float pageH = (float) t.height() * PT_PER_MM;
        Color typeColor = Colors.parse(colorOf(t, a.type()));
        drawSide(pdf, t, t.elements(), a, eventName, placed, pageW, pageH, typeColor, generation);
        if (t.back() != null && !t.back().isEmpty()) {
            drawSide(pdf, t, t.back(), a, eventName, placed, pageW, pageH, typeColor, generation);
        }
    }

    private void drawSide(
            Pdf pdf,
            BadgeTemplate t,
            List<BadgeTemplate.Element> elements,
            Attendee a,
            String eventName,
            List<PlacedText> placed,
            float pageW,
            float pageH,
            Color typeColor,
            int generation)
            throws IOException {
        PDPage page = new PDPage(new PDRectangle(pageW, pageH));
        pdf.doc().addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(pdf.doc(), page)) {
            for (BadgeTemplate.Element e : elements) {
                float x = (float) e.x() * PT_PER_MM;
                float w = (float) e.width() * PT_PER_MM;
                float h = (float) (e.kind().equals("qr") ? e.width() : e.height()) * PT_PER_MM;
                float top = pageH - (float) e.y() * PT_PER_MM;
                switch (e.kind()) {
                    case "bar" -> {
                        cs.setNonStrokingColor(resolve(e.color(), typeColor));
                        cs.addRect(x, top - h, w, h);
                        cs.fill();
                    }
                    case "qr" -> PdfQr.draw(cs, tokens.issue(a.code(), generation), x, top - h, w);
                    case "image" -> drawImage(pdf, cs, t, e.value(), x, top - h, w, h);
                    case "text" -> {
                        String value = Placeholders.fill(e.value(), a, eventName);
                        if (!value.isBlank()) {
                            cs.setNonStrokingColor(resolve(e.color(), typeColor));
                            placed.add(drawText(
                                    cs,
                                    pdf.glyphs(),
                                    e,
                                    value,
                                    Placeholders.withShortName(e.value(), a, eventName),
                                    x,
                                    top,
                                    w,
                                    h));
                        }
                    }
                    default -> throw new IllegalStateException("unchecked element kind " + e.kind());
                }
            }
        }
    }

    private static String colorOf(BadgeTemplate t, String type) {
        Map<String, String> colors = t.typeColors() == null ? Map.of() : t.typeColors();
        String c = colors.get(type);
        return c != null ? c : t.defaultColor() != null ? t.defaultColor() : "#37474F";
    }

    private static Color resolve(String spec, Color typeColor) {
        if (spec == null) {
            return Color.BLACK;
        }
        return switch (spec) {
            case "type" -> typeColor;
            case "onType" -> Colors.readableOn(typeColor);
            default -> Colors.parse(spec);
        };
    }

    private static PlacedText drawText(
            PDPageContentStream cs,
            PdfGlyphWriter glyphs,
            BadgeTemplate.Element e,
            String value,
            String shorter,
            float x,
            float top,
            float w,
            float h)
            throws IOException {
        FontChain chain = e.bold() ? FontChain.bold() : FontChain.regular();
        TextFit.Fit fit = TextFit.fit(
                value, shorter, chain, w, h, (float) e.maxSize(), (float) e.minSize(), Math.max(1, e.maxLines()), LINE);
        float block = fit.lines().size() * fit.size() * LINE;
        // The block sits in the middle of its box; each baseline is one ascent below its line's top.
        float y = top - (h - block) / 2 - fit.size() * 0.95f;
        float widest = 0;
        List<String> texts = new ArrayList<>();
        for (ShapedLine line : fit.lines()) {
            float lw = line.width();
            widest = Math.max(widest, lw);
            float lx = switch (e.align() == null ? "left" : e.align()) {
                case "center" -> x + (w - lw) / 2;
                case "right" -> x + w - lw;
                default -> x;
            };
            glyphs.draw(cs, line, lx, y);
            texts.add(line.text());
            y -= fit.size() * LINE;
        }
        return new PlacedText(value, texts, fit.size(), w, h, widest, block);
    }

    /** A logo, scaled to fit its box without distortion, centred. */
    private static void drawImage(
            Pdf pdf, PDPageContentStream cs, BadgeTemplate t, String file, float x, float y, float w, float h)
            throws IOException {
        if (t.folder() == null) {
            throw new IllegalStateException("template " + t.name() + " has an image but no folder to find it in");
        }
        Path path = t.folder().resolve(file);
        PDImageXObject image = pdf.images().get(path);
        if (image == null) {
            image = PDImageXObject.createFromFileByContent(path.toFile(), pdf.doc());
            pdf.images().put(path, image);
        }
        float scale = Math.min(w / image.getWidth(), h / image.getHeight());
        float iw = image.getWidth() * scale;
        float ih = image.getHeight() * scale;
        cs.drawImage(image, x + (w - iw) / 2, y + (h - ih) / 2, iw, ih);
    }
}
