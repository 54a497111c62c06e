package org.mailwright.ui.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.MxData;
import org.mailwright.dns.RecordType;
import org.mailwright.propagation.ExpectedRecord;

/**
 * Reads what the user types to watch a record by hand, the way DNS panels take it: a name
 * relative to the domain ({@code @} for the domain itself, a final dot for a whole name), a type,
 * and the values that should be there, if any ({@code |} between the values of a set; TXT may be
 * pasted as quoted strings, which are joined).
 */
final class RecordEntry {

    private static final Pattern VALUE_SEPARATOR = Pattern.compile("\\s*\\|\\s*");
    private static final Pattern SELECTOR_SEPARATOR = Pattern.compile("[,;\\s]+");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    /** Why an entry is not what it should be, in the page's words. */
    @FunctionalInterface
    interface Problem {
        String in(Words words);

        /** A text of the window's bundle. */
        static Problem of(String key, Object... arguments) {
            return words -> words.get(key, arguments);
        }

        /** What is wrong with a name, as the core says it. */
        static Problem of(org.mailwright.i18n.Problem problem) {
            return words -> problem.text(words.locale());
        }
    }

    /** Exactly one of a record and why there is none. */
    record Result(Optional<ExpectedRecord> record, Optional<Problem> problem) {
        static Result problem(Problem problem) {
            return new Result(Optional.empty(), Optional.of(problem));
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
            return Result.problem(Problem.of("propagation.add.problem.name"));
        }
        DomainName.Parsed name = DomainName.parse(wholeName(typedName, domain));
        if (name.problem().isPresent()) {
            return Result.problem(Problem.of(name.problem().get()));
        }
        List<String> values = new ArrayList<>();
        for (String part : VALUE_SEPARATOR.split(typedValues.strip())) {
            if (part.isEmpty()) {
                continue;
            }
            String value = type == RecordType.TXT ? joinedStrings(part) : part;
            Optional<Problem> problem = problemOf(type, value);
            if (problem.isPresent()) {
                return Result.problem(problem.get());
            }
            values.add(value);
        }
        return new Result(Optional.of(new ExpectedRecord(name.orElseThrow().ascii(), type, values)), Optional.empty());
    }

    /**
     * The selectors typed, one DKIM key each; or why one is not a selector. A selector is the
     * labels in front of {@code ._domainkey}, so it is checked as a name, as the command line does.
     */
    static SelectorsResult selectors(String typed) {
        List<String> selectors = new ArrayList<>();
        for (String part : SELECTOR_SEPARATOR.split(typed.strip())) {
            if (part.isEmpty()) {
                continue;
            }
            Optional<DomainName> selector = DomainName.parse(part).name().filter(name -> !part.endsWith("."));
            if (selector.isEmpty()) {
                return new SelectorsResult(List.of(), Optional.of(Problem.of("propagation.pick.dkim.problem", part)));
            }
            if (!selectors.contains(selector.get().ascii())) {
                selectors.add(selector.get().ascii());
            }
        }
        return new SelectorsResult(selectors, Optional.empty());
    }

    /** The selectors typed, or the problem with the first that is not one. */
    record SelectorsResult(List<String> selectors, Optional<Problem> problem) {
    }

    private static Optional<Problem> problemOf(RecordType type, String value) {
        return switch (type) {
            case MX -> MxData.parse(value).isPresent() ? Optional.empty()
                    : Optional.of(Problem.of("propagation.add.problem.mx", value));
            case A -> IPV4.matcher(value).matches() ? Optional.empty()
                    : Optional.of(Problem.of("propagation.add.problem.a", value));
            case AAAA -> value.contains(":") ? Optional.empty()
                    : Optional.of(Problem.of("propagation.add.problem.aaaa", value));
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
