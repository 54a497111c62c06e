package org.mailwright.publish;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * A change set as JSON, the form saved by the window, exported by every wizard and read by
 * {@code mailwright publish --changes}:
 *
 * <pre>{"zone": "example.com", "changes": [{"name": "_dmarc.example.com", "type": "TXT", "ttl": 3600,
 *   "action": "replace", "published": ["v=DMARC1; p=none"], "new": ["v=DMARC1; p=reject"]}]}</pre>
 *
 * A record is its value as a string when it is cut into 255-octet strings as usual, else the array
 * of its character-strings. {@code action} is written for readers and recomputed when read. A file
 * is foreign input: its size, depth, strings and counts are bounded, and anything wrong is one
 * sentence naming where.
 */
public final class ChangeSetJson {

    /** The largest change-set file read: a wizard writes a few kilobytes. */
    public static final int MAX_BYTES = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(8)
                    .maxStringLength(TxtData.MAX_OCTETS)
                    .maxNumberLength(20)
                    .maxDocumentLength(MAX_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ChangeSetJson() {
    }

    /** The change set as JSON text, pretty-printed: the file the window saves and {@code --changes} reads. */
    public static String write(ChangeSet changeSet) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            writeTree(json, toJson(changeSet));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toString(StandardCharsets.UTF_8) + "\n";
    }

