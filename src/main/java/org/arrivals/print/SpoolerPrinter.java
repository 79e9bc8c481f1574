package org.arrivals.print;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.Orientation;
import org.apache.pdfbox.printing.PDFPageable;

/**
 * A printer queue of the operating system's spooler (CUPS on Linux and macOS), reached through
 * javax.print. The badge goes as PDF; the queue's driver turns it into the printer's language.
 *
 * <p>javax.print on CUPS says little (no paused state, a stale accepting flag), so the queue's
 * state is read from CUPS itself with {@code lpstat}, bounded to two seconds.
 *
 * <p>The label size cannot travel with the job: javax.print on Linux passes a size to {@code lpr}
 * only for standard paper (A4, Letter...), never for a 4x3 in label. So before the first badge on
 * a stock, the queue's default page size and resolution are set to the template's, for this user,
 * with {@code lpoptions} (see {@link QueueOptions}); {@code lpr} applies them to every job.
 *
 * <p>A queue that does not take PDF gets the badge as pages drawn by PDFBox through Java 2D, each
 * page exactly the label's size with no margins.
 */
public final class SpoolerPrinter implements Printer {
    static {
        // javax.print otherwise lists the spooler's queues once and refreshes the list every two
        // minutes, so a printer added while the kiosk runs stays "missing" that long. Without
        // polling each lookup asks CUPS (a few milliseconds); a found queue is kept anyway.
        if (System.getProperty("sun.java2d.print.polling") == null) {
            System.setProperty("sun.java2d.print.polling", "false");
        }
    }

    private final String name;
    private final boolean asPages;
    private final QueueOptions options;
    /** Looked up once: asking CUPS for every queue costs tens of milliseconds. */
    private volatile PrintService service;

    public SpoolerPrinter(String name) {
        this(name, false);
    }

    /** @param asPages send drawn pages even when the queue takes PDF (the fallback, for tests) */
    SpoolerPrinter(String name, boolean asPages) {
        this.name = name;
        this.asPages = asPages;
        this.options = new QueueOptions(name);
    }

    /** The spooler's queues, as javax.print sees them. */
    public static List<String> queues() {
        List<String> names = new ArrayList<>();
        for (PrintService s : PrintServiceLookup.lookupPrintServices(null, null)) {
            names.add(s.getName());
        }
        return names;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PrinterState state() {
        if (service() == null) {
            return PrinterState.of(PrinterState.Condition.NO_SUCH_PRINTER);
        }
        return state(lpstat("-a", name, "-p", name));
    }

    /**
     * Reads one {@code lpstat -a NAME -p NAME} answer, given in the C locale (see {@link #run}):
     * rejecting, then paused. The words are CUPS' own English ones, whatever the person's language.
     */
    static PrinterState state(String lpstat) {
        if (lpstat == null) {
            return PrinterState.READY; // no lpstat, or it did not answer: javax.print will say if the queue is gone
        }
        if (lpstat.contains("not accepting")) {
            return new PrinterState(PrinterState.Condition.REJECTING, lpstat.strip());
        }
        if (lpstat.contains("disabled")) {
            return new PrinterState(PrinterState.Condition.PAUSED, lpstat.strip());
        }
        return PrinterState.READY;
    }

    @Override
    public PrinterState send(byte[] pdf, LabelStock stock) throws PrinterProblem {
        return send(pdf, stock, true);
    }

    @Override
    public PrinterState sendUnlessHeld(byte[] pdf, LabelStock stock) throws PrinterProblem {
        return send(pdf, stock, false);
    }

    private PrinterState send(byte[] pdf, LabelStock stock, boolean hold) throws PrinterProblem {
        PrintService service = service();
        if (service == null) {
            throw new PrinterProblem(PrinterState.Condition.NO_SUCH_PRINTER, name, null);
        }
        // One lpstat for both states: a rejecting queue refuses the job (it stays in our queue); a
        // paused one takes it and holds it, and the person is told.
        PrinterState state = state(lpstat("-a", name, "-p", name));
        if (!state.condition().takesJobs() || (!hold && !state.ready())) {
            throw new PrinterProblem(state.condition(), state.detail(), null);
        }
        PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new JobName("Arrivals badge", null)); // no name in the spooler's job list
        attributes.add(new Copies(1));
        options.useStock(stock);
        if (!asPages && LP.get() && service.isDocFlavorSupported(DocFlavor.INPUT_STREAM.PDF)) {
            // CUPS' own client, the PDF on its standard input: no copy of the badge is ever written
            // to a file (javax.print spools it to $TMPDIR/javaprint* first, readable there and left
            // behind by a crash)
            sendThroughLp(pdf);
            return state;
        }
        DocPrintJob job = service.createPrintJob();
        try {
            if (asPages || !service.isDocFlavorSupported(DocFlavor.INPUT_STREAM.PDF)) {
                sendPages(job, pdf, attributes);
            } else {
                job.print(new SimpleDoc(new ByteArrayInputStream(pdf), DocFlavor.INPUT_STREAM.PDF, null), attributes);
            }
        } catch (PrintException e) {
            this.service = null; // the queue may have been removed: look it up afresh next time
            throw new PrinterProblem(PrinterState.Condition.JOB_REFUSED, e.getMessage(), e);
        }
        return state;
    }

