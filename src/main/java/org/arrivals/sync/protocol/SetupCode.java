package org.arrivals.sync.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * A station's set-up code: one line that a hub prints ({@code arrivals hub add-station NAME
 * --setup-code}) and a station takes ({@code arrivals join CODE}, or scanned at the kiosk's first
 * screen). It holds the hub's address, the SHA-256 of the hub's certificate (which the station
 * pins), the station's name (its id from then on), its role, its token and the event's badge key.
 *
 * <p>Written as {@value #PREFIX} and Base32 (upper-case letters and digits 2-7): the QR code's
 * alphanumeric mode packs it densely, so a code is one small QR code (about 240 characters), and
 * typed by hand it survives any keyboard layout. A CRC-32 inside catches a mistyped character.
 * The code is a secret: whoever holds it can sync as that station until it is revoked.
 */
public record SetupCode(
        String hubUrl, byte[] fingerprint, String station, StationRole role, String token, byte[] badgeKey) {
    public static final String PREFIX = "ARRIVALS-SETUP:";
    private static final int VERSION = 1;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public SetupCode {
        if (fingerprint == null || fingerprint.length != 32) {
            throw new IllegalArgumentException("A set-up code carries the hub certificate's 32-byte SHA-256.");
        }
        if (badgeKey == null || badgeKey.length != 32) {
            throw new IllegalArgumentException("A set-up code carries the event's 32-byte badge key.");
        }
        if (station == null || !station.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("A station name is 1 to 100 letters, digits, '.', '_' or '-'.");
        }
        if (hubUrl == null || hubUrl.isBlank() || hubUrl.length() > 200) {
            throw new IllegalArgumentException("A set-up code carries the hub's address (at most 200 characters).");
        }
        if (role == null) {
            throw new IllegalArgumentException("A set-up code carries the station's role.");
        }
        if (token == null || tokenBytes(token) == null) {
            throw new IllegalArgumentException("A set-up code carries a hub token (43 Base64url characters).");
        }
    }

    /** Why a text is not a set-up code. */
    public enum Problem {
        NOT_A_CODE,
        DAMAGED,
        NEWER_VERSION
    }

    /** A text that is not a usable set-up code, with why. */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final Problem problem;

        Refused(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** True when {@code text} starts like a set-up code (a scan at the first-run screen). */
    public static boolean looksLikeOne(String text) {
        return text != null && text.strip().toUpperCase(Locale.ROOT).startsWith(PREFIX);
    }

    public String write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        out.write(role.ordinal());
        out.writeBytes(fingerprint);
        out.writeBytes(tokenBytes(token));
        out.writeBytes(badgeKey);
        shortString(out, hubUrl);
        shortString(out, station);
        CRC32 crc = new CRC32();
        crc.update(out.toByteArray());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return PREFIX + base32(out.toByteArray());
    }

    /**
     * Reads a code as printed, scanned or typed (spaces, line breaks and case ignored).
     *
     * @throws Refused naming why it is not a usable code
     */
    public static SetupCode read(String text) {
        if (!looksLikeOne(text)) {
            throw new Refused(Problem.NOT_A_CODE, "This is not a set-up code: it starts with " + PREFIX);
        }
        String body =
                text.strip().substring(PREFIX.length()).replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        byte[] raw = fromBase32(body);
        if (raw == null || raw.length < 1 + 1 + 96 + 2 + 4) {
            throw new Refused(Problem.DAMAGED, "The set-up code is damaged (a character is missing or wrong).");
        }
        CRC32 crc = new CRC32();
        crc.update(raw, 0, raw.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(raw, raw.length - 4, 4).getInt()) {
            throw new Refused(Problem.DAMAGED, "The set-up code is damaged (a character is missing or wrong).");
        }
        if (raw[0] != VERSION) {
            throw new Refused(
                    Problem.NEWER_VERSION,
                    "The set-up code was made by a newer version of Arrivals: update this station.");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(raw, 0, raw.length - 4);
            in.get();
            int roleIndex = in.get() & 0xff;
            byte[] fp = new byte[32];
            in.get(fp);
            byte[] token = new byte[32];
            in.get(token);
            byte[] key = new byte[32];
            in.get(key);
            String url = shortString(in);
            String name = shortString(in);
            if (roleIndex >= StationRole.values().length) {
                throw new Refused(
                        Problem.NEWER_VERSION,
                        "The set-up code was made by a newer version of Arrivals: update this station.");
            }
            return new SetupCode(
                    url,
                    fp,
                    name,
                    StationRole.values()[roleIndex],
                    Base64.getUrlEncoder().withoutPadding().encodeToString(token),
                    key);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            if (e instanceof Refused r) {
                throw r;
            }
            throw new Refused(Problem.DAMAGED, "The set-up code is damaged (a character is missing or wrong).");
        }
    }

    private static byte[] tokenBytes(String token) {
        try {
            byte[] b = Base64.getUrlDecoder().decode(token.strip());
            return b.length == 32 ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void shortString(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 255) {
            throw new IllegalArgumentException("too long for a set-up code");
        }
        out.write(b.length);
        out.writeBytes(b);
    }

    private static String shortString(ByteBuffer in) {
        int n = in.get() & 0xff;
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    private static byte[] fromBase32(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = BASE32.indexOf(s.charAt(i));
            if (v < 0) {
                return null;
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "SetupCode[" + station + " at " + hubUrl + "]"; // never the token or the key
    }
}
