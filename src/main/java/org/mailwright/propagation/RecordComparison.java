package org.mailwright.propagation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mailwright.dns.RecordType;

/**
 * Says whether an answer holds the expected records, comparing what the records mean rather than
 * how they are written: TXT by its joined character-strings; SPF as its terms in order (spacing,
 * an explicit {@code +} and the case of mechanism names do not count); DKIM and DMARC as their
 * {@code tag=value} lists in any order (spacing and the case of tag names do not count); names and
 * addresses in other types without case, final dots or the spelling of an IPv6 address.
 *
 * <p>The SPF, DKIM and DMARC forms here are a small normaliser of their own, for comparison
 * only; they should delegate to the {@code spf}, {@code dkim} and {@code dmarc} parsers once
 * those exist.
 */
public final class RecordComparison {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPF = Pattern.compile("(?i)^\\s*v=spf1(\\s.*)?$");
    private static final Pattern DMARC = Pattern.compile("(?i)^\\s*v\\s*=\\s*DMARC1\\s*(;.*)?$");
    private static final Pattern DKIM = Pattern.compile("(?i)^\\s*v\\s*=\\s*DKIM1\\s*(;.*)?$");
    private static final Pattern SPACE_AROUND_LIST_SEPARATORS = Pattern.compile("\\s*([,:])\\s*");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]*:[0-9a-f:.]*");

    /** What a TXT value is, which decides how it is compared and which other values it competes with. */
    enum Kind {
        SPF, DKIM, DMARC, TEXT, OTHER
    }

    private RecordComparison() {
    }

    /**
     * True when {@code answer} publishes {@code expected} at {@code name}. For SPF, DKIM and
     * DMARC the answer's records of that kind must be exactly the expected ones (an old record
     * still beside the new one is a difference: receivers would see two). Other TXT values need
     * only be among the answer's, which may hold unrelated TXT records. Other types must be the
     * same set.
     */
    public static boolean matches(String name, RecordType type, List<String> expected, List<String> answer) {
        if (type != RecordType.TXT) {
            return canonicalSet(name, type, expected).equals(canonicalSet(name, type, answer));
        }
        Map<Kind, List<String>> expectedByKind = byKind(name, expected);
        Map<Kind, List<String>> answerByKind = byKind(name, answer);
        for (Map.Entry<Kind, List<String>> entry : expectedByKind.entrySet()) {
            List<String> published = answerByKind.getOrDefault(entry.getKey(), List.of());
            boolean ok = entry.getKey() == Kind.TEXT
                    ? published.containsAll(entry.getValue())
                    : sorted(published).equals(sorted(entry.getValue()));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code one} and {@code other}, published at {@code name}, mean the same record. */
    public static boolean sameRecord(String name, RecordType type, String one, String other) {
        return canonical(name, type, one).equals(canonical(name, type, other));
    }

    /**
     * The values among {@code values} of the same kind as {@code record}: for an SPF record the
     * other SPF records, for a DMARC policy the other policies, for other TXT text every TXT
     * value, for other types every value.
     */
    public static List<String> sameKind(String name, RecordType type, String record, List<String> values) {
        if (type != RecordType.TXT) {
            return List.copyOf(values);
        }
        Kind kind = kind(name, record);
        return values.stream().filter(value -> kind(name, value) == kind).toList();
    }

    /** True when receivers allow only one record of {@code record}'s kind at a name: SPF, DMARC, a DKIM key. */
    public static boolean singular(String name, RecordType type, String record) {
        return type == RecordType.TXT && kind(name, record) != Kind.TEXT;
    }

    /**
     * A key that is equal for two answers exactly when they publish the same records (as a set,
     * each record in its canonical form), to find the most common answer.
     */
    public static String answerKey(String name, RecordType type, List<String> values) {
        return String.join("\n", sorted(canonicalList(name, type, values)));
    }

    /** The canonical form of one value: equal for two values that mean the same record. */
    static String canonical(String name, RecordType type, String value) {
        if (type != RecordType.TXT) {
            return canonicalData(type, value);
        }
        return switch (kind(name, value)) {
            case SPF -> canonicalSpf(value);
            case DKIM -> canonicalTags(value, true);
            case DMARC -> canonicalTags(value, false);
            default -> value;
        };
    }

    static Kind kind(String name, String txtValue) {
        if (SPF.matcher(txtValue).matches()) {
            return Kind.SPF;
        }
        if (DMARC.matcher(txtValue).matches()) {
            return Kind.DMARC;
        }
        // A DKIM key record may leave out v=DKIM1; its name says what it is.
        if (DKIM.matcher(txtValue).matches() || isDkimKeyName(name)) {
            return Kind.DKIM;
        }
        return Kind.TEXT;
    }

    private static boolean isDkimKeyName(String name) {
        return Arrays.asList(name.toLowerCase(Locale.ROOT).split("\\.")).contains("_domainkey");
    }

    private static Map<Kind, List<String>> byKind(String name, List<String> txtValues) {
        Map<Kind, List<String>> byKind = new HashMap<>();
        for (String value : txtValues) {
            byKind.computeIfAbsent(kind(name, value), k -> new ArrayList<>())
                    .add(canonical(name, RecordType.TXT, value));
        }
        return byKind;
    }

    /** Terms in order, single-spaced; the qualifier {@code +} is the default and mechanism names have no case. */
    private static String canonicalSpf(String value) {
        return Arrays.stream(WHITESPACE.split(value.strip()))
                .map(RecordComparison::canonicalSpfTerm)
                .collect(Collectors.joining(" "));
    }

    private static String canonicalSpfTerm(String term) {
        String unqualified = term.startsWith("+") ? term.substring(1) : term;
        // Domain names have no case, but a macro's letter case changes its meaning (%{d} vs %{D}).
        if (unqualified.indexOf('%') < 0) {
            return unqualified.toLowerCase(Locale.ROOT);
        }
        int end = 0;
        while (end < unqualified.length() && ":=/".indexOf(unqualified.charAt(end)) < 0) {
            end++;
        }
        return unqualified.substring(0, end).toLowerCase(Locale.ROOT) + unqualified.substring(end);
    }

    /**
     * Tags in any order; tag names without case; values trimmed, without spaces around list
     * separators, and for a DKIM key without any whitespace (RFC 6376 3.6.1 ignores it in p=).
     */
    private static String canonicalTags(String value, boolean dkim) {
        List<String> tags = new ArrayList<>();
        for (String part : value.split(";")) {
            String tag = part.strip();
            if (tag.isEmpty()) {
                continue;
            }
            int equals = tag.indexOf('=');
            if (equals < 0) {
                tags.add(tag);
                continue;
            }
            String tagName = tag.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String tagValue = tag.substring(equals + 1).strip();
            tagValue = dkim && tagName.equals("p")
                    ? WHITESPACE.matcher(tagValue).replaceAll("")
                    : SPACE_AROUND_LIST_SEPARATORS.matcher(tagValue).replaceAll("$1");
            tags.add(tagName + "=" + tagValue);
        }
        return String.join(";", sorted(tags));
    }

    /** Names and hex without case or final dots, single-spaced; IP addresses in one spelling. */
    private static String canonicalData(RecordType type, String value) {
        String data = value.strip();
        if (type == RecordType.A && IPV4.matcher(data).matches()) {
            return Arrays.stream(data.split("\\.")).map(octet -> Integer.toString(Integer.parseInt(octet)))
                    .collect(Collectors.joining("."));
        }
        if (type == RecordType.AAAA && IPV6.matcher(data).matches()) {
            // With a colon in it the text is only ever read as a literal, never looked up.
            try {
                return InetAddress.getByName(data).getHostAddress();
            } catch (UnknownHostException notAnAddress) {
                return data;
            }
        }
        return Arrays.stream(WHITESPACE.split(data))
                .map(token -> token.length() > 1 && token.endsWith(".") ? token.substring(0, token.length() - 1) : token)
                .map(token -> token.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
    }

    private static List<String> canonicalList(String name, RecordType type, List<String> values) {
        return values.stream().map(value -> canonical(name, type, value)).toList();
    }

    private static List<String> canonicalSet(String name, RecordType type, List<String> values) {
        return canonicalList(name, type, values).stream().distinct().sorted().toList();
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