    /** True where CUPS' {@code lp} is on the PATH (Linux, macOS); elsewhere javax.print prints. */
    private static final java.util.function.Supplier<Boolean> LP = new java.util.function.Supplier<>() {
        private volatile Boolean found;

        @Override
        public Boolean get() {
            Boolean f = found;
            if (f == null) {
                String path = System.getenv("PATH");
                f = path != null
                        && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                                .anyMatch(d -> !d.isBlank()
                                        && java.nio.file.Files.isExecutable(java.nio.file.Path.of(d, "lp")));
                found = f;
            }
            return f;
        }
    };

    private void sendThroughLp(byte[] pdf) throws PrinterProblem {
        try {
            ProcessBuilder pb = new ProcessBuilder("lp", "-d", name, "-t", "Arrivals badge", "-n", "1", "-")
                    .redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANGUAGE"));
            pb.environment().put("LC_ALL", "C");
            pb.environment().put("LANG", "C");
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                in.write(pdf);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new PrinterProblem(PrinterState.Condition.UNREACHABLE, "lp did not answer", null);
            }
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new PrinterProblem(PrinterState.Condition.JOB_REFUSED, said, null);
            }
        } catch (IOException e) {
            throw new PrinterProblem(PrinterState.Condition.JOB_REFUSED, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrinterProblem(PrinterState.Condition.UNREACHABLE, "interrupted", e);
        }
    }

    /** The fallback: PDFBox draws each page at the label's exact size, without margins or scaling. */
    private static void sendPages(DocPrintJob job, byte[] pdf, PrintRequestAttributeSet attributes)
            throws PrintException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            job.print(
                    new SimpleDoc(
                            new PDFPageable(doc, Orientation.AUTO, false, 0, false),
                            DocFlavor.SERVICE_FORMATTED.PAGEABLE,
                            null),
                    attributes);
        } catch (IOException e) {
            throw new PrintException(e);
        }
    }

    private PrintService service() {
        PrintService s = service;
        if (s != null) {
            return s;
        }
        for (PrintService candidate : PrintServiceLookup.lookupPrintServices(null, null)) {
            if (candidate.getName().equals(name)) {
                service = candidate;
                return candidate;
            }
        }
        return null;
    }

    /** One {@code lpstat} call, or null when there is no lpstat or it does not answer in two seconds. */
    static String lpstat(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("lpstat");
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /**
     * Runs one CUPS client command in the C locale, so that what it says does not depend on the
     * person's language (CUPS translates "not accepting requests", "disabled"...): its output, or
     * null when it is missing or takes over two seconds.
     */
    static String run(List<String> cmd) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANGUAGE"));
            pb.environment().put("LC_ALL", "C");
            pb.environment().put("LANG", "C");
            Process p = pb.start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
