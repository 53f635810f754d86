package org.testfarm.jython;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Jython imports Python modules from {@code <jar>/Lib} through its zip
 * importer, which first reads the whole directory of the archive: some 33,000
 * entries of this jar, for the 1,500 under {@code Lib/}. A copy of just
 * {@code Lib/} (entry times kept, so compiled modules stay valid) is read in a
 * fraction of that; the launcher puts it on {@code sys.path} in place of the jar's.
 */
final class StandardLibrary {

    /** The system property naming the copy for the script's JVM. */
    static final String PROPERTY = "testfarm.v1.lib";
    private static final String PREFIX = "Lib/";

    private StandardLibrary() {
    }

    /** Copies the {@code Lib/} entries of {@code jar} to {@code target}, atomically. */
    static void copy(Path jar, Path target) throws IOException {
        Path fresh = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try (ZipFile source = new ZipFile(jar.toFile());
             OutputStream file = Files.newOutputStream(fresh);
             ZipOutputStream zip = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(PREFIX)) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                zip.putNextEntry(copy);
                if (!entry.isDirectory()) {
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(fresh);
            throw e;
        }
        Files.move(fresh, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The {@code sys.path} entry of the copy named by {@link #PROPERTY}, or null to keep the jar's. */
    static String pathEntry() {
        String copy = System.getProperty(PROPERTY);
        if (copy == null || !Files.isRegularFile(Path.of(copy))) {
            return null;
        }
        return copy + "/Lib";
    }
}
