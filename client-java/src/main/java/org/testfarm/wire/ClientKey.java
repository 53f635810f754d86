package org.testfarm.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.testfarm.TestFarmException;

/**
 * A client's secret key, as {@code testfarm addclient} prints it:
 * {@value #PREFIX} followed by 32 bytes in unpadded base64url. It signs the
 * client's reports (see {@link RequestSignature}); it never travels itself.
 */
public final class ClientKey {

    public static final String PREFIX = "tf1.";
    public static final int BYTES = 32;
    /** The environment variable holding a client's key. */
    public static final String KEY_ENV = "TESTFARM_KEY";
    /** The environment variable naming a file that holds a client's key. */
    public static final String KEY_FILE_ENV = "TESTFARM_KEY_FILE";

    private final byte[] secret;

    private ClientKey(byte[] secret) {
        this.secret = secret.clone();
    }

    /** The key whose secret is {@code secret} (exactly {@value #BYTES} bytes). */
    public static ClientKey of(byte[] secret) {
        if (secret.length != BYTES) {
            throw new IllegalArgumentException("a client key has " + BYTES + " bytes, not " + secret.length);
        }
        return new ClientKey(secret);
    }

    /**
     * Reads the printed form; surrounding blanks are ignored.
     *
     * @throws TestFarmException saying what is wrong, without echoing the text
     */
    public static ClientKey parse(String text) {
        String key = text == null ? "" : text.strip();
        if (!key.startsWith(PREFIX)) {
            throw new TestFarmException("a TestFarm client key starts with '" + PREFIX
                    + "' (as 'testfarm addclient' prints it); this one does not");
        }
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(key.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new TestFarmException("a TestFarm client key is '" + PREFIX + "' and base64url text;"
                    + " this one has other characters");
        }
        if (secret.length != BYTES) {
            throw new TestFarmException("a TestFarm client key holds " + BYTES + " bytes; this one holds "
                    + secret.length + " (was it cut short?)");
        }
        return new ClientKey(secret);
    }

    /** Reads a key file: the printed form, alone in the file. */
    public static ClientKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TestFarmException("cannot read the key file " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (TestFarmException e) {
            throw new TestFarmException("the key file " + file + " is not a key: " + e.getMessage(), e);
        }
    }

    /**
     * The key the environment gives: the variable {@value #KEY_ENV} (the key's
     * text), else {@value #KEY_FILE_ENV} (a file holding it).
     */
    public static Optional<ClientKey> fromEnvironment(Map<String, String> environment) {
        String text = environment.get(KEY_ENV);
        if (text != null && !text.isBlank()) {
            try {
                return Optional.of(parse(text));
            } catch (TestFarmException e) {
                throw new TestFarmException("the environment variable " + KEY_ENV + " is not a key: "
                        + e.getMessage(), e);
            }
        }
        String file = environment.get(KEY_FILE_ENV);
        return file == null || file.isBlank() ? Optional.empty() : Optional.of(read(Path.of(file.strip())));
    }

    /** The printed form: {@value #PREFIX} and the base64url secret. */
    public String text() {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    byte[] secret() {
        return secret.clone();
    }

    /** Never the secret itself: keys end up in logs through toString. */
    @Override
    public String toString() {
        return "ClientKey[" + PREFIX + "...]";
    }
}
