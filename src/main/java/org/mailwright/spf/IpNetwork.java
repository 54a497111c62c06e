package org.mailwright.spf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.mailwright.dns.Ipv6Text;

/**
 * The network of an ip4 or ip6 mechanism: an address and a prefix length. Kept as bytes, since an
 * ip6 network may be IPv4-mapped and must still only ever match IPv6 clients.
 */
public final class IpNetwork {

    private final byte[] address;
    private final int prefix;

    IpNetwork(byte[] address, int prefix) {
        this.address = address.clone();
        this.prefix = prefix;
    }

    /**
     * Parses {@code address[/prefix]} for an ip4 ({@code ipv4} true) or ip6 mechanism, by the
     * grammar of RFC 7208 section 5.6: no leading zeros, prefix at most 32 or 128.
     *
     * @throws SpfSyntaxException saying what is wrong (an address of the other family is named as such)
     */
    public static IpNetwork parse(String text, boolean ipv4) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = ipv4 ? IpText.parseIpv4(host) : IpText.parseIpv6(host);
        if (bytes == null) {
            byte[] other = ipv4 ? IpText.parseIpv6(host) : IpText.parseIpv4(host);
            if (other != null) {
                throw new SpfSyntaxException("wrong-ip-family", host, ipv4 ? "ip4" : "ip6", ipv4 ? "ip6" : "ip4");
            }
            throw new SpfSyntaxException(ipv4 ? "bad-ip4" : "bad-ip6", host);
        }
        int max = bytes.length * 8;
        int prefix = slash < 0 ? max : prefixLength(text.substring(slash + 1), max);
        return new IpNetwork(bytes, prefix);
    }

    /** The network of {@code prefix} bits around {@code address}, host bits cleared. */
    public static IpNetwork of(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        return new IpNetwork(bytes, prefix);
    }

    /** A CIDR length: "0" or digits without a leading zero, at most {@code max}. */
    static int prefixLength(String digits, int max) {
        if (!digits.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(digits) > max) {
            throw new SpfSyntaxException("bad-cidr", "/" + digits, max);
        }
        return Integer.parseInt(digits);
    }

    public boolean isIpv4() {
        return address.length == 4;
    }

    public int prefix() {
        return prefix;
    }

    /** The largest prefix for this family: 32 or 128. */
    public int maxPrefix() {
        return address.length * 8;
    }

    /** True when {@code client} is of the same family and inside the network. */
    public boolean contains(InetAddress client) {
        return IpText.matches(client, address, prefix);
    }

    /** The mechanism term for this network, with the prefix only when it is not a single host. */
    public String term() {
        String text = isIpv4() ? IpText.format(inet()) : Ipv6Text.format(address);
        return (isIpv4() ? "ip4:" : "ip6:") + text + (prefix == maxPrefix() ? "" : "/" + prefix);
    }

    private InetAddress inet() {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpNetwork that && prefix == that.prefix && Arrays.equals(address, that.address);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(address) + prefix;
    }

    @Override
    public String toString() {
        return term();
    }
}
