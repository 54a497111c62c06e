package org.mailwright.dns;

import java.util.Objects;
import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * One DNS server: a host name or IP literal and a port. Written {@code host:port}, with IPv6
 * literals in brackets ({@code [2001:db8::53]:5353}); a bare IPv6 literal is accepted too.
 */
public record ServerAddress(String host, int port) {

    public static final int DNS_PORT = 53;

    public ServerAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw refused("dns.server.empty-host");
        }
        if (port < 1 || port > 65535) {
            throw refused("dns.server.port-range", String.valueOf(port));
        }
    }

    /**
     * Parses {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port} or a bare IPv6
     * literal; the port defaults to 53.
     *
     * @throws ProblemException with the sentence that says why, when the text is not an address
     */
    public static ServerAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw refused("dns.server.empty");
        }
        String value = text.trim();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw refused("dns.server.open-bracket", Problem.shown(value));
            }
            String host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (rest.isEmpty()) {
                return new ServerAddress(host, DNS_PORT);
            }
            if (!rest.startsWith(":")) {
                throw refused("dns.server.not-host-port", Problem.shown(value));
            }
            return new ServerAddress(host, parsePort(rest.substring(1), value));
        }
        int firstColon = value.indexOf(':');
        if (firstColon < 0) {
            return new ServerAddress(value, DNS_PORT);
        }
        if (firstColon != value.lastIndexOf(':')) {
            // More than one colon and no brackets: a bare IPv6 literal.
            return new ServerAddress(value, DNS_PORT);
        }
        return new ServerAddress(value.substring(0, firstColon), parsePort(value.substring(firstColon + 1), value));
    }

    private static int parsePort(String port, String whole) {
        if (port.isEmpty()) {
            throw refused("dns.server.no-port", Problem.shown(whole));
        }
        try {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                throw refused("dns.server.port-range-in", Problem.shown(port), Problem.shown(whole));
            }
            return number;
        } catch (NumberFormatException e) {
            throw refused("dns.server.not-a-port", Problem.shown(port), Problem.shown(whole));
        }
    }

    /** A server address refused, with the sentence that says why in the reader's language. */
    private static ProblemException refused(String key, Object... arguments) {
        return new ProblemException(new Problem(key, arguments));
    }

    /** True for this machine's own addresses (127.0.0.0/8, ::1, localhost): a development setup. */
    public boolean isLoopback() {
        String lower = host.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("localhost") || lower.startsWith("127.") || lower.equals("::1")
                || lower.equals("0:0:0:0:0:0:0:1");
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
