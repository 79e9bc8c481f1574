package org.arrivals.attendee.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The order of the imported file's extra columns, recovered from the attendees: each attendee keeps
 * the columns it has values in, in the file's order, so every attendee's list is a piece of the
 * file's header in order. Merging the pieces (a topological sort, ties broken by where a column
 * was first seen) gives the file's order back, for every two columns that appear together in
 * some attendee's row. Two columns never filled on the same row have no order to recover; they
 * keep the order they were first seen in. Lists that disagree (two files, two orders) cannot
 * loop: a column whose predecessors never clear is placed where it was first seen.
 */
final class ColumnOrder {
    private ColumnOrder() {}

    static List<String> merge(List<List<String>> pieces) {
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        Map<String, Set<String>> after = new HashMap<>();
        Map<String, Integer> before = new HashMap<>();
        for (List<String> piece : pieces) {
            for (int i = 0; i < piece.size(); i++) {
                String c = piece.get(i);
                firstSeen.putIfAbsent(c, firstSeen.size());
                before.putIfAbsent(c, 0);
                if (i > 0
                        && after.computeIfAbsent(piece.get(i - 1), k -> new HashSet<>())
                                .add(c)) {
                    before.merge(c, 1, Integer::sum);
                }
            }
        }
        PriorityQueue<String> ready =
                new PriorityQueue<>((a, b) -> Integer.compare(firstSeen.get(a), firstSeen.get(b)));
        before.forEach((c, n) -> {
            if (n == 0) {
                ready.add(c);
            }
        });
        List<String> out = new ArrayList<>(firstSeen.size());
        Set<String> placed = new HashSet<>();
        while (out.size() < firstSeen.size()) {
            if (ready.isEmpty()) {
                // A cycle between files that disagree: take the earliest column still waiting.
                String next = firstSeen.keySet().stream()
                        .filter(c -> !placed.contains(c))
                        .findFirst()
                        .orElseThrow();
                before.put(next, 0);
                ready.add(next);
            }
            String c = ready.poll();
            if (!placed.add(c)) {
                continue;
            }
            out.add(c);
            for (String n : after.getOrDefault(c, Set.of())) {
                if (!placed.contains(n) && before.merge(n, -1, Integer::sum) == 0) {
                    ready.add(n);
                }
            }
        }
        return out;
    }
}
