package org.testfarm.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

import org.testfarm.event.ClientRef;

/**
 * The server's private key material in a log tree, under {@code .testfarm/keys/}:
 * the master key (32 random bytes, made on first use, readable by its owner only)
 * and, for each client, how it may report: the generation of its key (its key is
 * derived from the master key, its name and this number, so bumping it revokes
 * the old key) and whether it may report unsigned. Nothing here is a client's key.
 */
public final class ClientAccess {

    /** How one client may report. */
    public record Access(int generation, boolean legacyUnsigned) {

        /** A client registered before keys existed: generation 0, no unsigned reports. */
        public static final Access NONE = new Access(0, false);
    }

    private static final int MASTER_BYTES = 32;

    private final TreeLayout layout;

    private ClientAccess(Path root) {
        this.layout = new TreeLayout(root);
    }

    public static ClientAccess of(Path root) {
        return new ClientAccess(root);
    }

    /** The master key, made now if the tree has none yet. */
    public byte[] masterKey() {
        Path file = layout.masterKey();
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                create(file);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != MASTER_BYTES) {
                throw new StoreException("the master key " + file + " has " + key.length + " bytes, not "
                        + MASTER_BYTES + ": restore it from a backup (a new one would change every client's key)",
                        null);
            }
            return key;
        } catch (IOException e) {
            throw new StoreException("cannot read the master key " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.getParent();
        privateDirectory(dir.getParent());
        privateDirectory(dir);
        byte[] key = new byte[MASTER_BYTES];
        new SecureRandom().nextBytes(key);
        Path temp = dir.resolve("." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temp, key);
            ownerOnly(temp, "rw-------");
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE); // never over a key made meanwhile
            } catch (FileAlreadyExistsException made) {
                return;
            }
            AtomicFile.forceDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * How {@code ref} may report, or empty when it is not a registered client.
     *
     * @throws InvalidNameException when a name is not a safe segment
     */
    public Optional<Access> access(ClientRef ref) {
        if (!Files.isRegularFile(layout.clientMetadata(ref), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path file = layout.clientAccess(ref);
        try {
            return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8), file));
        } catch (NoSuchFileException e) {
            return Optional.of(Access.NONE);
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records how {@code ref}, a registered client, may report. */
    public void record(ClientRef ref, Access access) {
        if (!Files.isRegularFile(layout.clientMetadata(ref), LinkOption.NOFOLLOW_LINKS)) {
            throw new ClientNotFoundException(ref.project(), ref.client());
        }
        Path file = layout.clientAccess(ref);
        try {
            privateDirectory(layout.serviceDir());
            privateDirectory(layout.keysDir());
            privateDirectory(file.getParent());
            AtomicFile.write(file, ("generation=" + access.generation() + "\nlegacy-unsigned="
                    + access.legacyUnsigned() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Access parse(String text, Path file) {
        Integer generation = null;
        Boolean legacy = null;
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            String name = eq < 0 ? line.strip() : line.substring(0, eq).strip();
            String value = eq < 0 ? "" : line.substring(eq + 1).strip();
            try {
                if (name.equals("generation")) {
                    generation = Integer.parseInt(value);
                } else if (name.equals("legacy-unsigned") && (value.equals("true") || value.equals("false"))) {
                    legacy = Boolean.parseBoolean(value);
                }
            } catch (NumberFormatException e) {
                break;
            }
        }
        if (generation == null || generation < 0 || legacy == null) {
            throw new StoreException(file + " is damaged: it must hold generation=N and legacy-unsigned=true|false",
                    null);
        }
        return new Access(generation, legacy);
    }

    private static void privateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL, inherited from the log directory, is what protects it
        }
    }
}
