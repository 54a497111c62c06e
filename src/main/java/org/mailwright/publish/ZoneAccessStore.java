package org.mailwright.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ServerAddress;
import org.mailwright.files.AtomicFiles;
import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * The publishing settings of each zone, in the data folder: where its updates go and the key's
 * name and algorithm in {@code publish/zones.properties}, and the key's secret in the keyring (the
 * freedesktop Secret Service, through {@link SecretService}) where one answers, else alone in
 * {@code publish/tsig/ZONE}, one file per zone. The settings record which ({@code ZONE.secret=keyring}
 * or {@code file}; settings written before the keyring was used say nothing and mean the file), so
 * a secret is read from where it is and forgetting deletes it from both. Files are written
 * atomically, never through a symbolic link, and readable by the user alone (mode 0600 from the
 * moment the file exists, in folders made 0700, where the file system has POSIX permissions); a
 * secret is read back without following a link. The secret is never logged or shown: the window
 * shows {@link TsigKey#fingerprint()}.
 */
public final class ZoneAccessStore {

    /** The folder, in the data folder, of the settings and the secrets. */
    public static final String FOLDER = "publish";
    /** The file of the settings without the secrets. */
    public static final String SETTINGS_FILE = "zones.properties";
    /** The folder of the secrets, one file per zone named as the zone. */
    public static final String SECRETS_FOLDER = "tsig";

    private static final String SERVER = ".server";
    private static final String KEY = ".key";
    private static final String ALGORITHM = ".algorithm";
    private static final String SECRET = ".secret";
    /** One writer at a time for the settings file, which every zone shares: its writes read it first. */
    private static final Object WRITING = new Object();

    private final Path folder;
    private final SecretService keyring;
    private final SecretPlace preferred;

    /**
     * Where a secret went when it was saved.
     *
     * @param place the keyring or the file
     * @param mode the file's mode, such as {@code rw-------}; empty for the keyring, and where the file
     *     system has no POSIX permissions
     * @param keyringRefusal why the keyring, which answered when asked, did not keep the secret (for
     *     the log; never the secret); empty when it kept it or was not asked
     */
    public record Saved(SecretPlace place, Optional<String> mode, Optional<String> keyringRefusal) {

        public Saved {
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(keyringRefusal, "keyringRefusal");
        }
    }

    /**
     * The store in {@code dataFolder} (it may not exist yet), with this session's keyring, new
     * secrets going where {@link SecretPlace#preferred} says from the system property and the
     * environment.
     */
    public ZoneAccessStore(Path dataFolder) {
        this(dataFolder, SecretService.forThisSession(),
                SecretPlace.preferred(System.getProperty(SecretPlace.PROPERTY), System.getenv()));
    }

    /**
     * The store in {@code dataFolder}, with {@code keyring} for the secrets kept there.
     *
     * @param preferred where new secrets go: {@link SecretPlace#KEYRING} when it answers (else the
     *     file), or always {@link SecretPlace#FILE}. Secrets already in the keyring are read and
     *     deleted there either way.
     */
    public ZoneAccessStore(Path dataFolder, SecretService keyring, SecretPlace preferred) {
        this.folder = Objects.requireNonNull(dataFolder, "dataFolder").resolve(FOLDER);
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.preferred = Objects.requireNonNull(preferred, "preferred");
    }

    /** The folder of the settings file and the secrets. */
    public Path folder() {
        return folder;
    }

    /** The file that holds {@code zone}'s secret. */
    public Path secretFile(DomainName zone) {
        return folder.resolve(SECRETS_FOLDER).resolve(zone.ascii());
    }

    /**
     * Remembers {@code access} and the secret of {@code key}, which must be the key it names: the
     * secret in the keyring when it is preferred and answers, else in the zone's file. A file left
     * from before is deleted once the keyring holds the secret, and an item left in the keyring is
     * deleted once the file does.
     *
     * @throws IOException when a file cannot be written, or the folder or a file is a symbolic link
     *     ({@link org.mailwright.files.LinkRefusedException})
     */
    public Saved save(ZoneAccess access, TsigKey key) throws IOException {
        if (!access.names(key)) {
            throw new IllegalArgumentException("The key " + key.name() + " (" + key.algorithm().id()
                    + ") is not the one the settings name.");
        }
        DomainName zone = access.zone();
        byte[] secret = key.secretBase64();
        synchronized (WRITING) {
            try {
                Properties settings = settings();
                SecretPlace before = recorded(settings, zone);
                Optional<String> refusal = Optional.empty();
                boolean inKeyring = false;
                if (preferred == SecretPlace.KEYRING && keyring.unavailableBecause().isEmpty()) {
                    try {
                        keyring.store(zone, secret);
                        inKeyring = true;
                    } catch (SecretServiceException refused) {
                        refusal = Optional.of(refused.getMessage());
                    }
                }
                Saved saved = inKeyring ? new Saved(SecretPlace.KEYRING, Optional.empty(), Optional.empty())
                        : new Saved(SecretPlace.FILE, writeSecretFile(zone, secret), refusal);
                settings.setProperty(zone.ascii() + SERVER, access.primary().toString());
                settings.setProperty(zone.ascii() + KEY, access.keyName().ascii());
                settings.setProperty(zone.ascii() + ALGORITHM, access.algorithm().id());
                settings.setProperty(zone.ascii() + SECRET, saved.place().id());
                writeSettings(settings);
                if (inKeyring) {
                    Files.deleteIfExists(secretFile(zone));
                } else if (before == SecretPlace.KEYRING) {
                    clearLeftover(zone);
                }
                return saved;
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    private Optional<String> writeSecretFile(DomainName zone, byte[] secret) throws IOException {
        byte[] line = Arrays.copyOf(secret, secret.length + 1);
        line[secret.length] = '\n';
        try {
            AtomicFiles.createOwnerOnlyFolders(secretFile(zone).getParent());
            return AtomicFiles.write(secretFile(zone), line, AtomicFiles.OWNER_ONLY, true);
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }

    /**
     * Deletes the keyring's item of a zone whose secret is now in its file. The file and the
     * settings are already right, so a keyring that fails now does not undo the save: {@link
     * #forget} tries the keyring again.
     */
    private void clearLeftover(DomainName zone) {
        try {
            keyring.clear(zone);
        } catch (IOException stillThere) {
            // Left for forget(), which deletes it where the keyring answers then.
        }
    }

    /** What is remembered for exactly {@code zone}. */
    public Optional<ZoneAccess> load(DomainName zone) throws IOException {
        Properties settings = settings();
        String name = zone.ascii();
        String server = settings.getProperty(name + SERVER);
        String key = settings.getProperty(name + KEY);
        Optional<TsigAlgorithm> algorithm = TsigAlgorithm.parse(settings.getProperty(name + ALGORITHM));
        Optional<DomainName> keyName = DomainName.parse(key).name();
        if (server == null || keyName.isEmpty() || algorithm.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ZoneAccess(zone, ServerAddress.parse(server), keyName.get(), algorithm.get()));
        } catch (IllegalArgumentException edited) {
            // Someone edited the file into something that is no address: nothing is remembered.
            return Optional.empty();
        }
    }

    /** What is remembered for the closest zone that holds {@code name}: itself, else its parent, and so up. */
    public Optional<ZoneAccess> closest(DomainName name) throws IOException {
        for (Optional<DomainName> zone = Optional.of(name); zone.isPresent(); zone = zone.get().parent()) {
            Optional<ZoneAccess> found = load(zone.get());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The secret remembered for {@code access}'s zone, as its key; empty when none is.
     *
     * @throws ProblemException when the file or the keyring's item holds no secret Mailwright wrote
     * @throws SecretServiceException when the secret is in the keyring and the keyring failed or did
     *     not answer in time
     * @throws IOException when the file cannot be read, or is a symbolic link
     */
    public Optional<TsigKey> key(ZoneAccess access) throws IOException {
        DomainName zone = access.zone();
        Optional<byte[]> kept = recorded(settings(), zone) == SecretPlace.KEYRING ? keyring.lookup(zone)
                : readSecretFile(zone);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = kept.get();
        try {
            return Optional.of(TsigKeyFile.parse(new String(bytes, StandardCharsets.US_ASCII),
                    Optional.of(access.keyName().ascii()), Optional.of(access.algorithm())));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private Optional<byte[]> readSecretFile(DomainName zone) throws IOException {
        Path file = secretFile(zone);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(TsigKeyFile.MAX_BYTES + 1);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
        if (bytes.length > TsigKeyFile.MAX_BYTES) {
            Arrays.fill(bytes, (byte) 0);
            throw new ProblemException(new Problem("publish.key.too-large", file.toString(), TsigKeyFile.MAX_BYTES));
        }
        return Optional.of(bytes);
    }

    /**
     * Forgets {@code zone}: its settings, its secret file, and its item in the keyring, when the
     * settings put the secret there or new secrets may go there (an item left from an earlier save).
     * The settings and the file go first, so a keyring that fails leaves only its own item.
     *
     * @throws SecretServiceException when the keyring did not delete the item, or did not answer in
     *     time: the settings and the file are forgotten, the item is still there
     */
    public void forget(DomainName zone) throws IOException {
        synchronized (WRITING) {
            Files.deleteIfExists(secretFile(zone));
            Properties settings = settings();
            boolean inKeyring = recorded(settings, zone) == SecretPlace.KEYRING;
            String name = zone.ascii();
            List<String> keys = List.of(name + SERVER, name + KEY, name + ALGORITHM, name + SECRET);
            if (keys.stream().anyMatch(settings::containsKey)) {
                settings.keySet().removeAll(keys);
                writeSettings(settings);
            }
            if (inKeyring || preferred == SecretPlace.KEYRING && keyring.unavailableBecause().isEmpty()) {
                keyring.clear(zone);
            }
        }
    }

    /** Where {@code zone}'s secret was saved: the file when the settings do not say, as before the keyring was used. */
    private static SecretPlace recorded(Properties settings, DomainName zone) {
        return SecretPlace.parse(settings.getProperty(zone.ascii() + SECRET)).orElse(SecretPlace.FILE);
    }

    private Properties settings() throws IOException {
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(folder.resolve(SETTINGS_FILE), LinkOption.NOFOLLOW_LINKS)) {
            settings.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (NoSuchFileException none) {
            // Nothing remembered yet.
        }
        return settings;
    }

    private void writeSettings(Properties settings) throws IOException {
        StringWriter text = new StringWriter();
        settings.store(text, "Mailwright: where each zone's dynamic updates go. ZONE.secret says where its TSIG secret is:"
                + " keyring (the Secret Service) or file (in " + SECRETS_FOLDER + "/, readable by you alone).");
        AtomicFiles.write(folder.resolve(SETTINGS_FILE), text.toString().getBytes(StandardCharsets.UTF_8),
                AtomicFiles.OWNER_ONLY, true);
    }
}
