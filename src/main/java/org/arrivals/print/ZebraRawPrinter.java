package org.arrivals.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A Zebra printer on the network, spoken to directly on its raw port (9100): fast, and it can
 * say whether it is out of labels, which a spooler cannot. Every wait is bounded, so a missing
 * printer becomes a sentence within two seconds, never a frozen desk.
 */
public final class ZebraRawPrinter implements Printer {
    public static final int PORT = 9100;
    private static final int TIMEOUT_MS = 2000;

    private final String host;
    private final int port;

    public ZebraRawPrinter(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public String name() {
        return "zebra://" + host + ":" + port;
    }

    @Override
    public PrinterState send(byte[] pdf, LabelStock stock) throws PrinterProblem {
        print(ZplEncoder.encode(pdf, stock.dpi()));
        return PrinterState.READY;
    }

    @Override
    public PrinterState state() {
        try {
            return PrinterState.of(status().condition());
        } catch (PrinterProblem e) {
            return e.state();
        }
    }

    /** Asks the printer how it is ({@code ~HS}). */
    public ZebraStatus status() throws PrinterProblem {
        try (Socket s = connect()) {
            s.getOutputStream().write("~HS".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            int etx = 0;
            while (etx < 3) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                reply.write(b);
                if (b == 3) {
                    etx++;
                }
            }
            ZebraStatus st = ZebraStatus.parse(reply.toString(StandardCharsets.US_ASCII));
            if (st == null) {
                throw new PrinterProblem(
                        PrinterState.Condition.NOT_THAT_PRINTER, "no ~HS reply at " + host + ":" + port, null);
            }
            return st;
        } catch (SocketTimeoutException e) {
            throw new PrinterProblem(PrinterState.Condition.UNREACHABLE, "no answer within two seconds", e);
        } catch (IOException e) {
            throw new PrinterProblem(PrinterState.Condition.UNREACHABLE, host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Checks the printer, then sends the labels; returns only when the printer has them all. */
    public void print(byte[] zpl) throws PrinterProblem {
        PrinterState.Condition condition = status().condition();
        if (condition != PrinterState.Condition.READY) {
            throw new PrinterProblem(condition, null, null);
        }
        try (Socket s = connect();
                OutputStream out = s.getOutputStream()) {
            out.write(zpl);
            out.flush();
            s.shutdownOutput();
        } catch (IOException e) {
            throw new PrinterProblem(PrinterState.Condition.UNREACHABLE, "sending: " + e.getMessage(), e);
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
        s.setSoTimeout(TIMEOUT_MS);
        return s;
    }
}
