package org.mailwright.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Makes DKIM key pairs on this machine with the Java runtime's own providers: Ed25519 from its
 * generator, RSA from primes searched for on every processor ({@link RsaKeyPairs}). RSA 4096 can
 * take seconds, so callers with a window use {@link #generateAsync}.
 */
public final class KeyGenerator {

    private KeyGenerator() {
    }

    /**
     * Makes a key now: the calling thread waits for it (an RSA key's primes are searched for on as
     * many threads as there are processors).
     */
    public static DkimKey generate(KeySpec spec) {
        try {
            KeyPair pair;
            if (spec.type() == KeyType.RSA) {
                pair = RsaKeyPairs.generate(spec.bits(), Runtime.getRuntime().availableProcessors());
            } else {
                pair = Ed25519Provider.keyPairGenerator().generateKeyPair();
            }
            return DkimKey.of(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The Java runtime cannot make " + spec.type() + " keys.", e);
        }
    }

    /**
     * Makes a key on {@code executor}. Cancelling the future discards the key as soon as it is
     * made (the runtime's key generation itself cannot be interrupted).
     */
    public static CompletableFuture<DkimKey> generateAsync(KeySpec spec, Executor executor) {
        return CompletableFuture.supplyAsync(() -> generate(spec), executor);
    }
}
