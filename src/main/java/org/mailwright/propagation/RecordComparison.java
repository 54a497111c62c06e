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
import org.mailwright.dkim.DkimKeyRecord;
import org.mailwright.dmarc.DmarcRecord;
import org.mailwright.dns.MxData;
import org.mailwright.dns.RecordType;
import org.mailwright.spf.Mechanism;
import org.mailwright.spf.MechanismType;
import org.mailwright.spf.Modifier;
import org.mailwright.spf.Qualifier;
import org.mailwright.spf.SpfRecord;
import org.mailwright.spf.SpfSyntaxException;
import org.mailwright.spf.Term;

/**
 * Says whether an answer holds the expected records, comparing what the records mean to
 * receivers rather than how they are written, through the same parsers the linters and the
 * verifiers use. A TXT value is of a kind as receivers pick it: SPF when {@link SpfRecord#isSpfRecord}
 * says so, DMARC when {@link DmarcRecord#isDmarc()} does, a DKIM key at a {@code _domainkey} name
 * or starting with {@code v=DKIM1}; anything else is plain text, compared as its joined
 * character-strings. SPF is its terms in order (spacing, an explicit {@code +} and the case of
 * mechanism names and domains do not count; the case inside a macro does); DMARC its tags in any
 * order (keywords such as {@code p=Reject} without case, {@code v=DMARC1} exactly); a DKIM key
 * what {@link DkimKeyRecord} reads from it. A record of a kind that its parser refuses counts only
 * as its exact text, so it never passes for the record it was meant to be. Other types compare
 * names without case or final dot and addresses in any spelling.
 */
public final class RecordComparison {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]*:[0-9a-f:.]*");
    private static final String DKIM_VERSION = "v=DKIM1";
    private static final String DOMAINKEY_LABEL = "_domainkey";

    /** What a TXT value is, which decides how it is compared and which other values it competes with. */
    enum Kind {
        SPF, DKIM, DMARC, TEXT
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
            case DKIM -> canonicalDkim(value);
            case DMARC -> DmarcRecord.parse(value).canonical();
            case TEXT -> value;
        };
    }

    static Kind kind(String name, String txtValue) {
        if (SpfRecord.isSpfRecord(txtValue)) {
            return Kind.SPF;
        }
        if (DmarcRecord.parse(txtValue).isDmarc()) {
            return Kind.DMARC;
        }
        // A DKIM key record may leave out v=DKIM1; its name says what it is.
        if (txtValue.startsWith(DKIM_VERSION) || isDkimKeyName(name)) {
            return Kind.DKIM;
        }
        return Kind.TEXT;
    }

    private static boolean isDkimKeyName(String name) {
        return Arrays.asList(name.toLowerCase(Locale.ROOT).split("\\.")).contains(DOMAINKEY_LABEL);
    }

    private static Map<Kind, List<String>> byKind(String name, List<String> txtValues) {
        Map<Kind, List<String>> byKind = new HashMap<>();
        for (String value : txtValues) {
            byKind.computeIfAbsent(kind(name, value), k -> new ArrayList<>())
                    .add(canonical(name, RecordType.TXT, value));
        }
        return byKind;
    }

    /** The terms in order, each as {@link #canonicalTerm} writes it; a record that does not parse, as written. */
    private static String canonicalSpf(String value) {
        try {
            return SpfRecord.parse(value).terms().stream()
                    .map(RecordComparison::canonicalTerm)
                    .collect(Collectors.joining(" ", "v=spf1 ", ""));
        } catch (SpfSyntaxException unreadable) {
            return value;
        }
    }

    private static String canonicalTerm(Term term) {
        if (term instanceof Modifier modifier) {
            boolean domain = modifier.isRedirect() || modifier.isExplanation();
            return modifier.name() + "=" + (domain ? canonicalDomainSpec(modifier.value().toString()) : modifier.value());
        }
        Mechanism mechanism = (Mechanism) term;
        StringBuilder text = new StringBuilder();
        if (mechanism.qualifier() != Qualifier.PASS) {
            text.append(mechanism.qualifier().symbol());
        }
        if (mechanism.network() != null) {
            return text.append(mechanism.network().term()).toString();
        }
        text.append(mechanism.type().keyword());
        mechanism.domainSpec().ifPresent(spec -> text.append(':').append(canonicalDomainSpec(spec.toString())));
        if (mechanism.type() == MechanismType.A || mechanism.type() == MechanismType.MX) {
            if (mechanism.ip4Prefix() != 32) {
                text.append('/').append(mechanism.ip4Prefix());
            }
            if (mechanism.ip6Prefix() != 128) {
                text.append("//").append(mechanism.ip6Prefix());
            }
        }
        return text.toString();
    }

    /** A domain-spec without case and final dot, except inside its macros, where {@code %{d}} and {@code %{D}} differ. */
    private static String canonicalDomainSpec(String spec) {
        StringBuilder text = new StringBuilder(spec.length());
        int i = 0;
        while (i < spec.length()) {
            int close = spec.startsWith("%{", i) ? spec.indexOf('}', i) : -1;
            if (close >= 0) {
                text.append(spec, i, close + 1);
                i = close + 1;
            } else {
                text.append(Character.toLowerCase(spec.charAt(i)));
                i++;
            }
        }
        boolean finalDot = text.length() > 1 && text.charAt(text.length() - 1) == '.';
        return finalDot ? text.substring(0, text.length() - 1) : text.toString();
    }

    /** The key record as {@link DkimKeyRecord} reads it; a record it refuses, as written. */
    private static String canonicalDkim(String value) {
        return DkimKeyRecord.canonicalOf(value).map(DkimKeyRecord::value).orElse(value);
    }

    /** Names and hex without case or final dots, single-spaced; MX as its preference and host; IP addresses in one spelling. */
    private static String canonicalData(RecordType type, String value) {
        String data = value.strip();
        if (type == RecordType.MX) {
            return MxData.parse(data).map(mx -> mx.preference() + " " + mx.host()).orElse(data);
        }
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
