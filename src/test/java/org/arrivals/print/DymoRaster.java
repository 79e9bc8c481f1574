package org.arrivals.print;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back what a DYMO LabelWriter would print from the bytes its CUPS driver sends: {@code ESC
 * L} the label's length in dot rows, {@code ESC B} the bytes skipped at the start of each row,
 * {@code ESC D} the bytes of a row, {@code ESC f 1 n} rows fed blank, SYN (0x16) and a row, ETB
 * (0x17) and a run-length row (bit 7 the colour, bits 0-6 the run less one), {@code ESC E} / {@code
 * ESC G} the end of the label.
 */
record DymoRaster(int labelLength, int headBytes, BufferedImage image) {
    /** The LabelWriter 450's head: 672 dots, 84 bytes. */
    static final int HEAD_BYTES = 84;

    static DymoRaster decode(byte[] d) {
        List<boolean[]> rows = new ArrayList<>();
        int tab = 0;
        int perRow = 0;
        int length = -1;
        int widest = 0;
        int i = 0;
        while (i < d.length) {
            int b = d[i] & 0xFF;
            if (b == 0x1B) {
                int c = d[i + 1] & 0xFF;
                switch (c) {
                    case 0x1B -> i += 1; // the driver's run of ESCs before the job: a reset
                    case 'Q' -> i += 4;
                    case 'B' -> {
                        tab = d[i + 2] & 0xFF;
                        i += 3;
                    }
                    case 'D' -> {
                        perRow = d[i + 2] & 0xFF;
                        i += 3;
                    }
                    case 'L' -> {
                        length = (d[i + 2] & 0xFF) << 8 | (d[i + 3] & 0xFF);
                        i += 4;
                    }
                    case 'f' -> {
                        for (int n = d[i + 3] & 0xFF; n > 0; n--) {
                            rows.add(new boolean[HEAD_BYTES * 8]);
                        }
                        i += 4;
                    }
                    case 'h', 'i', 'c', 'd', 'e', 'g', 'E', 'G', '@', 'A' -> i += 2;
                    default -> throw new AssertionError("unknown DYMO command ESC " + (char) c + " at " + i);
                }
            } else if (b == 0x16) {
                boolean[] row = new boolean[HEAD_BYTES * 8];
                for (int k = 0; k < perRow; k++) {
                    int v = d[i + 1 + k] & 0xFF;
                    for (int bit = 0; bit < 8; bit++) {
                        int x = (tab + k) * 8 + bit;
                        if (x < row.length) {
                            row[x] = (v >> (7 - bit) & 1) == 1;
                        }
                    }
                }
                rows.add(row);
                widest = Math.max(widest, tab + perRow);
                i += 1 + perRow;
            } else if (b == 0x17) {
                boolean[] row = new boolean[HEAD_BYTES * 8];
                int x = tab * 8;
                i++;
                while (x < (tab + perRow) * 8) {
                    int v = d[i++] & 0xFF;
                    boolean black = (v & 0x80) != 0;
                    for (int n = (v & 0x7F) + 1; n > 0; n--, x++) {
                        if (x < row.length) {
                            row[x] = black;
                        }
                    }
                }
                rows.add(row);
                widest = Math.max(widest, tab + perRow);
            } else {
                throw new AssertionError("unexpected byte " + b + " at " + i);
            }
        }
        BufferedImage img = new BufferedImage(HEAD_BYTES * 8, Math.max(1, rows.size()), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < rows.size(); y++) {
            for (int x = 0; x < HEAD_BYTES * 8; x++) {
                img.setRGB(x, y, rows.get(y)[x] ? 0x000000 : 0xFFFFFF);
            }
        }
        return new DymoRaster(length, widest, img);
    }
}
