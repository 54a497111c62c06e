package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class KeyGeneratorTest {

    @Test
    void makesKeysOfTheAskedTypeAndSize() {
        DkimKey rsa = KeyGenerator.generate(KeySpec.rsa(1024));
        DkimKey ed25519 = KeyGenerator.generate(KeySpec.ed25519());

        assertEquals(KeyType.RSA, rsa.type());
        assertEquals(1024, rsa.bits());
        assertEquals(KeyType.ED25519, ed25519.type());
        assertEquals(256, ed25519.bits());
        assertNotEquals(ed25519.fingerprint(), KeyGenerator.generate(KeySpec.ed25519()).fingerprint(), "every key is new");
    }

    @Test
    void makesKeysOffTheCallersThread() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            DkimKey key = KeyGenerator.generateAsync(KeySpec.DEFAULT, background).get();
            assertEquals(2048, key.bits());
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void offersOnlySizesReceiversAccept() {
        assertThrows(IllegalArgumentException.class, () -> KeySpec.rsa(512));
        assertThrows(IllegalArgumentException.class, () -> KeySpec.rsa(8192));
        assertThrows(IllegalArgumentException.class, () -> new KeySpec(KeyType.ED25519, 2048));
        assertEquals(KeySpec.rsa(2048), KeySpec.DEFAULT);
    }
}
