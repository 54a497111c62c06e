package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ServerAddress;
import org.mailwright.publish.FakeSecretTool.Behaviour;

/**
 * The keyring as the store uses it, through a stand-in for {@code secret-tool} that writes down
 * what it was given: the secret reaches it on standard input and never on the command line, the
 * settings say where each secret is, a file is left behind by neither move, and every way a
 * keyring fails (none there, no session bus, no answer, a refusal, a flood) ends with the secret
 * in its file or a clear failure, never a hang.
 */
class SecretServiceTest {

    private static final String SECRET = "9pmoSV2o9ZDlx3mpxqaNaLH9WlPd3MLhqkNhdrr9Mr0=";
    private static final DomainName ZONE = DomainName.of("example.test");
    private static final TsigKey KEY = new TsigKey(DomainName.of("mailwright"), TsigAlgorithm.HMAC_SHA256,
            Base64.getDecoder().decode(SECRET));
    private static final ZoneAccess ACCESS = new ZoneAccess(ZONE, ServerAddress.parse("127.0.0.1:5454"),
            DomainName.of("mailwright"), TsigAlgorithm.HMAC_SHA256);

    @TempDir
    Path temporary;
    private Path data;
    private FakeSecretTool fake;

    @BeforeEach
    void setUp() {
        data = temporary.resolve("data");
        fake = new FakeSecretTool(temporary.resolve("keyring"));
    }

    private ZoneAccessStore store(Behaviour behaviour, SecretPlace preferred) {
        return new ZoneAccessStore(data, fake.service(behaviour), preferred);
    }

    private String settings() throws Exception {
        return Files.readString(data.resolve("publish/zones.properties"), StandardCharsets.UTF_8);
    }

    @Test
    void theSecretGoesOnStandardInputOnlyAndNoFileIsWritten() throws Exception {
        ZoneAccessStore store = store(Behaviour.WORKS, SecretPlace.KEYRING);

        ZoneAccessStore.Saved saved = store.save(ACCESS, KEY);

        assertEquals(new ZoneAccessStore.Saved(SecretPlace.KEYRING, Optional.empty(), Optional.empty()), saved);
        assertEquals(Optional.of(SECRET), fake.item("example.test"), "the item is exactly what came on standard input");
        List<List<String>> calls = fake.calls();
        assertEquals(List.of("store", "--label=Mailwright: TSIG secret for example.test", "application", "mailwright",
                "zone", "example.test"), calls.get(calls.size() - 1));
        for (List<String> call : calls) {
            for (String argument : call) {
                assertFalse(argument.contains(SECRET.substring(0, 8)), "no argument holds the secret: " + call);
            }
        }
        assertFalse(Files.exists(store.secretFile(ZONE)), "no secret file");
        assertFalse(Files.exists(store.secretFile(ZONE).getParent()), "not even the secrets' folder");
        assertTrue(settings().contains("example.test.secret=keyring"), settings());
        assertFalse(settings().contains(SECRET.substring(0, 12)));

        assertEquals(Optional.of(ACCESS), store.load(ZONE));
        assertEquals(Optional.of(KEY), store.key(ACCESS));
    }

    @Test
    void forgettingDeletesTheItemAndTheSettings() throws Exception {
        ZoneAccessStore store = store(Behaviour.WORKS, SecretPlace.KEYRING);
        store.save(ACCESS, KEY);

        store.forget(ZONE);

        assertEquals(Optional.empty(), fake.item("example.test"));
        assertEquals(Optional.empty(), store.load(ZONE));
        assertFalse(settings().contains("example.test"), settings());
        assertEquals(Optional.empty(), store.key(ACCESS));
    }

    @Test
    void movingToTheKeyringDeletesTheFileAndMovingBackDeletesTheItem() throws Exception {
        ZoneAccessStore files = store(Behaviour.WORKS, SecretPlace.FILE);
        ZoneAccessStore keyring = store(Behaviour.WORKS, SecretPlace.KEYRING);
        assertEquals(SecretPlace.FILE, files.save(ACCESS, KEY).place());
        assertTrue(Files.exists(files.secretFile(ZONE)));
        assertTrue(fake.calls().isEmpty(), "files preferred: the keyring is not even asked");

        assertEquals(SecretPlace.KEYRING, keyring.save(ACCESS, KEY).place());
        assertFalse(Files.exists(files.secretFile(ZONE)), "the file from before is gone");
        assertEquals(Optional.of(SECRET), fake.item("example.test"));

        assertEquals(SecretPlace.FILE, files.save(ACCESS, KEY).place());
        assertEquals(Optional.empty(), fake.item("example.test"), "the item from before is gone");
        assertEquals(SECRET + "\n", Files.readString(files.secretFile(ZONE), StandardCharsets.US_ASCII));
        assertTrue(settings().contains("example.test.secret=file"), settings());
    }

