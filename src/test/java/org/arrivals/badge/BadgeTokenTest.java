package org.arrivals.badge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BadgeTokenTest {
    static final BadgeToken TOKENS =
            new BadgeToken("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aTokenCarriesTheCodeOpaquelyAndVerifies() {
        String token = TOKENS.issue("AR-000123");
        assertThat(token).startsWith("AR1:").doesNotContain("000123").matches("AR1:[A-Z2-7]+");
        assertThat(token.length()).as("small enough for a version 2-3 QR code").isLessThanOrEqualTo(44);
        assertThat(TOKENS.verify(token)).contains("AR-000123");
        assertThat(TOKENS.verify(token.toLowerCase()))
                .as("scanners may send lower case")
                .contains("AR-000123");
        assertThat(TOKENS.issue("AR-000123")).as("the same badge, the same QR").isEqualTo(token);
    }

    @Test
    void alteredForgedOrForeignTokensAreRejected() {
        for (String code : new String[] {"AR-000123", "AR-1", "1002", "WALK-7K2QF9", "ABC12-1"}) {
            String token = TOKENS.issue(code);
            for (int i = 4; i < token.length(); i++) {
                for (char c : "ABQZ27".toCharArray()) {
                    if (c != token.charAt(i)) {
                        String altered = token.substring(0, i) + c + token.substring(i + 1);
                        assertThat(TOKENS.verify(altered))
                                .as(code + " changed at " + i + " to " + c)
                                .isEmpty();
                    }
                }
            }
        }
        String token = TOKENS.issue("AR-000123");
        BadgeToken otherEvent = new BadgeToken("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        assertThat(otherEvent.verify(token)).isEmpty();
        assertThat(TOKENS.verify("AR1:")).isEmpty();
        assertThat(TOKENS.verify("AR1:AAAA")).isEmpty();
        assertThat(TOKENS.verify("AR1:not base32!")).isEmpty();
        assertThat(TOKENS.verify(token.substring(0, token.length() - 3))).isEmpty();
    }

    @Test
    void nonLatinCodesRoundTrip() {
        assertThat(TOKENS.verify(TOKENS.issue("Ñ-王-1"))).contains("Ñ-王-1");
    }
}
