package org.arrivals.rehearse;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
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
    /**
     * A label: when its connection was taken, when its first bytes came, when it came out. A job taken just
     * before the labels ran out still comes out (its bytes may arrive after): it was the last label.
     */
    record Badge(long acceptedAt, long inAt, long outAt, byte[] zpl) {}

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
                long acceptedAt = System.currentTimeMillis();
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
                    badges.add(new Badge(acceptedAt, inAt, System.currentTimeMillis(), job.toByteArray()));
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
                return qr(ZplGraphic.decode(text));
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
        BufferedImage image = new BufferedImage(width, rows, BufferedImage.TYPE_BYTE_GRAY);
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
                image.setRGB(x, y, ((d >> bit) & 1) == 1 ? 0x000000 : 0xFFFFFF);
            }
            n++;
            nibble = n;
        }
        if (nibble < total * 2) {
            return null;
        }
        return qr(image);
    }

    /**
     * Reads the QR code of a whole label; when ZXing's finder misses it (a few labels in a hundred,
     * modules of about 5 dots), reads it again cut out of the label's lower right, where the demo
     * event's templates put it, above a dark type band.
     */
    static String qr(BufferedImage label) {
        try {
            return org.arrivals.badge.QrRead.text(label);
        } catch (com.google.zxing.NotFoundException missed) {
            // cut out below
        }
        BufferedImage code = cutOut(label);
        return code == null
                ? null
                : qr(new BufferedImageLuminanceSource(code), Map.of(DecodeHintType.PURE_BARCODE, true));
    }

    private static String qr(LuminanceSource source, Map<DecodeHintType, ?> hints) {
        for (BinaryBitmap bitmap : List.of(
                new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                return new QRCodeReader().decode(bitmap, hints).getText();
            } catch (Exception e) {
                // try the other binarizer
            }
        }
        return null;
    }

    /** The black dots' box in the label's lower right, above the type band (rows mostly black), with a white margin. */
    private static BufferedImage cutOut(BufferedImage label) {
        int w = label.getWidth();
        int h = label.getHeight();
        int fromX = w * 6 / 10;
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        int blank = 0;
        for (int y = h * 4 / 10; y < h; y++) {
            int black = 0;
            for (int x = fromX; x < w; x++) {
                black += (label.getRGB(x, y) & 0xFF) < 128 ? 1 : 0;
            }
            if (black > (w - fromX) * 6 / 10) {
                break; // the type band under the code
            }
            if (black == 0) {
                blank++;
                continue;
            }
            if (blank >= 8) {
                // a block after a white gap: what was above the gap (a long name) is not the code
                x0 = w;
                y0 = h;
                x1 = -1;
                y1 = -1;
            }
            blank = 0;
            for (int x = fromX; x < w; x++) {
                if ((label.getRGB(x, y) & 0xFF) < 128) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return null;
        }
        int pad = 30;
        BufferedImage out =
                new BufferedImage(x1 - x0 + 1 + 2 * pad, y1 - y0 + 1 + 2 * pad, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(label.getSubimage(x0, y0, x1 - x0 + 1, y1 - y0 + 1), pad, pad, null);
        g.dispose();
        return out;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
