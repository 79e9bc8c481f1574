package org.arrivals;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import org.arrivals.audit.AuditLog;
import org.arrivals.station.Station;

/**
 * The faces (the kiosk's screens and the command line) use the services and the records they
 * answer with, nothing below them: no stores, no check-in log, no SQL, no audit writes, no
 * printer I/O. This is an allow-list: a new dependency of a face must be added here on purpose.
 */
@AnalyzeClasses(packages = "org.arrivals", importOptions = ImportOption.DoNotIncludeTests.class)
class FacesUseServicesTest {
    /** Libraries and our own packages a face may use whole. */
    private static final List<String> PACKAGES = List.of(
            "java.",
            "javax.",
            "javafx.",
            "com.sun.javafx.",
            "org.controlsfx.",
            "picocli.",
            "org.slf4j.",
            "com.fasterxml.jackson.",
            "org.arrivals.ui.",
            "org.arrivals.cli.",
            "org.arrivals.i18n.",
            // the start-up timeline: a leaf that records when each part of a start ran
            "org.arrivals.startup.");

    /** The services, and the records and outcomes they take and give (nested types included). */
    private static final Set<String> SERVICES_AND_RECORDS = Set.of(
            // wiring, and the station's own services
            "org.arrivals.station.Station",
            "org.arrivals.station.KioskService",
            "org.arrivals.station.KioskSettings",
            "org.arrivals.station.StaffPin",
            "org.arrivals.station.StationSetup",
            "org.arrivals.station.StationKey",
            "org.arrivals.station.StationSettings",
            "org.arrivals.station.EventFolder",
            "org.arrivals.station.ConfigCheck",
            "org.arrivals.station.HubHost",
            "org.arrivals.station.LogSetup",
            "org.arrivals.station.DataHome",
            "org.arrivals.station.EventId",
            "org.arrivals.station.Version",
            "org.arrivals.station.EventSettings",
            // check-in
            "org.arrivals.checkin.CheckInService",
            "org.arrivals.checkin.SelfCheckIn",
            "org.arrivals.checkin.CheckInResult",
            "org.arrivals.checkin.Arrival",
            "org.arrivals.checkin.ArrivalListener",
            "org.arrivals.checkin.CheckInEvent",
            "org.arrivals.sync.protocol.EventKind",
            "org.arrivals.sync.protocol.Details",
            "org.arrivals.checkin.ScanResolver$Result",
            "org.arrivals.checkin.ScanResolver$Kind",
            "org.arrivals.checkin.Stats",
            "org.arrivals.checkin.StationActivity",
            "org.arrivals.checkin.EventCalendar",
            // the event's days and sessions, delegations, certificates of attendance
            "org.arrivals.session.SessionService",
            "org.arrivals.session.Session",
            "org.arrivals.session.SessionCount",
            "org.arrivals.session.ScanResult",
            "org.arrivals.session.ScheduleImport",
            "org.arrivals.session.TrackCount",
            "org.arrivals.session.Attendance",
            "org.arrivals.session.Visit",
            "org.arrivals.attendee.demo.DemoSchedule",
            "org.arrivals.delegation.DelegationService",
            "org.arrivals.certificate.CertificateService",
            "org.arrivals.certificate.CertificateToken",
            // printing
            "org.arrivals.print.PrintService",
            "org.arrivals.print.PrintOutcome",
            "org.arrivals.print.PrintJob",
            "org.arrivals.print.PrintListener",
            "org.arrivals.print.PrinterState",
            "org.arrivals.print.Printers",
            // the roster
            "org.arrivals.attendee.RosterService",
            "org.arrivals.attendee.Attendee",
            "org.arrivals.attendee.AttendeeField",
            "org.arrivals.attendee.RegistrationStatus",
            "org.arrivals.attendee.WalkIn",
            "org.arrivals.attendee.ExtraFields",
            "org.arrivals.attendee.importing.ImportReport",
            "org.arrivals.attendee.importing.ImportProblem",
            "org.arrivals.attendee.importing.ImportException",
            "org.arrivals.attendee.importing.ImportWarning",
            "org.arrivals.attendee.importing.SourceFormat",
            "org.arrivals.attendee.importing.RosterImporter$Options",
            "org.arrivals.attendee.importing.ColumnMapping",
            "org.arrivals.attendee.export.ArrivalStates$State",
            "org.arrivals.attendee.demo.DemoEventGenerator",
            // search, badges (pure functions), audit, sync status
            "org.arrivals.search.Lookup",
            "org.arrivals.search.SearchHit",
            "org.arrivals.badge.BadgeRenderer",
            "org.arrivals.badge.BadgePreview",
            "org.arrivals.badge.BadgeTemplate",
            "org.arrivals.badge.TemplateLoader",
            "org.arrivals.badge.BadgeToken",
            "org.arrivals.audit.Actor",
            "org.arrivals.audit.Role",
            "org.arrivals.audit.AuditLog",
            "org.arrivals.audit.AuditEntry",
            "org.arrivals.audit.ExportResult",
            "org.arrivals.audit.PendingAudit",
            "org.arrivals.sync.SyncWorker",
            "org.arrivals.sync.SyncStatus",
            "org.arrivals.sync.HubException",
            // trust: a station's role at the hub, a set-up code, joining a hub, set-aside events
            "org.arrivals.sync.protocol.StationRole",
            "org.arrivals.sync.protocol.SetupCode",
            "org.arrivals.station.StationJoin",
            "org.arrivals.sync.Quarantine",
            "org.arrivals.store.StoreException");

    private static final DescribedPredicate<JavaClass> A_SERVICE_OR_ITS_RECORDS =
            DescribedPredicate.describe("a service, its records, or a library", c -> {
                JavaClass base = c.isArray() ? c.getBaseComponentType() : c;
                String name = base.getName();
                if (base.isPrimitive() || PACKAGES.stream().anyMatch(name::startsWith)) {
                    return true;
                }
                if (SERVICES_AND_RECORDS.contains(name)) {
                    return true;
                }
                // a nested type of a service or record (its outcome enum, its options)
                int nested = name.indexOf('$');
                if (nested > 0 && SERVICES_AND_RECORDS.contains(name.substring(0, nested))) {
                    return true;
                }
                int last = name.lastIndexOf('$');
                return last > 0 && SERVICES_AND_RECORDS.contains(name.substring(0, last));
            });

    @ArchTest
    static final ArchRule facesUseOnlyServicesAndTheirRecords = classes()
            .that()
            .resideInAnyPackage("org.arrivals.ui..", "org.arrivals.cli..")
            .should()
            .onlyDependOnClassesThat(A_SERVICE_OR_ITS_RECORDS);

    @ArchTest
    static final ArchRule facesWriteNoAuditEntries = noClasses()
            .that()
            .resideInAnyPackage("org.arrivals.ui..", "org.arrivals.cli..")
            .should()
            .callMethod(AuditLog.class, "record", String.class, String.class, String.class, String.class);

    @ArchTest
    static final ArchRule facesDoNotReachBelowTheServices = noClasses()
            .that()
            .resideInAnyPackage("org.arrivals.ui..", "org.arrivals.cli..")
            .should()
            .callMethod(Station.class, "log")
            .orShould()
            .callMethod(Station.class, "attendees")
            .orShould()
            .callMethod(Station.class, "importer")
            .orShould()
            .callMethod(Station.class, "store")
            .orShould()
            .callMethod(Station.class, "arrivals")
            .orShould()
            .callMethod(Station.class, "outbox")
            .orShould()
            .callMethod(Station.class, "remote");
}
