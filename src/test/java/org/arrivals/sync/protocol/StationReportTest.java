package org.arrivals.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StationReportTest {
    @Test
    void aReportReadsBackFromItsHeader() {
        StationReport r = new StationReport("OUT_OF_LABELS", 3, 1);
        assertThat(r.header()).isEqualTo("printer=OUT_OF_LABELS; pending=3; quarantined=1");
        assertThat(StationReport.parse(r.header())).contains(r);
    }

    @Test
    void aNewerStationsFieldsAreSkippedAndMalformedReportsIgnored() {
        assertThat(StationReport.parse("printer=READY; pending=0; quarantined=0; battery=80"))
                .contains(new StationReport("READY", 0, 0));
        assertThat(StationReport.parse(null)).isEmpty();
        assertThat(StationReport.parse("")).isEmpty();
        assertThat(StationReport.parse("printer=READY")).isEmpty();
        assertThat(StationReport.parse("printer=ready; pending=0; quarantined=0"))
                .isEmpty();
        assertThat(StationReport.parse("printer=READY; pending=-1; quarantined=0"))
                .isEmpty();
        assertThat(StationReport.parse("printer=READY; pending=99999999999; quarantined=0"))
                .isEmpty();
        assertThat(StationReport.parse("printer=<script>; pending=0; quarantined=0"))
                .isEmpty();
        assertThat(StationReport.parse("x".repeat(500))).isEmpty();
    }
}
