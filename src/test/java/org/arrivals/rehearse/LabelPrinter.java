package org.arrivals.rehearse;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network Zebra on loopback (port 9100's protocol: {@code ~HS} status, then raw ZPL jobs) that
 * takes {@link #SECONDS_PER_BADGE} per badge, one at a time, and keeps each badge with the time it
 * came out. {@link #token} reads the QR code back from the label's {@code ^GFA} image.
 */
final class LabelPrinter implements AutoCloseable {
    static final long MILLIS_PER_BADGE = 1500;

    record Badge(long outAt, byte[] zpl) {}

    private final ServerSocket server;
    final String station;
    final List<Badge> badges = new CopyOnWriteArrayList<>();

    LabelPrinter(String station) throws IOException {
        this.station = station;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "zebra-" + station);
        t.setDaemon(true);
        t.start();
    }

    String url() {
        return "zebra://127.0.0.1:" + server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(30_000);
                InputStream in = s.getInputStream();
                byte[] first = in.readNBytes(3);
                if (new String(first, StandardCharsets.US_ASCII).equals("~HS")) {
                    String reply = "\u0002030,0,0,1245,000,0,0,0,000,0,0,0\u0003\r\n"
                            + "\u0002000,0,0,0,0,2,4,0,00000000,1,000\u0003\r\n\u00021234,0\u0003\r\n";
                    s.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                } else if (first.length > 0) {
                    ByteArrayOutputStream job = new ByteArrayOutputStream();
                    job.write(first);
                    in.transferTo(job);
                    Thread.sleep(MILLIS_PER_BADGE);
                    badges.add(new Badge(System.currentTimeMillis(), job.toByteArray()));
                }
            } catch (IOException e) {
                // a client gave up, or closed: keep serving until closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final Pattern GFA = Pattern.compile("\\^GFA,(\\d+),(\\d+),(\\d+),\\s*");

    /** The QR code's text on the label, or null when it cannot be read. */
    static String token(byte[] zpl) {
        String text = new String(zpl, StandardCharsets.US_ASCII);
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
        RGBLuminanceSource source = new RGBLuminanceSource(width, rows, pixels);
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
        server.close();
    }
}
