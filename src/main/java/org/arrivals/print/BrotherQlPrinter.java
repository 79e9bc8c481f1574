package org.arrivals.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Brother QL label printer on the network, spoken to directly in its raster language on its raw
 * port (9100). Before anything is sent it is asked for its 32-byte status: no labels, an open
 * cover, or a roll of another width than the badge's are a {@link PrinterState} at once, and the
 * badge waits (or goes to another printer of the station). Then the badge goes as 300 dpi raster
 * lines, and the printer's "printing completed" (or the error that stopped it) says whether it came
 * out. Every wait for an answer is bounded.
 */
public final class BrotherQlPrinter implements ConfirmingPrinter {
    private static final Logger LOG = LoggerFactory.getLogger(BrotherQlPrinter.class);

    public static final int PORT = 9100;
    static final int TIMEOUT_MS = 2000;
    /** The longest a badge may take to come out before the printer counts as silent. */
    static final long PRINT_TIMEOUT_MS = 30_000;

    /** Clears whatever a previous, cut-off job left in the printer's buffer; then initialize, then ask. */
    private static final byte[] HELLO;

    static {
        HELLO = new byte[400 + 5];
        HELLO[400] = 0x1B;
        HELLO[401] = '@';
        HELLO[402] = 0x1B;
        HELLO[403] = 'i';
        HELLO[404] = 'S';
    }

    private final String host;
    private final int port;
    private final BrotherModel model;

    public BrotherQlPrinter(String host, int port, BrotherModel model) {
        this.host = host;
        this.port = port;
        this.model = model;
    }

    @Override
    public String name() {
        return "brother-ql://" + host + ":" + port + "?model=" + model.label();
    }

    @Override
    public PrinterState state() {
        try (Socket s = connect()) {
            BrotherStatus st = hello(s);
            return new PrinterState(st.condition(), st.describe());
        } catch (PrinterProblem e) {
            return e.state();
        } catch (IOException e) {
            return new PrinterState(PrinterState.Condition.UNREACHABLE, host + ":" + port + ": " + e.getMessage());
        }
    }

    @Override
    public PrinterState send(byte[] pdf, LabelStock stock) throws PrinterProblem {
        Pending p = start(pdf, stock);
        while (true) {
            PrinterState done = p.poll();
            if (done != null) {
                return done;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.abandon();
                throw new PrinterProblem(PrinterState.Condition.UNCONFIRMED, "interrupted while printing", e, true);
            }
        }
    }

    @Override
    public Pending start(byte[] pdf, LabelStock stock) throws PrinterProblem {
        Socket s;
        try {
            s = connect();
        } catch (IOException e) {
            throw new PrinterProblem(PrinterState.Condition.UNREACHABLE, host + ":" + port + ": " + e.getMessage(), e);
        }
        try {
            BrotherStatus st = hello(s);
            PrinterState.Condition condition = st.condition();
            if (condition != PrinterState.Condition.READY) {
                throw new PrinterProblem(condition, st.describe(), null);
            }
            BrotherRaster.Geometry g = BrotherRaster.geometry(stock, st);
            if (g == null) {
                throw new PrinterProblem(
                        PrinterState.Condition.WRONG_LABELS,
                        "the badge is " + stock.widthMm() + " x " + stock.heightMm() + " mm; loaded: " + st.describe(),
                        null);
            }
            BrotherModel m = BrotherModel.ofCode(st.modelCode());
            if (m == null) {
                m = model;
            } else if (m != model) {
                LOG.info("Printer {} says it is a {}; printing as one", name(), m.label());
            }
            byte[] job = BrotherRaster.job(BrotherRaster.draw(pdf, g), g, m);
            OutputStream out = s.getOutputStream();
            out.write(job);
            out.flush();
            s.setSoTimeout(1); // from now on the worker only looks whether the printer has spoken
            return new Session(s, System.nanoTime() + PRINT_TIMEOUT_MS * 1_000_000);
        } catch (PrinterProblem e) {
            close(s);
            throw e;
        } catch (IOException e) {
            close(s);
            // the print command is the last byte: a job cut off while it was being sent never printed
            throw new PrinterProblem(PrinterState.Condition.UNREACHABLE, "sending: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(s);
            throw e;
        }
    }

    /** Clears the printer's buffer, initializes it and reads its status. */
    private BrotherStatus hello(Socket s) throws IOException, PrinterProblem {
        s.getOutputStream().write(HELLO);
        s.getOutputStream().flush();
        byte[] reply;
        try {
            reply = s.getInputStream().readNBytes(BrotherStatus.LENGTH);
        } catch (SocketTimeoutException e) {
            throw new PrinterProblem(
                    PrinterState.Condition.UNREACHABLE,
                    "no status from " + host + ":" + port + " within two seconds",
                    e);
        }
        BrotherStatus st = BrotherStatus.parse(reply);
        if (st == null) {
            throw new PrinterProblem(
                    PrinterState.Condition.NOT_THAT_PRINTER,
                    "no Brother QL status at " + host + ":" + port + " (" + reply.length + " bytes)",
                    null);
        }
        return st;
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            s.setTcpNoDelay(true);
            return s;
        } catch (IOException e) {
            close(s);
            throw e;
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a socket that is gone
        }
    }

