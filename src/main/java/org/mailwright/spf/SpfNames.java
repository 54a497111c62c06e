package org.mailwright.spf;

import java.util.Optional;
import org.mailwright.dns.DomainName;

/**
 * The names SPF looks up, in the form DNS carries them. Names come from two places that trust
 * different rules: a record's domain-spec after macro expansion (any printable octets, RFC 7208
 * section 7.3: a local part such as {@code foo+bar} or a HELO name with spaces is looked up as
 * it is), and the names inside DNS answers (MX hosts, PTR names), which must be domain names.
 */
final class SpfNames {

    private SpfNames() {
    }

    /**
     * The name to send for {@code name}: each international label as its A-label
     * ({@code bücher} is {@code xn--bcher-kva}), every octet that is not a letter, digit, hyphen or
     * underscore escaped as {@code \DDD}, so the resolver reads it as one octet of the label and
     * never as a separator or an escape. Empty when DNS cannot carry the name (RFC 1035): an empty
     * label, a label over {@value DomainName#MAX_LABEL} octets, a name over
     * {@value DomainName#MAX_LENGTH}, or an international label without an A-label.
     */
    static Optional<String> query(String name) {
        String bare = withoutFinalDot(name);
        StringBuilder wire = new StringBuilder();
        int octets = -1;
        int start = 0;
        while (start <= bare.length()) {
            int dot = bare.indexOf('.', start);
            int end = dot < 0 ? bare.length() : dot;
            Optional<String> label = DomainName.asciiLabel(bare.substring(start, end))
                    .filter(ascii -> !ascii.isEmpty() && ascii.length() <= DomainName.MAX_LABEL);
            if (label.isEmpty()) {
                return Optional.empty();
            }
            octets += label.get().length() + 1;
            if (octets > DomainName.MAX_LENGTH) {
                return Optional.empty();
            }
            if (wire.length() > 0) {
                wire.append('.');
            }
            escape(label.get(), wire);
            start = end + 1;
        }
        return Optional.of(wire.toString());
    }

    /** True when {@link #query} can send {@code name}. */
    static boolean isQueryable(String name) {
        return query(name).isPresent();
    }

    /**
     * A host name from a DNS answer (an MX host, a PTR name), in the presentation form resolvers
     * write ({@code \\DDD} and {@code \\X} escapes), as plain text {@link #query} takes. Empty
     * when a label holds a dot ({@code a\\.b.example}: written out it would be another name, with
     * more labels) or an octet past ASCII, which no host name has. Other odd octets stay: DNS
     * carries them, and RFC 7208 looks such hosts up as they are.
     */
    static Optional<String> fromAnswer(String presentation) {
        String name = presentation.endsWith(".") && !presentation.endsWith("\\.")
                ? presentation.substring(0, presentation.length() - 1) : presentation;
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' && isDigits(name, i + 1)) {
                int octet = Integer.parseInt(name.substring(i + 1, i + 4));
                if (octet == '.' || octet > 0x7f) {
                    return Optional.empty();
                }
                plain.append((char) octet);
                i += 3;
            } else if (c == '\\') {
                if (i + 1 == name.length() || name.charAt(i + 1) == '.') {
                    return Optional.empty();
                }
                plain.append(name.charAt(++i));
            } else if (c > 0x7f) {
                return Optional.empty();
            } else {
                plain.append(c);
            }
        }
        return Optional.of(plain.toString()).filter(SpfNames::isQueryable);
    }

    private static boolean isDigits(String text, int from) {
        return from + 3 <= text.length()
                && text.substring(from, from + 3).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static String withoutFinalDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** True when {@code name} is {@code domain} or below it, whatever the case. */
    static boolean isSameOrBelow(String name, String domain) {
        String n = withoutFinalDot(name);
        String d = withoutFinalDot(domain);
        return n.equalsIgnoreCase(d)
                || n.length() > d.length() && n.charAt(n.length() - d.length() - 1) == '.'
                        && n.regionMatches(true, n.length() - d.length(), d, 0, d.length());
    }

    private static void escape(String label, StringBuilder wire) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (plain) {
                wire.append(c);
            } else {
                wire.append('\\').append(String.format("%03d", (int) c));
            }
        }
    }
}
