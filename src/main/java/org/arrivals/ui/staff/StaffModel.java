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
    private long seq;
    /** Who acts in staff mode, for the audit log: the role whose PIN opened it. */
    private volatile String actor = "supervisor";

    public StaffModel(Station station, Tasks tasks, I18n i18n, StringProperty printer, StringProperty template) {
        this.station = station;
        this.tasks = tasks;
        this.i18n = i18n;
        this.printer = printer;
        this.template = template;
        reprintQuery.addListener((o, was, now) -> searchReprint(now));
    }

    public void actor(String role) {
        actor = role;
    }

    private void audit(String action, String subject, String detail) {
        station.audit().record(actor, action, subject, detail);
    }

    private void searchReprint(String q) {
        long s = ++seq;
        tasks.query(() -> q.isBlank() ? List.<Attendee>of()
                : station.lookup().search(q, 8).stream().map(SearchHit::attendee).toList(), found -> {
                    if (s == seq) {
                        reprintMatches.setAll(found);
                    }
                }, e -> reprintMatches.clear());
    }

    /** A badge scanned in staff mode: its holder is looked up for a reprint. */
    public void scannedForReprint(String raw) {
        tasks.run(() -> station.scans().resolve(raw), r -> {
            if (r.attendee() != null) {
                reprintMatches.setAll(List.of(r.attendee()));
            } else {
                reprintMessage.set(new Message(Tone.WARNING, i18n.t("desk.scan.unknown", r.cleaned())));
            }
        }, this::failed);
    }

    void reprint(Attendee a, String reason) {
        if (a == null || reason == null) {
            reprintMessage.set(new Message(Tone.WARNING, i18n.t("staff.reprint.choose")));
            return;
        }
        String p = printer.get();
        tasks.run(() -> {
            var o = station.printing().reprint(a.code(), p, template.get(), reason);
            audit("reprint", a.code(), reason);
            return o;
        }, o -> {
            reprintMessage.set(o.message() == null
                    ? new Message(Tone.SUCCESS, i18n.t("staff.reprint.done", a.displayName()))
                    : new Message(Tone.WARNING, o.message()));
            refreshJobs();
        }, this::failed);
    }

    void refreshJobs() {
        tasks.query(() -> {
            List<PrintJob> all = new ArrayList<>(station.printing().queue().all());
            java.util.Collections.reverse(all);
            return all;
        }, jobs::setAll, this::failed);
    }

    void retry(PrintJob job) {
        tasks.run(() -> {
            var o = station.printing().retry(job.id());
            audit("queue retry", Long.toString(job.id()), null);
            return o;
        }, o -> {
            queueMessage.set(o.message() == null ? new Message(Tone.SUCCESS, i18n.t("staff.queue.retried", job.id()))
                    : new Message(Tone.WARNING, o.message()));
            refreshJobs();
        }, this::failed);
    }

    void cancel(PrintJob job) {
        tasks.run(() -> {
            var j = station.printing().cancel(job.id());
            audit("queue cancel", Long.toString(job.id()), null);
            return j;
        }, j -> {
            queueMessage.set(new Message(Tone.INFO, i18n.t("staff.queue.cancelled", job.id())));
            refreshJobs();
        }, this::failed);
    }

    /** A dry run: what the file would change, and its problems, before anything is written. */
    void previewImport(Path file) {
        importFile.set(file);
        importPreview.set(null);
        tasks.run(() -> station.importer().importFile(file, new RosterImporter.Options(Map.of(), null, true)), r -> {
            importPreview.set(r);
            importMessage.set(new Message(r.importedAnything() ? Tone.INFO : Tone.WARNING,
                    i18n.t("staff.import.preview", r.added(), r.updated(), r.unchanged(), r.problems().size())));
        }, this::importFailed);
    }

    void commitImport() {
        Path file = importFile.get();
        if (file == null || importPreview.get() == null) {
            return;
        }
        tasks.run(() -> {
            var r = station.importer().importFile(file, RosterImporter.Options.defaults());
            audit("import", file.getFileName().toString(), "added " + r.added() + ", updated " + r.updated());
            return r;
        }, r -> {
            importPreview.set(null);
            importMessage.set(new Message(Tone.SUCCESS, i18n.t("staff.import.done", r.added(), r.updated(),
                    r.problems().size())));
        }, this::importFailed);
    }

    private void importFailed(Throwable e) {
        importPreview.set(null);
        importMessage.set(new Message(Tone.ERROR, e instanceof ImportException || e instanceof IllegalArgumentException
                ? e.getMessage() : i18n.t("error.unexpected")));
    }

    void loadPrinters() {
        tasks.query(SpoolerPrinter::queues, found -> {
            List<String> all = new ArrayList<>(found);
            if (printer.get() != null && !printer.get().isBlank() && !all.contains(printer.get())) {
                all.add(0, printer.get());
            }
            printers.setAll(all);
        }, e -> printers.clear());
    }

    /** Uses this printer and template from now on, and remembers them for the next start. */
    void choose(String newPrinter, String newTemplate) {
        // reading the template and asking the spooler both touch files and processes: off the FX thread
        tasks.run(() -> {
            TemplateLoader.named(newTemplate, station.configDir()); // a broken template is refused here
            StationFile.set(station.home(), Map.of("printer", newPrinter == null ? "" : newPrinter,
                    "badge.template", newTemplate));
            audit("printer", newPrinter, "template " + newTemplate);
            return Station.printer(newPrinter == null ? "" : newPrinter).problem();
        }, problem -> {
            printer.set(newPrinter);
            template.set(newTemplate);
            settingsMessage.set(problem == null
                ? new Message(Tone.SUCCESS, i18n.t("staff.settings.saved", newPrinter))
                    : new Message(Tone.WARNING, problem));
        }, this::failed);
    }

    private void failed(Throwable e) {
        Message m = new Message(Tone.ERROR, e instanceof IllegalArgumentException || e instanceof IllegalStateException
                ? e.getMessage() : i18n.t("error.unexpected"));
        queueMessage.set(m);
        settingsMessage.set(m);
        reprintMessage.set(m);
    }
}
