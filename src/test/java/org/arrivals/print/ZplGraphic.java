package org.arrivals.print;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the graphic a ZPL job downloads with {@code ~DG} (as CUPS' Zebra driver sends it), in
 * ZPL's compressed hex: G-Y repeat the next digit 1-19 times, g-z add 20-400, a comma ends a row
 * in white, an exclamation mark ends it in black, a colon repeats the row before.
 */
public final class ZplGraphic {
    private static final Pattern DOWNLOAD = Pattern.compile("~DG[^,]*,(\\d+),(\\d+),");

    private ZplGraphic() {}

    public static BufferedImage decode(String zpl) {
        Matcher m = DOWNLOAD.matcher(zpl);
        if (!m.find()) {
            throw new AssertionError("no ~DG graphic in the job");
        }
        int total = Integer.parseInt(m.group(1));
        int perRow = Integer.parseInt(m.group(2));
        int rows = total / perRow;
        int hexPerRow = perRow * 2;
        char[][] image = new char[rows][];
        char[] row = new char[hexPerRow];
        int col = 0;
        int y = 0;
        int repeat = 0;
        for (int i = m.end(); i < zpl.length() && y < rows; i++) {
            char c = zpl.charAt(i);
            if (c >= 'G' && c <= 'Y') {
                repeat += c - 'G' + 1;
            } else if (c >= 'g' && c <= 'z') {
                repeat += (c - 'g' + 1) * 20;
            } else if (c == ',' || c == '!') {
                Arrays.fill(row, col, hexPerRow, c == ',' ? '0' : 'F');
                col = hexPerRow;
            } else if (c == ':') {
                row = image[y - 1].clone();
                col = hexPerRow;
            } else if (Character.digit(c, 16) >= 0) {
                for (int n = Math.max(repeat, 1); n > 0; n--) {
                    row[col++] = c;
                }
                repeat = 0;
            } else if (c == '^' || c == '~') {
                break;
            }
            if (col == hexPerRow) {
                image[y++] = row;
                row = new char[hexPerRow];
                col = 0;
            }
        }
        if (y != rows) {
            throw new AssertionError("the graphic ended after " + y + " of " + rows + " rows");
        }
        BufferedImage img = new BufferedImage(perRow * 8, rows, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < rows; r++) {
            for (int x = 0; x < perRow * 8; x++) {
                int nibble = Character.digit(image[r][x / 4], 16);
                boolean black = (nibble >> (3 - x % 4) & 1) == 1;
                img.setRGB(x, r, black ? 0x000000 : 0xFFFFFF);
            }
        }
        return img;
    }
}
