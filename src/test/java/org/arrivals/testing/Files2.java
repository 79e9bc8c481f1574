package org.arrivals.testing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test input files byte for byte, as registration systems would. */
public final class Files2 {
    private Files2() {}

    /** Lines joined with CRLF, as Excel and most registration exports write them. */
    public static String crlf(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    public static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    public static Path write(Path dir, String name, String text, Charset cs, boolean bom) throws IOException {
        byte[] body = text.getBytes(cs);
        byte[] mark = !bom
                ? new byte[0]
                : switch (cs.name()) {
                    case "UTF-8" -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                    case "UTF-16LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE};
                    case "UTF-16BE" -> new byte[] {(byte) 0xFE, (byte) 0xFF};
                    default -> throw new IllegalArgumentException("no BOM for " + cs);
                };
        byte[] all = new byte[mark.length + body.length];
        System.arraycopy(mark, 0, all, 0, mark.length);
        System.arraycopy(body, 0, all, mark.length, body.length);
        return write(dir, name, all);
    }
}
