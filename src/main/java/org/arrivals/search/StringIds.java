package org.arrivals.search;

import java.util.Arrays;

/**
 * Numbers distinct strings in the order they are first seen, and hands back the first instance of
 * each (to share repeated strings). Open addressing over two flat arrays, not a {@code HashMap}:
 * while a new index is built beside the one in use, its hundreds of thousands of words would
 * otherwise be as many map entries and boxed integers for the garbage collector to copy, during
 * the pauses that keystrokes feel.
 */
final class StringIds {
    private String[] keys;
    private int[] ids;
    private String[] byId;
    private int size;

    StringIds(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new String[capacity];
        ids = new int[capacity];
        byId = new String[Math.max(16, expected)];
    }

    /** The id of {@code s}, a new one (the next number) when it was not seen before. */
    int id(String s) {
        int slot = find(s);
        if (keys[slot] != null) {
            return ids[slot];
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
            slot = find(s);
        }
        keys[slot] = s;
        ids[slot] = size;
        if (size == byId.length) {
            byId = Arrays.copyOf(byId, size * 2);
        }
        byId[size] = s;
        return size++;
    }

    /** The first instance of a string equal to {@code s} (which becomes it when none was seen). */
    String share(String s) {
        if (s == null) {
            return null;
        }
        int id = id(s); // before reading byId, which id() may replace
        return byId[id];
    }

    int size() {
        return size;
    }

    /** The strings, by id. */
    String[] strings() {
        return Arrays.copyOf(byId, size);
    }

    private int find(String s) {
        int mask = keys.length - 1;
        int h = s.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        while (keys[slot] != null && !keys[slot].equals(s)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new String[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                ids[slot] = oldIds[i];
            }
        }
    }
}
