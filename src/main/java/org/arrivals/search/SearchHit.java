package org.arrivals.search;

import java.util.Comparator;
import org.arrivals.attendee.Attendee;

/**
 * One person found, with why they rank where they do: how well the weakest word matched, whether
 * every word matched a name (rather than an organization or email), and whether they have arrived.
 */
public record SearchHit(Attendee attendee, Match match, boolean wholeName, boolean arrived, String sortName) {

    public enum Match {
        FUZZY,
        PREFIX,
        EXACT
    }

    /** Exact before prefix before fuzzy; whole-name first; not yet arrived first; then by name. */
    public static final Comparator<SearchHit> RANKING = Comparator.comparing(
                    SearchHit::match, Comparator.reverseOrder())
            .thenComparing(SearchHit::wholeName, Comparator.reverseOrder())
            .thenComparing(SearchHit::arrived)
            .thenComparing(SearchHit::sortName)
            .thenComparing(h -> h.attendee().code());
}
