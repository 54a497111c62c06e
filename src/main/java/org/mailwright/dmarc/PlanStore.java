package org.mailwright.dmarc;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.mailwright.dns.DomainName;

/**
 * Keeps one rollout plan per domain, each in a small properties file {@code <domain>.properties}
 * in a directory the caller chooses, so the app can say at start which stage is due. The file
 * holds what the plan is made from (domain, report addresses, start, ladder; {@code ruf} only when
 * there are failure report addresses, so older files still read) and the progress
 * (current stage, since when); the stages themselves are rebuilt from those, so a plan saved by an
 * older version gets the current wording and criteria.
 */
public final class PlanStore {

    /** The folder of the plans inside the user's data folder. */
    public static final String FOLDER = "plans";

    private static final String SUFFIX = ".properties";
    private static final String FORMAT = "1";

    private final Path directory;

    public PlanStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The plans kept in {@code dataFolder}, where the window saves them and the command line reads them. */
    public static PlanStore in(Path dataFolder) {
        return new PlanStore(dataFolder.resolve(FOLDER));
    }

    public Path directory() {
        return directory;
    }

    /** Saves the plan, replacing any earlier one of the same domain; creates the directory if needed. */
    public void save(SavedPlan saved) throws IOException {
        Files.createDirectories(directory);
        RolloutPlan plan = saved.plan();
        String text = "# Mailwright DMARC rollout plan for " + plan.domain() + "\n"
                + "format=" + FORMAT + "\n"
                + "domain=" + plan.domain() + "\n"
                + "rua=" + uriList(plan.aggregateReports()) + "\n"
                + (plan.failureReports().isEmpty() ? "" : "ruf=" + uriList(plan.failureReports()) + "\n")
                + "start=" + plan.start() + "\n"
                + "legacyPct=" + plan.legacyPercentages() + "\n"
                + "stage=" + saved.currentStage() + "\n"
                + "since=" + saved.currentSince() + "\n";
        Path file = file(plan.domain());
        Path temporary = Files.createTempFile(directory, "." + plan.domain(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The plan saved for {@code domain}, if any.
     *
     * @throws IOException when the file cannot be read or is not a plan this version understands
     */
    public Optional<SavedPlan> load(String domain) throws IOException {
        Path file = file(DomainName.of(domain).ascii());
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(read(file, properties));
    }

    /** Every saved plan, by domain name; files that are not plans are left alone. */
    public List<SavedPlan> list() throws IOException {
        List<SavedPlan> plans = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return plans;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String domain = name.substring(0, name.length() - SUFFIX.length());
                if (DomainName.isValid(domain)) {
                    load(domain).ifPresent(plans::add);
                }
            }
        }
        plans.sort((a, b) -> a.domain().compareTo(b.domain()));
        return plans;
    }

    /** Forgets the plan of {@code domain}; true if there was one. */
    public boolean delete(String domain) throws IOException {
        return Files.deleteIfExists(file(DomainName.of(domain).ascii()));
    }

    /** Canonical names are lower-case A-labels, so they are safe file names on every platform. */
    private Path file(String canonicalDomain) {
        return directory.resolve(canonicalDomain + SUFFIX);
    }

    private static SavedPlan read(Path file, Properties properties) throws IOException {
        if (!FORMAT.equals(properties.getProperty("format"))) {
            throw new IOException(file + " is not a rollout plan this version of Mailwright can read.");
        }
        try {
            List<ReportUri> rua = uris("rua", required(properties, "rua"));
            String failure = properties.getProperty("ruf", "").strip();
            List<ReportUri> ruf = failure.isEmpty() ? List.of() : uris("ruf", failure);
            RolloutPlan plan = RolloutPlan.create(required(properties, "domain"), rua, ruf,
                    LocalDate.parse(required(properties, "start")),
                    Boolean.parseBoolean(required(properties, "legacyPct")));
            int stage = Integer.parseInt(required(properties, "stage"));
            plan.stage(stage);
            return new SavedPlan(plan, stage, LocalDate.parse(required(properties, "since")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException(file + " is damaged (" + e.getMessage() + ").", e);
        }
    }

    private static String uriList(List<ReportUri> uris) {
        return String.join(",", uris.stream().map(ReportUri::toString).toList());
    }

    /** A saved list: commas inside a URI are escaped (%2C), so the commas here only separate. */
    private static List<ReportUri> uris(String key, String list) {
        List<ReportUri> uris = new ArrayList<>();
        for (String uri : list.split(",")) {
            uris.add(ReportUri.parse(uri).orElseThrow(() -> new IllegalArgumentException("bad " + key + " " + uri)));
        }
        return uris;
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + key);
        }
        return value.strip();
    }
}
