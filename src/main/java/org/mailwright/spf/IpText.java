package org.mailwright.spf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.mailwright.dns.Ipv6Text;
import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * Strict IP address text for SPF: the ip4-network and ip6-network grammar of RFC 7208 (no leading
 * zeros, no shortened IPv4 forms) and the text forms macros and reverse lookups need. Never asks DNS.
 */
public final class IpText {

    private IpText() {
    }

    /** Four decimal numbers 0-255 without leading zeros, or null. */
    static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || part.length() > 1 && part.charAt(0) == '0') {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /** Eight groups of up to four hex digits, with at most one {@code ::} and an optional IPv4 tail; or null. */
    static byte[] parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (text.isEmpty() || gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = groups(gap >= 0 ? text.substring(0, gap) : text, gap < 0);
        List<Integer> tail = gap >= 0 ? groups(text.substring(gap + 2), true) : List.of();
        if (head == null || tail == null) {
            return null;
        }
        int given = head.size() + tail.size();
        if (gap < 0 ? given != 8 : given > 7) {
            return null;
        }
        List<Integer> all = new ArrayList<>(head);
        for (int i = given; i < 8; i++) {
            all.add(0);
        }
        all.addAll(tail);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (all.get(i) >> 8);
            bytes[2 * i + 1] = (byte) (int) all.get(i);
        }
        return bytes;
    }

    private static List<Integer> groups(String text, boolean mayEndInIpv4) {
        List<Integer> groups = new ArrayList<>();
        if (text.isEmpty()) {
            return groups;
        }
        String[] pieces = text.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (i == pieces.length - 1 && mayEndInIpv4 && piece.contains(".")) {
                byte[] v4 = parseIpv4(piece);
                if (v4 == null) {
                    return null;
                }
                groups.add((v4[0] & 0xff) << 8 | v4[1] & 0xff);
                groups.add((v4[2] & 0xff) << 8 | v4[3] & 0xff);
            } else {
                int group = hexGroup(piece);
                if (group < 0) {
                    return null;
                }
                groups.add(group);
            }
        }
        return groups;
    }

    /**
     * One to four hex digits as a number, or -1. Without a regular expression: reports name an
     * address per record, and a pattern compiled per group was the reading thread's largest cost
     * after the XML itself.
     */
    private static int hexGroup(String piece) {
        int length = piece.length();
        if (length == 0 || length > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < length; i++) {
            char c = piece.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value << 4 | c - '0';
            } else if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                value = value << 4 | (c | 0x20) - 'a' + 10;
            } else {
                return -1;
            }
        }
        return value;
    }

    /**
     * The client address of an SMTP session: IPv4 or IPv6 text, with IPv4-mapped IPv6 addresses
     * taken as the IPv4 address they carry (RFC 7208 section 5).
     *
     * @throws ProblemException when {@code text} is neither, with the sentence that says so
     */
    public static InetAddress parseAddress(String text) {
        String trimmed = text == null ? "" : text.trim();
        byte[] bytes = trimmed.contains(":") ? parseIpv6(trimmed) : parseIpv4(trimmed);
        if (bytes == null) {
            throw new ProblemException(new Problem("spf.ip.not-an-address", Problem.shown(trimmed)));
        }
        try {
            // getByAddress turns an IPv4-mapped IPv6 address into the IPv4 address, as SPF wants.
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Dotted quad for IPv4, RFC 5952 text for IPv6 (the %{c} macro and what people read). */
    public static String format(InetAddress address) {
        return address instanceof Inet4Address ? address.getHostAddress() : Ipv6Text.format(address.getAddress());
    }

    /** The %{i} form: dotted quad, or the 32 nibbles of an IPv6 address separated by dots. */
    static String dotted(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        StringBuilder out = new StringBuilder();
        for (byte b : address.getAddress()) {
            out.append(Character.forDigit(b >> 4 & 0xf, 16)).append('.')
                    .append(Character.forDigit(b & 0xf, 16)).append('.');
        }
        return out.substring(0, out.length() - 1);
    }

    /** The name a PTR lookup asks for: {@code 4.3.2.1.in-addr.arpa} or the ip6.arpa nibble name. */
    public static String reverseName(InetAddress address) {
        String[] labels = dotted(address).split("\\.");
        StringBuilder out = new StringBuilder();
        for (int i = labels.length - 1; i >= 0; i--) {
            out.append(labels[i]).append('.');
        }
        return out + (address instanceof Inet4Address ? "in-addr.arpa" : "ip6.arpa");
    }

    /** True when the first {@code prefix} bits of {@code address} equal those of {@code network}. */
    static boolean matches(InetAddress address, byte[] network, int prefix) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }
}
