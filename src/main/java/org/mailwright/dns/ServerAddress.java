package org.mailwright.dns;

import java.util.Objects;
import org.mailwright.i18n.Problem;

/**
 * One DNS server: a host name or IP literal and a port. Written {@code host:port}, with IPv6
 * literals in brackets ({@code [2001:db8::53]:5353}); a bare IPv6 literal is accepted too.
 */
public record ServerAddress(String host, int port) {

    public static final int DNS_PORT = 53;

    public ServerAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("The server's host is empty.");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is not between 1 and 65535.");
        }
    }

    /**
     * Parses {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port} or a bare IPv6
     * literal; the port defaults to 53.
     *
     * @throws IllegalArgumentException with a sentence fit for the user when the text is not an
     *     address
     */
    public static ServerAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The server address is empty.");
        }
        String value = text.trim();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException(quoted(value) + " opens a bracket it does not close.");
            }
            String host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (rest.isEmpty()) {
                return new ServerAddress(host, DNS_PORT);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException(quoted(value) + " is not HOST[:PORT].");
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
            throw new IllegalArgumentException(quoted(whole) + " has a colon but no port after it.");
        }
        try {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                throw new IllegalArgumentException("Port " + port + " in " + quoted(whole) + " is not between 1 and 65535.");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(quoted(port) + " in " + quoted(whole) + " is not a port number.");
        }
    }

    /** {@code text} in quotes as a message repeats it: whole when short, else its start and an ellipsis. */
    private static String quoted(String text) {
        return "\"" + Problem.shown(text) + "\"";
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
