package org.mailwright.dns;

import org.mailwright.i18n.Problem;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The name a query carries, from the text a caller gives.
 *
 * <p>A host or domain name goes through {@link DomainName}: lower case, international labels as
 * A-labels ({@code bücher.test} is sent as {@code xn--bcher-kva.test}). DNS carries any octets in a
 * label, though (RFC 2181 section 11), and SPF looks such names up ({@code exists:%{l}.example.com}
 * with the local part {@code Macro Error}): other ASCII text is read in zone-file presentation
 * form, {@code \.} and {@code \DDD} escapes included. Either way a name too long for DNS, or with
 * an empty label, is refused with {@link DomainName}'s sentence naming the part.
 */
final class QueryName {

    /** RFC 1035: a name takes at most 255 octets on the wire, each label its length octet included, the root's too. */
    private static final int MAX_WIRE_LENGTH = 255;

    private QueryName() {
    }

    /**
     * The absolute name {@code text} stands for.
     *
     * @throws InvalidDomainNameException saying in the user's words what is wrong
     */
    static Name parse(String text) {
        DomainName.Parsed domain = DomainName.parse(text);
        if (domain.isValid()) {
            return absolute(domain.name().orElseThrow().ascii());
        }
        String value = text == null ? "" : text.trim();
        if (value.isEmpty() || value.chars().anyMatch(c -> c >= 0x80)) {
            // Unicode that is no valid international name would go out as raw bytes: refused.
            throw new InvalidDomainNameException(domain.problem().orElseThrow());
        }
        Problem lengths = checkLengths(value);
        if (lengths != null) {
            throw new InvalidDomainNameException(lengths);
        }
        try {
            return Name.fromString(value, Name.root);
        } catch (TextParseException e) {
            // A malformed escape: DomainName names the character that is wrong.
            throw new InvalidDomainNameException(domain.problem().orElseThrow());
        }
    }

    /**
     * RFC 1035's lengths over presentation text, escapes counted as the one octet each stands
     * for, in one pass: the first label over 63 octets, an empty label, or a name over 255 octets
     * on the wire; null when the lengths are right.
     */
    private static Problem checkLengths(String value) {
        int end = value.length();
        if (end > 1 && value.charAt(end - 1) == '.' && !isEscaped(value, end - 1)) {
            end--;
        }
        int wire = 1;
        int labelStart = 0;
        int octets = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || value.charAt(i) == '.') {
                if (octets == 0) {
                    return new Problem("dns.name.empty-label");
                }
                if (octets > DomainName.MAX_LABEL) {
                    return new Problem("dns.name.label-too-long", value.substring(labelStart, i), octets);
                }
                wire += octets + 1;
                labelStart = i + 1;
                octets = 0;
            } else if (value.charAt(i) == '\\' && i + 1 < end) {
                i += i + 3 < end && isDigits(value, i + 1) ? 3 : 1;
                octets++;
            } else {
                octets++;
            }
        }
        return wire > MAX_WIRE_LENGTH ? new Problem("dns.name.too-long", wire - 2) : null;
    }

    private static boolean isDigits(String value, int from) {
        return Character.isDigit(value.charAt(from)) && Character.isDigit(value.charAt(from + 1))
                && Character.isDigit(value.charAt(from + 2));
    }

    /** True when the character at {@code index} follows an odd number of backslashes. */
    private static boolean isEscaped(String value, int index) {
        int backslashes = 0;
        for (int i = index - 1; i >= 0 && value.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    static Name absolute(String ascii) {
        try {
            return Name.fromString(ascii + ".");
        } catch (TextParseException e) {
            // A DomainName holds only letters, digits, hyphens, underscores and dots, within RFC 1035's lengths.
            throw new IllegalStateException("A checked domain name did not convert: " + ascii, e);
        }
    }
}
