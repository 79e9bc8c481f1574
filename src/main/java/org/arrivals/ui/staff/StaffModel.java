package org.arrivals.ui.staff;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.RosterService;
import org.arrivals.attendee.importing.ImportReport;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Actor;
import org.arrivals.audit.ExportResult;
import org.arrivals.audit.Role;
import org.arrivals.badge.BadgePreview;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.checkin.CheckInService;
import org.arrivals.print.PrintJob;
import org.arrivals.print.PrintListener;
import org.arrivals.print.PrintOutcome;
import org.arrivals.print.PrintService;
import org.arrivals.print.Printers;
import org.arrivals.search.SearchHit;
import org.arrivals.station.KioskSettings;
import org.arrivals.station.Station;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Message;
import org.arrivals.ui.common.Tasks;
import org.arrivals.ui.common.Tone;

/** Staff work: reprints with a reason, the print queue, importing the list, printer and template. */
public final class StaffModel {
    public static final List<String> REASONS = List.of("lost", "damaged", "name corrected", "never printed");

    private final Station station;
    private final Tasks tasks;
    private final I18n i18n;
    final StringProperty printer;
    final StringProperty template;

    final StringProperty reprintQuery = new SimpleStringProperty("");
    final ObservableList<CheckInService.Person> reprintMatches = FXCollections.observableArrayList();
    /** The reason chosen for the next reprint: cleared after each reprint, so the next one is chosen anew. */
    final StringProperty reprintReason = new SimpleStringProperty();
    /** The badge of the person chosen for a reprint, as it would print. */
    final ObjectProperty<Image> reprintPreview = new SimpleObjectProperty<>();
    /** People checked in without a badge (checked in while no printer was chosen, or their job was cancelled). */
    final ObservableList<CheckInService.Person> withoutBadge = FXCollections.observableArrayList();
    /** The names of the people the print queue's jobs are for, by code (the queue shows names, not just codes). */
    final Map<String, String> jobNames = new ConcurrentHashMap<>();

    final ObjectProperty<Message> reprintMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObservableList<PrintJob> jobs = FXCollections.observableArrayList();
    final ObjectProperty<Message> queueMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Path> importFile = new SimpleObjectProperty<>();
    final ObjectProperty<ImportReport> importPreview = new SimpleObjectProperty<>();
    /** The report on screen: the preview, then what the import did (its problems stay to be read). */
    final ObjectProperty<ImportReport> importShown = new SimpleObjectProperty<>();