    /** The change set as the JSON tree (maps, lists, strings, numbers) every JSON output of it shows. */
    public static Map<String, Object> toJson(ChangeSet changeSet) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("zone", changeSet.zone().ascii());
        json.put("changes", changeSet.changes().stream().map(ChangeSetJson::toJson).toList());
        return json;
    }

    /** One change: name, type, ttl, action, published and new. */
    public static Map<String, Object> toJson(RecordChange change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", change.name().ascii());
        json.put("type", change.type().name());
        json.put("ttl", change.ttl());
        json.put("action", change.action().jsonName());
        json.put("published", records(change.published()));
        json.put("new", records(change.wanted()));
        return json;
    }

    /** Records as their values, or as their strings where they are cut otherwise than usual. */
    public static List<Object> records(List<TxtData> records) {
        return records.stream().map(record -> record.isCutAsUsual() ? (Object) record.value() : record.strings()).toList();
    }

    private static void writeTree(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(entry.getKey().toString());
                writeTree(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writeTree(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else {
            json.writeString(value.toString());
        }
    }

    /**
     * Reads a change set written by {@link #write} (or by hand, or by another tool).
     *
     * @throws ProblemException saying what is wrong and where, in the user's language
     * @throws IOException when the stream cannot be read
     */
    public static ChangeSet read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new ProblemException(new Problem("publish.changes.too-large", MAX_BYTES));
        }
        String text;
        try {
            // UTF-8 as RFC 8259 section 8.1 asks, never guessed: a parser that detects UTF-16 or UTF-32 reads garbage as text.
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new ProblemException(new Problem("publish.changes.encoding"));
        }
        try (JsonParser json = FACTORY.createParser(text)) {
            return new Reader(json).changeSet();
        } catch (StreamConstraintsException tooMuch) {
            throw new ProblemException(new Problem("publish.changes.bound", tooMuch.getOriginalMessage()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException malformed) {
            JsonLocation at = malformed.getLocation();
            throw new ProblemException(new Problem("publish.changes.malformed",
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), malformed.getOriginalMessage()));
        }
    }

    /** One pass over the tokens; every structure is a loop, never a recursion on the input. */
    private static final class Reader {
        private final JsonParser json;

        Reader(JsonParser json) {
            this.json = json;
        }

        ChangeSet changeSet() throws IOException {
            expect(json.nextToken(), JsonToken.START_OBJECT, "");
            Optional<DomainName> zone = Optional.empty();
            List<RawChange> changes = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "zone" -> zone = Optional.of(name(value, "zone"));
                    case "changes" -> changes = changes(value);
                    default -> json.skipChildren();
                }
            }
            if (zone.isEmpty()) {
                throw problem("publish.changes.missing", "zone", "");
            }
            if (changes == null) {
                throw problem("publish.changes.missing", "changes", "");
            }
            if (json.nextToken() != null) {
                throw problem("publish.changes.trailing");
            }
            List<RecordChange> built = new ArrayList<>();
            for (RawChange raw : changes) {
                if (!raw.name().isAtOrBelow(zone.get())) {
                    throw new ProblemException(new Problem("publish.changes.outside-zone", raw.name().ascii(),
                            zone.get().ascii()));
                }
                if (built.stream().anyMatch(change -> change.name().equals(raw.name()))) {
                    throw new ProblemException(new Problem("publish.changes.twice", raw.name().ascii()));
                }
                built.add(new RecordChange(raw.name(), RecordType.TXT, raw.ttl(), raw.published(), raw.wanted()));
            }
            return new ChangeSet(zone.get(), built);
        }

        private List<RawChange> changes(JsonToken token) throws IOException {
            expect(token, JsonToken.START_ARRAY, "changes");
            List<RawChange> changes = new ArrayList<>();
            while (json.nextToken() != JsonToken.END_ARRAY) {
                if (changes.size() == ChangeSet.MAX_CHANGES) {
                    throw problem("publish.changes.too-many", ChangeSet.MAX_CHANGES);
                }
                changes.add(change(changes.size() + 1));
            }
            return changes;
        }

        private RawChange change(int number) throws IOException {
            String where = "changes[" + number + "]";
            expect(json.currentToken(), JsonToken.START_OBJECT, where);
            DomainName name = null;
            Long ttl = null;
            List<TxtData> published = null;
            List<TxtData> wanted = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "name" -> name = name(value, where + ".name");
                    case "type" -> {
                        expect(value, JsonToken.VALUE_STRING, where + ".type");
                        if (!json.getText().equalsIgnoreCase("TXT")) {
                            throw problem("publish.changes.type", where, json.getText());
                        }
                    }
                    case "ttl" -> {
                        expect(value, JsonToken.VALUE_NUMBER_INT, where + ".ttl");
                        long given = json.getLongValue();
                        if (given < 0 || given > RecordChange.MAX_TTL) {
                            throw problem("publish.changes.ttl", where, given);
                        }
                        ttl = given;
                    }
                    case "published" -> published = records(value, where + ".published");
                    case "new" -> wanted = records(value, where + ".new");
                    default -> json.skipChildren();
                }
            }
            for (var required : new Object[][] {{name, "name"}, {ttl, "ttl"}, {published, "published"}, {wanted, "new"}}) {
                if (required[0] == null) {
                    throw problem("publish.changes.missing", required[1], where);
                }
            }
            return new RawChange(name, ttl, published, wanted);
        }

        private List<TxtData> records(JsonToken token, String where) throws IOException {
            expect(token, JsonToken.START_ARRAY, where);
            List<TxtData> records = new ArrayList<>();
            for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken()) {
                if (records.size() == RecordChange.MAX_RECORDS) {
                    throw problem("publish.changes.too-many-records", where, RecordChange.MAX_RECORDS);
                }
                try {
                    records.add(item == JsonToken.START_ARRAY ? new TxtData(strings(where)) : TxtData.of(text(item, where)));
                } catch (IllegalArgumentException tooLong) {
                    throw problem("publish.changes.record", where);
                }
            }
            return records;
        }

        private List<String> strings(String where) throws IOException {
            List<String> strings = new ArrayList<>();
            for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken()) {
                if (strings.size() == TxtData.MAX_OCTETS / 2) {
                    throw problem("publish.changes.record", where);
                }
                strings.add(text(item, where));
            }
            return strings;
        }

        private DomainName name(JsonToken token, String where) throws IOException {
            String text = text(token, where);
            return DomainName.parse(text).name().orElseThrow(() -> problem("publish.changes.name", where, Problem.shown(text)));
        }

        private String text(JsonToken token, String where) throws IOException {
            expect(token, JsonToken.VALUE_STRING, where);
            return json.getText();
        }

        private void expect(JsonToken token, JsonToken wanted, String where) {
            if (token != wanted) {
                throw problem("publish.changes.expected", where.isEmpty() ? "/" : where,
                        switch (wanted) {
                            case START_OBJECT -> "{";
                            case START_ARRAY -> "[";
                            case VALUE_NUMBER_INT -> "0-9";
                            default -> "\"\"";
                        });
            }
        }

        private ProblemException problem(String key, Object... arguments) {
            JsonLocation at = json.currentLocation();
            Object[] located = new Object[arguments.length + 1];
            located[0] = at.getLineNr();
            System.arraycopy(arguments, 0, located, 1, arguments.length);
            return new ProblemException(new Problem(key, located));
        }
    }

    private record RawChange(DomainName name, long ttl, List<TxtData> published, List<TxtData> wanted) {
    }
}
