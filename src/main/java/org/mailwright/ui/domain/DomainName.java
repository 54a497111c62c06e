package org.mailwright.ui.domain;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what a user typed as a domain and turns it into the name to look up: trimmed, lower
 * case, without a final dot, international names in their ASCII form ({@code münchen.de} becomes
 * {@code xn--mnchen-3ya.de}).
 */
public final class DomainName {

    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;
    /** Underscores are allowed: {@code _dmarc.example.com} and {@code s1._domainkey.example.com} are names admins check. */
    private static final Pattern FORBIDDEN = Pattern.compile("[^a-z0-9_\\-.]");

    /** Why the text is not a domain name: a key in the window's bundle and its arguments. */
    public record Problem(String key, List<Object> arguments) {
        public Problem(String key, Object... arguments) {
            this(key, List.of(arguments));
        }
    }

    private DomainName() {
    }

    /** The name to look up, or why there is none. */
    public static Result check(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return Result.problem(new Problem("domain.problem.empty"));
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            return Result.problem(new Problem("domain.problem.spaces"));
        }
        int at = value.lastIndexOf('@');
        if (at >= 0) {
            return Result.problem(new Problem("domain.problem.email", value.substring(at + 1)));
        }
        if (value.contains("/") || value.contains(":")) {
            return Result.problem(new Problem("domain.problem.url", hostOf(value)));
        }
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        String[] labels = value.split("\\.", -1);
        StringBuilder ascii = new StringBuilder();
        for (String label : labels) {
            if (label.isEmpty()) {
                return Result.problem(new Problem("domain.problem.emptyLabel"));
            }
            String asciiLabel;
            try {
                // Only Unicode labels are converted; the rules of host names are checked below, in our own words.
                asciiLabel = label.chars().allMatch(c -> c < 0x80) ? label : IDN.toASCII(label, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return Result.problem(new Problem("domain.problem.international", label));
            }
            ascii.append(ascii.length() == 0 ? "" : ".").append(asciiLabel.toLowerCase(Locale.ROOT));
        }
        return checkAscii(ascii.toString());
    }

    private static Result checkAscii(String name) {
        Matcher forbidden = FORBIDDEN.matcher(name);
        if (forbidden.find()) {
            return Result.problem(new Problem("domain.problem.character", forbidden.group()));
        }
        if (name.length() > MAX_NAME) {
            return Result.problem(new Problem("domain.problem.tooLong", name.length()));
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (label.length() > MAX_LABEL) {
                return Result.problem(new Problem("domain.problem.labelTooLong", label));
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return Result.problem(new Problem("domain.problem.hyphen", label));
            }
        }
        if (labels.length < 2) {
            return Result.problem(new Problem("domain.problem.noDot", name));
        }
        return new Result(Optional.of(name), Optional.empty());
    }

    /** The host part of something pasted from a browser's address bar. */
    private static String hostOf(String value) {
        String rest = value.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int end = rest.length();
        for (char stop : new char[] {'/', ':', '?', '#'}) {
            int index = rest.indexOf(stop);
            if (index >= 0) {
                end = Math.min(end, index);
            }
        }
        return rest.substring(0, end);
    }

    /** Exactly one of a name to look up and a problem. */
    public record Result(Optional<String> name, Optional<Problem> problem) {
        static Result problem(Problem problem) {
            return new Result(Optional.empty(), Optional.of(problem));
        }

        public boolean isValid() {
            return name.isPresent();
        }
    }
}