    final ObjectProperty<Message> importMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObservableList<String> printers = FXCollections.observableArrayList();
    final ObservableList<String> templates = FXCollections.observableArrayList(TemplateLoader.BUILT_IN);
    final ObjectProperty<Message> settingsMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Path> exportFolder = new SimpleObjectProperty<>();
    final ObjectProperty<Message> exportMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Message> adminMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<KioskSettings> savedKiosk = new SimpleObjectProperty<>();
    /** Who acts in staff mode, for the audit log and for admin-only controls: the role whose PIN opened it. */
    final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.SUPERVISOR);

    /** The delegations page: an organization's people, several checked in at once. */
    final org.arrivals.ui.delegation.DelegationModel delegations;

    private long seq;

    public StaffModel(Station station, Tasks tasks, I18n i18n) {
        this.station = station;
        this.tasks = tasks;
        this.i18n = i18n;
        this.delegations = new org.arrivals.ui.delegation.DelegationModel(station, tasks, i18n, this::actor);
        PrintService.Target t = station.printing().target();
        this.printer = new SimpleStringProperty(t.printer());
        this.template = new SimpleStringProperty(t.template());
        reprintQuery.addListener((o, was, now) -> searchReprint(now));
        // the queue on screen follows the print worker: a job that prints or fails shows so at once
        station.printing().addListener(new PrintListener() {
            @Override
            public void jobChanged(PrintJob job) {
                Platform.runLater(StaffModel.this::refreshJobs);
            }
        });
    }

    /** Staff mode opened with the PIN of {@code r}: a search the last person there left is not shown to the next. */
    public void actor(Role r) {
        role.set(r);
        reprintQuery.set("");
        reprintMatches.clear();
        reprintReason.set(null);
    }

    /** The actor in staff mode now (for work the shell starts on its behalf). */
    public Actor actorNow() {
        return actor();
    }

    /** The actor in staff mode; read on the FX thread before the work starts. */
    private Actor actor() {
        return new Actor(role.get(), Actor.Face.STAFF);
    }

    private static Actor staff(Role by) {
        return new Actor(by, Actor.Face.STAFF);
    }

    private void searchReprint(String q) {
        long s = ++seq;
        tasks.query(
                () -> q.isBlank()
                        ? List.<CheckInService.Person>of()
                        : station.lookup().search(q, 8).stream()
                                .map(SearchHit::attendee)
                                .map(a -> station.checkIns().person(a.code()).orElse(null))
                                .filter(Objects::nonNull)
                                .toList(),
                found -> {
                    if (s == seq) {
                        reprintMatches.setAll(found);
                    }
                },
                e -> reprintMatches.clear());
    }

    /** A badge scanned in staff mode: its holder is looked up for a reprint. */
    public void scannedForReprint(String raw) {
        tasks.run(
                () -> station.checkIns().resolve(raw),
                r -> {
                    if (r.attendee() != null) {
                        station.checkIns()
                                .person(r.attendee().code())
                                .ifPresent(p -> reprintMatches.setAll(List.of(p)));
                    } else {
                        reprintMessage.set(new Message(Tone.WARNING, i18n.t("desk.scan.unknown", r.cleaned())));
                    }
                },
                this::failed);
    }

    /** Draws the chosen person's badge for the reprint screen, off the FX thread. */
    void previewReprint(Attendee a) {
        reprintPreview.set(null);
        if (a == null) {
            return;
        }
        tasks.render(
                () -> {
                    var t = TemplateLoader.named(station.printing().target().template(), station.configDir());
                    byte[] png = BadgePreview.png(station.badges().render(t, a, ""), 96);
                    return new Image(new ByteArrayInputStream(png));
                },
                reprintPreview::set,
                e -> reprintPreview.set(null));
    }

    /** A reprint for someone not checked in, or whose registration is blocked, is asked about first. */
    static boolean reprintNeedsConfirming(CheckInService.Person p) {
        return p != null && (!p.arrival().checkedIn() || p.attendee().status() != RegistrationStatus.ATTENDING);
    }

    /** The people checked in without a badge, for the reprint screen's list. */
    void loadWithoutBadge() {
        tasks.query(station.checkIns()::checkedInWithoutBadge, withoutBadge::setAll, e -> withoutBadge.clear());
    }

    /** Prints the first badge of everyone checked in without one (each once: the service refuses a second). */
    void printMissingBadges() {
        List<CheckInService.Person> who = List.copyOf(withoutBadge);
        Actor by = actor();
        tasks.run(
                () -> who.stream()
                        .map(p -> station.printing().print(by, p.attendee().code()))
                        .filter(o -> o.result() == PrintOutcome.Result.QUEUED)
                        .count(),
                n -> {
                    reprintMessage.set(new Message(Tone.SUCCESS, i18n.t("staff.noBadge.printing", n)));
                    loadWithoutBadge();
                    refreshJobs();
                },
                this::failed);
    }

    void reprint(Attendee a, String reason) {
        if (a == null || reason == null) {
            reprintMessage.set(new Message(Tone.WARNING, i18n.t("staff.reprint.choose")));
            return;
        }
        Actor by = actor();
        tasks.run(
                () -> station.printing().reprint(by, a.code(), reason),
                o -> {
                    reprintMessage.set(
                            o.result() == PrintOutcome.Result.QUEUED
                                    ? new Message(Tone.SUCCESS, i18n.t("staff.reprint.done", a.displayName()))
                                    : printProblem(o));
                    if (o.result() == PrintOutcome.Result.QUEUED) {
                        reprintReason.set(null); // the next reprint's reason is chosen anew
                    }
                    refreshJobs();
                },
                this::failed);
    }

    /** A print outcome that is not a plain success, as a sentence. */
    Message printProblem(PrintOutcome o) {
        String p = o.job() != null ? o.job().printer() : printer.get();
        return switch (o.result()) {
            case NO_PRINTER -> new Message(Tone.WARNING, i18n.t("printer.NOT_CHOSEN"));
            case NOT_ALLOWED -> new Message(Tone.ERROR, i18n.t("error.notAllowed"));
            case NEEDS_REASON -> new Message(Tone.WARNING, i18n.t("staff.reprint.choose"));
            case BAD_TEMPLATE -> new Message(Tone.ERROR, i18n.t("badge.badTemplate"));
            case NO_SUCH_JOB -> new Message(Tone.ERROR, i18n.t("staff.queue.noSuchJob", ""));
            case NOT_WAITING ->
                new Message(Tone.INFO, i18n.t("staff.queue.notWaiting", o.job().id()));
            default ->
                o.printer() != null
                        ? new Message(Tone.WARNING, i18n.printer(o.printer(), p))
                        : new Message(Tone.ERROR, i18n.t("error.unexpected"));
        };
    }

    void refreshJobs() {
        tasks.query(
                () -> {
                    List<PrintJob> all = new ArrayList<>(station.printing().jobs());
                    Collections.reverse(all); // newest first
                    for (PrintJob j : all) {
                        jobNames.computeIfAbsent(
                                j.attendeeCode(),
                                code -> station.checkIns()
                                        .person(code)
                                        .map(p -> p.attendee().displayName())
                                        .orElse(""));
                    }
                    return all;
                },
                jobs::setAll,
                this::failed);
    }

    void retry(PrintJob job) {
        Actor by = actor();
        tasks.run(
                () -> station.printing().retry(by, job.id()),
                o -> {
                    queueMessage.set(
                            o.result() == PrintOutcome.Result.QUEUED
                                    ? new Message(Tone.SUCCESS, i18n.t("staff.queue.retried", job.id()))
                                    : printProblem(o));
                    refreshJobs();
                },
                this::failed);
    }

    void cancel(PrintJob job) {
        Actor by = actor();
        tasks.run(
                () -> station.printing().cancel(by, job.id()),
                o -> {
                    queueMessage.set(
                            o.result() == PrintOutcome.Result.CANCELLED
                                    ? new Message(Tone.INFO, i18n.t("staff.queue.cancelled", job.id()))
                                    : printProblem(o));
                    refreshJobs();
                },
                this::failed);
    }

    /** A dry run: what the file would change, and its problems, before anything is written. */
    public void previewImport(Path file) {
        importFile.set(file);
        importPreview.set(null);
        Actor by = actor();
        tasks.run(
                () -> station.roster().importFile(by, file, new RosterImporter.Options(Map.of(), null, true)),
                r -> {
                    if (r.outcome() != RosterService.ImportResult.Outcome.DONE) {
                        importRefused(r);
                        return;
                    }
                    ImportReport report = r.report();
                    importPreview.set(report);
                    importShown.set(report);
                    importMessage.set(new Message(
                            report.importedAnything() ? Tone.INFO : Tone.WARNING,
                            i18n.t(
                                    "staff.import.preview",
                                    report.added(),
                                    report.updated(),
                                    report.unchanged(),
                                    report.problems().size())));
                },
                this::importFailed);
    }

    public void commitImport() {
        Path file = importFile.get();
        if (file == null || importPreview.get() == null) {
            return;
        }
        Actor by = actor();
        tasks.run(
                () -> station.roster().importFile(by, file, RosterImporter.Options.defaults()),
                r -> {
                    if (r.outcome() != RosterService.ImportResult.Outcome.DONE) {
                        importRefused(r);
                        return;
                    }
                    importPreview.set(null);
                    importShown.set(r.report()); // what was done, and its problems, stay on screen
                    importMessage.set(new Message(
                            Tone.SUCCESS,
                            i18n.t(
                                    "staff.import.done",
                                    r.report().added(),
                                    r.report().updated(),
                                    r.report().problems().size())));
                },
                this::importFailed);
    }

    private void importRefused(RosterService.ImportResult r) {
        importPreview.set(null);
        importShown.set(null);
        importMessage.set(
                r.outcome() == RosterService.ImportResult.Outcome.NOT_ALLOWED
                        ? new Message(Tone.ERROR, i18n.t("error.notAllowed"))
                        // the importer names the line and the column (its words are English; see docs)
                        : new Message(Tone.ERROR, r.refused().getMessage()));
    }

    private void importFailed(Throwable e) {
        importPreview.set(null);
        importShown.set(null);
        importMessage.set(new Message(Tone.ERROR, i18n.t("error.unexpected")));
    }

    void loadPrinters() {
        tasks.query(
                Printers::spoolerQueues,
                found -> {
                    List<String> all = new ArrayList<>(found);
                    if (printer.get() != null && !printer.get().isBlank() && !all.contains(printer.get())) {
                        all.add(0, printer.get());
                    }
                    printers.setAll(all);
                },
                e -> printers.clear());
    }

    /** Uses this printer and template from now on, and remembers them for the next start. */
    void choose(String newPrinter, String newTemplate) {
        Actor by = actor();
        tasks.run(
                () -> station.printing()
                        .choose(by, new PrintService.Target(newPrinter, newTemplate))
                        .get(10, TimeUnit.SECONDS),
                o -> {
                    switch (o.result()) {
                        case NOT_ALLOWED, BAD_TEMPLATE -> {
                            settingsMessage.set(printProblem(o));
                            return;
                        }
                        default -> {}
                    }
                    printer.set(newPrinter);
                    template.set(newTemplate);
                    settingsMessage.set(
                            o.printer() == null || o.printer().ready()
                                    ? new Message(Tone.SUCCESS, i18n.t("staff.settings.saved", newPrinter))
                                    : new Message(Tone.WARNING, i18n.printer(o.printer(), newPrinter)));
                },
                this::failed);
    }

    /**
     * Where exports go unless staff choose otherwise: a USB stick if one is mounted (the runbook's
     * encrypted stick). With none, no folder is suggested and the screen says so: the list must not
     * land on the kiosk's own disk by default.
     */
    void suggestExportFolder() {
        if (exportFolder.get() != null) {
            return;
        }
        tasks.query(
                () -> station.roster().removableDrives(),
                drives -> {
                    if (!drives.isEmpty()) {
                        exportFolder.set(drives.get(0));
                    } else {
                        exportMessage.set(new Message(Tone.WARNING, i18n.t("staff.export.noDrive")));
                    }
                },
                e -> {});
    }

    /** True when exporting to {@code folder} would leave the list on this computer's own disk. */
    boolean staysOnThisComputer(Path folder) {
        return folder != null && Files.isDirectory(folder) && !station.roster().onRemovableDrive(folder);
    }

    /** The list with arrival states, as a spreadsheet-safe CSV in {@code folder}: an admin's action, audited. */
    void exportList(Path folder, Role role) {
        Actor by = new Actor(role, Actor.Face.STAFF);
        tasks.run(
                () -> {
                    ExportResult list = station.roster().exportTo(by, folder);
                    // beside the list, what each person attended: a row per stay in a session room
                    ExportResult rows = list.outcome() == ExportResult.Outcome.WRITTEN
                            ? station.sessions()
                                    .exportAttendance(
                                            by, folder.resolve(station.roster().exportName("attendance", "csv")))
                            : null;
                    return new ExportResult[] {list, rows};
                },
                r -> {
                    Message m = exported(r[0], folder, "staff.export.done");
                    if (r[1] != null && r[1].outcome() == ExportResult.Outcome.WRITTEN) {
                        m = new Message(
                                m.tone(),
                                m.text() + "\n"
                                        + i18n.t(
                                                "staff.export.attendance",
                                                i18n.number(r[1].count()),
                                                r[1].file().getFileName()));
                    } else if (r[1] != null) {
                        m = exported(r[1], folder, "staff.export.attendance");
                    }
                    exportMessage.set(m);
                },
                e -> exportMessage.set(new Message(Tone.ERROR, i18n.t("error.unexpected"))));
    }

    /** The audit log as JSON in {@code folder}: an admin's action ({@code by} is the role whose PIN was given). */
    void exportAudit(Path folder, Role by) {
        tasks.run(
                () -> folder == null || !Files.isDirectory(folder)
                        ? ExportResult.of(ExportResult.Outcome.NO_FOLDER)
                        : station.audit()
                                .export(
                                        staff(by),
                                        folder.resolve(station.roster().exportName("audit", "json"))),
                r -> exportMessage.set(
                        r.outcome() == ExportResult.Outcome.NOT_ALLOWED
                                ? new Message(Tone.ERROR, i18n.t("pin.why.admin"))
                                : exported(r, folder, "staff.audit.done")),
                e -> exportMessage.set(new Message(Tone.ERROR, i18n.t("error.unexpected"))));
    }

    private Message exported(ExportResult r, Path folder, String doneKey) {
        return switch (r.outcome()) {
            case WRITTEN -> new Message(Tone.SUCCESS, i18n.t(doneKey, r.count(), r.file()));
            case NO_FOLDER -> new Message(Tone.ERROR, i18n.t("staff.export.noFolder", folder == null ? "" : folder));
            case NOT_ALLOWED -> new Message(Tone.ERROR, i18n.t("error.notAllowed"));
            case FAILED -> new Message(Tone.ERROR, i18n.t("staff.export.failed"));
        };
    }

    /**
     * The kiosk's own settings (start mode, self-service idle time, start language): an admin's
     * action, written to HOME/station.properties and used from the next start.
     */
    void saveStationSettings(KioskSettings.Mode mode, String idleText, String language, Role by) {
        tasks.run(
                () -> station.kiosk().save(staff(by), mode, idleText, language),
                outcome -> adminMessage.set(
                        switch (outcome) {
                            case SAVED -> new Message(Tone.SUCCESS, i18n.t("staff.admin.saved"));
                            case NOT_ALLOWED -> new Message(Tone.ERROR, i18n.t("pin.why.admin"));
                            case BAD_IDLE_TIME -> new Message(Tone.ERROR, i18n.t("staff.admin.badIdle"));
                            case BAD_LANGUAGE -> new Message(Tone.ERROR, i18n.t("error.unexpected"));
                        }),
                e -> adminMessage.set(new Message(Tone.ERROR, i18n.t("error.unexpected"))));
    }

    /** Reads the kiosk's saved settings off the FX thread, for the admin's form. */
    void loadKioskSettings() {
        tasks.query(station.kiosk()::load, savedKiosk::set, e -> savedKiosk.set(KioskSettings.DEFAULTS));
    }

    private void failed(Throwable e) {
        // details are in the log (Tasks logged them); a person reads a sentence
        Message m = new Message(Tone.ERROR, i18n.t("error.unexpected"));
        queueMessage.set(m);
        settingsMessage.set(m);
        reprintMessage.set(m);
    }
}
