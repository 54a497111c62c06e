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
 * name and algorithm in {@code publish/zones.properties}, and the key's secret alone in
 * {@code publish/tsig/ZONE}, one file per zone. Both are written atomically, never through a
 * symbolic link, and readable by the user alone (mode 0600 from the moment the file exists, in
 * folders made 0700, where the file system has POSIX permissions); a secret is read back without
 * following a link. The
 * secret is never logged or shown: the window shows {@link TsigKey#fingerprint()}.
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
    /** One writer at a time for the settings file, which every zone shares: its writes read it first. */
    private static final Object WRITING = new Object();

    private final Path folder;

    /** The store in {@code dataFolder} (it may not exist yet). */
    public ZoneAccessStore(Path dataFolder) {
        this.folder = Objects.requireNonNull(dataFolder, "dataFolder").resolve(FOLDER);
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
     * Remembers {@code access} and the secret of {@code key}, which must be the key it names.
     *
     * @return the secret file's mode, such as {@code rw-------}; empty where the file system has no POSIX permissions
     * @throws IOException when a file cannot be written, or the folder or a file is a symbolic link
     *     ({@link org.mailwright.files.LinkRefusedException})
     */
    public Optional<String> save(ZoneAccess access, TsigKey key) throws IOException {
        if (!access.names(key)) {
            throw new IllegalArgumentException("The key " + key.name() + " (" + key.algorithm().id()
                    + ") is not the one the settings name.");
        }
        byte[] secret = (key.secretBase64() + "\n").getBytes(StandardCharsets.US_ASCII);
        synchronized (WRITING) {
            try {
                AtomicFiles.createOwnerOnlyFolders(secretFile(access.zone()).getParent());
                Optional<String> mode = AtomicFiles.write(secretFile(access.zone()), secret, AtomicFiles.OWNER_ONLY, true);
                Properties settings = settings();
                String zone = access.zone().ascii();
                settings.setProperty(zone + SERVER, access.primary().toString());
                settings.setProperty(zone + KEY, access.keyName().ascii());
                settings.setProperty(zone + ALGORITHM, access.algorithm().id());
                writeSettings(settings);
                return mode;
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
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
     * @throws ProblemException when the file holds no secret Mailwright wrote
     * @throws IOException when it cannot be read, or is a symbolic link
     */
    public Optional<TsigKey> key(ZoneAccess access) throws IOException {
        Path file = secretFile(access.zone());
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
        try {
            return Optional.of(TsigKeyFile.parse(new String(bytes, StandardCharsets.US_ASCII),
                    Optional.of(access.keyName().ascii()), Optional.of(access.algorithm())));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Forgets {@code zone}: its settings and its secret file. */
    public void forget(DomainName zone) throws IOException {
        synchronized (WRITING) {
            Files.deleteIfExists(secretFile(zone));
            Properties settings = settings();
            String name = zone.ascii();
            List<String> keys = List.of(name + SERVER, name + KEY, name + ALGORITHM);
            if (keys.stream().anyMatch(settings::containsKey)) {
                settings.keySet().removeAll(keys);
                writeSettings(settings);
            }
        }
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
        settings.store(text, "Mailwright: where each zone's dynamic updates go. The TSIG secrets are in "
                + SECRETS_FOLDER + "/, one file per zone, readable by you alone.");
        AtomicFiles.write(folder.resolve(SETTINGS_FILE), text.toString().getBytes(StandardCharsets.UTF_8),
                AtomicFiles.OWNER_ONLY, true);
    }
}
