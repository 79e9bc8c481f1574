package org.arrivals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Text contrast of at least 4.5:1 (WCAG AA) for every style rule of kiosk.css that sets both an
 * opaque text color and an opaque background, and for text on the page backgrounds.
 */
class ContrastTest {
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern TEXT = Pattern.compile("-fx-text-fill:\\s*(#[0-9a-fA-F]{6})\\b(?![0-9a-fA-F])");
    private static final Pattern BACK = Pattern.compile("-fx-background-color:\\s*(#[0-9a-fA-F]{6})\\b(?![0-9a-fA-F])");

    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double[] c = {(rgb >> 16 & 255) / 255.0, (rgb >> 8 & 255) / 255.0, (rgb & 255) / 255.0};
        for (int i = 0; i < 3; i++) {
            c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void everyTextColorOnItsBackgroundReachesFourAndAHalfToOne() throws IOException {
        String css;
        try (InputStream in = ContrastTest.class.getResourceAsStream("/org/arrivals/ui/kiosk.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        List<String> checked = new ArrayList<>();
        Matcher rule = RULE.matcher(css);
        while (rule.find()) {
            Matcher t = TEXT.matcher(rule.group(2));
            Matcher b = BACK.matcher(rule.group(2));
            if (t.find() && b.find()) {
                double ratio = contrast(t.group(1), b.group(1));
                checked.add(rule.group(1).strip());
                assertThat(ratio)
                        .as(rule.group(1).strip() + " " + t.group(1) + " on " + b.group(1))
                        .isGreaterThanOrEqualTo(4.5);
            }
        }
        assertThat(checked).as("rules with both colors").hasSizeGreaterThanOrEqualTo(8);
        // text set on the page backgrounds: ink and muted on white and on the page; light text on the self-service blue
        for (String ink : new String[] {"#1b2430", "#4a5566", "#2b3544"}) {
            for (String page : new String[] {"#ffffff", "#f3f5f8", "#e6eaf0"}) {
                assertThat(contrast(ink, page)).as(ink + " on " + page).isGreaterThanOrEqualTo(4.5);
            }
        }
        for (String light : new String[] {"#ffffff", "#dbe6f7"}) {
            assertThat(contrast(light, "#1f3a68"))
                    .as(light + " on the self-service blue")
                    .isGreaterThanOrEqualTo(4.5);
            assertThat(contrast(light, "#14213d")).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void theCheckCatchesALowContrastPair() {
        assertThat(contrast("#777777", "#ffffff")).isLessThan(4.5);
        assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0, org.assertj.core.data.Offset.offset(0.01));
    }
}
