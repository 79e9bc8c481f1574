package org.arrivals.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files the command line writes with people's data in them (badge PDFs): readable by their owner
 * only, whatever the umask, from the moment they exist (not made readable and then restricted).
 */
final class OwnerOnly {
    private static final Set<PosixFilePermission> OWNER = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    static void write(Path out, byte[] bytes) throws IOException {
        boolean posix = out.toAbsolutePath()
                .getFileSystem()
                .supportedFileAttributeViews()
                .contains("posix");
        if (posix) {
            try {
                Files.createFile(out, PosixFilePermissions.asFileAttribute(OWNER));
            } catch (FileAlreadyExistsException exists) {
                Files.setPosixFilePermissions(out, OWNER); // before anything new is written into it
            }
        }
        Files.write(
                out, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }
}
