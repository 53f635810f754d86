package org.testfarm.server.bench;

import java.security.SecureRandom;
import java.util.Map;

import org.testfarm.event.ClientRef;
import org.testfarm.wire.ClientKey;
import org.testfarm.wire.RequestSignature;

/**
 * What checking a signature costs the server per request: the body's SHA-256 and
 * the HMAC of the signed lines, as {@code ClientGuard.verify} computes them, for
 * bodies of typical report sizes (BENCHMARKS.md, "Signed reports").
 */
public final class SigningCost {

    public static void main(String[] args) {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[ClientKey.BYTES];
        random.nextBytes(secret);
        ClientKey key = ClientKey.of(secret);
        ClientRef client = new ClientRef("example project", "linux");
        String keyId = RequestSignature.keyId(client);
        String type = "multipart/form-data; boundary=x";
        for (int size : new int[] {300, 2_048, 65_536, 1 << 20}) {
            byte[] body = new byte[size];
            random.nextBytes(body);
            Map<String, String> headers = RequestSignature.headers(key, client, "POST", "commandEnds", "", type, body,
                    1_764_000_000L);
            int rounds = Math.max(200, (int) (400_000_000L / Math.max(size, 2_048) / 50));
            long checked = 0;
            long best = Long.MAX_VALUE;
            for (int pass = 0; pass < 5; pass++) {
                long start = System.nanoTime();
                for (int i = 0; i < rounds; i++) {
                    String canonical = RequestSignature.canonical("POST", "commandEnds", "", type, keyId,
                            1_764_000_000L, headers.get(RequestSignature.NONCE), RequestSignature.sha256Hex(body));
                    checked += RequestSignature.verify(key, canonical, headers.get(RequestSignature.SIGNATURE)) ? 1 : 0;
                }
                best = Math.min(best, (System.nanoTime() - start) / rounds);
            }
            System.out.printf("body %8d bytes: %8.1f us per check (best of 5 passes of %d; %d checked)%n", size,
                    best / 1000.0, rounds, checked);
        }
    }
}
