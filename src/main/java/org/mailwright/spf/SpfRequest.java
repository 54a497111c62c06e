package org.mailwright.spf;

import java.net.InetAddress;
import java.util.Objects;
import org.mailwright.dns.DomainName;

/**
 * What check_host() is asked about: the SMTP client's address, the MAIL FROM address and the
 * HELO/EHLO name. An empty MAIL FROM (a bounce) means the HELO identity is checked, with
 * {@code postmaster@<helo>} as the sender (RFC 7208 section 2.4).
 *
 * @param client the client's address; an IPv4-mapped IPv6 address is already its IPv4 address
 * @param mailFrom the reverse path without angle brackets; empty for a bounce
 * @param helo the HELO/EHLO name as the client gave it; may be empty when only MAIL FROM is known
 */
public record SpfRequest(InetAddress client, String mailFrom, String helo) {

    /** Which identity is checked. */
    public enum Identity { MAIL_FROM, HELO }

    private static final String POSTMASTER = "postmaster";

    public SpfRequest {
        Objects.requireNonNull(client, "client");
        mailFrom = mailFrom == null ? "" : stripBrackets(mailFrom.trim());
        helo = helo == null ? "" : helo.trim();
    }

    /**
     * A request from text, as the CLI and batch files give it.
     *
     * @throws org.mailwright.i18n.ProblemException when {@code ip} is not an IP address, with the sentence that says so
     */
    public static SpfRequest of(String ip, String mailFrom, String helo) {
        return new SpfRequest(IpText.parseAddress(ip), mailFrom, helo);
    }

    public Identity identity() {
        return mailFrom.isEmpty() ? Identity.HELO : Identity.MAIL_FROM;
    }

    /** The domain whose record is checked first: the MAIL FROM domain, or the HELO name. */
    public String domain() {
        if (identity() == Identity.HELO) {
            return helo;
        }
        int at = mailFrom.lastIndexOf('@');
        return at < 0 ? mailFrom : mailFrom.substring(at + 1);
    }

    /**
     * True when this request checks {@code domain}'s record first: its sender (or, for a bounce,
     * its HELO name) is at {@code domain}, whatever the case, final dot or script it is written in.
     */
    public boolean checks(DomainName domain) {
        return DomainName.parse(domain()).name().filter(domain::equals).isPresent();
    }

    /** The local part of the sender, {@code postmaster} when there is none (section 4.3). */
    public String localPart() {
        int at = mailFrom.lastIndexOf('@');
        return identity() == Identity.HELO || at <= 0 ? POSTMASTER : mailFrom.substring(0, at);
    }

    /** The sender as macros see it: {@code local-part@domain}. */
    public String sender() {
        return localPart() + "@" + domain();
    }

    private static String stripBrackets(String address) {
        return address.startsWith("<") && address.endsWith(">") ? address.substring(1, address.length() - 1).trim() : address;
    }
}
