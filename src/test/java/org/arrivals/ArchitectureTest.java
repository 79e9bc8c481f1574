package org.arrivals;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** The package arrows of docs/architecture.md: each feature uses only what it may. */
@AnalyzeClasses(packages = "org.arrivals", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noSqlInTheFaces = noClasses()
            .that()
            .resideInAnyPackage("org.arrivals.cli..", "org.arrivals.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.arrivals.store.jooq..", "org.jooq..", "org.h2..", "org.flywaydb..");

    @ArchTest
    static final ArchRule storeKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("org.arrivals.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.arrivals.attendee..",
                    "org.arrivals.checkin..",
                    "org.arrivals.station..",
                    "org.arrivals.cli..");

    @ArchTest
    static final ArchRule rosterDoesNotKnowCheckIns = noClasses()
            .that()
            .resideInAPackage("org.arrivals.attendee..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.arrivals.checkin..", "org.arrivals.station..", "org.arrivals.cli..");

    @ArchTest
    static final ArchRule checkInsDoNotKnowTheFaces = noClasses()
            .that()
            .resideInAPackage("org.arrivals.checkin..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.arrivals.station..", "org.arrivals.cli..");

    /** Days and sessions build on the check-in log; the log knows nothing of them (it offers a projection hook). */
    @ArchTest
    static final ArchRule checkInsDoNotKnowSessionsDelegationsOrCertificates = noClasses()
            .that()
            .resideInAPackage("org.arrivals.checkin..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.arrivals.session..", "org.arrivals.delegation..", "org.arrivals.certificate..");

    @ArchTest
    static final ArchRule sessionsDelegationsAndCertificatesKnowNoFaces = noClasses()
            .that()
            .resideInAnyPackage("org.arrivals.session..", "org.arrivals.delegation..", "org.arrivals.certificate..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.arrivals.station..", "org.arrivals.cli..", "org.arrivals.ui..", "org.arrivals.hub..");

    @ArchTest
    static final ArchRule certificatesAreDrawnWithoutTheStore = noClasses()
            .that()
            .resideInAPackage("org.arrivals.certificate..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.arrivals.store.jooq..", "org.jooq..", "org.arrivals.print..");

    @ArchTest
    static final ArchRule stationDoesNotKnowTheFaces = noClasses()
            .that()
            .resideInAPackage("org.arrivals.station..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.arrivals.cli..");

    @ArchTest
    static final ArchRule searchUsesOnlyTheRoster = noClasses()
            .that()
            .resideInAPackage("org.arrivals.search..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.arrivals.checkin..",
                    "org.arrivals.station..",
                    "org.arrivals.cli..",
                    "org.arrivals.store..",
                    "org.jooq..");

    @ArchTest
    static final ArchRule badgesKnowNoServices = noClasses()
            .that()
            .resideInAPackage("org.arrivals.badge..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.arrivals.checkin..",
                    "org.arrivals.station..",
                    "org.arrivals.cli..",
                    "org.arrivals.store..",
                    "org.arrivals.search..");

    @ArchTest
    static final ArchRule printingKnowsBadgesNotCheckIns = noClasses()
            .that()
            .resideInAPackage("org.arrivals.print..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.arrivals.checkin..", "org.arrivals.station..", "org.arrivals.cli..", "org.arrivals.search..");

    @ArchTest
    static final ArchRule syncUsesCheckInsRosterAndStore = noClasses()
            .that()
            .resideInAPackage("org.arrivals.sync..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.arrivals.station..",
                    "org.arrivals.cli..",
                    "org.arrivals.hub..",
                    "org.arrivals.ui..",
                    "org.arrivals.print..",
                    "org.arrivals.badge..",
                    "org.arrivals.search..");

    /** The contract both ends share depends on nothing else of ours, so the station and the hub can both use it. */
    @ArchTest
    static final ArchRule theProtocolIsALeaf = noClasses()
            .that()
            .resideInAPackage("org.arrivals.sync.protocol..")
            .should()
            .dependOnClassesThat(
                    resideInAPackage("org.arrivals..").and(not(resideInAPackage("org.arrivals.sync.protocol.."))))
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jooq..", "org.h2..", "org.slf4j..");

    @ArchTest
    static final ArchRule hubKnowsOnlyTheProtocolAndStore = noClasses()
            .that()
            .resideInAPackage("org.arrivals.hub..")
            .and()
            .resideOutsideOfPackage("org.arrivals.hub.console..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.arrivals.checkin..",
                    "org.arrivals.attendee..",
                    "org.arrivals.station..",
                    "org.arrivals.cli..",
                    "org.arrivals.ui..",
                    "org.arrivals.print..",
                    "org.arrivals.badge..",
                    "org.arrivals.search..")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("org.arrivals.sync")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("org.arrivals.store.jooq..");

    /**
     * The organizers' console folds the hub's events as every station does: it may use the pure
     * folds ({@code checkin.Arrival}, {@code session.SessionPresence}) and their records, nothing
     * else of the station's side.
     */
    @ArchTest
    static final ArchRule theConsoleUsesOnlyTheStationsFolds = noClasses()
            .that()
            .resideInAPackage("org.arrivals.hub.console..")
            .should()
            .dependOnClassesThat(resideInAnyPackage(
                            "org.arrivals.checkin..",
                            "org.arrivals.session..",
                            "org.arrivals.attendee..",
                            "org.arrivals.station..",
                            "org.arrivals.cli..",
                            "org.arrivals.ui..",
                            "org.arrivals.print..",
                            "org.arrivals.badge..",
                            "org.arrivals.search..",
                            "org.arrivals.sync",
                            "org.arrivals.store.jooq..")
                    .and(not(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "a pure fold or its records",
                            (JavaClass c) -> List.of(
                                            "org.arrivals.checkin.Arrival",
                                            "org.arrivals.checkin.Arrival$Day",
                                            "org.arrivals.checkin.CheckInEvent",
                                            "org.arrivals.session.SessionPresence",
                                            "org.arrivals.session.Visit")
                                    .contains(c.getName())))));

    @ArchTest
    static final ArchRule nothingButTheStationAndTheFacesKnowsTheHub = noClasses()
            .that()
            .resideOutsideOfPackages("org.arrivals.hub..", "org.arrivals.station..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.arrivals.hub..");

    @ArchTest
    static final ArchRule theAuditLogKnowsOnlyTheStore = noClasses()
            .that()
            .resideInAPackage("org.arrivals.audit..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.arrivals.attendee..",
                    "org.arrivals.checkin..",
                    "org.arrivals.station..",
                    "org.arrivals.cli..",
                    "org.arrivals.ui..",
                    "org.arrivals.print..",
                    "org.arrivals.sync..",
                    "org.arrivals.hub..");
}
