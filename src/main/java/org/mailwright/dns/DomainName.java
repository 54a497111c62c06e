package org.mailwright.dns;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailwright.i18n.Problem;

/**
 * A domain name as Mailwright looks it up and compares it: lower case, international labels in
 * their ASCII form (A-labels: {@code bücher.test} is {@code xn--bcher-kva.test}), without the final
 * dot, at most 253 characters in labels of 1 to 63 letters, digits, hyphens and underscores
 * (service labels such as {@code _dmarc}). The one place every area and the window check a name:
 * what a user types, what a record names, what the CLI is given.
 */
public final class DomainName implements Comparable<DomainName> {

    /** RFC 1035: 255 octets on the wire are 253 characters written without the final dot. */
    public static final int MAX_LENGTH = 253;
    /** RFC 1035: a label holds at most 63 octets. */
    public static final int MAX_LABEL = 63;

    private final String ascii;

    private DomainName(String ascii) {
        this.ascii = ascii;
    }

    /**
     * The name {@code text} stands for.
     *
     * @throws InvalidDomainNameException saying in the user's words what is wrong
     */
    public static DomainName of(String text) {
        return parse(text).orElseThrow();
    }

    /** The name {@code text} stands for, or why it is none. A single label ({@code com}) is a name. */
    public static Parsed parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return Parsed.problem(new Problem("dns.name.empty"));
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            return Parsed.problem(new Problem("dns.name.spaces"));
        }
        if (value.endsWith(".") && value.length() > 1) {
            value = value.substring(0, value.length() - 1);
        }
        StringBuilder ascii = new StringBuilder();
        int start = 0;
        while (start <= value.length()) {
            int dot = value.indexOf('.', start);
            int end = dot < 0 ? value.length() : dot;
            String label = value.substring(start, end);
            if (label.isEmpty()) {
                return Parsed.problem(new Problem("dns.name.empty-label"));
            }
            Optional<String> asciiLabel = asciiLabel(label);
            if (asciiLabel.isEmpty()) {
                return Parsed.problem(new Problem("dns.name.international", label));
            }
            ascii.append(ascii.length() == 0 ? "" : ".").append(asciiLabel.get());
            if (ascii.length() > MAX_LENGTH + 1) {
                // No need to convert the rest of a runaway name to say it is too long.
                return Parsed.problem(new Problem("dns.name.too-long", value.length()));
            }
            start = end + 1;
        }
        return checkAscii(ascii.toString());
    }

    /**
     * A mail domain as a user types or pastes it: like {@link #parse}, and besides it explains an
     * e-mail address or a web address pasted in its place, and asks for the whole domain when
     * only one label is given.
     */
    public static Parsed parseDomain(String text) {
        String value = text == null ? "" : text.strip();
        int at = value.lastIndexOf('@');
        if (at >= 0 && value.chars().noneMatch(Character::isWhitespace)) {
            return Parsed.problem(new Problem("dns.name.email", value.substring(at + 1)));
        }
        if ((value.contains("/") || value.contains(":")) && value.chars().noneMatch(Character::isWhitespace)) {
            return Parsed.problem(new Problem("dns.name.url", hostOf(value)));
        }
        Parsed parsed = parse(value);
        if (parsed.name().isPresent() && parsed.name().get().labelCount() < 2) {
            return Parsed.problem(new Problem("dns.name.no-dot", parsed.name().get().ascii()));
        }
        return parsed;
    }

    /** True when {@code text} is a domain name {@link #parse} accepts. */
    public static boolean isValid(String text) {
        return parse(text).name().isPresent();
    }

    /** The name in ASCII (A-labels), lower case, without the final dot: what is sent and compared. */
    public String ascii() {
        return ascii;
    }

    /** The name for people: international labels in their own script ({@code bücher.test}). */
    public String unicode() {
        try {
            return IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return ascii;
        }
    }

    public List<String> labels() {
        return List.of(ascii.split("\\.", -1));
    }

    public int labelCount() {
        return labels().size();
    }

    /** {@code label} in front of this name: {@code prefixed("_dmarc")} is {@code _dmarc.example.com}. */
    public DomainName prefixed(String label) {
        return of(label + "." + ascii);
    }

    /** The name without its first label; empty for a single label. */
    public Optional<DomainName> parent() {
        int dot = ascii.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(new DomainName(ascii.substring(dot + 1)));
    }

    /** The last {@code count} labels: {@code example.com} of {@code a.b.example.com} for 2. */
    public DomainName lastLabels(int count) {
        List<String> labels = labels();
        if (count < 1 || count > labels.size()) {
            throw new IllegalArgumentException(ascii + " has " + labels.size() + " labels, not " + count + ".");
        }
        return new DomainName(String.join(".", labels.subList(labels.size() - count, labels.size())));
    }

    /** True when this name is {@code ancestor} or below it. */
    public boolean isAtOrBelow(DomainName ancestor) {
        return ascii.equals(ancestor.ascii) || ascii.endsWith("." + ancestor.ascii);
    }

    @Override
    public int compareTo(DomainName other) {
        return ascii.compareTo(other.ascii);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DomainName name && name.ascii.equals(ascii);
    }

    @Override
    public int hashCode() {
        return ascii.hashCode();
    }

    /** The ASCII form. */
    @Override
    public String toString() {
        return ascii;
    }

    /**
     * One label in ASCII, lower case: itself when it is ASCII, else its A-label
     * ({@code bücher} is {@code xn--bcher-kva}); empty when it has none. The rules of names are
     * checked apart, so each kind of name says what is wrong in its own words.
     */
    public static Optional<String> asciiLabel(String label) {
        if (label.chars().allMatch(c -> c < 0x80)) {
            return Optional.of(label.toLowerCase(Locale.ROOT));
        }
        try {
            // Only Unicode labels are converted; host-name rules are checked below, in Mailwright's words.
            return Optional.of(IDN.toASCII(label, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Parsed checkAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
            if (!allowed) {
                return Parsed.problem(new Problem("dns.name.character", Character.isISOControl(c) ? String.format("U+%04X", (int) c) : String.valueOf(c)));
            }
        }
        if (name.length() > MAX_LENGTH) {
            return Parsed.problem(new Problem("dns.name.too-long", name.length()));
        }
        for (String label : name.split("\\.", -1)) {
            if (label.length() > MAX_LABEL) {
                return Parsed.problem(new Problem("dns.name.label-too-long", label, label.length()));
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return Parsed.problem(new Problem("dns.name.hyphen", label));
            }
        }
        return new Parsed(Optional.of(new DomainName(name)), Optional.empty());
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

    /** Exactly one of a name and the problem that keeps the text from being one. */
    public record Parsed(Optional<DomainName> name, Optional<Problem> problem) {
        static Parsed problem(Problem problem) {
            return new Parsed(Optional.empty(), Optional.of(problem));
        }

        public boolean isValid() {
            return name.isPresent();
        }

        /** @throws InvalidDomainNameException when the text was no domain name */
        public DomainName orElseThrow() {
            return name.orElseThrow(() -> new InvalidDomainNameException(problem.orElseThrow()));
        }
    }
}
