package org.arrivals.ui.staff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.importing.ImportException;
import org.arrivals.attendee.importing.ImportReport;
import org.arrivals.attendee.importing.RosterImporter;
import org.arrivals.audit.Role;
import org.arrivals.badge.TemplateLoader;
import org.arrivals.print.PrintJob;
import org.arrivals.print.SpoolerPrinter;
import org.arrivals.search.SearchHit;
import org.arrivals.station.Station;
import org.arrivals.station.StationFile;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Message;
import org.arrivals.ui.common.Tasks;
import org.arrivals.ui.common.Tone;

/** Staff work: reprints with a reason, the print queue, importing the list, printer and template. */
public final class StaffModel {
    public static final List<String> REASONS = List.of("lost", "damaged", "name corrected");

    private final Station station;
    private final Tasks tasks;
    private final I18n i18n;
    final StringProperty printer;
    final StringProperty template;

    final StringProperty reprintQuery = new SimpleStringProperty("");
    final ObservableList<Attendee> reprintMatches = FXCollections.observableArrayList();
    final ObjectProperty<Message> reprintMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObservableList<PrintJob> jobs = FXCollections.observableArrayList();
    final ObjectProperty<Message> queueMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Path> importFile = new SimpleObjectProperty<>();
    final ObjectProperty<ImportReport> importPreview = new SimpleObjectProperty<>();
    final ObjectProperty<Message> importMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObservableList<String> printers = FXCollections.observableArrayList();
    final ObservableList<String> templates = FXCollections.observableArrayList(TemplateLoader.BUILT_IN);
    final ObjectProperty<Message> settingsMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Path> exportFolder = new SimpleObjectProperty<>();
    final ObjectProperty<Message> exportMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<Message> adminMessage = new SimpleObjectProperty<>(Message.NONE);
    final ObjectProperty<org.arrivals.station.KioskSettings> savedKiosk = new SimpleObjectProperty<>();
    /** Who acts in staff mode, for the audit log and for admin-only controls: the role whose PIN opened it. */
    final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.SUPERVISOR);

    private long seq;

    public StaffModel(Station station, Tasks tasks, I18n i18n, StringProperty printer, StringProperty template) {
        this.station = station;
        this.tasks = tasks;
        this.i18n = i18n;
        this.printer = printer;
        this.template = template;
        reprintQuery.addListener((o, was, now) -> searchReprint(now));
    }

    public void actor(Role r) {
        role.set(r);
    }

    /** Called from background work: the role is read on the FX thread before the work starts. */
    private void audit(Role by, String action, String subject, String detail) {
        station.audit().record(by.id(), action, subject, detail);
    }

    private void searchReprint(String q) {
        long s = ++seq;
        tasks.query(
                () -> q.isBlank()
                        ? List.<Attendee>of()
                        : station.lookup().search(q, 8).stream()
                                .map(SearchHit::attendee)
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
                () -> station.scans().resolve(raw),
                r -> {
                    if (r.attendee() != null) {
                        reprintMatches.setAll(List.of(r.attendee()));
                    } else {
                        reprintMessage.set(new Message(Tone.WARNING, i18n.t("desk.scan.unknown", r.cleaned())));
                    }
                },
                this::failed);
    }

    void reprint(Attendee a, String reason) {
        if (a == null || reason == null) {
            reprintMessage.set(new Message(Tone.WARNING, i18n.t("staff.reprint.choose")));
            return;
        }
        String p = printer.get();
        String t = template.get();
        Role by = role.get();
        tasks.run(
                () -> {
                    var o = station.printing().reprint(a.code(), p, t, reason);
                    audit(by, "reprint", a.code(), reason);
                    return o;
                },
                o -> {
                    reprintMessage.set(
                            o.message() == null
                                    ? new Message(Tone.SUCCESS, i18n.t("staff.reprint.done", a.displayName()))
                                    : new Message(Tone.WARNING, o.message()));
                    refreshJobs();
                },
                this::failed);
    }

    void refreshJobs() {
        tasks.query(
                () -> {
                    List<PrintJob> all =
                            new ArrayList<>(station.printing().queue().all());
                    java.util.Collections.reverse(all);
                    return all;
                },
                jobs::setAll,
                this::failed);
    }

    void retry(PrintJob job) {
        Role by = role.get();
        tasks.run(
                () -> {
                    var o = station.printing().retry(job.id());
                    audit(by, "queue retry", Long.toString(job.id()), null);
                    return o;
                },
                o -> {
                    queueMessage.set(
                            o.message() == null
                                    ? new Message(Tone.SUCCESS, i18n.t("staff.queue.retried", job.id()))
                                    : new Message(Tone.WARNING, o.message()));
                    refreshJobs();
                },
                this::failed);
    }

    void cancel(PrintJob job) {
        Role by = role.get();
        tasks.run(
                () -> {
                    var j = station.printing().cancel(job.id());
                    audit(by, "queue cancel", Long.toString(job.id()), null);
                    return j;
                },
                j -> {
                    queueMessage.set(new Message(Tone.INFO, i18n.t("staff.queue.cancelled", job.id())));
                    refreshJobs();
                },
                this::failed);
    }

    /** A dry run: what the file would change, and its problems, before anything is written. */
    void previewImport(Path file) {
        importFile.set(file);
        importPreview.set(null);
        tasks.run(
                () -> station.importer().importFile(file, new RosterImporter.Options(Map.of(), null, true)),
                r -> {
                    importPreview.set(r);
                    importMessage.set(new Message(
                            r.importedAnything() ? Tone.INFO : Tone.WARNING,
                            i18n.t(
                                    "staff.import.preview",
                                    r.added(),
                                    r.updated(),
                                    r.unchanged(),
                                    r.problems().size())));
                },
                this::importFailed);
    }

    void commitImport() {
        Path file = importFile.get();
        if (file == null || importPreview.get() == null) {
            return;
        }
        Role by = role.get();
        tasks.run(
                () -> {
                    var r = station.importer().importFile(file, RosterImporter.Options.defaults());
                    audit(
                            by,
                            "import",
                            file.getFileName().toString(),
                            "added " + r.added() + ", updated " + r.updated());
                    return r;
                },
                r -> {
                    importPreview.set(null);
                    importMessage.set(new Message(
                            Tone.SUCCESS,
                            i18n.t(
                                    "staff.import.done",
                                    r.added(),
                                    r.updated(),
                                    r.problems().size())));
                },
                this::importFailed);
    }

    private void importFailed(Throwable e) {
        importPreview.set(null);
        importMessage.set(new Message(
                Tone.ERROR,
                e instanceof ImportException || e instanceof IllegalArgumentException
                        ? e.getMessage()
                        : i18n.t("error.unexpected")));
    }

    void loadPrinters() {
        tasks.query(
                SpoolerPrinter::queues,
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
        // reading the template and asking the spooler both touch files and processes: off the FX thread
        Role by = role.get();
        tasks.run(
                () -> {
                    TemplateLoader.named(newTemplate, station.configDir()); // a broken template is refused here
                    StationFile.set(
                            station.home(),
                            Map.of("printer", newPrinter == null ? "" : newPrinter, "badge.template", newTemplate));
                    audit(by, "printer", newPrinter, "template " + newTemplate);
                    return Station.printer(newPrinter == null ? "" : newPrinter).problem();
                },
                problem -> {
                    printer.set(newPrinter);
                    template.set(newTemplate);
                    settingsMessage.set(
                            problem == null
                                    ? new Message(Tone.SUCCESS, i18n.t("staff.settings.saved", newPrinter))
                                    : new Message(Tone.WARNING, problem));
                },
                this::failed);
    }

    /**
     * Where exports go unless staff choose otherwise: a USB stick if one is mounted (the runbook's
     * encrypted stick), else the user's home folder.
     */
    void suggestExportFolder() {
        if (exportFolder.get() != null) {
            return;
        }
        tasks.query(StaffModel::removableMediaOrHome, exportFolder::set, e -> {});
    }

    static Path removableMediaOrHome() {
        String user = System.getProperty("user.name");
        for (Path base : List.of(Path.of("/media", user), Path.of("/run/media", user))) {
            try (var dirs = java.nio.file.Files.list(base)) {
                var first =
                        dirs.filter(java.nio.file.Files::isDirectory).sorted().findFirst();
                if (first.isPresent()) {
                    return first.get();
                }
            } catch (java.io.IOException | SecurityException e) {
                // no removable media here
            }
        }
        return Path.of(System.getProperty("user.home"));
    }

    private record Saved(int count, Path file) {}

    private Path exportTarget(Path folder, String kind, String extension) {
        if (folder == null || !java.nio.file.Files.isDirectory(folder)) {
            throw new IllegalArgumentException(i18n.t("staff.export.noFolder", folder == null ? "" : folder));
        }
        String stamp = java.time.LocalDateTime.now(station.clock())
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", java.util.Locale.ROOT));
        return folder.resolve(
                "arrivals-" + kind + "-" + station.checkIns().stationId() + "-" + stamp + "." + extension);
    }

    /** The list with arrival states, as a spreadsheet-safe CSV in {@code folder}: a supervisor's action, audited. */
    void exportList(Path folder) {
        Role by = role.get();
        tasks.run(
                () -> {
                    Path out = exportTarget(folder, "list", "csv");
                    int n = station.export().write(out);
                    audit(by, "export", out.getFileName().toString(), n + " people");
                    return new Saved(n, out);
                },
                saved -> exportMessage.set(
                        new Message(Tone.SUCCESS, i18n.t("staff.export.done", saved.count(), saved.file()))),
                e -> exportMessage.set(exportFailed(e)));
    }

    /** The audit log as JSON in {@code folder}: an admin's action ({@code by} is the role whose PIN was given). */
    void exportAudit(Path folder, Role by) {
        if (!by.allows(Role.ADMIN)) {
            exportMessage.set(new Message(Tone.ERROR, i18n.t("pin.why.admin")));
            return;
        }
        tasks.run(
                () -> {
                    Path out = exportTarget(folder, "audit", "json");
                    int n = station.audit().writeJson(out);
                    audit(by, "export audit", out.getFileName().toString(), n + " entries"); // once it is written
                    return new Saved(n, out);
                },
                saved -> exportMessage.set(
                        new Message(Tone.SUCCESS, i18n.t("staff.audit.done", saved.count(), saved.file()))),
                e -> exportMessage.set(exportFailed(e)));
    }

    private Message exportFailed(Throwable e) {
        if (e instanceof IllegalArgumentException) {
            return new Message(Tone.ERROR, e.getMessage());
        }
        return new Message(
                Tone.ERROR, i18n.t("staff.export.failed", e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    /**
     * The kiosk's own settings (start mode, self-service idle time, start language): an admin's
     * action, written to HOME/station.properties and used from the next start.
     */
    void saveStationSettings(org.arrivals.station.KioskSettings.Mode mode, String idleText, String language, Role by) {
        if (!by.allows(Role.ADMIN)) {
            adminMessage.set(new Message(Tone.ERROR, i18n.t("pin.why.admin")));
            return;
        }
        int idle = org.arrivals.station.KioskSettings.idleSeconds(idleText); // the rule the settings file is read by
        if (idle < 0) {
            adminMessage.set(new Message(Tone.ERROR, i18n.t("staff.admin.badIdle")));
            return;
        }
        Map<String, String> values = Map.of(
                "kiosk.mode",
                mode.name().toLowerCase(java.util.Locale.ROOT),
                "kiosk.idle.seconds",
                Integer.toString(idle),
                "kiosk.language",
                language);
        tasks.run(
                () -> {
                    StationFile.set(station.home(), values);
                    audit(by, "configuration", null, new java.util.TreeMap<>(values).toString());
                    return values;
                },
                ok -> adminMessage.set(new Message(Tone.SUCCESS, i18n.t("staff.admin.saved"))),
                e -> adminMessage.set(new Message(Tone.ERROR, i18n.t("error.unexpected"))));
    }

    /** Reads the kiosk's saved settings off the FX thread, for the admin's form. */
    void loadKioskSettings() {
        tasks.query(
                () -> org.arrivals.station.KioskSettings.load(station.home()),
                savedKiosk::set,
                e -> savedKiosk.set(org.arrivals.station.KioskSettings.DEFAULTS)); // arrivals check names a broken file
    }

    private void failed(Throwable e) {
        Message m = new Message(
                Tone.ERROR,
                e instanceof IllegalArgumentException || e instanceof IllegalStateException
                        ? e.getMessage()
                        : i18n.t("error.unexpected"));
        queueMessage.set(m);
        settingsMessage.set(m);
        reprintMessage.set(m);
    }
}
