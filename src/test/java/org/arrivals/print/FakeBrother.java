package org.arrivals.print;

import com.google.zxing.NotFoundException;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener on loopback that behaves as a Brother QL-810W does on its raw port (9100): it answers
 * {@code ESC i S} with its 32-byte status (the roll loaded, out of labels, cover open), reads the
 * raster commands, decodes the raster lines (PackBits or plain) back into the image the head would
 * print, "prints" it in {@code printMillis} and says "printing completed", or the error that stopped
 * it. Like the printer, it serves one connection at a time. Public for the benchmarks.
 */
public final class FakeBrother implements AutoCloseable {
    /** One label that came out: the image as printed (720 head dots wide) and what the job said about it. */
    public record Page(
            BufferedImage image,
            int mediaType,
            int widthMm,
            int lengthMm,
            int lines,
            boolean compressed,
            long atNanos) {}

    private final ServerSocket server;
    private final Thread thread;
    /** The labels that came out, in order. */
    public final List<Page> printed = new CopyOnWriteArrayList<>();
    /** Labels it started and could not finish (out of labels, cover opened). */
    public final AtomicInteger stopped = new AtomicInteger();
    /** Status requests answered. */
    public final AtomicInteger asked = new AtomicInteger();

    public volatile int modelCode = BrotherModel.QL_810W.code;
    public volatile int mediaWidthMm = 62;
    public volatile BrotherStatus.Media media = BrotherStatus.Media.CONTINUOUS;
    public volatile int mediaLengthMm = 0;
    public volatile boolean outOfLabels;
    public volatile boolean coverOpen;
    /** Labels left on the roll (negative: endless): the roll ends while the one after them prints. */
    public volatile int labelsLeft = -1;
    /** When the roll last ran out under the head (System.nanoTime), 0 when it has not. */
    public volatile long ranOutAtNanos;
    /** How long one label takes to print. */
    public volatile long printMillis;
    /** Accepts the connection and never answers. */
    public volatile boolean silent;
    /** Hangs up after taking the print command, saying nothing (as a printer switched off mid-label). */
    public volatile boolean hangUpWhilePrinting;

    public FakeBrother() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "fake-brother-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The printer setting for this listener. */
    public String setting(String model) {
        return "brother-ql://127.0.0.1:" + port() + "?model=" + model;
    }

    public String setting() {
        return setting("QL-810W");
    }

    /** A die-cut roll of labels of this size. */
    public FakeBrother dieCut(int widthMm, int lengthMm) {
        media = BrotherStatus.Media.DIE_CUT;
        mediaWidthMm = widthMm;
        mediaLengthMm = lengthMm;
        return this;
    }

    /** A continuous roll of this width. */
    public FakeBrother continuous(int widthMm) {
        media = BrotherStatus.Media.CONTINUOUS;
        mediaWidthMm = widthMm;
        mediaLengthMm = 0;
        return this;
    }

