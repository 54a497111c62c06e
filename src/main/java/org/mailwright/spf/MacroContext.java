package org.mailwright.spf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * The values macros expand to (RFC 7208 section 7.3) for one check_host() call.
 *
 * @param sender the identity checked, {@code local@domain} (s)
 * @param localPart its local part (l)
 * @param senderDomain its domain (o)
 * @param domain the domain whose record is being evaluated now (d)
 * @param client the SMTP client's address (i, c, v)
 * @param helo the HELO/EHLO name as given (h)
 * @param receiver the checking host's name (r)
 * @param timestamp seconds since the epoch (t)
 * @param validatedName the validated domain name of the client (p), "unknown" when there is none
 */
public record MacroContext(String sender, String localPart, String senderDomain, String domain,
                           InetAddress client, String helo, String receiver, long timestamp, String validatedName) {

    public MacroContext {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(senderDomain, "senderDomain");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(client, "client");
        helo = helo == null ? "" : helo;
        receiver = receiver == null || receiver.isBlank() ? "unknown" : receiver;
        validatedName = validatedName == null ? "unknown" : validatedName;
    }

    /** The same values while evaluating another domain's record (include, redirect). */
    public MacroContext withDomain(String newDomain) {
        return new MacroContext(sender, localPart, senderDomain, newDomain, client, helo, receiver, timestamp, validatedName);
    }

    public MacroContext withValidatedName(String name) {
        return new MacroContext(sender, localPart, senderDomain, domain, client, helo, receiver, timestamp, name);
    }

    /** The value of one macro letter (lower case), before transformers. */
    String value(char letter) {
        return switch (letter) {
            case 's' -> sender;
            case 'l' -> localPart;
            case 'o' -> senderDomain;
            case 'd' -> domain;
            case 'i' -> IpText.dotted(client);
            case 'p' -> validatedName;
            case 'v' -> client instanceof Inet4Address ? "in-addr" : "ip6";
            case 'h' -> helo;
            case 'c' -> IpText.format(client);
            case 'r' -> receiver;
            case 't' -> Long.toString(timestamp);
            default -> throw new IllegalArgumentException("no macro letter " + letter);
        };
    }
}
