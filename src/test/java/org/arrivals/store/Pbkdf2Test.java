package org.arrivals.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/** The station key's derivation gives exactly the JDK's PBKDF2WithHmacSHA256, at the same cost per guess. */
class Pbkdf2Test {
    private static byte[] jdk(String password, byte[] salt, int iterations) throws Exception {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                .getEncoded();
    }

    @Test
    void sameBytesAsTheJdkForPasswordsShorterLongerAndAsLongAsAHashBlock() throws Exception {
        Random random = new Random(7);
        for (int length : new int[] {1, 8, 31, 32, 63, 64, 65, 100, 128, 129, 300}) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < length; i++) {
                password.append((char) ('!' + random.nextInt(94)));
            }
            byte[] salt = new byte[16 + random.nextInt(17)];
            random.nextBytes(salt);
            for (int iterations : new int[] {1, 2, 3, 1000}) {
                assertThat(Pbkdf2.sha256(password.toString().getBytes(StandardCharsets.UTF_8), salt, iterations))
                        .as("length %d, %d iterations", length, iterations)
                        .isEqualTo(jdk(password.toString(), salt, iterations));
            }
        }
    }

    @Test
    void itsSha256BlockIsTheJdksSha256() throws Exception {
        Random random = new Random(3);
        int[] iv = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
        for (int run = 0; run < 200; run++) {
            byte[] message = new byte[random.nextInt(56)]; // fits one block with its padding
            random.nextBytes(message);
            byte[] block = new byte[64];
            System.arraycopy(message, 0, block, 0, message.length);
            block[message.length] = (byte) 0x80;
            long bits = message.length * 8L;
            for (int i = 0; i < 8; i++) {
                block[63 - i] = (byte) (bits >>> (8 * i));
            }
            int[] w = new int[64];
            for (int i = 0; i < 16; i++) {
                w[i] = (block[4 * i] & 0xff) << 24
                        | (block[4 * i + 1] & 0xff) << 16
                        | (block[4 * i + 2] & 0xff) << 8
                        | (block[4 * i + 3] & 0xff);
            }
            int[] state = new int[8];
            Pbkdf2.compress(iv, w, state);
            byte[] ours = new byte[32];
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 4; j++) {
                    ours[4 * i + j] = (byte) (state[i] >>> (24 - 8 * j));
                }
            }
            assertThat(ours).isEqualTo(MessageDigest.getInstance("SHA-256").digest(message));
        }
    }

    @Test
    void sameBytesAsTheJdkAtTheStationKeysIterationCount() throws Exception {
        byte[] salt = new byte[16];
        new Random(11).nextBytes(salt);
        String hexKey = "6172726976616c732d64656d6f2d6b6579";
        assertThat(Pbkdf2.sha256(hexKey.getBytes(StandardCharsets.US_ASCII), salt, StoreKey.ITERATIONS))
                .isEqualTo(jdk(hexKey, salt, StoreKey.ITERATIONS));
    }
}
