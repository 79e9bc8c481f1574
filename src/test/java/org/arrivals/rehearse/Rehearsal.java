package org.arrivals.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrivals.hub.HubStore;
import org.arrivals.sync.protocol.PullResponse;
import org.arrivals.sync.protocol.WireEvent;

/**
 * A morning rehearsed by machine ({@code ./scripts/rehearse}, docs/rehearsal.md): a real hub
 * process (H2, or embedded PostgreSQL), desks and self-service stations each in its own process with
 * its own encrypted data, a CUPS queue per station with CUPS' Zebra driver to a Zebra on loopback that
 * takes 1.5 s a badge, a rush of arrivals with edits and reprints, and faults at set times (the hub
 * killed, a printer out of labels, a station killed, the network cut, a station's clock 5 minutes
 * ahead). At the end it checks the invariants, prints a short report and writes DIR/rehearsal.json;
 * exit 1 when a check fails.
 */
public final class Rehearsal {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String KEY = "rehearsal-station-key";
    /** Simulated length of the morning's rush. */
    static final double MORNING_SECONDS = 30 * 60;

    int desks = 6;
    int kiosks = 2;
    int people = 400;
    double speed = 15;
    Path out = Path.of("target", "rehearsal");
    int convergeLimitSeconds = 60;
    boolean postgres;
    Path json;
    /** Badges through a CUPS queue per station (CUPS' Zebra driver), or straight to the Zebra. */
    boolean cups = true;
    /** How far off the machine's clock one station's clock runs. */
    static final long CLOCK_OFFSET_SECONDS = 300;

    private final long t0 = System.currentTimeMillis();
    private final Random random = new Random(19);
    private final List<Agent> agents = new ArrayList<>();
    private final Map<String, LinkedBlockingQueue<Visit>> queues = new LinkedHashMap<>();
    private final List<Map<String, Object>> admissions = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> answers = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> faults = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> samples = new CopyOnWriteArrayList<>();
    /** Per station: when it was offline, from the station's own sync status (start, end). */
    private final Map<String, List<long[]>> offline = new HashMap<>();

    private Process hub;
    private int hubPort;
    private FaultProxy proxy;
    private Path hubHome;
    /** The hub's database: null for H2 in its data folder, else a JDBC URL (embedded PostgreSQL). */
    private String hubDb;

    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres embeddedPostgres;
    private final List<CupsQueue> cupsQueues = new CopyOnWriteArrayList<>();
    /** Edits acknowledged at a desk: code, station, the new family name. */
    private final List<Map<String, Object>> edits = new CopyOnWriteArrayList<>();

    private Agent outOfLabels;
    private Agent clockOff;
    private Agent polling;

