package org.arrivals.ui;

import static org.arrivals.testing.Files2.crlf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javafx.stage.Stage;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Role;
import org.arrivals.print.FakeZebraForCli;
import org.arrivals.station.KioskSettings;
import org.arrivals.station.StaffPin;
import org.arrivals.station.Station;
import org.arrivals.station.StationFile;
import org.arrivals.testing.Files2;
import org.arrivals.ui.common.Tasks;

/**
 * A real station for UI tests: an H2 file in a temporary folder, a small roster in several
 * scripts, a staff PIN, and a printer: the raw Zebra driver talking to a listener on loopback.
 * Work runs on the FX thread ({@link Tasks#sameThread()}), so tests never sleep to wait for it.
 */
final class KioskFixture implements AutoCloseable {
    static final String PIN = "246813";
    /** The admin's PIN (configuration, the audit log). */
    static final String ADMIN_PIN = "975312";

    final FakeZebraForCli zebra;
    final Station station;
    Shell shell;
    /** The keyboard clock: each key read advances it by {@link #keyGapNanos}. */
    final AtomicLong clock = new AtomicLong();

    volatile long keyGapNanos = 200_000_000L;

    KioskFixture(Path dir) throws Exception {
        this(dir, Map.of());
    }

    /** @param settings more station settings (a hub's address and token) */
    KioskFixture(Path dir, Map<String, String> settings) throws Exception {
        zebra = new FakeZebraForCli();
        StationFile.set(dir, Map.of("station.id", "desk-1", "printer", "zebra://127.0.0.1:" + zebra.port()));
        StationFile.set(dir, settings);
        StaffPin.set(dir, PIN);
        StaffPin.set(dir, Role.ADMIN, ADMIN_PIN);
        station = Station.open(dir, "test", null, Clock.systemUTC());
        station.importer()
                .importFile(
                        Files2.write(
                                dir,
                                "roster.csv",
                                crlf(
                                        "code,first_name,last_name,organization,type,status,notes",
                                        "AR-0001,Minh Khai,Nguyễn Thị,Boat People SOS,Speaker,attending,",
                                        "AR-0002,محمد,عبد الله,Arab American Family Services,General Admission,attending,",
                                        "AR-0003,Ana,García López,Centro Legal de la Raza,General Admission,attending,Needs a seat near the stage",
                                        "AR-0004,Ben,Garber,Refugee Council,General Admission,cancelled,",
                                        "AR-0005,Selam,Tesfaye,Ethiopian Community Center,Volunteer,attending,",
                                        "AR-0006,Garfield,Okafor,Welcoming Cities,Press,attending,",
                                        "AR-0007,Gary,Nakamura,Asian Law Caucus,General Admission,attending,",
                                        "AR-0008,Garcia,Mendes,Casa de Esperanza,General Admission,attending,",
                                        "AR-0009,Margaret,Garcés,Voces Unidas,General Admission,attending,",
                                        "AR-0010,Garrett,Lindqvist,Nordic Newcomers,General Admission,attending,"),
                                StandardCharsets.UTF_8,
                                false),
                        RosterImporter.Options.defaults());
    }

    Shell start(Stage stage, KioskSettings settings) {
        shell = new Shell(
                stage,
                station,
                settings,
                StaffPin.load(station.home(), Clock.systemUTC()),
                Tasks.sameThread(),
                () -> clock.addAndGet(keyGapNanos));
        stage.show();
        return shell;
    }

    /** Makes the next keys arrive as a scanner's do: a few milliseconds apart. */
    void scannerSpeed() {
        clock.addAndGet(1_000_000_000L); // the person stopped typing a moment before the scan
        keyGapNanos = 5_000_000L;
    }

    void personSpeed() {
        keyGapNanos = 200_000_000L;
    }

    static KioskSettings settings(KioskSettings.Mode mode, int idleSeconds) {
        return new KioskSettings(mode, idleSeconds, "en", false, "thermal-4x3", "Test Conference");
    }

    @Override
    public void close() throws Exception {
        if (shell != null) {
            shell.stop();
        }
        station.close();
        zebra.close();
    }
}
