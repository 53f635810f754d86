package org.testfarm.client;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.testfarm.TestFarmException;
import org.testfarm.wire.ClientKey;

/**
 * Where a client's key comes from, first found first: the one given to
 * {@link FarmClient#key}, the configuration's {@value #KEY} (the key's text) or
 * {@value #KEY_FILE} (a file holding it), then the environment's
 * {@code TESTFARM_KEY} or {@code TESTFARM_KEY_FILE}.
 */
final class KeySource {

    static final String KEY = "testfarm.key";
    static final String KEY_FILE = "testfarm.key_file";

    private KeySource() {}

    static Optional<ClientKey> find(ClientKey given, ClientConfig config, Map<String, String> environment) {
        if (given != null) {
            return Optional.of(given);
        }
        Optional<String> text = config.get(KEY).filter(value -> !value.isBlank());
        if (text.isPresent()) {
            try {
                return Optional.of(ClientKey.parse(text.get()));
            } catch (TestFarmException e) {
                throw new TestFarmException("the configuration's " + KEY + " is not a key: " + e.getMessage(), e);
            }
        }
        Optional<String> file = config.get(KEY_FILE).filter(value -> !value.isBlank());
        if (file.isPresent()) {
            return Optional.of(ClientKey.read(Path.of(file.get().strip())));
        }
        return ClientKey.fromEnvironment(environment);
    }
}
