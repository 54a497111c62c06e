package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ServerAddress;

/**
 * The store against a real Secret Service: GNOME Keyring on a D-Bus session bus of the test's own
 * ({@link PrivateKeyring}), reached through the real {@code secret-tool}. A secret saved is in the
 * keyring and in no file, read back, and forgotten; a file from before is deleted once the keyring
 * holds the secret; files preferred keep the keyring empty. Skipped, saying so, where dbus,
 * gnome-keyring or libsecret-tools is not installed.
 */
class SecretServiceKeyringTest {

    private static final DomainName ZONE = DomainName.of("example.test");
    private static final TsigKey KEY = new TsigKey(DomainName.of("mailwright"), TsigAlgorithm.HMAC_SHA256,
            Base64.getDecoder().decode("9pmoSV2o9ZDlx3mpxqaNaLH9WlPd3MLhqkNhdrr9Mr0="));
    private static final ZoneAccess ACCESS = new ZoneAccess(ZONE, ServerAddress.parse("127.0.0.1:5454"),
            DomainName.of("mailwright"), TsigAlgorithm.HMAC_SHA256);

    /** Started by the first test that runs, so each test that cannot run is reported skipped with the reason. */
    private static PrivateKeyring keyring;

    @TempDir
    Path data;

    private static PrivateKeyring keyring() {
        if (keyring == null) {
            keyring = PrivateKeyring.start();
        }
        return keyring;
    }

    @AfterAll
    static void stopKeyring() {
        if (keyring != null) {
            keyring.close();
        }
    }

    private static Optional<String> item() throws Exception {
        return keyring().service().lookup(ZONE).map(bytes -> new String(bytes, StandardCharsets.US_ASCII));
    }

    @Test
    void aSecretSavedIsInTheKeyringAndNoFileAndIsReadBackThenForgotten() throws Exception {
        ZoneAccessStore store = new ZoneAccessStore(data, keyring().service(), SecretPlace.KEYRING);

        ZoneAccessStore.Saved saved = store.save(ACCESS, KEY);

        assertEquals(SecretPlace.KEYRING, saved.place(), saved + "\n" + keyring().logs());
        assertEquals(Optional.of("9pmoSV2o9ZDlx3mpxqaNaLH9WlPd3MLhqkNhdrr9Mr0="), item(), "the keyring holds the Base64 secret");
        assertFalse(Files.exists(store.secretFile(ZONE)), "no secret file");
        String settings = Files.readString(data.resolve("publish/zones.properties"), StandardCharsets.UTF_8);
        assertTrue(settings.contains("example.test.secret=keyring"), settings);
        assertEquals(Optional.of(KEY), new ZoneAccessStore(data, keyring().service(), SecretPlace.KEYRING).key(ACCESS),
                "a next run reads it from the keyring");

        store.forget(ZONE);

        assertEquals(Optional.empty(), item());
        assertEquals(Optional.empty(), store.load(ZONE));
        assertEquals(Optional.empty(), store.key(ACCESS));
    }

    @Test
    void aFileFromBeforeIsDeletedOnceTheKeyringHoldsTheSecret() throws Exception {
        ZoneAccessStore files = new ZoneAccessStore(data, keyring().service(), SecretPlace.FILE);
        assertEquals(SecretPlace.FILE, files.save(ACCESS, KEY).place());
        assertEquals(Optional.empty(), item(), "files preferred: nothing in the keyring");
        assertTrue(Files.exists(files.secretFile(ZONE)));

        ZoneAccessStore store = new ZoneAccessStore(data, keyring().service(), SecretPlace.KEYRING);
        assertEquals(SecretPlace.KEYRING, store.save(ACCESS, KEY).place());

        assertFalse(Files.exists(files.secretFile(ZONE)), "the file is gone");
        assertEquals(Optional.of(KEY), store.key(ACCESS));
        store.forget(ZONE);
        assertEquals(Optional.empty(), item());
    }

    @Test
    void aLockedKeyringLeavesNewSecretsInTheirFileAndDoesNotPassForEmpty() throws Exception {
        // A keyring of its own: a locked one cannot be unlocked here for the other tests.
        try (PrivateKeyring locked = PrivateKeyring.start()) {
            ZoneAccessStore store = new ZoneAccessStore(data, locked.service(), SecretPlace.KEYRING);
            ZoneAccess other = new ZoneAccess(DomainName.of("example.org"), ACCESS.primary(), ACCESS.keyName(), ACCESS.algorithm());
            assertEquals(SecretPlace.KEYRING, store.save(ACCESS, KEY).place());
            locked.lock();

            ZoneAccessStore.Saved saved = store.save(other, KEY);

            assertEquals(SecretPlace.FILE, saved.place(), saved + "\n" + locked.logs());
            assertTrue(saved.keyringRefusal().orElseThrow().contains("locked"), saved.toString());
            assertEquals(Optional.of(KEY), store.key(other), "the file holds it");
            SecretServiceException unread = assertThrows(SecretServiceException.class, () -> store.key(ACCESS));
            assertTrue(unread.getMessage().endsWith("its item is there, locked"), unread.getMessage());
            assertThrows(SecretServiceException.class, () -> store.forget(ZONE), "a locked item is not reported deleted");
            assertEquals(Optional.empty(), store.load(ZONE), "the settings are forgotten all the same");
        }
    }

    @Test
    void anItemIsReplacedNotAddedToAndOtherZonesKeepTheirs() throws Exception {
        ZoneAccessStore store = new ZoneAccessStore(data, keyring().service(), SecretPlace.KEYRING);
        ZoneAccess other = new ZoneAccess(DomainName.of("example.org"), ACCESS.primary(), ACCESS.keyName(), ACCESS.algorithm());
        TsigKey newer = new TsigKey(KEY.name(), KEY.algorithm(), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        store.save(ACCESS, KEY);
        store.save(other, KEY);

        store.save(ACCESS, newer);

        assertEquals(Optional.of(newer), store.key(ACCESS));
        assertArrayEquals(newer.secretBase64(), keyring().service().lookup(ZONE).orElseThrow());
        store.forget(ZONE);
        assertEquals(Optional.of(KEY), store.key(other), "forgetting one zone leaves the other's item");
        store.forget(other.zone());
        assertEquals(Optional.empty(), keyring().service().lookup(other.zone()));
    }
}