    private BrotherStatus status(BrotherStatus.Kind kind) {
        int e1 = outOfLabels ? BrotherStatus.NO_MEDIA : 0;
        int e2 = coverOpen ? BrotherStatus.COVER_OPEN : 0;
        return new BrotherStatus(modelCode, e1, e2, mediaWidthMm, media, mediaLengthMm, kind);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                if (silent) {
                    Thread.sleep(5000);
                    continue;
                }
                handle(s);
            } catch (IOException | InterruptedException e) {
                // closed, or the client gave up: keep serving until closed
            }
        }
    }

    private void handle(Socket s) throws IOException, InterruptedException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        List<byte[]> rows = new ArrayList<>();
        boolean compressed = false;
        int mediaType = 0;
        int widthMm = 0;
        int lengthMm = 0;
        int lines = 0;
        try {
            while (true) {
                int b = in.readUnsignedByte();
                switch (b) {
                    case 0x00 -> {} // invalidate
                    case 0x1B -> {
                        int c = in.readUnsignedByte();
                        if (c == '@') {
                            rows.clear();
                            compressed = false;
                        } else if (c == 'i') {
                            int d = in.readUnsignedByte();
                            switch (d) {
                                case 'S' -> {
                                    asked.incrementAndGet();
                                    out.write(status(BrotherStatus.Kind.REPLY).bytes());
                                    out.flush();
                                }
                                case 'z' -> {
                                    byte[] z = in.readNBytes(10);
                                    mediaType = z[1] & 0xFF;
                                    widthMm = z[2] & 0xFF;
                                    lengthMm = z[3] & 0xFF;
                                    lines = (z[4] & 0xFF)
                                            | (z[5] & 0xFF) << 8
                                            | (z[6] & 0xFF) << 16
                                            | (z[7] & 0xFF) << 24;
                                }
                                case 'a', 'M', 'A', 'K' -> in.readUnsignedByte();
                                case 'd' -> in.readNBytes(2);
                                default -> throw new IOException("unknown command ESC i " + d);
                            }
                        } else {
                            throw new IOException("unknown command ESC " + c);
                        }
                    }
                    case 'M' -> compressed = in.readUnsignedByte() == 0x02;
                    case 'g' -> {
                        in.readUnsignedByte();
                        int n = in.readUnsignedByte();
                        byte[] data = in.readNBytes(n);
                        rows.add(
                                compressed
                                        ? BrotherRaster.PackBits.decode(data, BrotherModel.LINE_BYTES)
                                        : Arrays.copyOf(data, BrotherModel.LINE_BYTES));
                    }
                    case 'Z' -> rows.add(new byte[BrotherModel.LINE_BYTES]);
                    case 0x0C, 0x1A -> {
                        out.write(status(BrotherStatus.Kind.PHASE_CHANGE).bytes());
                        out.flush();
                        if (hangUpWhilePrinting) {
                            return;
                        }
                        if (labelsLeft == 0 && !outOfLabels) {
                            outOfLabels = true; // the roll ends under the head: this label stops
                            ranOutAtNanos = System.nanoTime();
                        }
                        long until = System.nanoTime() + printMillis * 1_000_000;
                        while (System.nanoTime() < until && !outOfLabels && !coverOpen) {
                            Thread.sleep(5);
                        }
                        if (outOfLabels || coverOpen) {
                            stopped.incrementAndGet();
                            out.write(status(BrotherStatus.Kind.ERROR).bytes());
                        } else {
                            if (labelsLeft > 0) {
                                labelsLeft--;
                            }
                            printed.add(new Page(
                                    image(rows), mediaType, widthMm, lengthMm, lines, compressed, System.nanoTime()));
                            out.write(status(BrotherStatus.Kind.PRINTING_COMPLETED)
                                    .bytes());
                            out.write(status(BrotherStatus.Kind.PHASE_CHANGE).bytes());
                        }
                        out.flush();
                        rows.clear();
                    }
                    default -> throw new IOException("unknown command " + b);
                }
            }
        } catch (EOFException hungUp) {
            // the client is done
        }
    }

    /** The text of the QR code on a printed label (ZXing, trying hard). */
    public static String qrText(BufferedImage label) throws NotFoundException {
        return org.arrivals.badge.QrRead.text(label);
    }

    /** The rows as the head prints them: each line is sent mirrored, so the image flips it back. */
    private static BufferedImage image(List<byte[]> rows) {
        BufferedImage img =
                new BufferedImage(BrotherModel.HEAD_DOTS, Math.max(1, rows.size()), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < rows.size(); y++) {
            byte[] row = rows.get(y);
            for (int dot = 0; dot < BrotherModel.HEAD_DOTS; dot++) {
                boolean black = (row[dot >> 3] >> (7 - (dot & 7)) & 1) == 1;
                img.setRGB(BrotherModel.HEAD_DOTS - 1 - dot, y, black ? 0x000000 : 0xFFFFFF);
            }
        }
        return img;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
