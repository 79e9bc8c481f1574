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
        return withinOneOfPrefix(typed.toCharArray(), typed.length(), word.toCharArray(), word.length());
    }

    /** {@link #withinOneOfPrefix(String, String)} over the first {@code m} and {@code n} chars of two arrays. */
    static boolean withinOneOfPrefix(char[] typed, int m, char[] word, int n) {
        int i = 0;
        while (i < m && i < n && typed[i] == word[i]) {
            i++;
        }
        if (i == m) {
            return true;
        }
        if (i == n) {
            return m == n + 1;
        }
        return restIsPrefix(typed, m, i + 1, word, n, i + 1) // substitution
                || restIsPrefix(typed, m, i + 1, word, n, i) // an extra letter typed
                || restIsPrefix(typed, m, i, word, n, i + 1) // a letter left out
                || (i + 1 < m
                        && i + 1 < n
                        && typed[i] == word[i + 1]
                        && typed[i + 1] == word[i]
                        && restIsPrefix(typed, m, i + 2, word, n, i + 2));
    }

    private static boolean restIsPrefix(char[] typed, int m, int from, char[] word, int n, int wordFrom) {
        int len = m - from;
        if (len > n - wordFrom) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (typed[from + k] != word[wordFrom + k]) {
                return false;
            }
        }
        return true;
    }
}
