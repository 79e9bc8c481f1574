package org.arrivals.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener on loopback that behaves as a network Zebra does on port 9100: answers {@code ~HS}
 * with its status flags and keeps every job it receives. {@code silent} makes it accept the
 * connection and never answer, like a printer that has hung.
 */
final class FakeZebra implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    final List<byte[]> jobs = new CopyOnWriteArrayList<>();
    volatile boolean paperOut;
    volatile boolean paused;
    volatile boolean silent;

    FakeZebra() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "fake-zebra");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                byte[] first = in.readNBytes(3);
                String head = new String(first, StandardCharsets.US_ASCII);
                if (head.equals("~HS")) {
                    if (silent) {
                        Thread.sleep(5000);
                        continue;
                    }
                    String reply = "\u0002030," + (paperOut ? 1 : 0) + "," + (paused ? 1 : 0)
                            + ",1245,000,0,0,0,000,0,0,0\u0003\r\n"
                            + "\u0002000,0,0,0,0,2,4,0,00000000,1,000\u0003\r\n\u00021234,0\u0003\r\n";
                    s.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                } else {
                    ByteArrayOutputStream job = new ByteArrayOutputStream();
                    job.write(first);
                    in.transferTo(job);
                    jobs.add(job.toByteArray());
                }
            } catch (IOException | InterruptedException e) {
                // closed, or a client gave up: keep serving until closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
