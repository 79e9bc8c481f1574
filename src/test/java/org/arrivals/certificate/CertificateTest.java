package org.arrivals.certificate;

import static org.arrivals.testing.Files2.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.audit.Role;
import org.arrivals.badge.PdfTextForTests;
import org.arrivals.session.ScheduleImport;
import org.arrivals.session.SessionService.Door;
import org.arrivals.station.Station;
import org.arrivals.station.StationFile;
import org.arrivals.testing.Files2;
import org.arrivals.testing.MovingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates of attendance as a verifier and a funder meet them: the text a PDF viewer copies
 * (names in Arabic, Burmese and Vietnamese, shaped as on badges), the QR code read back from the
 * rendered page and checked against the event's key, and the numbers the attendance gives.
 */
class CertificateTest {
    static final Actor DOOR = new Actor(Role.VOLUNTEER, Actor.Face.DOOR);

    @TempDir
    Path dir;

    final MovingClock clock = new MovingClock("2026-11-22T09:55:00Z");
    Station station;

    @BeforeEach
    void open() throws Exception {
        Path home = dir.resolve("home");
        StationFile.set(
                home,
                Map.of(
                        "station.id",
                        "desk-1",
                        "event.timezone",
                        "UTC",
                        "event.name",
                        "National Immigrant Integration Conference 2026"));
        station = Station.open(home, "test", null, clock);
        station.importer()
                .importFile(
                        Files2.write(
                                dir,
                                "r.csv",
                                crlf(
                                        "code,first_name,last_name,organization,status,language",
                                        "AR-1,محمد,عبد الله,جمعية الجالية العربية,attending,Arabic",
                                        "MM-1,အောင်,ကျော်,Karen Community of Minnesota,attending,",
                                        "VN-1,Minh Khai,Nguyễn Thị,Boat People SOS,attending,Español",
                                        "NO-1,Nobody,Came,Somewhere,attending,"),
                                StandardCharsets.UTF_8,
                                false),
                        RosterImporter.Options.defaults());
        ScheduleImport s = station.sessions()
                .importSchedule(
                        Actor.cli(),
                        Files2.write(
                                dir,
                                "s.csv",
                                crlf(
                                        "Session ID,Title,Track,Room,Date,Start,End,Capacity",
                                        "S1,Welcoming Afghan Allies,Resettlement,Room 101,2026-11-22,10:00,11:15,120",
                                        "S2,ورشة عمل: الصحة النفسية,Health,Room 201,2026-11-22,11:30,12:45,40",
                                        "S3,Citizenship Clinics at Scale,Civic,Room 202,2026-11-23,10:00,11:00,35"),
                                StandardCharsets.UTF_8,
                                false),
                        null,
                        false);
        assertThat(s.outcome()).isEqualTo(ScheduleImport.Outcome.IMPORTED);
        var sessions = station.sessions();
        for (String code : List.of("AR-1", "MM-1", "VN-1")) {
            station.checkIns().checkIn(Actor.desk(), code);
            sessions.scan(DOOR, "S1", code, Door.ENTRANCE, false);
        }
        clock.set("2026-11-22T10:40:00Z");
        sessions.scan(DOOR, "S1", "VN-1", Door.EXIT, false); // 40 minutes
        clock.set("2026-11-22T11:30:00Z");
        sessions.scan(DOOR, "S2", "AR-1", Door.ENTRANCE, false); // S1 to 11:15 (75), S2 to its end (75)
        clock.set("2026-11-23T09:58:00Z");
        station.checkIns().checkIn(Actor.desk(), "AR-1");
        sessions.scan(DOOR, "S3", "AR-1", Door.ENTRANCE, false); // 60
        clock.set("2026-11-24T12:00:00Z");
    }

    @AfterEach
    void close() {
        station.close();
    }

