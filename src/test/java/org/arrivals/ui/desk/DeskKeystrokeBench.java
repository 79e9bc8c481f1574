package org.arrivals.ui.desk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.arrivals.attendee.Attendee;
import org.arrivals.audit.Actor;
import org.arrivals.search.SearchHit;
import org.arrivals.station.Station;
import org.arrivals.ui.common.I18n;
import org.arrivals.ui.common.Tasks;

/**
 * {@code ./scripts/bench desk}: a volunteer typing names into the real desk screen (JavaFX,
 * headless), keystroke by keystroke: the time from a keystroke to the matching people in the list
 * and to the next drawn frame, against the bare index search as the baseline. Nothing is asserted.
 */
public final class DeskKeystrokeBench {
    private DeskKeystrokeBench() {}

    public static void run(int people, int names) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        Path home = Files.createTempDirectory("arrivals-desk-bench");
        try (Station station = Station.open(home, "bench", "desk-1", Clock.systemUTC())) {
            station.roster().importDemo(Actor.cli(), people, 5).report();
            station.lookup().warm();
            List<String> queries = typed(station.attendees().all(), names);
            CountDownLatch up = new CountDownLatch(1);
            Platform.startup(up::countDown);
            up.await();
            Tasks tasks = Tasks.background();
            DeskModel[] model = new DeskModel[1];
            Scene[] scene = new Scene[1];
            CountDownLatch shown = new CountDownLatch(1);
            Platform.runLater(() -> {
                model[0] = new DeskModel(station, tasks, new I18n("en"));
                scene[0] =
                        new Scene(new DeskView(model[0], new I18n("en"), (why, needed, then) -> {}).root(), 1280, 800);
                Stage stage = new Stage();
                stage.setScene(scene[0]);
                stage.show();
                shown.countDown();
            });
            shown.await();
            double[] bare = new double[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long t0 = System.nanoTime();
                station.lookup().search(queries.get(i), DeskModel.RESULTS);
                bare[i] = (System.nanoTime() - t0) / 1e6;
            }
            double[] listed = new double[queries.size()];
            double[] drawn = new double[queries.size()];
            for (int i = 0; i < queries.size(); i++) {
                long[] t = keystroke(model[0], scene[0], queries.get(i));
                listed[i] = (t[1] - t[0]) / 1e6;
                drawn[i] = (t[2] - t[0]) / 1e6;
            }
            tasks.shutdown();
            Platform.exit();
            System.out.printf(
                    Locale.ROOT,
                    "desk: %,d people, %,d keystrokes typed into the real desk screen (headless)%n",
                    people,
                    queries.size());
            line("index search alone (baseline)", bare, bare);
            line("keystroke -> matches in the list", listed, bare);
            line("keystroke -> next frame drawn", drawn, bare);
        }
    }

    /** Every prefix of "first last" of randomly chosen people, as typed. */
    private static List<String> typed(List<Attendee> roster, int names) {
        Random random = new Random(3);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < names; i++) {
            Attendee a = roster.get(random.nextInt(roster.size()));
            String name = a.lastName().isEmpty() ? a.firstName() : a.firstName() + " " + a.lastName();
            for (int end = 1; end <= name.length(); end++) {
                if (!Character.isWhitespace(name.charAt(end - 1)) && !Character.isHighSurrogate(name.charAt(end - 1))) {
                    queries.add(name.substring(0, end));
                }
            }
        }
        return queries;
    }

    /** One keystroke: when it was typed, when its matches were in the list, when the next frame was laid out. */
    private static long[] keystroke(DeskModel model, Scene scene, String query) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        long[] t = new long[3];
        Platform.runLater(() -> {
            model.results.addListener(new ListChangeListener<>() {
                @Override
                public void onChanged(Change<? extends SearchHit> c) {
                    model.results.removeListener(this);
                    t[1] = System.nanoTime();
                    Runnable[] after = new Runnable[1];
                    after[0] = () -> {
                        scene.removePostLayoutPulseListener(after[0]);
                        t[2] = System.nanoTime();
                        done.countDown();
                    };
                    scene.addPostLayoutPulseListener(after[0]);
                }
            });
            t[0] = System.nanoTime();
            model.query.set(query); // what a keystroke in the search box does
        });
        if (!done.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no answer for '" + query + "'");
        }
        return t;
    }

    private static void line(String what, double[] ms, double[] baseline) {
        double[] s = ms.clone();
        Arrays.sort(s);
        double[] b = baseline.clone();
        Arrays.sort(b);
        System.out.printf(
                Locale.ROOT,
                "  %-40s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (x%.1f the baseline's p50)%n",
                what,
                p(s, 0.5),
                p(s, 0.99),
                s[s.length - 1],
                p(s, 0.5) / p(b, 0.5));
    }

    private static double p(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
