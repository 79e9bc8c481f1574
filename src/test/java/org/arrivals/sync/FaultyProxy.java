package org.arrivals.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy on loopback between stations and a hub that misbehaves on demand, as venue networks
 * do: it passes bytes through, answers 503 itself, slows the hub's answers, or lets a request reach
 * the hub and then drops the connection before the answer gets back (pushes only: a POST).
 */
public final class FaultyProxy implements AutoCloseable {
    public enum Mode {
        PASS,
        SERVER_ERROR,
        SLOW,
        DROP_RESPONSE,
        REFUSE
    }

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile int targetPort;
    private volatile Mode mode = Mode.PASS;
    private volatile long slowMillis = 200;
    private volatile boolean closed;

    public FaultyProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "faulty-proxy");
        t.setDaemon(true);
        t.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public void mode(Mode m) {
        mode = m;
        if (m != Mode.PASS) {
            // a new fault applies to the next request, not to a keep-alive connection made before
            dropAll();
        }
    }

    public void slowBy(long millis) {
        slowMillis = millis;
    }

    public void target(int port) {
        targetPort = port;
        dropAll();
    }

    public void dropAll() {
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "faulty-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Mode m = mode;
        try {
            if (m == Mode.REFUSE) {
                closeQuietly(client);
                return;
            }
            if (m == Mode.SERVER_ERROR) {
                client.getInputStream().read(new byte[8192]);
                client.getOutputStream()
                        .write(("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                                        + "Connection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                closeQuietly(client);
                return;
            }
            Socket hub = new Socket();
            open.add(hub);
            hub.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
            AtomicBoolean post = new AtomicBoolean();
            Thread up = new Thread(() -> pump(client, hub, false, m, post), "faulty-proxy-up");
            up.setDaemon(true);
            up.start();
            pump(hub, client, true, m, post);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to, boolean answers, Mode m, AtomicBoolean post) {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (!answers && n >= 5) {
                    String start = new String(buf, 0, 5, StandardCharsets.US_ASCII);
                    if (start.startsWith("POST ")) {
                        post.set(true);
                    } else if (start.startsWith("GET ")) {
                        post.set(false);
                    }
                }
                if (answers && m == Mode.DROP_RESPONSE && post.get()) {
                    // the hub answered, so it has done its work; the station never hears of it
                    break;
                }
                if (answers && m == Mode.SLOW) {
                    Thread.sleep(slowMillis);
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        dropAll();
    }
}
