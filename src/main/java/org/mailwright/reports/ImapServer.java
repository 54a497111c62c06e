package org.mailwright.reports;

import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * The IMAP server reports are fetched from: a host and the port of its IMAPS service (implicit
 * TLS). Mailwright never speaks IMAP without TLS, so the port is always a TLS port: 993 unless the
 * server runs IMAPS on another.
 *
 * @param host a host name or an IP address (an IPv6 address without brackets)
 * @param port the IMAPS port
 */
public record ImapServer(String host, int port) {

    /** The IMAPS port (RFC 8314). */
    public static final int IMAPS_PORT = 993;

    /** Longer than any host name (253) or IPv6 address with a zone. */
    private static final int MAX_HOST = 255;

    public ImapServer {
        if (host.isEmpty() || host.length() > MAX_HOST || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Not an IMAP server: " + host + " port " + port);
        }
    }

    /**
     * {@code HOST}, {@code HOST:PORT}, {@code [IPV6]:PORT} or a bare IPv6 address.
     *
     * @throws ProblemException when it is none of these
     */
    public static ImapServer parse(String text) {
        String host = text.strip();
        int port = IMAPS_PORT;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw bad(text);
            }
            String rest = host.substring(close + 1);
            host = host.substring(1, close);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw bad(text);
                }
                port = port(rest.substring(1), text);
            }
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            int colon = host.indexOf(':');
            port = port(host.substring(colon + 1), text);
            host = host.substring(0, colon);
        }
        if (host.isEmpty() || host.length() > MAX_HOST || !host.chars().allMatch(ImapServer::hostCharacter)) {
            throw bad(text);
        }
        return new ImapServer(host, port);
    }

    private static boolean hostCharacter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '.' || c == '-' || c == '_' || c == ':' || c == '%';
    }

    private static int port(String digits, String text) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(text);
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65_535) {
            throw bad(text);
        }
        return port;
    }

    private static ProblemException bad(String text) {
        return new ProblemException(new Problem("reports.mailbox.bad-server", Problem.shown(text)));
    }

    /** As the user writes it: {@code host:port}, an IPv6 address in brackets. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
