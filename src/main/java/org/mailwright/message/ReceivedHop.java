package org.mailwright.message;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailwright.dkim.HeaderField;
import org.mailwright.dkim.MailMessage;
import org.mailwright.spf.IpText;

/**
 * What one Received field (RFC 5321 section 4.4) says of the client that handed the message on:
 * the name it gave in HELO and the address it connected from. Mail servers write these fields in
 * many dialects; the address is taken from an address literal ({@code [192.0.2.1]},
 * {@code [IPv6:2001:db8::1]}) in the from clause, or else from a bare address in its comment.
 *
 * @param position the field's place among the Received fields, 0 for the topmost (the newest)
 * @param helo the HELO/EHLO name the client gave; empty when the field does not say
 * @param address the client's address; empty when the field does not say
 * @param field the field's value, unfolded
 */
public record ReceivedHop(int position, String helo, Optional<InetAddress> address, String field) {

    /** Only the newest Received fields are read: the client a receiver saw is at the top. */
    public static final int MAX_HOPS = 100;

    private static final Pattern LITERAL = Pattern.compile("\\[(?:IPv6:)?([0-9A-Fa-f:.]{2,45})\\]");
    private static final Pattern BARE_ADDRESS = Pattern.compile("(?<![\\w.:])([0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![\\w.:])");
    private static final Pattern EXIM_HELO = Pattern.compile("(?i)\\bhelo=([^\\s)\\]]+)");

    public ReceivedHop {
        Objects.requireNonNull(helo, "helo");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(field, "field");
    }

    /** The message's Received fields read, newest first. */
    public static List<ReceivedHop> of(MailMessage message) {
        List<HeaderField> fields = message.headers("Received");
        List<ReceivedHop> hops = new ArrayList<>();
        for (int i = 0; i < Math.min(fields.size(), MAX_HOPS); i++) {
            hops.add(read(i, fields.get(i).value()));
        }
        return hops;
    }

    /**
     * The client the receiving server saw: the newest hop with a public address. Hops from
     * loopback, private and link-local addresses are the receiver's own handling (a content
     * filter, an internal relay) and are passed over.
     */
    public static Optional<ReceivedHop> connectingClient(List<ReceivedHop> hops) {
        return hops.stream().filter(hop -> hop.address().filter(ReceivedHop::isPublic).isPresent()).findFirst();
    }

    static ReceivedHop read(int position, String value) {
        String clause = fromClause(value);
        if (clause.isEmpty()) {
            return new ReceivedHop(position, "", Optional.empty(), value);
        }
        String firstWord = clause.strip().split("[\\s(]", 2)[0];
        Optional<InetAddress> address = literal(clause);
        if (address.isEmpty()) {
            Matcher bare = BARE_ADDRESS.matcher(clause);
            while (address.isEmpty() && bare.find()) {
                address = parse(bare.group(1));
            }
        }
        Matcher exim = EXIM_HELO.matcher(clause);
        String helo = exim.find() ? exim.group(1) : firstWord;
        return new ReceivedHop(position, helo, address, value);
    }

    /** What follows "from" up to the "by" clause, comments included (they hold the address). */
    private static String fromClause(String value) {
        String text = value.strip();
        if (!text.regionMatches(true, 0, "from", 0, 4) || text.length() < 5 || !Character.isWhitespace(text.charAt(4))) {
            return "";
        }
        int depth = 0;
        for (int i = 4; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == ';' || Character.isWhitespace(c) && startsWord(text, i + 1, "by"))) {
                // "from by ...": the space after "from" ends an empty clause.
                return text.substring(5, Math.max(5, i));
            }
        }
        return text.substring(5);
    }

    private static boolean startsWord(String text, int at, String word) {
        int end = at + word.length();
        return text.regionMatches(true, at, word, 0, word.length()) && (end == text.length() || Character.isWhitespace(text.charAt(end)));
    }

    private static Optional<InetAddress> literal(String clause) {
        Matcher matcher = LITERAL.matcher(clause);
        while (matcher.find()) {
            Optional<InetAddress> address = parse(matcher.group(1));
            if (address.isPresent()) {
                return address;
            }
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> parse(String text) {
        try {
            return Optional.of(IpText.parseAddress(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Not loopback, private (RFC 1918, RFC 4193), shared (RFC 6598), link-local or unspecified. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return !((bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64);
        }
        return !(address instanceof Inet6Address) || (bytes[0] & 0xfe) != 0xfc;
    }
}
