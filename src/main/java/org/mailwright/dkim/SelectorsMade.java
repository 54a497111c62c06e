package org.mailwright.dkim;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.mailwright.files.AtomicFiles;

/**
 * The DKIM selectors of the keys made here (by {@code dkim keygen} or the DKIM wizard), per
 * domain, newest first, in {@code dkim-selectors.properties} in the data folder: the health check
 * tries them before guessing. Names only, never a key.
 */
public final class SelectorsMade {

    public static final String FILE = "dkim-selectors.properties";
    /** The selectors kept per domain: a rotation a year for a decade and more. */
    static final int KEPT = 16;
    /** A file larger than this is not Mailwright's: it is read as empty. */
    static final int MAX_BYTES = 1 << 20;

    private final Path file;

    public SelectorsMade(Path dataFolder) {
        this.file = Objects.requireNonNull(dataFolder, "dataFolder").resolve(FILE);
    }

    /** Remembers that a key was made for {@code selector} at {@code domain}. */
    public synchronized void add(String domain, String selector) throws IOException {
        Properties all = read();
        String key = domain.toLowerCase(Locale.ROOT);
        List<String> selectors = new ArrayList<>(List.of(selector.toLowerCase(Locale.ROOT)));
        split(all.getProperty(key)).stream().filter(known -> !selectors.contains(known)).forEach(selectors::add);
        all.setProperty(key, String.join(",", selectors.subList(0, Math.min(KEPT, selectors.size()))));
        StringWriter text = new StringWriter();
        all.store(text, "Mailwright: the DKIM selectors of the keys made here, per domain, newest first.");
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY, true);
    }

    /** The selectors of the keys made here for {@code domain}, newest first. */
    public List<String> of(String domain) throws IOException {
        return split(read().getProperty(domain.toLowerCase(Locale.ROOT)));
    }

    private Properties read() throws IOException {
        Properties all = new Properties();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException none) {
            return all;
        }
        if (bytes.length <= MAX_BYTES) {
            all.load(new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        }
        return all;
    }

    private static List<String> split(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
