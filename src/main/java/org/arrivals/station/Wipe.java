package org.arrivals.station;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removes a folder's files, each overwritten with zeros and synced first. */
final class Wipe {
    private Wipe() {}

    static int tree(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        int files = 0;
        for (Path p : all) {
            try {
                if (Files.isRegularFile(p)) {
                    overwrite(p);
                    files++;
                }
                Files.delete(p);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot remove " + p + ": " + e.getMessage() + ". Is Arrivals still open on this event?", e);
            }
        }
        return files;
    }

    private static void overwrite(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
            for (long at = 0; at < size; at += zeros.capacity()) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - at));
                while (zeros.hasRemaining()) {
                    ch.write(zeros, at + zeros.position());
                }
            }
            ch.force(true);
        }
    }
}
