package org.testfarm.server.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.testfarm.testing.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class BootstrapTest {

    @TempDir
    Path dir;

    private Path war(String... namesAndContents) throws IOException {
        Path war = dir.resolve("test.war");
        try (OutputStream file = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return war;
    }

    private Path cache() throws IOException {
        return Files.createDirectories(dir.resolve("cache"));
    }

    @Test
    void explode_unpacksEveryEntry_intoADirectoryNamedAfterSizeAndTime() throws IOException {
        Path war = war("WEB-INF/web.xml", "<web-app/>", "META-INF/standalone/lib/a.jar", "jar");
        Path exploded = Bootstrap.explode(war, cache());
        assertThat(exploded.getFileName().toString())
                .isEqualTo("war-" + Files.size(war) + "-" + Files.getLastModifiedTime(war).toMillis());
        assertThat(exploded.resolve("WEB-INF/web.xml")).hasContent("<web-app/>");
        assertThat(exploded.resolve("META-INF/standalone/lib/a.jar")).hasContent("jar");
    }

    @Test
    void explode_secondTime_reusesTheFirstCopy() throws IOException {
        Path war = war("WEB-INF/web.xml", "<web-app/>");
        Path first = Bootstrap.explode(war, cache());
        Files.writeString(first.resolve("marker"), "left by the first launch");
        assertThat(Bootstrap.explode(war, cache())).isEqualTo(first);
        assertThat(first.resolve("marker")).exists();
    }

    @Test
    void explode_ofAChangedWar_unpacksAFreshCopy() throws IOException {
        Path war = war("WEB-INF/web.xml", "<web-app/>");
        Path first = Bootstrap.explode(war, cache());
        Files.setLastModifiedTime(war, FileTime.fromMillis(Files.getLastModifiedTime(war).toMillis() + 5000));
        assertThat(Bootstrap.explode(war, cache())).isNotEqualTo(first).isDirectory();
    }

    @Test
    void explode_concurrentLaunches_allGetTheSameCompleteCopy_andLeaveNoPartials() throws Exception {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            entries.add("WEB-INF/classes/C" + i + ".class");
            entries.add("content " + i);
        }
        Path war = war(entries.toArray(String[]::new));
        Path cache = cache();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Path>> launches = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                launches.add(() -> Bootstrap.explode(war, cache));
            }
            List<Path> results = new ArrayList<>();
            for (Future<Path> result : pool.invokeAll(launches)) {
                results.add(result.get());
            }
            assertThat(results).containsOnly(results.get(0));
            try (Stream<Path> files = Files.list(results.get(0).resolve("WEB-INF/classes"))) {
                assertThat(files.count()).isEqualTo(200);
            }
            try (Stream<Path> children = Files.list(cache)) {
                assertThat(children).containsExactly(results.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void explode_refusesEntriesThatEscapeTheDirectory() throws IOException {
        Path war = war("../escaped.txt", "gotcha");
        assertThatThrownBy(() -> Bootstrap.explode(war, cache()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("outside the archive");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        try (Stream<Path> children = Files.list(cache())) {
            assertThat(children).isEmpty();
        }
    }

    @Test
    void classPath_putsContainerFirst_thenWebappJars_thenClassesIfAny() throws IOException {
        Path exploded = dir.resolve("exploded");
        Files.createDirectories(exploded.resolve("META-INF/standalone/lib"));
        Files.createDirectories(exploded.resolve("WEB-INF/lib"));
        Files.createDirectories(exploded.resolve("WEB-INF/classes"));
        Files.writeString(exploded.resolve("META-INF/standalone/lib/tomcat.jar"), "");
        Files.writeString(exploded.resolve("WEB-INF/lib/b.jar"), "");
        Files.writeString(exploded.resolve("WEB-INF/lib/a.jar"), "");
        Files.writeString(exploded.resolve("WEB-INF/lib/notes.txt"), "");
        assertThat(relative(exploded, Bootstrap.classPath(exploded))).as("an empty WEB-INF/classes is left out")
                .containsExactly("META-INF/standalone/lib/tomcat.jar", "WEB-INF/lib/a.jar", "WEB-INF/lib/b.jar");

        Files.writeString(exploded.resolve("WEB-INF/classes/A.class"), "");
        assertThat(relative(exploded, Bootstrap.classPath(exploded))).containsExactly(
                "META-INF/standalone/lib/tomcat.jar", "WEB-INF/lib/a.jar", "WEB-INF/lib/b.jar", "WEB-INF/classes");
        assertThat(Bootstrap.joined(List.of(Path.of("/w/a.jar"), Path.of("/w/b c.jar")))).as("as `java -cp` takes it")
                .isEqualTo("/w/a.jar" + java.io.File.pathSeparator + "/w/b c.jar");
    }

    private static List<String> relative(Path root, List<Path> entries) {
        return entries.stream().map(entry -> root.relativize(entry).toString()).toList();
    }

    @Test
    void classPath_ofAWarWithoutContainer_saysToDeployIt() throws IOException {
        Path exploded = Files.createDirectories(dir.resolve("exploded/WEB-INF/classes")).getParent().getParent();
        assertThatThrownBy(() -> Bootstrap.classPath(exploded))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no embedded container");
    }

    @Test
    void cacheProperty_overridesTheCacheDirectory() throws IOException {
        Path chosen = dir.resolve("chosen");
        String before = System.setProperty(Bootstrap.CACHE_PROPERTY, chosen.toString());
        try {
            assertThat(Bootstrap.cacheRoot()).isEqualTo(chosen).isDirectory();
        } finally {
            if (before == null) {
                System.clearProperty(Bootstrap.CACHE_PROPERTY);
            } else {
                System.setProperty(Bootstrap.CACHE_PROPERTY, before);
            }
        }
    }

    @Test
    void cacheRoot_isTheUsersPrivateFolder_andOneOthersCouldWriteInOrOwnIsRefused() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String user = System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_");
        Path root = tmp.resolve("testfarm-" + user);
        String before = System.setProperty("java.io.tmpdir", tmp.toString());
        try {
            assertThat(Bootstrap.cacheRoot()).isEqualTo(root);
            assertThat(Files.getPosixFilePermissions(root)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Bootstrap.cacheRoot()).as("found again, and ours").isEqualTo(root);

            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwx---"));
            assertThatThrownBy(Bootstrap::cacheRoot).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("writable by others");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));

            UserPrincipal nobody;
            try {
                nobody = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
                Files.setOwner(root, nobody);
            } catch (IOException e) {
                return; // only root can give a folder away: the rest was checked
            }
            assertThatThrownBy(Bootstrap::cacheRoot).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("belongs to someone else");
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
    }

    @Test
    void removeUnused_removesCopiesNoJvmHolds_keepsHeldOldAndCurrentOnes() throws Exception {
        Path cache = cache();
        Path free = copy(cache, "war-1-1", true);
        Path held = copy(cache, "war-2-2", true);
        Path older = copy(cache, "war-3-3", false); // made before copies had lock files
        Path current = copy(cache, "war-4-4", true);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        try (ChildJvm holder = ChildJvm.start(tmp, List.of("-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), cache.resolve("war-2-2.lock").toString()))) {
            assertThat(holder.nextLine(java.time.Duration.ofSeconds(50))).isEqualTo("held");
            assertThat(Bootstrap.removeUnused(cache, current)).isEqualTo(1);
            assertThat(free).doesNotExist();
            assertThat(held.resolve("WEB-INF/web.xml")).isRegularFile();
        }
        assertThat(Bootstrap.removeUnused(cache, current)).as("once its JVM is gone").isEqualTo(1);
        assertThat(held).doesNotExist();
        assertThat(older.resolve("WEB-INF/web.xml")).isRegularFile();
        assertThat(current.resolve("WEB-INF/web.xml")).isRegularFile();
        assertThat(cache.resolve("war-1-1.lock")).isRegularFile();
    }

    @Test
    void hold_thenExplode_aCopyHeldByThisJvmIsNeverRemoved() throws IOException {
        Path war = war("WEB-INF/web.xml", "<web-app/>");
        Path cache = cache();
        Bootstrap.hold(Bootstrap.copyOf(war, cache));
        Path exploded = Bootstrap.explode(war, cache);
        assertThat(Bootstrap.removeUnused(cache, cache.resolve("war-other"))).isZero();
        assertThat(exploded.resolve("WEB-INF/web.xml")).isRegularFile();
    }

    private static Path copy(Path cache, String name, boolean locked) throws IOException {
        Path copy = Files.createDirectories(cache.resolve(name).resolve("WEB-INF"));
        Files.writeString(copy.resolve("web.xml"), "<web-app/>");
        if (locked) {
            Files.createFile(cache.resolve(name + ".lock"));
        }
        return cache.resolve(name);
    }
}
