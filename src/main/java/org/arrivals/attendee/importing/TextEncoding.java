package org.arrivals.attendee.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides how a registration export's bytes become text.
 *
 * <p>Deterministic rather than statistical: a byte-order mark is trusted; UTF-16 without one is
 * recognized by its zero bytes; text that is valid UTF-8 is UTF-8 (other encodings almost never
 * form valid multi-byte UTF-8 sequences by accident); anything else is Windows-1252, which is what
 * Excel on Windows writes for "CSV" and a superset of ISO-8859-1 for display purposes.
 */
public final class TextEncoding {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextEncoding() {}

    public record Decoded(String text, Charset charset, boolean hadBom) {}

    public static Decoded decode(byte[] bytes, Charset forced) throws ImportException {
        if (forced != null) {
            int bom = bomLength(bytes, forced);
            return new Decoded(strictDecode(bytes, bom, forced), forced, bom > 0);
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strictDecode(bytes, 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, true);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(strictDecode(bytes, 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, true);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(strictDecode(bytes, 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, true);
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return new Decoded(strictDecode(bytes, 0, utf16), utf16, false);
        }
        try {
            return new Decoded(strictDecode(bytes, 0, StandardCharsets.UTF_8), StandardCharsets.UTF_8, false);
        } catch (ImportException notUtf8) {
            // windows-1252 leaves five byte values undefined; decode them leniently rather than refuse the file
            return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, false);
        }
    }

    private static int bomLength(byte[] b, Charset cs) {
        if (cs.equals(StandardCharsets.UTF_8) && startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        if ((cs.equals(StandardCharsets.UTF_16LE) && startsWith(b, 0xFF, 0xFE))
                || (cs.equals(StandardCharsets.UTF_16BE) && startsWith(b, 0xFE, 0xFF))) {
            return 2;
        }
        return 0;
    }

    /** ASCII-heavy text in UTF-16 has a zero in every other byte; look at the first few hundred. */
    private static Charset utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 512) & ~1;
        if (n < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0) {
                evenZeros++;
            }
            if (b[i + 1] == 0) {
                oddZeros++;
            }
        }
        int pairs = n / 2;
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static String strictDecode(byte[] bytes, int offset, Charset cs) throws ImportException {
        var decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(
                Integer.MAX_VALUE - 16L, (long) ((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            long line = lineAt(bytes, in.position(), cs);
            throw new ImportException(
                    "Line " + line + " is not valid " + cs.displayName()
                            + " text. Save the file again as UTF-8, or name its encoding with --encoding.",
                    line);
        }
        return out.flip().toString();
    }

    /** Counts line feeds before a byte offset; UTF-16 writes each as two bytes. */
    private static long lineAt(byte[] bytes, int position, Charset cs) {
        int step = cs.equals(StandardCharsets.UTF_16LE)
                        || cs.equals(StandardCharsets.UTF_16BE)
                        || cs.equals(StandardCharsets.UTF_16)
                ? 2
                : 1;
        int lfIndex = cs.equals(StandardCharsets.UTF_16BE) ? 1 : 0;
        long line = 1;
        int partner = lfIndex == 0 ? 1 : -1;
        for (int i = lfIndex; i < position && i + Math.max(partner, 0) < bytes.length; i += step) {
            if (bytes[i] == '\n' && (step == 1 || bytes[i + partner] == 0)) {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
