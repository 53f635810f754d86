package org.testfarm.server.auth;

import java.nio.file.Path;
import java.util.Optional;

import org.testfarm.event.ClientRef;
import org.testfarm.store.ClientAccess;
import org.testfarm.store.ClientAccess.Access;
import org.testfarm.wire.ClientKey;
import org.testfarm.wire.RequestSignature;

/**
 * The clients' keys of one log tree. A key is never stored: it is derived,
 * HMAC-SHA256(master key, project, client, generation), from the master key kept
 * in the tree's private folder, so the server can check a signature and the admin
 * can issue a new key (the next generation) that revokes the old one.
 */
public final class KeyRing {

    private final ClientAccess access;
    private final byte[] master;

    private KeyRing(ClientAccess access) {
        this.access = access;
        this.master = access.masterKey();
    }

    /** The key ring of the log tree at {@code root}, whose master key is made now if it has none. */
    public static KeyRing of(Path root) {
        return new KeyRing(ClientAccess.of(root));
    }

    /** How {@code client} may report, or empty when it is not registered. */
    public Optional<Access> access(ClientRef client) {
        return access.access(client);
    }

    /** The key of {@code client} at {@code generation}. */
    public ClientKey key(ClientRef client, int generation) {
        return ClientKey.of(RequestSignature.hmac(master, "testfarm client key\n" + client.project() + "\n"
                + client.client() + "\n" + generation));
    }

    /** The current key of a registered client. */
    public ClientKey currentKey(ClientRef client) {
        return key(client, require(client).generation());
    }

    /** Gives a registered client a new key, the next generation; the old one stops working. */
    public ClientKey rotate(ClientRef client) {
        Access now = require(client);
        Access next = new Access(now.generation() + 1, now.legacyUnsigned());
        access.record(client, next);
        return key(client, next.generation());
    }

    /** Lets a registered client report unsigned, or not; its key is unchanged. */
    public void legacyUnsigned(ClientRef client, boolean allowed) {
        Access now = require(client);
        access.record(client, new Access(now.generation(), allowed));
    }

    private Access require(ClientRef client) {
        return access.access(client)
                .orElseThrow(() -> new org.testfarm.store.ClientNotFoundException(client.project(), client.client()));
    }
}