    /** One person at one station: what they do there, and when they join its queue (ms after start). */
    record Visit(String station, String action, String code, String query, long at, long arrivedAt) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(at, ((Visit) o).at);
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            System.exit(rehearse(args) ? 0 : 1);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    /** Runs a rehearsal; true when every check passed (the report is in OUT/rehearsal.json). */
    public static boolean rehearse(String... args) throws Exception {
        Rehearsal r = new Rehearsal();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--desks" -> r.desks = Integer.parseInt(args[++i]);
                case "--kiosks" -> r.kiosks = Integer.parseInt(args[++i]);
                case "--people" -> r.people = Integer.parseInt(args[++i]);
                case "--speed" -> r.speed = Double.parseDouble(args[++i]);
                case "--out" -> r.out = Path.of(args[++i]);
                case "--converge-within" -> r.convergeLimitSeconds = Integer.parseInt(args[++i]);
                case "--postgres" -> r.postgres = true;
                case "--json" -> r.json = Path.of(args[++i]);
                case "--printing" -> {
                    String how = args[++i];
                    if (!how.equals("cups") && !how.equals("zebra")) {
                        throw new IllegalArgumentException("--printing is cups or zebra, not " + how);
                    }
                    r.cups = how.equals("cups");
                }
                default ->
                    throw new IllegalArgumentException("Unknown option " + args[i]
                            + ". Use: [--desks N] [--kiosks M] [--people P] [--speed S] [--postgres] [--json FILE]"
                            + " [--out DIR] [--converge-within SECONDS] [--printing cups|zebra]");
            }
        }
        if (r.desks < 2 || r.kiosks < 0 || r.people < 1 || r.speed <= 0) {
            throw new IllegalArgumentException(
                    "Need at least 2 desks, 0 or more kiosks, 1 or more people, a positive speed.");
        }
        if (r.cups && !CupsQueue.running()) {
            throw new IllegalArgumentException("The CUPS scheduler is not running (lpstat -r); start it (sudo cupsd),"
                    + " or print straight to the loopback Zebras with --printing zebra.");
        }
        // stopped by Ctrl+C: the CUPS queues, the stations and the hub go too
        Thread cleanUp = new Thread(r::shutdown, "rehearsal-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            return r.run();
        } finally {
            r.shutdown();
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        }
    }

    long now() {
        return System.currentTimeMillis() - t0;
    }

    void say(String s) {
        System.out.printf("[%6.1fs] %s%n", now() / 1000.0, s);
    }

    Map<String, String> env() {
        return Map.of("ARRIVALS_KEY", KEY, "ARRIVALS_HOME", hubHome.toString());
    }

    /** Runs the app's command line in its own process; its standard output. */
    String cli(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "org.arrivals.Main"));
        cmd.addAll(List.of(args));
        if (hubDb != null && args.length > 0 && args[0].equals("hub")) {
            cmd.addAll(List.of("--db", hubDb));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env());
        pb.redirectError(ProcessBuilder.Redirect.appendTo(
                out.resolve("logs").resolve("cli.err").toFile()));
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("arrivals " + String.join(" ", args) + " failed: " + text);
        }
        return text;
    }

    void startHub(int port) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.arrivals.Main",
                "hub",
                "--home",
                hubHome.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1");
        if (hubDb != null) {
            pb.command().addAll(List.of("--db", hubDb));
        }
        pb.environment().putAll(env());
        pb.redirectErrorStream(true);
        hub = pb.start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("Hub listening on port (\\d+)");
        for (String line; (line = lines.readLine()) != null; ) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                hubPort = Integer.parseInt(m.group(1));
                break;
            }
        }
        if (hubPort <= 0 || !hub.isAlive()) {
            throw new IllegalStateException("the hub did not start");
        }
        Thread drain = new Thread(() -> {
            try {
                while (lines.readLine() != null) {
                    // the hub's log is in its home
                }
            } catch (IOException ignored) {
                // gone
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    boolean run() throws Exception {
        if (Files.exists(out)) {
            try (var walk = Files.walk(out)) {
                walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(out.resolve("logs"));
        hubHome = out.resolve("hub").toAbsolutePath();
        double window = MORNING_SECONDS / speed * 1000;
        say(String.format(
                "Rehearsal: %d desks, %d kiosks, %d arrivals over 30 simulated minutes at speed %.0f (%.0f s)",
                desks, kiosks, people, speed, window / 1000));
        if (postgres) {
            embeddedPostgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .start();
            try (var c = embeddedPostgres.getPostgresDatabase().getConnection();
                    var st = c.createStatement()) {
                st.execute("CREATE DATABASE rehearsal");
            }
            hubDb = embeddedPostgres.getJdbcUrl("postgres", "rehearsal");
            say("The hub's database: embedded PostgreSQL on port " + embeddedPostgres.getPort());
        }
        Path roster = out.resolve("roster.csv").toAbsolutePath();
        cli("--home", hubHome.toString(), "demo", "--csv", roster.toString());
        cli("hub", "import", roster.toString(), "--home", hubHome.toString());
        startHub(0);
        proxy = new FaultProxy(hubPort);
        say("Hub on port " + hubPort + " (HTTPS), stations reach it through the fault proxy on " + proxy.port());
        // each station's set-up code, asked for a few at a time (each is a process of its own)
        List<java.util.concurrent.Future<String>> codes = new ArrayList<>();
        java.util.concurrent.ExecutorService organizers = java.util.concurrent.Executors.newFixedThreadPool(3);
        for (int i = 1; i <= desks + kiosks; i++) {
            String name = i <= desks ? "desk-" + i : "kiosk-" + (i - desks);
            codes.add(organizers.submit(() -> cli(
                            "hub",
                            "add-station",
                            name,
                            "--setup-code",
                            "--url",
                            "https://127.0.0.1:" + proxy.port(),
                            "--home",
                            hubHome.toString())
                    .strip()));
        }
        organizers.shutdown();
        for (int i = 1; i <= desks + kiosks; i++) {
            boolean desk = i <= desks;
            String name = desk ? "desk-" + i : "kiosk-" + (i - desks);
            String code = codes.get(i - 1).get(5, TimeUnit.MINUTES);
            LabelPrinter printer = new LabelPrinter(name, cups);
            CupsQueue queue = null;
            if (cups) {
                queue = CupsQueue.create("rehearsal-" + ProcessHandle.current().pid() + "-" + name, printer.port());
                cupsQueues.add(queue);
            }
            Agent a = new Agent(name, desk, out.toAbsolutePath(), code, env(), printer, queue);
            agents.add(a);
            queues.put(name, new LinkedBlockingQueue<>());
            offline.put(name, new CopyOnWriteArrayList<>());
        }
        outOfLabels = agents.get(0);
        clockOff = agents.get(desks >= 3 ? 2 : 0);
        clockOff.jvmOptions.add("-Drehearsal.clockOffsetSeconds=" + CLOCK_OFFSET_SECONDS);
        if (kiosks > 0) {
            polling = agents.get(agents.size() - 1);
            polling.jvmOptions.add("-Drehearsal.polling=true");
        }
        say("Printing " + (cups ? "through a CUPS queue per station (CUPS' Zebra driver)" : "straight to the Zebras")
                + "; " + clockOff.name + "'s clock is " + CLOCK_OFFSET_SECONDS / 60 + " minutes ahead"
                + (polling == null ? "" : "; " + polling.name + " polls the hub instead of long-polling"));
        for (Agent a : agents) {
            a.start();
        }
        for (Agent a : agents) {
            if (!a.awaitReady(240)) {
                throw new IllegalStateException(a.name + " did not start; see logs/" + a.name + ".err");
            }
        }
        say("Stations ready: " + agents.stream().map(a -> a.name).toList());
        waitForRoster();

        List<Visit> plan = plan(roster, window);
        DelayQueue<Visit> doors = new DelayQueue<>();
        long start = System.currentTimeMillis();
        long startRel = now();
        for (Visit v : plan) {
            doors.add(new Visit(v.station, v.action, v.code, v.query, start + v.at, v.at + startRel));
        }
        List<Thread> threads = new ArrayList<>();
        for (Agent a : agents) {
            Thread t = new Thread(() -> serveQueue(a), "desk-" + a.name);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        Thread door = new Thread(() -> {
            try {
                for (int n = 0; n < plan.size(); n++) {
                    Visit v = doors.take();
                    queues.get(v.station).add(new Visit(v.station, v.action, v.code, v.query, v.at, now()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        door.setDaemon(true);
        door.start();
        Thread monitor = new Thread(this::monitor, "monitor");
        monitor.setDaemon(true);
        monitor.start();

        long converged = faults(start, (long) window);

        door.join();
        while (queues.values().stream().anyMatch(q -> !q.isEmpty())
                || busy.values().stream().anyMatch(b -> b)) {
            Thread.sleep(500);
        }
        say("Everyone has been seen; waiting for the stations to agree");
        long settleStart = now();
        Map<String, JsonNode> finals = settle();
        say(String.format("Settled in %.1f s", (now() - settleStart) / 1000.0));
        editsSeen = editsAtEveryStation();
        monitoring = false;
        monitor.join(5000);
        return report(finals, converged, (long) window);
    }

    private final Map<String, Boolean> busy = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean monitoring = true;

    /** Waits until each station has the whole roster (its first pull). */
    void waitForRoster() throws Exception {
        for (Agent a : agents) {
            for (int i = 0; i < 240; i++) {
                JsonNode r = a.ask("resolve", "AR-001200").get(60, TimeUnit.SECONDS);
                if (!r.path("code").isNull() && !r.path("code").isMissingNode()) {
                    break;
                }
                Thread.sleep(500);
            }
        }
    }

    /** The morning's arrivals: who comes when, to which station, to do what. */
    List<Visit> plan(Path roster, double window) throws IOException {
        List<String[]> people = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(roster)) {
            for (NamedCsvRecord r : csv) {
                if (r.getField("status").equals("Attending")) {
                    people.add(new String[] {r.getField("code"), r.getField("first_name"), r.getField("last_name")});
                }
            }
        }
        Collections.shuffle(people, random);
        List<String> desksOnly =
                agents.stream().filter(a -> a.desk).map(a -> a.name).toList();
        List<String> all = agents.stream().map(a -> a.name).toList();
        List<Visit> plan = new ArrayList<>();
        for (int i = 0; i < this.people; i++) {
            // a rush: most come in the first third, a peak around minute 8
            double u = random.nextDouble();
            double sim = u < 0.5 ? Math.sqrt(u / 0.5) * 480 : 480 + (1 - Math.sqrt(1 - (u - 0.5) / 0.5)) * 1320;
            long at = (long) (sim / MORNING_SECONDS * window);
            String[] p = people.get(i % people.size());
            double kind = random.nextDouble();
            String station = all.get(random.nextInt(all.size()));
            String desk = desksOnly.get(random.nextInt(desksOnly.size()));
            if (kind < 0.10) {
                String query = p[1] + " " + p[2];
                plan.add(new Visit(desk, "search", p[0], query, at, 0));
            } else if (kind < 0.16) {
                plan.add(new Visit(desk, "scan", p[0], null, at, 0));
                String other = desksOnly.get((desksOnly.indexOf(desk) + 1) % desksOnly.size());
                plan.add(new Visit(other, "scan", p[0], null, at + 2000 + random.nextInt(3000), 0));
            } else if (kind < 0.19) {
                plan.add(new Visit(desk, "walkin", "Walk-In" + i, "Rehearsal", at, 0));
            } else if (kind < 0.22) {
                plan.add(new Visit(desk, "scan", p[0], null, at, 0));
                plan.add(new Visit(desk, "reprint", p[0], null, at + 3000 + random.nextInt(5000), 0));
            } else if (kind < 0.25) {
                // a misspelt family name: the volunteer corrects it (two letters the wrong way round)
                plan.add(new Visit(desk, "scan", p[0], null, at, 0));
                plan.add(new Visit(desk, "edit", p[0], corrected(p[2]), at + 2000 + random.nextInt(3000), 0));
            } else {
                plan.add(new Visit(station, "scan", p[0], null, at, 0));
            }
        }
        return plan;
    }

    /** A family name with its last two letters swapped back (the roster had them the wrong way round). */
    static String corrected(String last) {
        if (last.length() < 2) {
            return last + "e";
        }
        int n = last.length();
        String swapped = last.substring(0, n - 2) + last.charAt(n - 1) + last.charAt(n - 2);
        return swapped.equals(last) ? last + "e" : swapped;
    }

    /** One station's queue: the next person steps up when the one before is done. */
    void serveQueue(Agent a) {
        LinkedBlockingQueue<Visit> q = queues.get(a.name);
        while (true) {
            Visit v;
            try {
                v = q.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (v == null) {
                continue;
            }
            busy.put(a.name, true);
            long stepUp = now();
            JsonNode r = null;
            while (r == null) {
                try {
                    r = switch (v.action) {
                        case "search" -> a.ask("search", v.query, v.code).get(120, TimeUnit.SECONDS);
                        case "walkin" -> a.ask("walkin", v.code, v.query).get(120, TimeUnit.SECONDS);
                        case "edit" -> a.ask("edit", v.code, v.query).get(120, TimeUnit.SECONDS);
                        default -> a.ask(v.action, v.code).get(120, TimeUnit.SECONDS);
                    };
                } catch (Exception e) {
                    // the station is down: the person waits for it to come back
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
            Map<String, Object> ans = new LinkedHashMap<>();
            ans.put("station", a.name);
            ans.put("action", v.action);
            ans.put("code", r.path("code").asText(v.code));
            ans.put(
                    "outcome",
                    r.path("outcome")
                            .asText(r.path("badge")
                                    .asText(r.path("walkin")
                                            .asText(r.path("edit").asText("")))));
            ans.put("badge", r.path("badge").asText(null));
            ans.put("queued", v.arrivedAt);
            ans.put("stepUp", stepUp);
            ans.put("answered", now());
            if (r.has("error")) {
                ans.put("error", r.get("error").asText());
            }
            ans.put("t", r.path("t").asLong(0));
            answers.add(ans);
            if (r.path("edit").asText("").equals("EDITED")) {
                edits.add(Map.of("code", v.code, "station", a.name, "last", v.query));
            }
            String outcome = r.path("outcome").asText("");
            if (outcome.equals("CHECKED_IN") || outcome.equals("CHECKED_IN_OVERRIDE")) {
                admissions.add(ans);
            }
            busy.put(a.name, false);
        }
    }

    /** Every second: each station's queue, its sync state and what it has of the others' check-ins. */
    void monitor() {
        Map<String, Long> downSince = new HashMap<>();
        while (monitoring) {
            long t = now();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("t", t);
            Map<String, Integer> q = new LinkedHashMap<>();
            queues.forEach((k, v) -> q.put(k, v.size() + (busy.getOrDefault(k, false) ? 1 : 0)));
            s.put("queues", q);
            s.put("admitted", admissions.size());
            s.put(
                    "labels",
                    agents.stream().mapToInt(a -> a.printer.badges.size()).sum());
            Map<String, Object> st = new LinkedHashMap<>();
            for (Agent a : agents) {
                try {
                    JsonNode r = a.ask("sync").get(10, TimeUnit.SECONDS);
                    st.put(a.name, r);
                    boolean on = r.path("online").asBoolean();
                    if (!on && !downSince.containsKey(a.name)) {
                        downSince.put(a.name, t);
                    } else if (on && downSince.containsKey(a.name)) {
                        offline.get(a.name).add(new long[] {downSince.remove(a.name), now()});
                    }
                } catch (Exception e) {
                    downSince.putIfAbsent(a.name, t);
                }
            }
            s.put("stations", st);
            samples.add(s);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
        downSince.forEach((k, v) -> offline.get(k).add(new long[] {v, now()}));
    }

    void fault(String what, long from, long to) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("fault", what);
        f.put("from", from);
        f.put("to", to);
        faults.add(f);
    }

    static void sleepUntil(long at) throws InterruptedException {
        long d = at - System.currentTimeMillis();
        if (d > 0) {
            Thread.sleep(d);
        }
    }

    /**
     * The faults at set times of the window: the hub killed (SIGKILL) and started again, one station
     * killed and started again, the network between stations and hub cut. Returns how long after the
     * network came back every station had every check-in made before it came back (ms; -1: never).
     */
    long faults(long start, long window) throws Exception {
        sleepUntil(start + window * 15 / 100);
        long from = now();
        say("FAULT: the hub is killed (SIGKILL)");
        hub.destroyForcibly();
        hub.waitFor(30, TimeUnit.SECONDS);
        sleepUntil(Math.max(start + window * 22 / 100, System.currentTimeMillis() + 3000));
        startHub(hubPort);
        say("The hub is back on port " + hubPort);
        fault("hub-killed", from, now());

        sleepUntil(start + window * 24 / 100);
        from = now();
        say("FAULT: " + outOfLabels.name + "'s printer is out of labels");
        outOfLabels.printer.outOfLabels(true);
        sleepUntil(Math.max(start + window * 31 / 100, System.currentTimeMillis() + 15_000));
        outOfLabels.printer.outOfLabels(false);
        if (outOfLabels.queue != null) {
            // the volunteer loads labels and resumes the printer CUPS stopped
            outOfLabels.queue.resume();
        }
        say(outOfLabels.name + "'s printer has labels again");
        fault("out-of-labels:" + outOfLabels.name, from, now());

        Agent victim = agents.get(1);
        sleepUntil(start + window * 32 / 100);
        from = now();
        say("FAULT: " + victim.name + " is killed (SIGKILL, a dead battery)");
        victim.kill();
        sleepUntil(Math.max(start + window * 36 / 100, System.currentTimeMillis() + 3000));
        victim.start();
        victim.awaitReady(240);
        say(victim.name + " is back");
        fault("station-killed:" + victim.name, from, now());

        sleepUntil(start + window * 45 / 100);
        from = now();
        say("FAULT: the network between the stations and the hub is cut");
        proxy.cut(true);
        sleepUntil(Math.max(start + window * 65 / 100, System.currentTimeMillis() + 10_000));
        proxy.cut(false);
        long back = now();
        say("The network is back");
        fault("network-cut", from, back);
        // what each station made before the network came back
        Map<String, Integer> own = new HashMap<>();
        for (Agent a : agents) {
            JsonNode r = a.ask("sync").get(60, TimeUnit.SECONDS);
            own.put(a.name, r.path("byStation").path(a.name).asInt());
        }
        long deadline = back + Math.max(120_000, window);
        while (now() < deadline) {
            boolean all = true;
            for (Agent a : agents) {
                JsonNode r = a.ask("sync").get(60, TimeUnit.SECONDS);
                for (var e : own.entrySet()) {
                    if (r.path("byStation").path(e.getKey()).asInt() < e.getValue()) {
                        all = false;
                    }
                }
            }
            if (all) {
                long took = now() - back;
                say(String.format(
                        "Every station has every check-in made before the network came back: %.1f s after",
                        took / 1000.0));
                return took;
            }
            Thread.sleep(250);
        }
        return -1;
    }

    /**
     * After the last person: until every station has nothing to send, no badge still to print, and
     * the same check-ins (at most 5 minutes).
     */
    Map<String, JsonNode> settle() throws Exception {
        Map<String, JsonNode> last = new LinkedHashMap<>();
        long deadline = now() + 300_000;
        while (now() < deadline) {
            last.clear();
            for (Agent a : agents) {
                last.put(a.name, a.ask("status").get(60, TimeUnit.SECONDS));
            }
            boolean same = last.values().stream()
                            .allMatch(r -> r.path("pending").asInt() == 0
                                    && r.path("printing").asInt() == 0)
                    && last.values().stream()
                                    .map(r -> r.path("checkIns"))
                                    .distinct()
                                    .count()
                            == 1
                    && printersIdle();
            if (same) {
                break;
            }
            volunteersLookAtThePrinters();
            Thread.sleep(1000);
        }
        return last;
    }

    /**
     * A badge job cut off by a station's crash waits for a person: as a volunteer would, look at the
     * printer's tray (the labels it printed, by their QR code) and cancel the job when the badge is
     * there, retry it when it is not.
     */
    void volunteersLookAtThePrinters() throws Exception {
        for (Agent a : agents) {
            JsonNode stuck = a.ask("stuck").get(60, TimeUnit.SECONDS).path("jobs");
            if (stuck.isEmpty()) {
                continue;
            }
            // the volunteer waits for what the printer is still printing before looking in its tray
            for (int i = 0; i < 120 && !printerIdle(a); i++) {
                Thread.sleep(500);
            }
            java.util.Set<String> inTray = new java.util.HashSet<>();
            for (LabelPrinter.Badge b : a.printer.badges) {
                String token = LabelPrinter.token(b.zpl());
                if (token != null) {
                    inTray.add(a.ask("resolve", token)
                            .get(60, TimeUnit.SECONDS)
                            .path("code")
                            .asText());
                }
            }
            for (JsonNode j : stuck) {
                boolean there = inTray.contains(j.path("code").asText());
                a.ask(there ? "cancel" : "retry", j.path("job").asText()).get(60, TimeUnit.SECONDS);
                volunteerActions.add(Map.of(
                        "station", a.name, "code", j.path("code").asText(), "action", there ? "cancel" : "retry"));
                say("A volunteer at " + a.name + (there ? " finds the badge in the tray and cancels" : " retries")
                        + " the job the crash cut off");
            }
        }
    }

    private final List<Map<String, Object>> volunteerActions = new CopyOnWriteArrayList<>();

    /** Nothing left in the station's CUPS queue, and its printer not printing. */
    boolean printerIdle(Agent a) throws IOException {
        return !a.printer.busy && (a.queue == null || a.queue.jobs() == 0);
    }

    boolean printersIdle() throws IOException {
        for (Agent a : agents) {
            if (!printerIdle(a)) {
                return false;
            }
        }
        return true;
    }

    boolean offlineAt(String station, long t) {
        for (long[] w : offline.getOrDefault(station, List.of())) {
            if (t >= w[0] - 1000 && t <= w[1] + 1000) {
                return true;
            }
        }
        return false;
    }

    record Check(String name, boolean passed, String detail) {}

    /** Per station, the family name it shows for each person edited (after at most 60 s of waiting). */
    private Map<String, Map<String, String>> editsSeen = Map.of();

    Map<String, Map<String, String>> editsAtEveryStation() throws Exception {
        Map<String, String> wanted = new LinkedHashMap<>();
        edits.forEach(e -> wanted.put((String) e.get("code"), (String) e.get("last")));
        Map<String, Map<String, String>> shown = new LinkedHashMap<>();
        long deadline = now() + 60_000;
        while (true) {
            shown.clear();
            for (Agent a : agents) {
                Map<String, String> mine = new LinkedHashMap<>();
                for (String code : wanted.keySet()) {
                    mine.put(
                            code,
                            a.ask("person", code)
                                    .get(60, TimeUnit.SECONDS)
                                    .path("last")
                                    .asText(null));
                }
                shown.put(a.name, mine);
            }
            if (shown.values().stream().allMatch(wanted::equals) || now() > deadline) {
                return shown;
            }
            Thread.sleep(1000);
        }
    }

    /** Propagation of check-ins made while online: to long-polling stations, and to the polling one. */
    record Propagation(List<Long> longPoll, List<Long> polling) {}

    Propagation propagation() {
        List<Long> longPoll = new ArrayList<>();
        List<Long> poll = new ArrayList<>();
        for (var ad : admissions) {
            String from = (String) ad.get("station");
            long t = (Long) ad.get("t");
            long answered = (Long) ad.get("answered");
            if (t <= 0 || polling != null && from.equals(polling.name)) {
                continue;
            }
            for (Agent b : agents) {
                if (b.name.equals(from)) {
                    continue;
                }
                Long seen = b.seen.get((String) ad.get("code"));
                if (seen == null || seen < t) {
                    continue; // it knew already (admitted there too)
                }
                long seenRel = seen - t0;
                boolean faulty = faults.stream()
                        .filter(f -> !((String) f.get("fault")).startsWith("out-of-labels"))
                        .anyMatch(f -> (Long) f.get("from") <= seenRel && (Long) f.get("to") + 2000 >= answered);
                if (faulty || offlineAt(from, answered) || offlineAt(b.name, answered) || offlineAt(b.name, seenRel)) {
                    continue;
                }
                (b == polling ? poll : longPoll).add(seen - t);
            }
        }
        Collections.sort(longPoll);
        Collections.sort(poll);
        return new Propagation(longPoll, poll);
    }

    boolean report(Map<String, JsonNode> finals, long converged, long window) throws Exception {
        // every label's QR token, and whose badge it is (asked of a station while they still run)
        Map<LabelPrinter.Badge, String> labelToken = new java.util.IdentityHashMap<>();
        Map<String, String> resolved = new HashMap<>();
        for (Agent a : agents) {
            for (LabelPrinter.Badge b : a.printer.badges) {
                String token = LabelPrinter.token(b.zpl());
                labelToken.put(b, token);
                if (token != null && !resolved.containsKey(token)) {
                    resolved.put(
                            token,
                            agents.get(0)
                                    .ask("resolve", token)
                                    .get(60, TimeUnit.SECONDS)
                                    .path("code")
                                    .asText());
                }
            }
        }
        for (Agent a : agents) {
            a.stop();
        }
        hub.destroy();
        hub.waitFor(60, TimeUnit.SECONDS);
        // the hub's own log, read back from its database
        Map<String, Integer> hubCheckIns = new TreeMap<>();
        Map<String, String> hubEdits = new HashMap<>();
        Map<String, Long> clockOffWallTimes = new HashMap<>();
        int hubEvents = 0;
        try (HubStore store = hubDb == null
                ? HubStore.open(HubStore.h2Url(hubHome), "arrivals", null, Clock.systemUTC())
                : HubStore.open(hubDb, null, null, Clock.systemUTC())) {
            long cursor = 0;
            while (true) {
                PullResponse p = store.pull(cursor, 10_000);
                for (WireEvent e : p.events()) {
                    hubEvents++;
                    if (e.kind().equals("CHECKED_IN")) {
                        hubCheckIns.merge(e.attendeeCode(), 1, Integer::sum);
                        if (e.stationId().equals(clockOff.name) && e.wallTime() != null) {
                            clockOffWallTimes.put(
                                    e.attendeeCode(), e.wallTime().toInstant().toEpochMilli());
                        }
                    } else if (e.kind().equals("ATTENDEE_EDITED")) {
                        hubEdits.merge(e.attendeeCode(), e.details() == null ? "" : e.details(), String::concat);
                    }
                }
                cursor = p.cursor();
                if (!p.more() || p.events().isEmpty()) {
                    break;
                }
            }
        }
        Map<String, Integer> acked = new TreeMap<>();
        for (var a : admissions) {
            acked.merge((String) a.get("code"), 1, Integer::sum);
        }
        List<Check> checks = new ArrayList<>();

        // recorded-once: every acknowledged check-in exactly once at the hub and at every station
        List<String> wrong = new ArrayList<>();
        for (var e : acked.entrySet()) {
            if (!e.getValue().equals(hubCheckIns.get(e.getKey()))) {
                wrong.add("hub " + e.getKey() + " " + hubCheckIns.get(e.getKey()) + "/" + e.getValue());
            }
            for (var f : finals.entrySet()) {
                int n = f.getValue().path("checkIns").path(e.getKey()).asInt();
                if (n != e.getValue()) {
                    wrong.add(f.getKey() + " " + e.getKey() + " " + n + "/" + e.getValue());
                }
            }
        }
        List<String> unacked =
                hubCheckIns.keySet().stream().filter(c -> !acked.containsKey(c)).toList();
        checks.add(new Check(
                "recorded-once",
                wrong.isEmpty(),
                admissions.size() + " acknowledged check-ins; " + (wrong.isEmpty() ? "all" : "NOT all")
                        + " recorded exactly once at the hub and at " + finals.size() + " stations"
                        + (wrong.isEmpty() ? "" : ": " + wrong.subList(0, Math.min(10, wrong.size())))
                        + (unacked.isEmpty()
                                ? ""
                                : "; recorded but never acknowledged (a station killed mid-answer): " + unacked)));

        // conflicts: admitted twice; online at both stations is a failure
        List<Map<String, Object>> conflicts = new ArrayList<>();
        List<String> online = new ArrayList<>();
        Map<String, List<Map<String, Object>>> byCode = new TreeMap<>();
        for (var a : admissions) {
            byCode.computeIfAbsent((String) a.get("code"), k -> new ArrayList<>())
                    .add(a);
        }
        for (var e : byCode.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            List<Map<String, Object>> at = new ArrayList<>();
            boolean allOnline = true;
            for (var a : e.getValue()) {
                boolean off = offlineAt((String) a.get("station"), (Long) a.get("answered"));
                allOnline &= !off;
                at.add(Map.of("station", a.get("station"), "atMs", a.get("answered"), "offline", off));
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("code", e.getKey());
            c.put("admissions", at);
            conflicts.add(c);
            if (allOnline) {
                online.add(e.getKey());
            }
        }
        checks.add(new Check(
                "no-double-admission-online",
                online.isEmpty(),
                conflicts.size() + " people admitted twice, " + online.size()
                        + " of them while both stations were online" + (online.isEmpty() ? "" : ": " + online)));

        // one-first-badge, counted at the printers by the QR code's token
        Map<String, Integer> tokens = new HashMap<>();
        Map<String, Long> firstOut = new HashMap<>();
        int labels = 0;
        int unreadable = 0;
        Map<String, String> tokenStation = new HashMap<>();
        Map<String, List<String>> labelTokens = new HashMap<>();
        Files.createDirectories(out.resolve("unreadable"));
        for (Agent a : agents) {
            for (LabelPrinter.Badge b : a.printer.badges) {
                labels++;
                String token = labelToken.get(b);
                labelTokens.computeIfAbsent(a.name, k -> new ArrayList<>()).add(token);
                if (token == null) {
                    unreadable++;
                    Files.write(out.resolve("unreadable").resolve(a.name + "-" + b.outAt() + ".zpl"), b.zpl());
                    continue;
                }
                tokens.merge(token, 1, Integer::sum);
                tokenStation.merge(token, a.name, (x, y) -> x + "," + y);
                firstOut.merge(token + "@" + a.name, b.outAt() - t0, Math::min);
            }
        }
        Map<String, String> tokenCode = new HashMap<>();
        for (String token : tokens.keySet()) {
            tokenCode.put(token, resolved.get(token));
        }
        List<String> twoFirst = new ArrayList<>();
        List<String> twoFirstOffline = new ArrayList<>();
        for (var e : tokens.entrySet()) {
            if (e.getValue() > 1) {
                String code = tokenCode.get(e.getKey());
                boolean bug = online.contains(code)
                        || !byCode.containsKey(code)
                        || byCode.get(code).size() < 2;
                (bug ? twoFirst : twoFirstOffline).add(code + " at " + tokenStation.get(e.getKey()));
            }
        }
        // what the stations' print workers say they printed: first badges per person, and labels per station
        Map<String, Integer> firstBadges = new TreeMap<>();
        List<String> countsDiffer = new ArrayList<>();
        for (Agent a : agents) {
            int done = a.printed.size();
            if (done != a.printer.badges.size()) {
                countsDiffer.add(a.name + " printed " + done + ", its printer took " + a.printer.badges.size());
            }
            for (JsonNode p : a.printed) {
                if (!p.path("reprint").asBoolean()) {
                    firstBadges.merge(p.path("printed").asText(), 1, Integer::sum);
                }
            }
        }
        // no badge lost: everyone admitted has a label with their QR code at some printer
        java.util.Set<String> labelled = new java.util.HashSet<>(tokenCode.values());
        List<String> lost =
                acked.keySet().stream().filter(c -> !labelled.contains(c)).toList();
        List<String> twoFirstByStations = firstBadges.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .filter(c -> online.contains(c)
                        || !byCode.containsKey(c)
                        || byCode.get(c).size() < 2)
                .toList();
        checks.add(new Check(
                "one-first-badge",
                twoFirst.isEmpty() && twoFirstByStations.isEmpty() && lost.size() <= unreadable,
                labels + " labels printed, " + tokens.size() + " distinct badges by their QR tokens (" + unreadable
                        + " labels unreadable, kept in unreadable/); the same badge twice: " + twoFirst.size()
                        + (twoFirst.isEmpty() ? "" : " " + twoFirst) + "; by the stations' print workers, a second"
                        + " first badge not explained by a double admission while offline: " + twoFirstByStations
                        + "; twice because admitted twice while offline: " + twoFirstOffline.size()
                        + (twoFirstOffline.isEmpty() ? "" : " " + twoFirstOffline)
                        + (countsDiffer.isEmpty() ? "" : "; " + countsDiffer)
                        + "; admitted with no readable label: " + lost.size()
                        + (lost.isEmpty() ? "" : " " + lost + " (at most the unreadable labels may explain them)")));

        // the printer out of labels: the desk said so, its check-ins went on, every badge came out once labels were
        // back
        Map<String, Object> outFault = faults.stream()
                .filter(f -> ((String) f.get("fault")).startsWith("out-of-labels"))
                .findFirst()
                .orElseThrow();
        long outFrom = (Long) outFault.get("from");
        long outTo = (Long) outFault.get("to");
        java.util.Set<String> reported = new java.util.TreeSet<>();
        for (var sample : samples) {
            long st = (Long) sample.get("t");
            @SuppressWarnings("unchecked")
            Map<String, JsonNode> stations = (Map<String, JsonNode>) sample.get("stations");
            JsonNode mine = stations.get(outOfLabels.name);
            if (st >= outFrom && st <= outTo + 5000 && mine != null) {
                String condition = mine.path("printer").asText("READY");
                if (!condition.equals("READY")) {
                    reported.add(condition);
                }
            }
        }
        List<String> admittedDuring = admissions.stream()
                .filter(x -> x.get("station").equals(outOfLabels.name)
                        && (Long) x.get("answered") >= outFrom
                        && (Long) x.get("answered") <= outTo)
                .map(x -> (String) x.get("code"))
                .toList();
        java.util.Set<String> outOfItsPrinter = new java.util.HashSet<>();
        for (String token : labelTokens.getOrDefault(outOfLabels.name, List.of())) {
            if (token != null) {
                outOfItsPrinter.add(tokenCode.get(token));
            }
        }
        List<String> notOut = admittedDuring.stream()
                .filter(c -> !outOfItsPrinter.contains(c))
                .toList();
        long labelsDuring = outOfLabels.printer.badges.stream()
                .filter(b -> b.acceptedAt() - t0 > outFrom && b.acceptedAt() - t0 < outTo)
                .count();
        checks.add(new Check(
                "printer-out-and-back",
                !reported.isEmpty() && !admittedDuring.isEmpty() && notOut.isEmpty() && labelsDuring == 0,
                String.format(
                        "%s's printer out of labels %.1f-%.1f s: the desk reported %s; %d people checked in there"
                                + " meanwhile, the printer took %d labels meanwhile; once labels were back %s",
                        outOfLabels.name,
                        outFrom / 1000.0,
                        outTo / 1000.0,
                        reported.isEmpty() ? "nothing" : reported,
                        admittedDuring.size(),
                        labelsDuring,
                        notOut.isEmpty()
                                ? "every one of their badges came out of it"
                                : "these badges did not come out: " + notOut)));

        // edits: each correction made at a desk is at the hub and shown by every station
        List<String> editsWrong = new ArrayList<>();
        for (var e : edits) {
            String code = (String) e.get("code");
            String last = (String) e.get("last");
            if (!hubEdits.getOrDefault(code, "").contains(last)) {
                editsWrong.add("hub lacks " + code);
            }
            editsSeen.forEach((st, shown) -> {
                if (!last.equals(shown.get(code))) {
                    editsWrong.add(st + " shows " + shown.get(code) + " for " + code);
                }
            });
        }
        checks.add(new Check(
                "edits-everywhere",
                editsWrong.isEmpty() && !edits.isEmpty(),
                edits.size() + " family names corrected at desks; "
                        + (editsWrong.isEmpty()
                                ? "each is in the hub's log and shown by all " + editsSeen.size() + " stations"
                                : "NOT everywhere: " + editsWrong.subList(0, Math.min(10, editsWrong.size())))));

        // arrived-count-agrees
        Map<String, Integer> counts = new LinkedHashMap<>();
        finals.forEach((k, v) -> counts.put(k, v.path("arrived").asInt()));
        counts.put("hub (recount of its log)", hubCheckIns.size());
        counts.put("acknowledged at the desks", acked.size());
        checks.add(new Check(
                "arrived-count-agrees", counts.values().stream().distinct().count() == 1, "arrived: " + counts));

        checks.add(new Check(
                "converged",
                converged >= 0 && converged <= convergeLimitSeconds * 1000L,
                converged < 0
                        ? "not converged"
                        : String.format(
                                "every station had every check-in made while cut off %.1f s after the network came back (limit %d s)",
                                converged / 1000.0, convergeLimitSeconds)));

        boolean errors = answers.stream().noneMatch(a -> a.containsKey("error"));
        checks.add(new Check(
                "no-errors",
                errors,
                answers.stream()
                        .filter(a -> a.containsKey("error"))
                        .limit(5)
                        .toList()
                        .toString()));

        // throughput and scan to badge out
        Map<String, Object> throughput = new LinkedHashMap<>();
        for (Agent a : agents) {
            List<Map<String, Object>> mine = answers.stream()
                    .filter(x -> x.get("station").equals(a.name))
                    .toList();
            long first =
                    mine.stream().mapToLong(x -> (Long) x.get("stepUp")).min().orElse(0);
            long last =
                    mine.stream().mapToLong(x -> (Long) x.get("answered")).max().orElse(0);
            long admitted = admissions.stream()
                    .filter(x -> x.get("station").equals(a.name))
                    .count();
            double minutes = Math.max(1, last - first) / 60000.0 * speed;
            throughput.put(
                    a.name,
                    Map.of(
                            "served",
                            mine.size(),
                            "admitted",
                            admitted,
                            "perSimulatedMinute",
                            Math.round(mine.size() / minutes * 10) / 10.0,
                            "perRealMinute",
                            Math.round(mine.size() / (minutes / speed) * 10) / 10.0));
        }
        List<Long> badgeTimes = new ArrayList<>();
        Map<String, String> codeToken = new HashMap<>();
        tokenCode.forEach((t, c) -> codeToken.put(c + "", t));
        for (var a : admissions) {
            String token = codeToken.get((String) a.get("code"));
            Long outAt = token == null ? null : firstOut.get(token + "@" + a.get("station"));
            if (outAt != null && outAt >= (Long) a.get("stepUp")) {
                badgeTimes.add(outAt - (Long) a.get("stepUp"));
            }
        }
        Collections.sort(badgeTimes);
        List<Long> waits = answers.stream()
                .map(x -> (Long) x.get("answered") - (Long) x.get("queued"))
                .sorted()
                .toList();

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("checks", checks);
        doc.put("passed", checks.stream().allMatch(Check::passed));
        doc.put("desks", desks);
        doc.put("kiosks", kiosks);
        doc.put("people", people);
        doc.put("speed", speed);
        doc.put("arrivalWindowSeconds", window / 1000.0);
        doc.put("arrivals", acked.size());
        doc.put("visits", answers.size());
        doc.put(
                "outcomes",
                answers.stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                x -> x.get("action") + ":" + x.get("outcome"),
                                TreeMap::new,
                                java.util.stream.Collectors.counting())));
        doc.put("badges", labels);
        doc.put(
                "badgeOutcomesOfAdmissions",
                admissions.stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                x -> x.get("station") + ":" + x.get("badge"),
                                TreeMap::new,
                                java.util.stream.Collectors.counting())));
        Map<String, Integer> perPrinter = new LinkedHashMap<>();
        agents.forEach(a -> perPrinter.put(a.name, a.printer.badges.size()));
        doc.put("labelsPerPrinter", perPrinter);
        doc.put("hubEvents", hubEvents);
        doc.put("conflicts", conflicts);
        doc.put("convergedSeconds", converged < 0 ? null : converged / 1000.0);
        Propagation prop = propagation();
        doc.put("propagationP50Ms", pct(prop.longPoll(), 50));
        doc.put("propagationP99Ms", pct(prop.longPoll(), 99));
        doc.put("propagationSamples", prop.longPoll().size());
        doc.put("pollingStation", polling == null ? null : polling.name);
        doc.put("pollingPropagationP50Ms", pct(prop.polling(), 50));
        doc.put("pollingPropagationP99Ms", pct(prop.polling(), 99));
        doc.put("pollingPropagationSamples", prop.polling().size());
        List<Long> ahead = new ArrayList<>();
        for (var ad : admissions) {
            Long wall = clockOffWallTimes.get((String) ad.get("code"));
            if (ad.get("station").equals(clockOff.name) && wall != null && (Long) ad.get("t") > 0) {
                ahead.add(wall - (Long) ad.get("t"));
            }
        }
        Collections.sort(ahead);
        Map<String, Object> skew = new LinkedHashMap<>();
        skew.put("station", clockOff.name);
        skew.put("offsetSeconds", CLOCK_OFFSET_SECONDS);
        skew.put("checkInsAtTheHub", ahead.size());
        skew.put("wallTimeAheadP50Ms", pct(ahead, 50));
        doc.put("clockOff", skew);
        doc.put("printing", cups ? "cups" : "zebra");
        doc.put("hubDatabase", hubDb == null ? "h2" : "postgresql");
        doc.put("edits", edits);
        doc.put("scanToBadgeP50Ms", pct(badgeTimes, 50));
        doc.put("scanToBadgeP99Ms", pct(badgeTimes, 99));
        doc.put("queueToAnswerP50Ms", pct(waits, 50));
        doc.put("queueToAnswerP99Ms", pct(waits, 99));
        doc.put("throughput", throughput);
        doc.put("faults", faults);
        doc.put("cutOffBadgeJobs", volunteerActions);
        Map<String, Object> off = new LinkedHashMap<>();
        offline.forEach((k, v) ->
                off.put(k, v.stream().map(w -> List.of(w[0], w[1])).toList()));
        doc.put("offline", off);
        doc.put("samples", samples);
        Files.writeString(out.resolve("rehearsal.json"), JSON.writeValueAsString(doc));
        if (json != null) {
            if (json.toAbsolutePath().getParent() != null) {
                Files.createDirectories(json.toAbsolutePath().getParent());
            }
            Files.writeString(json, JSON.writeValueAsString(doc));
        }
        try {
            Chart.draw(samples, faults, out.resolve("rehearsal.png"));
        } catch (RuntimeException e) {
            say("No chart: " + e);
        }

        System.out.println();
        System.out.println("Rehearsal report (" + desks + " desks, " + kiosks + " kiosks, " + people
                + " arrivals, speed " + speed + ")");
        for (Check c : checks) {
            System.out.println((c.passed ? "  PASS " : "  FAIL ") + c.name + ": " + c.detail);
        }
        System.out.println("  faults: " + faults);
        System.out.println("  admitted " + acked.size() + " people, " + labels + " labels, " + conflicts.size()
                + " conflicts, converged " + (converged < 0 ? "never" : converged / 1000.0 + " s"));
        System.out.println("  scan to badge out p50 " + pct(badgeTimes, 50) + " ms, p99 " + pct(badgeTimes, 99)
                + " ms (" + badgeTimes.size() + " badges); queue to answer p50 " + pct(waits, 50) + " ms, p99 "
                + pct(waits, 99) + " ms");
        System.out.println("  propagation of a check-in while online: p50 " + pct(prop.longPoll(), 50) + " ms, p99 "
                + pct(prop.longPoll(), 99) + " ms to long-polling stations ("
                + prop.longPoll().size() + ")"
                + (polling == null
                        ? ""
                        : "; p50 " + pct(prop.polling(), 50) + " ms, p99 " + pct(prop.polling(), 99) + " ms to "
                                + polling.name + ", polling every 3 s ("
                                + prop.polling().size() + ")"));
        System.out.println("  " + clockOff.name + "'s clock " + CLOCK_OFFSET_SECONDS + " s ahead: its check-ins"
                + " reached the hub stamped " + pct(ahead, 50) + " ms ahead (p50, " + ahead.size() + ")");
        System.out.println("  throughput: " + throughput);
        System.out.println("  " + out.resolve("rehearsal.json") + ", " + out.resolve("rehearsal.png"));
        return checks.stream().allMatch(Check::passed);
    }

    static Long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private boolean shutDown;

    synchronized void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        for (Agent a : agents) {
            try {
                a.stop();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
        if (hub != null && hub.isAlive()) {
            hub.destroy();
        }
        if (proxy != null) {
            try {
                proxy.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        for (CupsQueue q : cupsQueues) {
            try {
                q.delete();
            } catch (IOException e) {
                System.err.println("Could not delete the CUPS queue " + q.name + ": " + e.getMessage());
            }
        }
        for (Agent a : agents) {
            try {
                a.printer.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        if (embeddedPostgres != null) {
            try {
                embeddedPostgres.close();
            } catch (IOException e) {
                System.err.println("Could not stop the embedded PostgreSQL: " + e.getMessage());
            }
        }
    }
}
