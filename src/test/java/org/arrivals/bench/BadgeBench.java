package org.arrivals.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.arrivals.attendee.Attendee;
import org.arrivals.attendee.RegistrationStatus;
import org.arrivals.attendee.demo.DemoEventGenerator;
import org.arrivals.badge.BadgeRenderer;
import org.arrivals.badge.BadgeTemplate;
import org.arrivals.badge.BadgeToken;
import org.arrivals.badge.TemplateLoader;

/**
 * {@code ./scripts/bench badge}: one badge warm (the desk's case), and a whole event into one PDF
 * (pre-printing), with bytes per badge. The baseline is the same badges with Latin names only, so
 * the ratio shows what shaping every script costs.
 */
final class BadgeBench {
    private BadgeBench() {}

    static void run(int event, int singles) throws Exception {
        BadgeRenderer renderer =
                new BadgeRenderer(new BadgeToken("bench-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        List<Attendee> people = new ArrayList<>();
        int id = 0;
        for (List<String> r : DemoEventGenerator.rows(2026, event)) {
            people.add(new Attendee(
                    ++id,
                    r.get(0),
                    r.get(1),
                    r.get(2),
                    r.get(3),
                    r.get(4).isEmpty() ? null : r.get(4),
                    r.get(5).isEmpty() ? null : r.get(5),
                    null,
                    r.get(7),
                    r.get(8),
                    r.get(9),
                    RegistrationStatus.ATTENDING,
                    Map.of("track", r.get(11)),
                    false));
        }
        List<Attendee> latin = people.stream()
                .filter(a -> (a.firstName() + a.lastName()).chars().allMatch(c -> c < 0x250))
                .toList();
        System.out.printf(
                Locale.ROOT, "badge: demo event of %,d (%d with Latin-only names)%n", people.size(), latin.size());
        for (String name : TemplateLoader.BUILT_IN) {
            BadgeTemplate t = TemplateLoader.named(name, null);
            for (int w = 0; w < 50; w++) {
                renderer.render(t, people.get(w % people.size()), "");
            }
            double[] any = new double[singles];
            double[] base = new double[singles];
            long bytes = 0;
            for (int i = 0; i < singles; i++) {
                Attendee a = people.get((i * 7919) % people.size());
                long t0 = System.nanoTime();
                bytes += renderer.render(t, a, "").length;
                any[i] = (System.nanoTime() - t0) / 1e6;
                Attendee l = latin.get((i * 7919) % latin.size());
                t0 = System.nanoTime();
                renderer.render(t, l, "");
                base[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(any);
            Arrays.sort(base);
            long t0 = System.nanoTime();
            byte[] all = renderer.renderAll(t, people, "");
            double allMs = (System.nanoTime() - t0) / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "  %-15s one badge, any script: p50 %5.1f ms  p99 %5.1f ms  (Latin-only baseline p50 "
                            + "%5.1f ms, x%.2f)  %5.1f KB each%n",
                    name,
                    Bench.percentile(any, 50),
                    Bench.percentile(any, 99),
                    Bench.percentile(base, 50),
                    Bench.percentile(any, 50) / Bench.percentile(base, 50),
                    bytes / 1024.0 / singles);
            System.out.printf(
                    Locale.ROOT,
                    "  %-15s %,d badges in one PDF: %6.1f s, %.1f MB, %.1f KB per badge (target <= 20 s)%n",
                    name,
                    people.size(),
                    allMs / 1000,
                    all.length / 1e6,
                    all.length / 1024.0 / people.size());
        }
    }
}