    @Test
    void aSecretInTheKeyringIsReadAndForgottenThereWhenFilesArePreferredNow() throws Exception {
        store(Behaviour.WORKS, SecretPlace.KEYRING).save(ACCESS, KEY);
        ZoneAccessStore files = store(Behaviour.WORKS, SecretPlace.FILE);

        assertEquals(Optional.of(KEY), files.key(ACCESS));
        files.forget(ZONE);

        assertEquals(Optional.empty(), fake.item("example.test"));
    }

    @Test
    void settingsFromBeforeTheKeyringMeanTheFile() throws Exception {
        store(Behaviour.WORKS, SecretPlace.FILE).save(ACCESS, KEY);
        Path settings = data.resolve("publish/zones.properties");
        Files.writeString(settings, settings().replace("example.test.secret=file\n", ""), StandardCharsets.UTF_8);

        assertEquals(Optional.of(KEY), store(Behaviour.WORKS, SecretPlace.KEYRING).key(ACCESS));
        assertTrue(fake.calls().isEmpty(), "the keyring was not asked for a secret that is in the file");
    }

    @Test
    void withoutASessionBusTheFileIsUsedAndNothingRuns() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(fake.environment(Behaviour.WORKS));
        environment.remove("DBUS_SESSION_BUS_ADDRESS");
        environment.put("XDG_RUNTIME_DIR", temporary.toString());
        SecretService service = new SecretService(environment, Duration.ofSeconds(5));

