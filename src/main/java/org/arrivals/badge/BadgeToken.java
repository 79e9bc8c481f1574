package org.arrivals.badge;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
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
 */
public final class BadgeToken {
    public static final String PREFIX = "AR1:";
    private static final int TAG_BYTES = 12;
    private static final Base32 BASE32 = new Base32(0, null, false, (byte) '=');

    private final SecretKeySpec macKey;
    private final SecretKeySpec encKey;

    public BadgeToken(byte[] eventKey) {
        if (eventKey.length < 16) {
            throw new IllegalArgumentException("the event key must be at least 128 bits");
        }
        this.macKey = new SecretKeySpec(derive(eventKey, "arrivals badge token mac"), "HmacSHA256");
        this.encKey = new SecretKeySpec(Arrays.copyOf(derive(eventKey, "arrivals badge token enc"), 16), "AES");
    }

    public String issue(String attendeeCode) {
        byte[] plain = attendeeCode.getBytes(StandardCharsets.UTF_8);
        byte[] tag = tag(plain);
        byte[] cipher = ctr(tag, plain);
        byte[] out = new byte[TAG_BYTES + cipher.length];
        System.arraycopy(tag, 0, out, 0, TAG_BYTES);
        System.arraycopy(cipher, 0, out, TAG_BYTES, cipher.length);
        return PREFIX + BASE32.encodeToString(out).replace("=", "");
    }

    /** True when the text has the shape of a token (it may still be forged). */
    public static boolean looksLikeToken(String scanned) {
        return scanned.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The attendee code inside a genuine token; empty when the token is forged, altered or damaged. */
    public Optional<String> verify(String scanned) {
        if (!looksLikeToken(scanned)) {
            return Optional.empty();
        }
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
        byte[] plain = ctr(tag, Arrays.copyOfRange(raw, TAG_BYTES, raw.length));
        if (!MessageDigest.isEqual(tag, Arrays.copyOf(tag(plain), TAG_BYTES))) {
            return Optional.empty();
        }
        return Optional.of(new String(plain, StandardCharsets.UTF_8));
    }

    private byte[] tag(byte[] plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return Arrays.copyOf(mac.doFinal(plain), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    private byte[] ctr(byte[] tag, byte[] input) {
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, encKey, new IvParameterSpec(Arrays.copyOf(tag, 16)));
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
