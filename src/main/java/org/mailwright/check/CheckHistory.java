package org.mailwright.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mailwright.dns.DomainName;
import org.mailwright.files.AtomicFiles;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;

/**
 * Every check of a domain, kept in the data folder ({@code checks/<domain>.jsonl}, one JSON
 * object per check, the newest last, at most {@value #KEPT} of them), so the page and the CLI can
 * say what changed since the last check: which findings are new and which are fixed. A finding is
 * the same finding when its id and its English message are; a line that does not read is skipped,
 * never fatal.
 */
public final class CheckHistory {

    public static final String FOLDER = "checks";
    /** The checks kept per domain: enough to see a trend, few enough to read at once. */
    public static final int KEPT = 50;
    /** The most a history file may weigh when read; a larger one is someone else's file. */
    static final int MAX_BYTES = 4 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(64 * 1024).build())
            .build();

    private final Path folder;

    public CheckHistory(Path dataFolder) {
        this.folder = Objects.requireNonNull(dataFolder, "dataFolder").resolve(FOLDER);
    }

    /** The languages a remembered finding's message is kept in, so a fixed one reads in the user's language. */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    /**
     * A finding as remembered: enough to tell it from another and to show it again.
     *
     * @param message its message in English, which with the id tells one finding from another
     * @param messages its message in each language kept, by language tag ({@code es}); English among them
     */
    public record Mark(String id, Severity severity, String message, Map<String, String> messages) {
        public Mark {
            messages = Map.copyOf(messages);
        }

        static Mark of(Finding finding) {
            Map<String, String> messages = new LinkedHashMap<>();
            LANGUAGES.forEach(language -> messages.put(language.getLanguage(), finding.message(language)));
            return new Mark(finding.id(), finding.severity(), finding.message(Locale.ENGLISH), messages);
        }

        /** The message in {@code locale}'s language when it was kept, else in English. */
        public String message(Locale locale) {
            return messages.getOrDefault(locale.getLanguage(), message);
        }

        /** What makes it the same finding in two checks: its id and its words. */
        String identity() {
            return id + "\n" + message;
        }
    }

    /**
     * One check as remembered.
     *
     * @param selectors the DKIM selectors whose key the check found, tried first by the next check
     */
    public record Entry(Instant checkedAt, String grade, int score, List<Mark> findings, List<String> selectors) {
        public Entry {
            findings = List.copyOf(findings);
            selectors = List.copyOf(selectors);
        }
    }

    /**
     * What changed between two checks.
     *
     * @param since when the earlier check was made
     * @param appeared the findings of the later check that the earlier did not have (passes left out)
     * @param fixed the findings of the earlier check that the later no longer has (passes left out)
     */
    public record Changes(Instant since, List<Mark> appeared, List<Mark> fixed) {
        public Changes {
            appeared = List.copyOf(appeared);
            fixed = List.copyOf(fixed);
        }

        public boolean isEmpty() {
            return appeared.isEmpty() && fixed.isEmpty();
        }
    }

    /** The checks of {@code domain}, oldest first; empty when it was never checked. */
    public List<Entry> entries(DomainName domain) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file(domain), LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException none) {
            return List.of();
        }
        if (bytes.length > MAX_BYTES) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                read(line).ifPresent(entries::add);
            }
        }
        return entries;
    }

    /** The last check of {@code domain}, if there is one. */
    public Optional<Entry> last(DomainName domain) throws IOException {
        List<Entry> entries = entries(domain);
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    /** Keeps {@code report} as the newest check of its domain, forgetting the oldest beyond {@value #KEPT}. */
    public synchronized void record(HealthReport report) throws IOException {
        List<Entry> entries = new ArrayList<>(entries(report.domain()));
        entries.add(entryOf(report));
        List<Entry> kept = entries.subList(Math.max(0, entries.size() - KEPT), entries.size());
        StringBuilder text = new StringBuilder();
        for (Entry entry : kept) {
            text.append(write(entry)).append('\n');
        }
        AtomicFiles.createOwnerOnlyFolders(folder);
        AtomicFiles.write(file(report.domain()), text.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.OWNER_ONLY, true);
    }

    /** What {@code now} has that {@code before} had not, and the reverse; passes are no news. */
    public static Changes compare(Entry before, HealthReport now) {
        List<Mark> earlier = withoutPasses(before.findings());
        List<Mark> later = withoutPasses(entryOf(now).findings());
        Set<String> earlierKeys = earlier.stream().map(Mark::identity).collect(Collectors.toSet());
        Set<String> laterKeys = later.stream().map(Mark::identity).collect(Collectors.toSet());
        List<Mark> appeared = later.stream().filter(mark -> !earlierKeys.contains(mark.identity())).toList();
        List<Mark> fixed = earlier.stream().filter(mark -> !laterKeys.contains(mark.identity())).toList();
        return new Changes(before.checkedAt(), appeared, fixed);
    }

    static Entry entryOf(HealthReport report) {
        return new Entry(report.checkedAt(), report.scorecard().grade().name(), report.scorecard().score(),
                report.findings().stream().map(Mark::of).toList(), report.dkimSelectorsFound());
    }

    private static List<Mark> withoutPasses(List<Mark> marks) {
        return marks.stream().filter(mark -> mark.severity() != Severity.PASS).toList();
    }

    private Path file(DomainName domain) {
        return folder.resolve(domain.ascii() + ".jsonl");
    }

    private static String write(Entry entry) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("checked_at", entry.checkedAt().toString());
            json.writeStringField("grade", entry.grade());
            json.writeNumberField("score", entry.score());
            writeMarks(json, entry.findings());
            json.writeArrayFieldStart("selectors");
            for (String selector : entry.selectors()) {
                json.writeString(selector);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return text.toString();
    }

    /** {@code "findings":[{"id","severity","message","messages":{"es":...}}]}: findings as kept. */
    private static void writeMarks(JsonGenerator json, List<Mark> marks) throws IOException {
        json.writeArrayFieldStart("findings");
        for (Mark mark : marks) {
            json.writeStartObject();
            json.writeStringField("id", mark.id());
            json.writeStringField("severity", mark.severity().jsonName());
            json.writeStringField("message", mark.message());
            json.writeObjectFieldStart("messages");
            for (Map.Entry<String, String> message : mark.messages().entrySet()) {
                json.writeStringField(message.getKey(), message.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** One line read back; empty when it is not a check this class wrote. */
    private static Optional<Entry> read(String line) {
        try (JsonParser json = FACTORY.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Instant checkedAt = null;
            String grade = null;
            int score = -1;
            List<Mark> marks = new ArrayList<>();
            List<String> selectors = new ArrayList<>();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "checked_at" -> checkedAt = Instant.parse(json.getValueAsString(""));
                    case "grade" -> grade = json.getValueAsString();
                    case "score" -> score = json.getValueAsInt(-1);
                    case "findings" -> {
                        if (value != JsonToken.START_ARRAY) {
                            return Optional.empty();
                        }
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            readMark(json).ifPresent(marks::add);
                        }
                    }
                    case "selectors" -> {
                        if (value != JsonToken.START_ARRAY) {
                            return Optional.empty();
                        }
                        for (JsonToken next = json.nextToken(); next == JsonToken.VALUE_STRING; next = json.nextToken()) {
                            selectors.add(json.getText());
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            return checkedAt == null || grade == null || score < 0 ? Optional.empty()
                    : Optional.of(new Entry(checkedAt, grade, score, marks, selectors));
        } catch (IOException | DateTimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<Mark> readMark(JsonParser json) throws IOException {
        String id = null;
        String severity = null;
        String message = null;
        Map<String, String> messages = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "id" -> id = json.getValueAsString();
                case "severity" -> severity = json.getValueAsString();
                case "message" -> message = json.getValueAsString();
                case "messages" -> {
                    if (value != JsonToken.START_OBJECT) {
                        return Optional.empty();
                    }
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String language = json.currentName();
                        json.nextToken();
                        if (messages.size() < LANGUAGES.size()) {
                            messages.put(language, json.getValueAsString(""));
                        } else {
                            json.skipChildren();
                        }
                    }
                }
                default -> json.skipChildren();
            }
        }
        Optional<Severity> parsed = Optional.ofNullable(severity).flatMap(CheckHistory::severity);
        return id == null || message == null || parsed.isEmpty() ? Optional.empty()
                : Optional.of(new Mark(id, parsed.get(), message, messages));
    }

    private static Optional<Severity> severity(String name) {
        for (Severity severity : Severity.values()) {
            if (severity.jsonName().equals(name)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
