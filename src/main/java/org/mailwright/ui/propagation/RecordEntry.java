package org.mailwright.ui.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mailwright.dns.RecordType;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.ui.domain.DomainName;

/**
 * Reads what the user types to watch a record by hand, the way DNS panels take it: a name
 * relative to the domain ({@code @} for the domain itself, a final dot for a whole name), a type,
 * and the values that should be there, if any ({@code |} between the values of a set; TXT may be
 * pasted as quoted strings, which are joined).
 */
final class RecordEntry {

    private static final Pattern VALUE_SEPARATOR = Pattern.compile("\\s*\\|\\s*");
    private static final Pattern SELECTOR_SEPARATOR = Pattern.compile("[,;\\s]+");
    private static final Pattern SELECTOR = Pattern.compile("(?i)[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?)*");
    private static final Pattern MX = Pattern.compile("\\d{1,5}\\s+\\S+");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    /** Exactly one of a record and why there is none. */
    record Result(Optional<ExpectedRecord> record, Optional<DomainName.Problem> problem) {
        static Result problem(String key, Object... arguments) {
            return new Result(Optional.empty(), Optional.of(new DomainName.Problem(key, arguments)));
        }
    }

    private RecordEntry() {
    }

    /** The whole name that {@code typed} stands for under {@code domain} (which may be empty: then names are whole). */
    static String wholeName(String typed, String domain) {
        String name = typed.strip();
        if (domain.isEmpty() || name.endsWith(".")) {
            return name;
        }
        if (name.equals("@")) {
            return domain;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals(domain) || lower.endsWith("." + domain) ? name : name + "." + domain;
    }

    /** The record to watch, or why the entry is not one. */
    static Result read(String typedName, RecordType type, String typedValues, String domain) {
        if (typedName.isBlank()) {
            return Result.problem("propagation.add.problem.name");
        }
        DomainName.Result name = DomainName.check(wholeName(typedName, domain));
        if (name.problem().isPresent()) {
            return new Result(Optional.empty(), name.problem());
        }
        List<String> values = new ArrayList<>();
        for (String part : VALUE_SEPARATOR.split(typedValues.strip())) {
            if (part.isEmpty()) {
                continue;
            }
            String value = type == RecordType.TXT ? joinedStrings(part) : part;
            Optional<DomainName.Problem> problem = problemOf(type, value);
            if (problem.isPresent()) {
                return new Result(Optional.empty(), problem);
            }
            values.add(value);
        }
        return new Result(Optional.of(new ExpectedRecord(name.name().orElseThrow(), type, values)), Optional.empty());
    }

    /** The selectors typed, one DKIM key each; or why one is not a selector. */
    static SelectorsResult selectors(String typed) {
        List<String> selectors = new ArrayList<>();
        for (String part : SELECTOR_SEPARATOR.split(typed.strip())) {
            if (part.isEmpty()) {
                continue;
            }
            if (!SELECTOR.matcher(part).matches()) {
                return new SelectorsResult(List.of(),
                        Optional.of(new DomainName.Problem("propagation.pick.dkim.problem", part)));
            }
            String selector = part.toLowerCase(Locale.ROOT);
            if (!selectors.contains(selector)) {
                selectors.add(selector);
            }
        }
        return new SelectorsResult(selectors, Optional.empty());
    }

    /** The selectors typed, or the problem with the first that is not one. */
    record SelectorsResult(List<String> selectors, Optional<DomainName.Problem> problem) {
    }

    private static Optional<DomainName.Problem> problemOf(RecordType type, String value) {
        return switch (type) {
            case MX -> MX.matcher(value).matches() ? Optional.empty()
                    : Optional.of(new DomainName.Problem("propagation.add.problem.mx", value));
            case A -> IPV4.matcher(value).matches() ? Optional.empty()
                    : Optional.of(new DomainName.Problem("propagation.add.problem.a", value));
            case AAAA -> value.contains(":") ? Optional.empty()
                    : Optional.of(new DomainName.Problem("propagation.add.problem.aaaa", value));
            default -> Optional.empty();
        };
    }

    /**
     * A TXT value pasted from a zone file ({@code ( "v=DKIM1; k=rsa; " "p=MIIB..." )}) as the one
     * string receivers read; a value without quotes is taken as it is.
     */
    static String joinedStrings(String value) {
        if (!value.startsWith("\"") && !(value.startsWith("(") && value.contains("\""))) {
            return value;
        }
        StringBuilder joined = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quoted && i + 1 < value.length()) {
                joined.append(value.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                joined.append(c);
            } else if (!Character.isWhitespace(c) && c != '(' && c != ')') {
                // Text outside the quotes: not zone-file strings after all.
                return value;
            }
        }
        return joined.toString();
    }
}
