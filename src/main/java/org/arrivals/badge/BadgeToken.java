package org.arrivals.badge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * What the QR code on a badge carries: {@code AR1:} and Base32 text that a scanner reads, a
 * person cannot, and nobody can forge without the event's key.
 *
 * <p>The attendee code is encrypted, not just signed, so a discarded badge leaks nothing: the
 * construction is SIV-like. A 96-bit tag {@code HMAC-SHA256(macKey, code)} serves both as the
 * authenticator and as the counter-mode IV for {@code AES-CTR(encKey, code)}. Decrypting and
 * recomputing the tag rejects any altered or forged token. The same code always gives the same
 * token, so reprinting a badge gives the same QR. Both keys derive from the one event key.
 *
 * <p>Upper-case Base32 and ':' are in the QR alphanumeric set, which packs 5.5 bits per module
 * pair: a typical token is about 40 characters, a version 2 or 3 QR code.
 *
 * <p><b>Generations.</b> A reprint makes a new generation of a person's badge, and a token of an
 * older generation is refused as replaced (a lost badge's QR opens nothing). Generation 0 is the
 * token above ({@code AR1:}, the code alone inside), so badges printed before generations existed
 * keep working; a later generation is {@code AR2:} with the generation and the code inside
 * ({@code 3:CODE}), under the same tag, so neither can be altered.
 */
public final class BadgeToken {
    public static final String PREFIX = "AR1:";
    /** A token of generation 1 or later. */
    public static final String PREFIX_GENERATION = "AR2:";

    private static final int TAG_BYTES = 12;
    private static final Base32 BASE32 = new Base32(0, null, false, (byte) '=');

    /** What a genuine token says: whose badge, and its generation. */
    public record Verified(String attendeeCode, int generation) {}

    private record Keys(SecretKeySpec mac, SecretKeySpec enc) {}

    private final Keys issuing;
    private final List<Keys> accepted;

    public BadgeToken(byte[] eventKey) {
        this(eventKey, List.of());
    }

    /** Issues with {@code eventKey}; also accepts the tokens of {@code alsoAccepted} (a key used before). */
    public BadgeToken(byte[] eventKey, List<byte[]> alsoAccepted) {
        this.issuing = keys(eventKey);
        List<Keys> all = new ArrayList<>();
        all.add(issuing);
        alsoAccepted.forEach(k -> all.add(keys(k)));
        this.accepted = List.copyOf(all);
    }

    private static Keys keys(byte[] eventKey) {
        if (eventKey.length < 16) {
            throw new IllegalArgumentException("the event key must be at least 128 bits");
        }
        return new Keys(
                new SecretKeySpec(derive(eventKey, "arrivals badge token mac"), "HmacSHA256"),
                new SecretKeySpec(Arrays.copyOf(derive(eventKey, "arrivals badge token enc"), 16), "AES"));
    }

    /** The token of a person's first badge (generation 0). */
    public String issue(String attendeeCode) {
        return issue(attendeeCode, 0);
    }

    /** The token of generation {@code generation} of a person's badge. */
    public String issue(String attendeeCode, int generation) {
        if (generation < 0) {
            throw new IllegalArgumentException("a badge generation is not negative");
        }
        String inside = generation == 0 ? attendeeCode : generation + ":" + attendeeCode;
        byte[] plain = inside.getBytes(StandardCharsets.UTF_8);
        byte[] tag = tag(issuing, plain);
        byte[] cipher = ctr(issuing, tag, plain);
        byte[] out = new byte[TAG_BYTES + cipher.length];
        System.arraycopy(tag, 0, out, 0, TAG_BYTES);
        System.arraycopy(cipher, 0, out, TAG_BYTES, cipher.length);
        return (generation == 0 ? PREFIX : PREFIX_GENERATION)
                + BASE32.encodeToString(out).replace("=", "");
    }

    /** True when the text has the shape of a token (it may still be forged). */
    public static boolean looksLikeToken(String scanned) {
        return scanned.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || scanned.regionMatches(true, 0, PREFIX_GENERATION, 0, PREFIX_GENERATION.length());
    }

    /** The attendee code inside a genuine token (of any generation); empty when it is forged, altered or damaged. */
    public Optional<String> verify(String scanned) {
        return read(scanned).map(Verified::attendeeCode);
    }

    /** Whose badge a genuine token is, and its generation; empty when it is forged, altered or damaged. */
    public Optional<Verified> read(String scanned) {
        if (!looksLikeToken(scanned)) {
            return Optional.empty();
        }
        boolean generational = scanned.regionMatches(true, 0, PREFIX_GENERATION, 0, PREFIX_GENERATION.length());
        for (Keys k : accepted) {
            Optional<String> inside = open(k, scanned);
            if (inside.isEmpty()) {
                continue;
            }
            String text = inside.get();
            if (!generational) {
                return Optional.of(new Verified(text, 0));
            }
            int colon = text.indexOf(':');
            if (colon < 1 || colon > 9 || !text.substring(0, colon).chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int generation = Integer.parseInt(text.substring(0, colon));
            return generation == 0
                    ? Optional.empty() // generation 0 is only ever AR1
                    : Optional.of(new Verified(text.substring(colon + 1), generation));
        }
        return Optional.empty();
    }

    private Optional<String> open(Keys k, String scanned) {
        String body = scanned.substring(PREFIX.length()).strip().toUpperCase(Locale.ROOT);
        if (body.isEmpty() || !body.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
            return Optional.empty();
        }
        byte[] raw = BASE32.decode(body);
        // Base32's last character may carry unused bits; only the canonical spelling is accepted,
        // so no two different strings verify as the same badge.
        if (raw.length <= TAG_BYTES
                || !BASE32.encodeToString(raw).replace("=", "").equals(body)) {
            return Optional.empty();
        }
        byte[] tag = Arrays.copyOf(raw, TAG_BYTES);
        byte[] plain = ctr(k, tag, Arrays.copyOfRange(raw, TAG_BYTES, raw.length));
        if (!MessageDigest.isEqual(tag, Arrays.copyOf(tag(k, plain), TAG_BYTES))) {
            return Optional.empty();
        }
        return Optional.of(new String(plain, StandardCharsets.UTF_8));
    }

    private static byte[] tag(Keys k, byte[] plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(k.mac());
            return Arrays.copyOf(mac.doFinal(plain), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    private static byte[] ctr(Keys k, byte[] tag, byte[] input) {
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, k.enc(), new IvParameterSpec(Arrays.copyOf(tag, 16)));
            return aes.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is in every JDK", e);
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
