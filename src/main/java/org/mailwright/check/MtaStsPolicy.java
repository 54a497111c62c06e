package org.mailwright.check;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mailwright.dns.DomainName;
import org.mailwright.i18n.Problem;

/**
 * An MTA-STS policy (RFC 8461 section 3.2) as a sender reads it from
 * {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}: {@code key: value} lines, exactly one
 * {@code version}, {@code mode} and {@code max_age}, and the {@code mx} patterns of the hosts
 * senders may deliver to.
 *
 * @param version the policy version, always {@value #VERSION}
 * @param mode what senders do when a mail host fails the policy
 * @param maxAge how many seconds senders keep the policy, 0 to {@value #MAX_AGE_LIMIT}
 * @param mx the host patterns, in the order written
 */
public record MtaStsPolicy(String version, Mode mode, long maxAge, List<MxPattern> mx) {

    public static final String VERSION = "STSv1";
    /** RFC 8461's largest max_age: a year. */
    public static final long MAX_AGE_LIMIT = 31_557_600;
    /** The most octets read of a policy: a real one is a few hundred, and senders stop long before megabytes. */
    public static final int MAX_SIZE = 64 * 1024;

    /** RFC 8461's sts-policy-ext-name: the shape of every key, known or not. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    private static final Pattern MAX_AGE = Pattern.compile("[0-9]{1,10}");
    /** The fields a policy holds exactly once, in the order a missing one is named. */
    private static final List<String> SINGLE_FIELDS = List.of("version", "mode", "max_age");

    public MtaStsPolicy {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(mode, "mode");
        mx = List.copyOf(mx);
    }

    /** What a sender does with a mail host that fails the policy. */
    public enum Mode {
        /** Deliver only to hosts the policy names, over TLS with a valid certificate. */
        ENFORCE,
        /** Deliver anyway, and report the failure (TLS-RPT). */
        TESTING,
        /** The policy is withdrawn: nothing is checked. */
        NONE;

        /** The mode as the policy writes it, such as {@code enforce}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One {@code mx} line: a host name, or {@code *.} and a domain, which stands for exactly one more
     * label in front of it (RFC 8461 section 4.1).
     */
    public record MxPattern(boolean wildcard, DomainName domain) {

        public MxPattern {
            Objects.requireNonNull(domain, "domain");
        }

        public boolean matches(DomainName host) {
            return wildcard ? host.parent().filter(domain::equals).isPresent() : host.equals(domain);
        }

        /** The pattern as a policy writes it, in ASCII. */
        @Override
        public String toString() {
            return (wildcard ? "*." : "") + domain.ascii();
        }
    }

    /** True when some {@code mx} pattern stands for {@code host}. */
    public boolean matches(DomainName host) {
        return mx.stream().anyMatch(pattern -> pattern.matches(host));
    }

    /** The patterns as a policy writes them, joined by commas. */
    public String patterns() {
        return mx.stream().map(MxPattern::toString).collect(Collectors.joining(", "));
    }

    /** Exactly one of a policy and why the body is none. */
    public record Parsed(Optional<MtaStsPolicy> policy, Optional<Problem> problem) {
        static Parsed problem(String key, Object... arguments) {
            return new Parsed(Optional.empty(), Optional.of(new Problem(key, arguments)));
        }
    }

    /** Reads a policy body as served, UTF-8, lines ending in LF or CRLF. */
    public static Parsed parse(byte[] body) {
        if (body.length > MAX_SIZE) {
            return Parsed.problem("check.mtasts.policy.too-large", MAX_SIZE / 1024);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            return Parsed.problem("check.mtasts.policy.not-utf8");
        }
        return parse(text);
    }

    private static Parsed parse(String text) {
        Map<String, String> fields = new HashMap<>();
        List<MxPattern> patterns = new ArrayList<>();
        int number = 0;
        for (int start = 0; start < text.length(); ) {
            number++;
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            Optional<Problem> unfit = characters(line, number);
            if (unfit.isPresent()) {
                return new Parsed(Optional.empty(), unfit);
            }
            // The grammar has no blank lines, but senders' parsers pass over them: refusing one
            // would be a false alarm on a policy that works.
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0 || !KEY.matcher(line.substring(0, colon)).matches()) {
                return Parsed.problem("check.mtasts.policy.not-a-field", number, Problem.shown(line));
            }
            String key = line.substring(0, colon);
            String value = stripWhiteSpace(line.substring(colon + 1));
            if (key.equals("mx")) {
                Optional<MxPattern> pattern = pattern(value);
                if (pattern.isEmpty()) {
                    return Parsed.problem("check.mtasts.policy.mx", Problem.shown(value));
                }
                patterns.add(pattern.get());
            } else if (SINGLE_FIELDS.contains(key) && fields.putIfAbsent(key, value) != null) {
                return Parsed.problem("check.mtasts.policy.twice", key);
            }
            // Any other key is passed over: RFC 8461 has senders ignore fields they do not know, so
            // later versions can add some.
        }
        for (String key : SINGLE_FIELDS) {
            if (!fields.containsKey(key)) {
                return Parsed.problem("check.mtasts.policy.missing", key);
            }
        }
        String version = fields.get("version");
        if (!version.equals(VERSION)) {
            return Parsed.problem("check.mtasts.policy.version", Problem.shown(version));
        }
        Optional<Mode> mode = mode(fields.get("mode"));
        if (mode.isEmpty()) {
            return Parsed.problem("check.mtasts.policy.mode", Problem.shown(fields.get("mode")));
        }
        String maxAge = fields.get("max_age");
        if (!MAX_AGE.matcher(maxAge).matches() || Long.parseLong(maxAge) > MAX_AGE_LIMIT) {
            return Parsed.problem("check.mtasts.policy.max-age", Problem.shown(maxAge), MAX_AGE_LIMIT);
        }
        if (patterns.isEmpty() && mode.get() != Mode.NONE) {
            return Parsed.problem("check.mtasts.policy.no-mx", mode.get().word());
        }
        return new Parsed(Optional.of(new MtaStsPolicy(version, mode.get(), Long.parseLong(maxAge), patterns)),
                Optional.empty());
    }

    /** Why a line's characters are none a policy may hold: a carriage return not ending it, or another control character. */
    private static Optional<Problem> characters(String line, int number) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r') {
                return Optional.of(new Problem("check.mtasts.policy.bare-cr", number));
            }
            if (c != '\t' && (c < 0x20 || c == 0x7f)) {
                return Optional.of(new Problem("check.mtasts.policy.control", number, String.format("U+%04X", (int) c)));
            }
        }
        return Optional.empty();
    }

    /** RFC 8461 writes the modes in lower case only (%s in its grammar): {@code Enforce} is no mode. */
    private static Optional<Mode> mode(String value) {
        for (Mode mode : Mode.values()) {
            if (mode.word().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    private static Optional<MxPattern> pattern(String value) {
        boolean wildcard = value.startsWith("*.");
        String name = wildcard ? value.substring(2) : value;
        // A final dot or a second wildcard would never equal a host name senders compare it with.
        if (name.isEmpty() || name.endsWith(".") || name.contains("*")) {
            return Optional.empty();
        }
        return DomainName.parse(name).name().map(domain -> new MxPattern(wildcard, domain));
    }

    /** The value without the spaces and tabs RFC 8461 allows after the colon and at the end of a line. */
    private static String stripWhiteSpace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }
}