    /** One badge on its way out: the printer's statuses are read as they come. */
    private final class Session implements Pending {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final byte[] buffer = new byte[BrotherStatus.LENGTH];
        private int filled;
        private boolean over;

        Session(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public PrinterState poll() throws PrinterProblem {
            if (over) {
                throw new IllegalStateException("this badge has ended");
            }
            while (true) {
                int n;
                try {
                    n = in.read(buffer, filled, buffer.length - filled);
                } catch (SocketTimeoutException e) {
                    break; // nothing more yet
                } catch (IOException e) {
                    throw end(PrinterState.Condition.UNREACHABLE, "the connection broke while printing", true);
                }
                if (n < 0) {
                    throw end(
                            PrinterState.Condition.UNREACHABLE,
                            "the printer hung up before saying the badge came out",
                            true);
                }
                filled += n;
                if (filled < buffer.length) {
                    continue;
                }
                filled = 0;
                BrotherStatus st = BrotherStatus.parse(buffer);
                if (st == null) {
                    throw end(
                            PrinterState.Condition.NOT_THAT_PRINTER,
                            "not a status: " + Arrays.toString(Arrays.copyOf(buffer, 4)),
                            true);
                }
                switch (st.kind()) {
                    case PRINTING_COMPLETED -> {
                        end();
                        return PrinterState.READY;
                    }
                    case ERROR, TURNED_OFF -> {
                        PrinterState.Condition c = st.condition();
                        // out of labels, an open cover, the wrong roll: the printer stopped, the badge is
                        // not usable; anything else (a jammed cutter...) may have let it out
                        boolean stopped = c == PrinterState.Condition.OUT_OF_LABELS
                                || c == PrinterState.Condition.COVER_OPEN
                                || c == PrinterState.Condition.WRONG_LABELS;
                        throw end(
                                c == PrinterState.Condition.READY ? PrinterState.Condition.PRINTER_ERROR : c,
                                st.describe(),
                                !stopped);
                    }
                    default -> {
                        // a phase change (printing, then waiting) or a notification (cooling): go on
                    }
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw end(PrinterState.Condition.UNREACHABLE, "no word from the printer for 30 seconds", true);
            }
            return null;
        }

        private PrinterProblem end(PrinterState.Condition c, String detail, boolean mayHavePrinted) {
            end();
            return new PrinterProblem(c, name() + ": " + detail, null, mayHavePrinted);
        }

        private void end() {
            over = true;
            close(socket);
        }

        @Override
        public void abandon() {
            end();
        }
    }
}