    private byte[] certificate(String code, String language, int minMinutes) throws Exception {
        Path out = dir.resolve(code + "-" + language + ".pdf");
        CertificateService.Issued r = station.certificates().one(Actor.cli(), code, out, language, minMinutes, "a4");
        assertThat(r.outcome()).isEqualTo(CertificateService.Issued.Outcome.WRITTEN);
        String look = System.getProperty("arrivals.look");
        if (look != null) {
            // -Darrivals.look=DIR keeps the PDFs, to look at them (pdftoppm)
            Files.createDirectories(Path.of(look));
            Files.copy(
                    out, Path.of(look).resolve(out.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return Files.readAllBytes(out);
    }

    @Test
    void anArabicCertificateCopiesAsItsWordsAndItsQrVerifiesAgainstTheEventKey() throws Exception {
        byte[] pdf = certificate("AR-1", null, 0); // the person's language: Arabic
        String text = PdfTextForTests.page(pdf, 1);
        assertThat(text)
                .contains("شهادةحضور")
                .contains("محمدعبدالله")
                .contains("جمعيةالجاليةالعربية")
                .contains("WelcomingAfghanAllies")
                .contains("ورشةعمل:الصحةالنفسية")
                .contains("CitizenshipClinicsatScale");
        CertificateService.Verified v = station.certificates().verify(qr(pdf)).orElseThrow();
        assertThat(v.attendee().code()).isEqualTo("AR-1");
        assertThat(v.claims().days()).containsExactly(LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-23"));
        assertThat(v.claims().sessions()).isEqualTo(3);
        assertThat(v.claims().minutes()).isEqualTo(75 + 75 + 60);
        assertThat(station.sessions().attendance("AR-1", 0).totalMinutes())
                .isEqualTo(v.claims().minutes());
    }

    @Test
    void burmeseAndVietnameseNamesAreShapedAndTheLanguageIsThePersonsOrTheOneAsked() throws Exception {
        String burmese = PdfTextForTests.page(certificate("MM-1", null, 0), 1);
        assertThat(burmese)
                .contains("အောင်ကျော်")
                .contains("CertificateofAttendance")
                .contains("Totaltimeinsessions:1.25hours.Sessionsattended:1.");
        String vietnamese = PdfTextForTests.page(certificate("VN-1", null, 0), 1);
        assertThat(vietnamese)
                .contains("MinhKhaiNguyễnThị")
                .contains("Certificadodeasistencia")
                .contains("40");
        String french = PdfTextForTests.page(certificate("VN-1", "fr", 0), 1);
        assertThat(french).contains("Attestationdeprésence");
    }

    @Test
    void aMinimumTimeInTheRoomLeavesShortStaysOutAndTheQrSaysSo() throws Exception {
        byte[] pdf = certificate("AR-1", "en", 70);
        String text = PdfTextForTests.page(pdf, 1);
        assertThat(text).contains("WelcomingAfghanAllies").doesNotContain("CitizenshipClinics");
        CertificateToken.Claims c =
                station.certificates().verify(qr(pdf)).orElseThrow().claims();
        assertThat(c.sessions()).isEqualTo(2);
        assertThat(c.minutes()).isEqualTo(150);
        assertThat(c.minMinutes()).isEqualTo(70);
    }

    @Test
    void aTamperedOrForeignCodeDoesNotVerify() throws Exception {
        String genuine = qr(certificate("VN-1", "en", 0));
        assertThat(station.certificates().verify(genuine)).isPresent();
        char last = genuine.charAt(genuine.length() - 5);
        String altered = genuine.substring(0, genuine.length() - 5)
                + (last == 'A' ? 'B' : 'A')
                + genuine.substring(genuine.length() - 4);
        assertThat(station.certificates().verify(altered)).isEmpty();
        CertificateToken other = new CertificateToken("another-event-key-0123456789".getBytes(StandardCharsets.UTF_8));
        assertThat(other.verify(genuine)).isEmpty();
        assertThat(station.certificates().verify("AR1:NOTACERTIFICATE")).isEmpty();
    }

    @Test
    void everyonesCertificatesGoIntoOnePdfOrAFileEach() throws Exception {
        Path one = dir.resolve("all.pdf");
        CertificateService.Issued all = station.certificates().all(Actor.cli(), one, null, 0, "letter");
        assertThat(all.count())
                .as("the three who came; not the one who did not")
                .isEqualTo(3);
        try (PDDocument doc = Loader.loadPDF(one.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
        }
        Path folder = dir.resolve("each");
        assertThat(station.certificates()
                        .all(Actor.cli(), folder, null, 0, "a4")
                        .count())
                .isEqualTo(3);
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("AR-1.pdf", "MM-1.pdf", "VN-1.pdf");
        }
        assertThat(station.certificates()
                        .one(Actor.cli(), "NO-1", dir.resolve("no.pdf"), null, 0, "a4")
                        .outcome())
                .isEqualTo(CertificateService.Issued.Outcome.NOTHING_ATTENDED);
        assertThat(station.certificates().all(Actor.desk(), one, null, 0, "a4").outcome())
                .isEqualTo(CertificateService.Issued.Outcome.NOT_ALLOWED);
    }

    static String qr(byte[] pdf) throws Exception {
        return CertificateTestQr.read(pdf);
    }
}