        assertTrue(service.unavailableBecause().orElseThrow().contains("no D-Bus session bus"));
        assertEquals(SecretPlace.FILE, new ZoneAccessStore(data, service, SecretPlace.KEYRING).save(ACCESS, KEY).place());
        assertTrue(fake.calls().isEmpty(), "secret-tool never ran: without a bus libsecret would start one of its own");
    }

    @Test
    void aBusInTheRuntimeFolderIsASessionBus() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(fake.environment(Behaviour.WORKS));
        environment.remove("DBUS_SESSION_BUS_ADDRESS");
        environment.put("XDG_RUNTIME_DIR", temporary.toString());
        Files.createFile(temporary.resolve("bus"));

        assertEquals(Optional.empty(), new SecretService(environment, Duration.ofSeconds(5)).unavailableBecause());
    }

    @Test
    void withoutSecretToolTheFileIsUsed() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(fake.environment(Behaviour.WORKS));
        environment.put("PATH", temporary.resolve("nothing-here").toString());
        SecretService service = new SecretService(environment, Duration.ofSeconds(5));

        assertTrue(service.unavailableBecause().orElseThrow().contains("secret-tool is not on the PATH"));
        ZoneAccessStore.Saved saved = new ZoneAccessStore(data, service, SecretPlace.KEYRING).save(ACCESS, KEY);
        assertEquals(SecretPlace.FILE, saved.place());
        assertEquals(Optional.empty(), saved.keyringRefusal(), "no keyring is no refusal");
    }

    @Test
    void aBusWithoutASecretServiceMeansTheFile() throws Exception {
        SecretService service = fake.service(Behaviour.NO_SERVICE);

        assertTrue(service.unavailableBecause().orElseThrow().contains("org.freedesktop.secrets was not provided"),
                service.unavailableBecause().toString());
        ZoneAccessStore.Saved saved = new ZoneAccessStore(data, service, SecretPlace.KEYRING).save(ACCESS, KEY);
        assertEquals(SecretPlace.FILE, saved.place());
        assertEquals(Optional.empty(), saved.keyringRefusal());
        assertEquals(List.of("lookup", "application", "mailwright", "availability", "probe"), fake.calls().get(0),
                "only a lookup that matches nothing was tried");
    }

    @Test
    void aKeyringThatDoesNotAnswerIsGivenUpAndTheFileKeepsTheSecret() throws Exception {
        ZoneAccessStore store = new ZoneAccessStore(data, fake.service(Behaviour.STORE_HANGS, Duration.ofMillis(700)),
                SecretPlace.KEYRING);
        long start = System.nanoTime();

        ZoneAccessStore.Saved saved = store.save(ACCESS, KEY);

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0, "given up in time");
        assertEquals(SecretPlace.FILE, saved.place());
        assertTrue(saved.keyringRefusal().orElseThrow().contains("did not answer within"), saved.toString());
        assertFalse(saved.keyringRefusal().get().contains(SECRET.substring(0, 8)));
        assertTrue(settings().contains("example.test.secret=file"), settings());
        assertEquals(Optional.of(KEY), store.key(ACCESS));
    }

    @Test
    void aLockedKeyringLeavesTheSecretInTheFileAndSaysWhy() throws Exception {
        ZoneAccessStore.Saved saved = store(Behaviour.LOCKED, SecretPlace.KEYRING).save(ACCESS, KEY);

        assertEquals(SecretPlace.FILE, saved.place());
        assertEquals(Optional.of("The keyring did not keep the secret of example.test: secret-tool ended with status 1"
                + " (secret-tool: Cannot create an item in a locked collection)"), saved.keyringRefusal());
        assertTrue(Files.exists(data.resolve("publish/tsig/example.test")));
    }

    @Test
    void aLockedItemIsNotTakenForNoItem() throws Exception {
        store(Behaviour.WORKS, SecretPlace.KEYRING).save(ACCESS, KEY);
        ZoneAccessStore locked = store(Behaviour.LOCKED, SecretPlace.KEYRING);

        SecretServiceException unread = assertThrows(SecretServiceException.class, () -> locked.key(ACCESS));
        assertEquals("The keyring did not give the secret of example.test: its item is there, locked", unread.getMessage());
        SecretServiceException kept = assertThrows(SecretServiceException.class, () -> locked.forget(ZONE));
        assertEquals("The keyring did not delete the secret of example.test: its item is there, locked", kept.getMessage());
        assertEquals(Optional.of(SECRET), fake.item("example.test"));

        assertEquals(Optional.empty(), fake.service(Behaviour.LOCKED).lookup(DomainName.of("example.org")),
                "a zone without an item is still none");
        assertFalse(fake.service(Behaviour.LOCKED).clear(DomainName.of("example.org")));
    }

    @Test
    void anItemLongerThanAnySecretIsRefused() throws Exception {
        store(Behaviour.WORKS, SecretPlace.KEYRING).save(ACCESS, KEY);
        ZoneAccessStore flooded = store(Behaviour.LOOKUP_FLOODS, SecretPlace.KEYRING);

        SecretServiceException refused = assertThrows(SecretServiceException.class, () -> flooded.key(ACCESS));
        assertTrue(refused.getMessage().contains("printed more than any secret"), refused.getMessage());
    }

    @Test
    void forgettingWhenTheKeyringFailsForgetsTheRestAndSaysTheItemIsStillThere() throws Exception {
        store(Behaviour.WORKS, SecretPlace.KEYRING).save(ACCESS, KEY);
        ZoneAccessStore failing = store(Behaviour.NO_SERVICE, SecretPlace.KEYRING);

        SecretServiceException failed = assertThrows(SecretServiceException.class, () -> failing.forget(ZONE));

        assertTrue(failed.getMessage().startsWith("The keyring did not delete the secret of example.test"), failed.getMessage());
        assertEquals(Optional.empty(), failing.load(ZONE), "the settings are forgotten all the same");
        assertEquals(Optional.of(SECRET), fake.item("example.test"), "the item the keyring kept is still there");
    }

    @Test
    void aKeyringThatFailsWhenAskedForTheSecretSaysSo() throws Exception {
        store(Behaviour.WORKS, SecretPlace.KEYRING).save(ACCESS, KEY);

        SecretServiceException failed = assertThrows(SecretServiceException.class,
                () -> store(Behaviour.NO_SERVICE, SecretPlace.FILE).key(ACCESS));
        assertTrue(failed.getMessage().startsWith("The keyring did not give the secret of example.test"), failed.getMessage());
    }
}
