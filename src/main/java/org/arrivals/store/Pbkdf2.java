package org.arrivals.store;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018) for one 32-byte block: the same bytes as the JDK's
 * {@code PBKDF2WithHmacSHA256} ({@code Pbkdf2Test} compares them), in a third of its time on the
 * installed app's C1-only runtime. The iterations after the first, 310,000 of them for a station
 * key, are each two SHA-256 blocks on {@code int}s: HMAC's inner and outer key blocks are hashed
 * once, and every iteration starts from their saved state (the JDK's {@code Mac} hashes the
 * padded key again each time, four blocks, with a few objects made per block).
 *
 * <p>What an attacker must compute per guess is unchanged: that is set by the iteration count
 * and the function, not by how fast the station computes it. The first iteration (the salt, of
 * any length) goes through the JDK's own HMAC.
 */
final class Pbkdf2 {
    private static final int BLOCK = 64;
    private static final int[] IV = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
    };
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
    };

    private Pbkdf2() {}

    /** The first 32 bytes of PBKDF2-HMAC-SHA256 of {@code password} with {@code salt}, {@code iterations} times. */
    static byte[] sha256(byte[] password, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 needs at least one iteration");
        }
        byte[] key = password;
        byte[] pad = new byte[BLOCK];
        int[] w = new int[64];
        try {
            if (key.length > BLOCK) {
                key = MessageDigest.getInstance("SHA-256").digest(password); // as HMAC does with a long key
            }
            // U1 = HMAC(password, salt || INT(1)), by the JDK
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password, "HmacSHA256"));
            mac.update(salt);
            byte[] u1 = mac.doFinal(new byte[] {0, 0, 0, 1});
            int[] u = new int[8];
            for (int i = 0; i < 8; i++) {
                u[i] = word(u1, 4 * i);
            }
            int[] inner = keyBlockState(key, 0x36, pad, w);
            int[] outer = keyBlockState(key, 0x5c, pad, w);
            int[] result = u.clone();
            int[] innerHash = new int[8];
            // U(i) = HMAC(password, U(i-1)): the 32-byte message fills one block with its padding
            // (0x80, then the bit length of key block and message, 96 bytes)
            for (int n = 1; n < iterations; n++) {
                oneBlock(u, w);
                compress(inner, w, innerHash);
                oneBlock(innerHash, w);
                compress(outer, w, u);
                for (int i = 0; i < 8; i++) {
                    result[i] ^= u[i];
                }
            }
            byte[] out = new byte[32];
            for (int i = 0; i < 8; i++) {
                out[4 * i] = (byte) (result[i] >>> 24);
                out[4 * i + 1] = (byte) (result[i] >>> 16);
                out[4 * i + 2] = (byte) (result[i] >>> 8);
                out[4 * i + 3] = (byte) result[i];
            }
            Arrays.fill(u, 0);
            Arrays.fill(result, 0);
            Arrays.fill(innerHash, 0);
            Arrays.fill(inner, 0);
            Arrays.fill(outer, 0);
            Arrays.fill(u1, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        } finally {
            Arrays.fill(pad, (byte) 0);
            Arrays.fill(w, 0);
            if (key != password) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    /** SHA-256's state after the key, zero-padded to a block, XOR {@code xor} (HMAC's ipad or opad). */
    private static int[] keyBlockState(byte[] key, int xor, byte[] pad, int[] w) {
        for (int i = 0; i < BLOCK; i++) {
            pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ xor);
        }
        for (int i = 0; i < 16; i++) {
            w[i] = word(pad, 4 * i);
        }
        int[] state = new int[8];
        compress(IV, w, state);
        return state;
    }

    /** The message schedule's first 16 words for a 32-byte message that follows one 64-byte block. */
    private static void oneBlock(int[] message, int[] w) {
        System.arraycopy(message, 0, w, 0, 8);
        w[8] = 0x80000000;
        for (int i = 9; i < 15; i++) {
            w[i] = 0;
        }
        w[15] = (BLOCK + 32) * 8;
    }

    /** One SHA-256 block (FIPS 180-4, 6.2.2): {@code w[0..16)} is the block; {@code out} gets the new state. */
    static void compress(int[] state, int[] w, int[] out) {
        for (int t = 16; t < 64; t++) {
            int x = w[t - 2];
            int y = w[t - 15];
            int s1 = Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10);
            int s0 = Integer.rotateRight(y, 7) ^ Integer.rotateRight(y, 18) ^ (y >>> 3);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        for (int t = 0; t < 64; t++) {
            int t1 = h
                    + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                    + ((e & f) ^ (~e & g))
                    + K[t]
                    + w[t];
            int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                    + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        out[0] = state[0] + a;
        out[1] = state[1] + b;
        out[2] = state[2] + c;
        out[3] = state[3] + d;
        out[4] = state[4] + e;
        out[5] = state[5] + f;
        out[6] = state[6] + g;
        out[7] = state[7] + h;
    }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
