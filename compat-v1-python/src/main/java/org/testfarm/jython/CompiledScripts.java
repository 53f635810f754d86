package org.testfarm.jython;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.python.core.BytecodeLoader;
import org.python.core.PyCode;
import org.python.core.PySystemState;
import org.python.core.imp;

/**
 * The scripts' compiled code, kept between runs: compiling a script means
 * loading and warming up Jython's parser and code generator, about a second
 * of CPU that a volunteer's script, run again and again unchanged, need not
 * pay each time. Kept in {@code <cache>/scripts/}, keyed by the script's path,
 * size and modification time and by the Jython version; without a usable cache
 * folder the script is simply compiled.
 */
final class CompiledScripts {

    /** What Jython names the class it compiles module {@code __main__} to. */
    private static final String CLASS_NAME = "__main__$py";

    private CompiledScripts() {
    }

    /** The code of {@code script}; a syntax error raises the usual Python SyntaxError. */
    static PyCode load(Path script) throws IOException {
        Path source = script.toAbsolutePath();
        String filename = script.toString();
        Optional<Path> cached = cacheFile(source);
        if (cached.isPresent() && Files.isRegularFile(cached.get())) {
            try {
                return BytecodeLoader.makeCode(CLASS_NAME, Files.readAllBytes(cached.get()), filename);
            } catch (RuntimeException | IOException | LinkageError unusable) {
                Files.deleteIfExists(cached.get());
            }
        }
        byte[] compiled;
        try (InputStream in = Files.newInputStream(source)) {
            compiled = imp.compileSource("__main__", in, filename, Files.getLastModifiedTime(source).toMillis());
        }
        cached.ifPresent(file -> store(file, compiled));
        return BytecodeLoader.makeCode(CLASS_NAME, compiled, filename);
    }

    private static void store(Path file, byte[] compiled) {
        try {
            Files.createDirectories(file.getParent());
            Path fresh = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(fresh, compiled);
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException ignored) {
            // compiled again next time
        }
    }

    private static Optional<Path> cacheFile(Path source) {
        if (System.getenv("TESTFARM_V1_NO_SCRIPT_CACHE") != null) {
            return Optional.empty();
        }
        try {
            String key = source + "|" + Files.size(source) + "|" + Files.getLastModifiedTime(source).toMillis()
                    + "|" + PySystemState.version + "|" + Launcher.class.getProtectionDomain().getCodeSource()
                    .getLocation();
            String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)), 0, 20) + ".class";
            return FastStart.cacheFolder().map(folder -> folder.resolve("scripts").resolve(name));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
