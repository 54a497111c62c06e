package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ServerAddress;
import org.mailwright.files.LinkRefusedException;

/**
 * The zones' publishing settings in the data folder: what is saved is read back, the secret sits
 * in a file of its own readable by the user alone and nowhere else, nothing is written through a
 * symbolic link, and zones are named as DNS names them.
 */
class ZoneAccessStoreTest {

    private static final String SECRET = "9pmoSV2o9ZDlx3mpxqaNaLH9WlPd3MLhqkNhdrr9Mr0=";
    private static final TsigKey KEY = new TsigKey(DomainName.of("mailwright"), TsigAlgorithm.HMAC_SHA256,
            Base64.getDecoder().decode(SECRET));
    private static final ZoneAccess ACCESS = new ZoneAccess(DomainName.of("example.test"),
            ServerAddress.parse("127.0.0.1:5454"), DomainName.of("mailwright"), TsigAlgorithm.HMAC_SHA256);

    @TempDir
    Path data;

    @Test
    void whatIsSavedIsReadBackAndTheSecretIsInItsOwnFileOnly() throws Exception {
        ZoneAccessStore store = new ZoneAccessStore(data);

        store.save(ACCESS, KEY);

        assertEquals(Optional.of(ACCESS), store.load(DomainName.of("example.test")));
        assertEquals(Optional.of(KEY), store.key(ACCESS));
        Path settings = data.resolve("publish").resolve("zones.properties");
        assertFalse(Files.readString(settings, StandardCharsets.UTF_8).contains(SECRET.substring(0, 12)),
                "the settings file holds no secret");
        assertEquals(SECRET + "\n", Files.readString(data.resolve("publish/tsig/example.test"), StandardCharsets.US_ASCII));
        assertEquals(Optional.of(ACCESS), new ZoneAccessStore(data).load(DomainName.of("example.test")), "a next run reads it");
    }

    @Test
    void theSecretFileIsTheOwnersAloneFromTheStart() throws Exception {
        Assumptions.assumeTrue(Files.getFileStore(data).supportsFileAttributeView("posix"), "no POSIX permissions here");
        ZoneAccessStore store = new ZoneAccessStore(data);

        ZoneAccessStore.Saved saved = store.save(ACCESS, KEY);

        assertEquals(new ZoneAccessStore.Saved(SecretPlace.FILE, Optional.of("rw-------"), Optional.empty()), saved);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.secretFile(ACCESS.zone()))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                data.resolve("publish/zones.properties"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                store.secretFile(ACCESS.zone()).getParent())), "the secrets' folder lists its files to the user alone");
        try (var left = Files.list(store.secretFile(ACCESS.zone()).getParent())) {
            assertEquals(1, left.count(), "no temporary file is left beside the secret");
        }
    }

    @Test
    void aSymbolicLinkIsNeverWrittenThroughNorReadFrom() throws Exception {
        Path elsewhere = Files.createDirectory(data.resolve("elsewhere"));
        Path publish = Files.createDirectory(data.resolve("publish"));
        Files.createSymbolicLink(publish.resolve("tsig"), elsewhere);
        ZoneAccessStore store = new ZoneAccessStore(data);

        assertThrows(LinkRefusedException.class, () -> store.save(ACCESS, KEY));
        try (var written = Files.list(elsewhere)) {
            assertEquals(0, written.count(), "nothing landed where the link leads");
        }

        Files.delete(publish.resolve("tsig"));
        Path tsig = Files.createDirectory(publish.resolve("tsig"));
        Path planted = Files.writeString(elsewhere.resolve("secret"), SECRET + "\n");
        Files.createSymbolicLink(tsig.resolve("example.test"), planted);
        assertThrows(LinkRefusedException.class, () -> store.save(ACCESS, KEY));
        assertEquals(SECRET + "\n", Files.readString(planted), "the file the link leads to is untouched");
        assertThrows(IOException.class, () -> store.key(ACCESS), "a secret is not read through a link");
    }

    @Test
    void zonesAreNamedAsDnsNamesThemAndTheClosestOneHoldsAName() throws Exception {
        ZoneAccessStore store = new ZoneAccessStore(data);
        ZoneAccess typed = new ZoneAccess(DomainName.of("Example.TEST."), ACCESS.primary(), DomainName.of("MailWright."),
                TsigAlgorithm.HMAC_SHA256);

        store.save(typed, KEY);

        assertTrue(Files.exists(data.resolve("publish/tsig/example.test")));
        assertEquals(Optional.of(ACCESS), store.load(DomainName.of("example.test")));
        assertEquals(Optional.of(ACCESS), store.closest(DomainName.of("_dmarc.example.test")));
        assertEquals(Optional.of(ACCESS), store.closest(DomainName.of("sel._domainkey.example.test")));
        assertEquals(Optional.empty(), store.closest(DomainName.of("example.org")));
        assertEquals(Optional.empty(), store.closest(DomainName.of("test")));
    }

    @Test
    void forgettingRemovesTheSettingsAndTheSecretOfThatZoneOnly() throws Exception {
        ZoneAccessStore store = new ZoneAccessStore(data);
        ZoneAccess other = new ZoneAccess(DomainName.of("example.org"), ACCESS.primary(), ACCESS.keyName(), ACCESS.algorithm());
        store.save(ACCESS, KEY);
        store.save(other, KEY);

        store.forget(DomainName.of("example.test"));

        assertEquals(Optional.empty(), store.load(DomainName.of("example.test")));
        assertFalse(Files.exists(store.secretFile(DomainName.of("example.test"))));
        assertEquals(Optional.empty(), store.key(ACCESS));
        assertEquals(Optional.of(other), store.load(DomainName.of("example.org")));
        assertEquals(Optional.of(KEY), store.key(other));
    }

    @Test
    void aKeyThatIsNotTheOneTheSettingsNameIsRefused() {
        ZoneAccess sha512 = new ZoneAccess(ACCESS.zone(), ACCESS.primary(), ACCESS.keyName(), TsigAlgorithm.HMAC_SHA512);

        assertThrows(IllegalArgumentException.class, () -> new ZoneAccessStore(data).save(sha512, KEY));
        assertFalse(Files.exists(data.resolve("publish")), "nothing is written");
    }

    @Test
    void aZoneAsLongAsDnsAllowsGetsItsSecretFile() throws Exception {
        String label = "a".repeat(63);
        DomainName longest = DomainName.of(label + "." + label + "." + label + "." + "b".repeat(61));
        ZoneAccess access = new ZoneAccess(longest, ACCESS.primary(), ACCESS.keyName(), ACCESS.algorithm());
        ZoneAccessStore store = new ZoneAccessStore(data);

        store.save(access, KEY);

        assertEquals(Optional.of(KEY), store.key(access));
    }
}
