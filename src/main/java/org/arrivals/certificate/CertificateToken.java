package org.arrivals.certificate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * What the QR code on a certificate carries: {@code AC1:} and Base32 text holding what the
 * certificate claims (the attendee code, the days, the sessions and minutes counted, the minimum
 * time in a room a session needed) and a 128-bit HMAC-SHA256 tag over it, under a key derived from
 * the event's key (as badge tokens are, for another purpose, so one never verifies as the other).
 * A verifier holding the event's key checks it offline: a changed day or minute does not verify.
 * The claims are readable (the certificate shows them anyway); the tag makes them unforgeable.
 */
public final class CertificateToken {
    public static final String PREFIX = "AC1:";
    private static final int TAG_BYTES = 16;
    private static final Base32 BASE32 = new Base32(0, null, false, (byte) '=');

    /** What a certificate claims. */
    public record Claims(String code, List<LocalDate> days, int sessions, long minutes, int minMinutes) {}

    private final SecretKeySpec key;

    public CertificateToken(byte[] eventKey) {
        if (eventKey.length < 16) {
            throw new IllegalArgumentException("the event key must be at least 128 bits");
        }
        this.key = new SecretKeySpec(derive(eventKey, "arrivals certificate of attendance"), "HmacSHA256");
    }

    public String issue(Claims c) {
        byte[] body = text(c).getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(body, body.length + TAG_BYTES);
        System.arraycopy(tag(body), 0, out, body.length, TAG_BYTES);
        return PREFIX + BASE32.encodeToString(out).replace("=", "");
    }

    /** The claims of a genuine token; empty when it is forged, altered, damaged or from another event. */
    public Optional<Claims> verify(String scanned) {
        if (scanned == null || !scanned.strip().regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String body = scanned.strip().substring(PREFIX.length()).toUpperCase(Locale.ROOT);
        if (body.isEmpty() || !body.chars().allMatch(ch -> (ch >= 'A' && ch <= 'Z') || (ch >= '2' && ch <= '7'))) {
            return Optional.empty();
        }
        byte[] raw = BASE32.decode(body);
        if (raw.length <= TAG_BYTES
                || !BASE32.encodeToString(raw).replace("=", "").equals(body)) {
            return Optional.empty();
        }
        byte[] text = Arrays.copyOf(raw, raw.length - TAG_BYTES);
        if (!MessageDigest.isEqual(Arrays.copyOfRange(raw, raw.length - TAG_BYTES, raw.length), tag(text))) {
            return Optional.empty();
        }
        return parse(new String(text, StandardCharsets.UTF_8));
    }

    /** {@code code|days|sessions|minutes|minMinutes}, days as yyyyMMdd joined by commas. */
    private static String text(Claims c) {
        List<String> days = new ArrayList<>();
        c.days().forEach(d -> days.add(d.toString().replace("-", "")));
        return c.code() + "|" + String.join(",", days) + "|" + c.sessions() + "|" + c.minutes() + "|" + c.minMinutes();
    }

    private static Optional<Claims> parse(String text) {
        String[] all = text.split("\\|", -1);
        if (all.length < 5) {
            return Optional.empty();
        }
        // a code may hold a bar itself: the last four fields are the claims'
        int n = all.length;
        String[] p = {String.join("|", Arrays.copyOf(all, n - 4)), all[n - 4], all[n - 3], all[n - 2], all[n - 1]};
        try {
            List<LocalDate> days = new ArrayList<>();
            for (String d : p[1].isEmpty() ? new String[0] : p[1].split(",")) {
                days.add(LocalDate.parse(d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6)));
            }
            return Optional.of(new Claims(
                    p[0], List.copyOf(days), Integer.parseInt(p[2]), Long.parseLong(p[3]), Integer.parseInt(p[4])));
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] tag(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(body), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
