package org.arrivals.search;

/** "One typo" for search-as-you-type: one substitution, insertion, deletion or swap of neighbours. */
final class Typo {
    private Typo() {}

    /**
     * Whether {@code typed} is one edit away from {@code word} or from a beginning of it, since the
     * person may not have finished typing: "garcua" matches "garcia", "nguyne" matches "nguyen",
     * "lopz" matches "lopez-hernandez".
     */
    static boolean withinOneOfPrefix(String typed, String word) {
        int m = typed.length();
        int n = word.length();
        int i = 0;
        while (i < m && i < n && typed.charAt(i) == word.charAt(i)) {
            i++;
        }
        if (i == m) {
            return true;
        }
        if (i == n) {
            return m == n + 1;
        }
        return restIsPrefix(typed, i + 1, word, i + 1) // substitution
                || restIsPrefix(typed, i + 1, word, i) // an extra letter typed
                || restIsPrefix(typed, i, word, i + 1) // a letter left out
                || (i + 1 < m
                        && i + 1 < n
                        && typed.charAt(i) == word.charAt(i + 1)
                        && typed.charAt(i + 1) == word.charAt(i)
                        && restIsPrefix(typed, i + 2, word, i + 2));
    }

    private static boolean restIsPrefix(String typed, int from, String word, int wordFrom) {
        int len = typed.length() - from;
        return len <= word.length() - wordFrom && typed.regionMatches(from, word, wordFrom, len);
    }
}
