package org.arrivals.attendee.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextEncodingTest {
    @Test
    void byteOrderMarksAreTrustedAndRemoved() throws Exception {
        byte[] utf8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'c', 'o', 'd', 'e'};
        TextEncoding.Decoded d = TextEncoding.decode(utf8, null);
        assertThat(d.text()).isEqualTo("code");
        assertThat(d.hadBom()).isTrue();
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void validUtf8IsUtf8AndEverythingElseIsWindows1252() throws Exception {
        assertThat(TextEncoding.decode("Nguyễn,Łukasz".getBytes(StandardCharsets.UTF_8), null)
                        .charset())
                .isEqualTo(StandardCharsets.UTF_8);
        TextEncoding.Decoded cp =
                TextEncoding.decode("Café “quoted” – Müller".getBytes(TextEncoding.WINDOWS_1252), null);
        assertThat(cp.charset()).isEqualTo(TextEncoding.WINDOWS_1252);
        assertThat(cp.text()).isEqualTo("Café “quoted” – Müller");
    }

    @Test
    void utf16WithoutBomIsRecognizedByItsZeroBytes() throws Exception {
        assertThat(TextEncoding.decode("code,name\r\n1,Ana\r\n".getBytes(StandardCharsets.UTF_16LE), null)
                        .text())
                .isEqualTo("code,name\r\n1,Ana\r\n");
        assertThat(TextEncoding.decode("code,name\r\n1,Ana\r\n".getBytes(StandardCharsets.UTF_16BE), null)
                        .charset())
                .isEqualTo(StandardCharsets.UTF_16BE);
    }
}
