package org.arrivals.search;

import java.util.Arrays;

/**
 * Many strings in one byte array, numbered from 0, instead of a {@code String} object and its
 * own array each (40 bytes or more before the first letter): the index's few hundred thousand
 * words and people's codes take a fifth of the memory this way, and the garbage collector sees
 * two objects.
 *
 * <p>Each UTF-16 unit is written in one to three bytes as UTF-8 writes the characters of the
 * Basic Multilingual Plane (a surrogate on its own, as CESU-8 does). So comparing two encodings
 * byte by byte, unsigned, orders them as {@link String#compareTo} orders the strings; a string
 * begins another exactly when its encoding begins the other's; two strings one of which begins
 * the other are equal exactly when their encodings are as long; and every string, even one with
 * a lone surrogate, comes back as it was.
 */
final class PackedStrings {
    private final byte[] bytes;
    /** String {@code i} is {@code bytes[starts[i]..starts[i + 1])}. */
    private final int[] starts;

    private PackedStrings(byte[] bytes, int[] starts) {
        this.bytes = bytes;
        this.starts = starts;
    }

    /** The strings in the order given (sorted, if lookups by order are wanted). */
    static PackedStrings of(String[] strings) {
        int[] starts = new int[strings.length + 1];
        int total = 0;
        for (int i = 0; i < strings.length; i++) {
            total += encodedLength(strings[i]);
            starts[i + 1] = total;
        }
        byte[] bytes = new byte[total];
        for (int i = 0; i < strings.length; i++) {
            write(strings[i], bytes, starts[i]);
        }
        return new PackedStrings(bytes, starts);
    }

    /** {@code s} encoded as the strings are. */
    static byte[] encode(String s) {
        byte[] out = new byte[encodedLength(s)];
        write(s, out, 0);
        return out;
    }

    int size() {
        return starts.length - 1;
    }

    /** Bytes of string {@code i}; equal to the length of its encoding. */
    int length(int i) {
        return starts[i + 1] - starts[i];
    }

    String get(int i) {
        char[] chars = new char[length(i)];
        return new String(chars, 0, chars(i, chars));
    }

    /** Decodes string {@code i} into {@code into} (at least {@link #length} long); returns how many chars. */
    int chars(int i, char[] into) {
        int n = 0;
        for (int p = starts[i], end = starts[i + 1]; p < end; ) {
            int b = bytes[p] & 0xFF;
            if (b < 0x80) {
                into[n++] = (char) b;
                p++;
            } else if (b < 0xE0) {
                into[n++] = (char) ((b & 0x1F) << 6 | (bytes[p + 1] & 0x3F));
                p += 2;
            } else {
                into[n++] = (char) ((b & 0x0F) << 12 | (bytes[p + 1] & 0x3F) << 6 | (bytes[p + 2] & 0x3F));
                p += 3;
            }
        }
        return n;
    }

    /** String {@code i} against an encoded key, as {@link String#compareTo} would compare the strings. */
    int compare(int i, byte[] key) {
        return Arrays.compareUnsigned(bytes, starts[i], starts[i + 1], key, 0, key.length);
    }

    /** String {@code i} against string {@code j} of {@code other}. */
    int compare(int i, PackedStrings other, int j) {
        return Arrays.compareUnsigned(
                bytes, starts[i], starts[i + 1], other.bytes, other.starts[j], other.starts[j + 1]);
    }

    /** Whether string {@code i} begins with the encoded {@code key}. */
    boolean startsWith(int i, byte[] key) {
        int from = starts[i];
        return starts[i + 1] - from >= key.length && Arrays.equals(bytes, from, from + key.length, key, 0, key.length);
    }

    /** The first position not less than {@code key}, the strings being sorted. */
    int lowerBound(byte[] key) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(mid, key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The position of {@code key}, or -1, the strings being sorted. */
    int indexOf(byte[] key) {
        int i = lowerBound(key);
        return i < size() && compare(i, key) == 0 ? i : -1;
    }

    /** The second code point of string {@code i}, or -1 when it has one code point or none. */
    int secondCodePoint(int i) {
        int p = starts[i];
        int end = starts[i + 1];
        if (p == end) {
            return -1;
        }
        char first = charAt(p);
        p += width(p);
        if (Character.isHighSurrogate(first) && p < end && Character.isLowSurrogate(charAt(p))) {
            p += width(p);
        }
        if (p == end) {
            return -1;
        }
        char c = charAt(p);
        int q = p + width(p);
        if (Character.isHighSurrogate(c) && q < end) {
            char low = charAt(q);
            if (Character.isLowSurrogate(low)) {
                return Character.toCodePoint(c, low);
            }
        }
        return c;
    }

    /** Bytes held, for the record. */
    long footprint() {
        return bytes.length + 4L * starts.length;
    }

    private char charAt(int p) {
        int b = bytes[p] & 0xFF;
        if (b < 0x80) {
            return (char) b;
        }
        if (b < 0xE0) {
            return (char) ((b & 0x1F) << 6 | (bytes[p + 1] & 0x3F));
        }
        return (char) ((b & 0x0F) << 12 | (bytes[p + 1] & 0x3F) << 6 | (bytes[p + 2] & 0x3F));
    }

    private int width(int p) {
        int b = bytes[p] & 0xFF;
        return b < 0x80 ? 1 : b < 0xE0 ? 2 : 3;
    }

    private static int encodedLength(String s) {
        int n = s.length();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c >= 0x80) {
                n += c < 0x800 ? 1 : 2;
            }
        }
        return n;
    }

    private static void write(String s, byte[] out, int at) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | (c >> 6 & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /** Strings appended one by one, copied from other packs (for merging two sorted packs). */
    static final class Builder {
        private byte[] bytes;
        private int[] starts;
        private int size;

        Builder(int strings, int bytes) {
            this.bytes = new byte[Math.max(16, bytes)];
            this.starts = new int[Math.max(16, strings + 1)];
        }

        void add(PackedStrings from, int i) {
            int len = from.length(i);
            int end = starts[size];
            if (end + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + len));
            }
            if (size + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            System.arraycopy(from.bytes, from.starts[i], bytes, end, len);
            starts[++size] = end + len;
        }

        int size() {
            return size;
        }

        PackedStrings build() {
            return new PackedStrings(Arrays.copyOf(bytes, starts[size]), Arrays.copyOf(starts, size + 1));
        }
    }
}
