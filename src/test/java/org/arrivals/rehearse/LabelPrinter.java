package org.arrivals.rehearse;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrivals.print.ZplGraphic;

/**
 * A Zebra on loopback (port 9100's protocol: {@code ~HS} status, then raw ZPL jobs) that takes
 * {@link #MILLIS_PER_BADGE} per badge, one at a time, and keeps each badge with the time it came
 * out. It is reached either through a CUPS queue with CUPS' own Zebra driver (the badge arrives as
 * ZPL with a downloaded {@code ~DG} graphic) or straight from the station as a network Zebra
 * ({@code ^GFA}); {@link #token} reads the QR code back from either.
 *
 * <p>Out of labels: as a network Zebra, {@code ~HS} says so; reached through CUPS, it refuses
 * connections (the socket backend then gives up and CUPS stops the queue, holding the jobs).
 */
final class LabelPrinter implements AutoCloseable {
    static final long MILLIS_PER_BADGE = 1500;

    /** A label: when the printer began to take it, when it came out, and what it was sent. */
    record Badge(long inAt, long outAt, byte[] zpl) {}

    final String station;
    final List<Badge> badges = new CopyOnWriteArrayList<>();
    private final int port;
    private final boolean refuseWhenOut;
    private volatile ServerSocket server;
    private volatile boolean outOfLabels;
    private volatile boolean closed;
    /** True while a job is being received or printed. */
    volatile boolean busy;

    /** @param refuseWhenOut out of labels, refuse connections (behind CUPS) instead of saying so on {@code ~HS} */
    LabelPrinter(String station, boolean refuseWhenOut) throws IOException {
        this.station = station;
        this.refuseWhenOut = refuseWhenOut;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        port = server.getLocalPort();
        serve(server);
    }

    int port() {
        return port;
    }

    /** The station's printer setting for the direct path. */
    String zebraUrl() {
        return "zebra://127.0.0.1:" + port;
    }

    /** Runs out of labels, or is loaded again. */
    synchronized void outOfLabels(boolean out) throws IOException {
        outOfLabels = out;
        if (!refuseWhenOut) {
            return;
        }
        if (out) {
            server.close();
        } else {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            server = s;
            serve(s);
        }
    }

    private void serve(ServerSocket on) {
        Thread t = new Thread(() -> serveOn(on), "zebra-" + station);
        t.setDaemon(true);
        t.start();
    }

    private void serveOn(ServerSocket on) {
        while (!on.isClosed() && !closed) {
            try (Socket s = on.accept()) {
                busy = true;
                s.setSoTimeout(60_000);
                InputStream in = s.getInputStream();
                byte[] first = in.readNBytes(3);
                if (new String(first, StandardCharsets.US_ASCII).equals("~HS")) {
                    String reply = "\u0002030," + (outOfLabels ? 1 : 0) + ",0,1245,000,0,0,0,000,0,0,0\u0003\r\n"
                            + "\u0002000,0,0,0,0,2,4,0,00000000,1,000\u0003\r\n\u00021234,0\u0003\r\n";
                    s.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                } else if (first.length > 0) {
                    long inAt = System.currentTimeMillis();
                    ByteArrayOutputStream job = new ByteArrayOutputStream();
                    job.write(first);
                    in.transferTo(job);
                    Thread.sleep(MILLIS_PER_BADGE);
                    badges.add(new Badge(inAt, System.currentTimeMillis(), job.toByteArray()));
                }
            } catch (IOException e) {
                // a client gave up, or the listener closed: keep serving until closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                busy = false;
            }
        }
    }

    private static final Pattern GFA = Pattern.compile("\\^GFA,(\\d+),(\\d+),(\\d+),\\s*");

    /** The QR code's text on the label, or null when it cannot be read. */
    static String token(byte[] zpl) {
        String text = new String(zpl, StandardCharsets.ISO_8859_1);
        if (text.contains("~DG")) {
            try {
                return qr(new BufferedImageLuminanceSource(ZplGraphic.decode(text)));
            } catch (AssertionError | RuntimeException e) {
                return null;
            }
        }
        Matcher m = GFA.matcher(text);
        if (!m.find()) {
            return null;
        }
        int total = Integer.parseInt(m.group(1));
        int perRow = Integer.parseInt(m.group(3));
        int rows = total / perRow;
        int width = perRow * 8;
        int[] pixels = new int[width * rows];
        int i = m.end();
        int nibble = 0;
        for (int n = 0; n < total * 2 && i < text.length(); i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) {
                continue;
            }
            for (int bit = 3; bit >= 0; bit--) {
                int x = (n * 4 + (3 - bit)) % width;
                int y = (n * 4 + (3 - bit)) / width;
                pixels[y * width + x] = ((d >> bit) & 1) == 1 ? 0xFF000000 : 0xFFFFFFFF;
            }
            n++;
            nibble = n;
        }
        if (nibble < total * 2) {
            return null;
        }
        return qr(new RGBLuminanceSource(width, rows, pixels));
    }

    private static String qr(LuminanceSource source) {
        for (BinaryBitmap bitmap : List.of(
                new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                return new QRCodeReader()
                        .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                        .getText();
            } catch (Exception e) {
                // try the other binarizer
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
