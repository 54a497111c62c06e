package org.mailwright.spf;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mailwright.dns.RecordType;
import org.mailwright.testdns.TestDnsServer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenSPF YAML test-suite format (also used by pyspf and blitiri): documents of zone data and
 * test cases. Zone data becomes master-file text for {@link TestDnsServer} under one root zone, with
 * the suite's conventions: a record typed SPF is also served as TXT unless the name lists TXT data
 * ({@code TXT: NONE} counts as TXT data and serves nothing); {@code TIMEOUT} makes the server stay
 * silent for every type not listed before it (as the suite's reference driver does); {@code SERVFAIL}
 * answers SERVFAIL for the name.
 */
final class SpfSuite {

    /** One test case: {@code results} in lower case, any of them passes; {@code explanation} null when not checked. */
    record Case(String scenario, String name, String spec, String host, String mailFrom, String helo,
                Set<String> results, String explanation) {
    }

    /** One YAML document: its zone and its cases. */
    record Scenario(String description, String zoneText, Map<String, Set<RecordType>> silenced,
                    Set<String> silencedNames, Set<String> failingNames, List<Case> cases) {

        /** Starts a server with this scenario's data and misbehaviour. */
        TestDnsServer start() {
            TestDnsServer server = TestDnsServer.start(zoneText);
            silencedNames.forEach(server::silenceName);
            silenced.forEach((name, types) -> types.forEach(type -> server.silenceName(name, type)));
            failingNames.forEach(server::failName);
            return server;
        }
    }

    private SpfSuite() {
    }

    static List<Scenario> load(Path file) throws IOException {
        List<Scenario> scenarios = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (Object document : new Yaml(new LoaderOptions()).loadAll(reader)) {
                number++;
                if (document instanceof Map<?, ?> map) {
                    scenarios.add(scenario(map, number));
                }
            }
        }
        return scenarios;
    }

    private static Scenario scenario(Map<?, ?> document, int number) {
        Object description = document.get("description") != null ? document.get("description") : document.get("comment");
        String title = description == null ? "scenario " + number : description.toString().trim().lines().findFirst().orElse("");
        StringBuilder zone = new StringBuilder("$ORIGIN .\n");
        Map<String, Set<RecordType>> silenced = new LinkedHashMap<>();
        Set<String> silencedNames = new LinkedHashSet<>();
        Set<String> failingNames = new LinkedHashSet<>();
        Map<?, ?> zoneData = document.get("zonedata") instanceof Map<?, ?> z ? z : Map.of();
        for (Map.Entry<?, ?> entry : zoneData.entrySet()) {
            String name = entry.getKey().toString();
            List<?> items = entry.getValue() instanceof List<?> list ? list : List.of();
            addName(name, items, zone, silenced, silencedNames, failingNames);
        }
        List<Case> cases = new ArrayList<>();
        Map<?, ?> tests = document.get("tests") instanceof Map<?, ?> t ? t : Map.of();
        for (Map.Entry<?, ?> test : tests.entrySet()) {
            Map<?, ?> data = (Map<?, ?>) test.getValue();
            cases.add(new Case(title, test.getKey().toString(), text(data.get("spec")), text(data.get("host")),
                    text(data.get("mailfrom")), text(data.get("helo")), results(data.get("result")),
                    data.get("explanation") == null ? null : data.get("explanation").toString()));
        }
        return new Scenario(title, zone.toString(), silenced, silencedNames, failingNames, cases);
    }

    private static void addName(String name, List<?> items, StringBuilder zone, Map<String, Set<RecordType>> silenced,
                                Set<String> silencedNames, Set<String> failingNames) {
        String owner = escapeName(name);
        boolean listsTxt = items.stream().anyMatch(item -> item instanceof Map<?, ?> map && map.containsKey("TXT"));
        Set<RecordType> answered = EnumSet.noneOf(RecordType.class);
        List<Object> spfValues = new ArrayList<>();
        boolean timeout = false;
        for (Object item : items) {
            if ("TIMEOUT".equals(item) || item instanceof Map<?, ?> flag && flag.containsKey("TIMEOUT")) {
                timeout = true;
                break;
            }
            if (item instanceof Map<?, ?> flag && flag.containsKey("SERVFAIL")) {
                failingNames.add(name);
                continue;
            }
            Map.Entry<?, ?> record = ((Map<?, ?>) item).entrySet().iterator().next();
            String type = record.getKey().toString().toUpperCase(Locale.ROOT);
            Object value = record.getValue();
            if ("NONE".equals(value)) {
                continue;
            }
            if (type.equals("SPF")) {
                spfValues.add(value);
                zone.append(owner).append(" SPF ").append(strings(value)).append('\n');
                continue;
            }
            RecordType recordType = RecordType.parse(type).orElseThrow(() -> new IllegalArgumentException("type " + type));
            answered.add(recordType);
            zone.append(owner).append(' ').append(type).append(' ').append(rdata(recordType, value)).append('\n');
        }
        if (!listsTxt && !timeout) {
            // The suite's drivers add the SPF-typed records as TXT after all listed data.
            spfValues.forEach(value -> zone.append(owner).append(" TXT ").append(strings(value)).append('\n'));
        }
        if (timeout) {
            if (answered.isEmpty()) {
                silencedNames.add(name);
            } else {
                Set<RecordType> silent = EnumSet.complementOf(EnumSet.copyOf(answered));
                silenced.put(name, silent);
            }
        }
    }

    private static String rdata(RecordType type, Object value) {
        return switch (type) {
            case TXT -> strings(value);
            case MX -> {
                List<?> mx = (List<?>) value;
                yield mx.get(0) + " " + absolute(mx.get(1).toString());
            }
            case PTR, CNAME -> absolute(value.toString());
            default -> value.toString();
        };
    }

    /** A name from the data as an absolute master-file name, "" being the root. */
    private static String absolute(String name) {
        return name.isEmpty() ? "." : escapeName(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
    }

    /** Master-file name: anything beyond letters, digits, dot, dash and underscore as \DDD. */
    private static String escapeName(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 0x80 || c == '.' || c == '-' || c == '_') {
                out.append(c);
            } else {
                out.append(String.format("\\%03d", (int) c));
            }
        }
        return out.append('.').toString();
    }

    /**
     * TXT data: one string, or a list of character-strings (none at all becomes one empty string,
     * the nearest a zone can hold). Characters up to U+00FF are the bytes the suite means
     * ("\xEF\xBB\xBF" is three bytes); anything else, and every non-printable byte, goes as \DDD.
     */
    private static String strings(Object value) {
        List<?> parts = value instanceof List<?> list ? list : List.of(value);
        if (parts.isEmpty()) {
            return "\"\"";
        }
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            String text = part.toString();
            // A character-string holds at most 255 octets; longer data is split, as publishers do.
            for (int start = 0; start < text.length() || start == 0; start += 255) {
                out.append(out.length() == 0 ? "" : " ").append('"');
                for (byte b : bytes(text.substring(start, Math.min(text.length(), start + 255)))) {
                    int octet = b & 0xff;
                    if (octet < 0x20 || octet > 0x7e || octet == '"' || octet == '\\') {
                        out.append(String.format("\\%03d", octet));
                    } else {
                        out.append((char) octet);
                    }
                }
                out.append('"');
            }
        }
        return out.toString();
    }

    private static byte[] bytes(String text) {
        boolean latin1 = text.chars().allMatch(c -> c <= 0xff);
        return text.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** The acceptable results in lower case; a suite may name results RFC 7208 does not have. */
    private static Set<String> results(Object result) {
        Set<String> results = new LinkedHashSet<>();
        for (Object each : result instanceof List<?> list ? list : List.of(result)) {
            results.add(each.toString().trim().toLowerCase(Locale.ROOT));
        }
        return results;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
