package org.arrivals.rehearse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on loopback in front of the hub: the stations' hub address points here. While cut,
 * it closes every open connection and refuses new ones at once (as a dropped Wi-Fi does, from the
 * station's side: the hub does not answer). TLS passes through untouched, so the pinned
 * certificate is the hub's own.
 */
final class FaultProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    FaultProxy(int target) throws IOException {
        this.target = target;
        server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "fault-proxy");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void cut(boolean on) {
        cut = on;
        if (on) {
            for (Socket s : open) {
                quietClose(s);
            }
            open.clear();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket in;
            try {
                in = server.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                quietClose(in);
                continue;
            }
            Thread t = new Thread(() -> relay(in), "fault-proxy-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void relay(Socket in) {
        Socket out = new Socket();
        try {
            out.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 2000);
        } catch (IOException e) {
            quietClose(in);
            quietClose(out);
            return;
        }
        open.add(in);
        open.add(out);
        Thread back = new Thread(() -> pipe(out, in), "fault-proxy-back");
        back.setDaemon(true);
        back.start();
        pipe(in, out);
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream i = from.getInputStream();
                OutputStream o = to.getOutputStream()) {
            byte[] buf = new byte[16384];
            for (int n; (n = i.read(buf)) >= 0; ) {
                o.write(buf, 0, n);
                o.flush();
            }
        } catch (IOException e) {
            // one side closed or the proxy cut it
        } finally {
            quietClose(from);
            quietClose(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void quietClose(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut(true);
    }
}
