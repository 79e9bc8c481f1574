package org.arrivals.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The rehearsal's side of one {@link StationAgent} process: start, ask, kill, start again. */
final class Agent {
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final boolean desk;
    final Path home;
    final LabelPrinter printer;
    /** The station's printer setting: its CUPS queue's name, or the Zebra's address. */
    final String printerSetting;
    /** Its CUPS queue, or null when it prints straight to the Zebra. */
    final CupsQueue queue;
    /** JVM options of the station's process (a clock off, polling only). */
    final List<String> jvmOptions = new CopyOnWriteArrayList<>();
    /** When this station first knew of each person's check-in (ms, this machine's clock). */
    final Map<String, Long> seen = new ConcurrentHashMap<>();

    private final String setupCode;
    private final Path workDir;
    private final Map<String, String> env;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    /** Each first badge or reprint the station's print worker finished: code, reprint, time. */
    final List<JsonNode> printed = new CopyOnWriteArrayList<>();

    private volatile Process process;
    private volatile Writer in;
    private volatile CountDownLatch ready = new CountDownLatch(1);

    Agent(
            String name,
            boolean desk,
            Path workDir,
            String setupCode,
            Map<String, String> env,
            LabelPrinter printer,
            CupsQueue queue) {
        this.name = name;
        this.desk = desk;
        this.workDir = workDir;
        this.home = workDir.resolve("stations").resolve(name);
        this.setupCode = setupCode;
        this.env = env;
        this.printer = printer;
        this.queue = queue;
        this.printerSetting = queue != null ? queue.name : printer.zebraUrl();
    }

    synchronized void start() throws IOException {
        ready = new CountDownLatch(1);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(
                List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                StationAgent.class.getName(),
                home.toString(),
                setupCode,
                printerSetting,
                desk ? "desk" : "kiosk"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Path err = workDir.resolve("logs").resolve(name + ".err");
        Files.createDirectories(err.getParent());
        pb.redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        Process p = pb.start();
        process = p;
        in = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        Path out = workDir.resolve("logs").resolve(name + ".out");
        Thread reader = new Thread(() -> read(p, out), "agent-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    boolean awaitReady(long seconds) throws InterruptedException {
        return ready.await(seconds, TimeUnit.SECONDS);
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive() && ready.getCount() == 0;
    }

    private void read(Process p, Path log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                Writer w = Files.newBufferedWriter(
                        log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.startsWith("@@ ")) {
                    w.write(line + "\n");
                    continue;
                }
                JsonNode doc = JSON.readTree(line.substring(3));
                if (doc.has("ready")) {
                    ready.countDown();
                } else if (doc.has("printed")) {
                    printed.add(doc);
                } else if (doc.has("seen")) {
                    seen.putIfAbsent(doc.get("seen").asText(), doc.get("t").asLong());
                } else if (doc.has("id")) {
                    CompletableFuture<JsonNode> f = waiting.remove(doc.get("id").asText());
                    if (f != null) {
                        f.complete(doc);
                    }
                } else {
                    w.write(line + "\n");
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        for (var e : waiting.entrySet()) {
            e.getValue().completeExceptionally(new IOException(name + " is gone"));
        }
        waiting.clear();
    }

    /** Sends one command; the answer, or an exception when the process died before answering. */
    CompletableFuture<JsonNode> ask(String command, String... args) {
        String id = name + "-" + ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        if (!alive()) {
            f.completeExceptionally(new IOException(name + " is down"));
            return f;
        }
        waiting.put(id, f);
        StringBuilder line = new StringBuilder(command).append('\t').append(id);
        for (String a : args) {
            line.append('\t').append(a.replace('\t', ' ').replace('\n', ' '));
        }
        try {
            synchronized (this) {
                in.write(line.append('\n').toString());
                in.flush();
            }
        } catch (IOException e) {
            waiting.remove(id);
            f.completeExceptionally(e);
        }
        return f;
    }

    /** SIGKILL, as a laptop whose battery dies. */
    void kill() throws InterruptedException {
        Process p = process;
        ready = new CountDownLatch(1);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        try {
            synchronized (this) {
                in.write("quit\n");
                in.flush();
            }
        } catch (IOException ignored) {
            // gone already
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }
}
