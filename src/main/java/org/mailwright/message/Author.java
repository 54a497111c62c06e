package org.mailwright.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.dkim.HeaderField;
import org.mailwright.dkim.MailMessage;
import org.mailwright.dns.DomainName;

/**
 * The Author Domain DMARC protects: the domain of the one address in the message's one From field
 * (RFC 9989 section 4.4, RFC 5322 section 3.6.2). A message with no From, several From fields,
 * or authors of several domains has none, and says why.
 *
 * @param domain the domain, in ASCII; empty when there is none
 * @param addresses the addresses found in From, as written (at most {@value #MAX_ADDRESSES})
 * @param problem why there is no Author Domain; empty when there is one
 */
public record Author(Optional<DomainName> domain, List<String> addresses, Optional<Problem> problem) {

    /** From fields with more mailboxes than this are not read further. */
    public static final int MAX_ADDRESSES = 100;

    /** Why a message has no single Author Domain. */
    public enum Problem {
        NO_FROM, SEVERAL_FROM_FIELDS, NO_ADDRESS, SEVERAL_DOMAINS, NOT_A_DOMAIN;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Author {
        Objects.requireNonNull(domain, "domain");
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(problem, "problem");
    }

    public static Author of(MailMessage message) {
        List<HeaderField> from = message.headers("From");
        if (from.isEmpty()) {
            return without(List.of(), Problem.NO_FROM);
        }
        if (from.size() > 1) {
            return without(List.of(), Problem.SEVERAL_FROM_FIELDS);
        }
        List<String> addresses = addresses(from.get(0).value());
        if (addresses.isEmpty()) {
            return without(addresses, Problem.NO_ADDRESS);
        }
        Optional<DomainName> domain = Optional.empty();
        for (String address : addresses) {
            int at = address.lastIndexOf('@');
            Optional<DomainName> each = at < 0 || address.endsWith("]") ? Optional.empty()
                    : DomainName.parse(address.substring(at + 1)).name().filter(name -> name.labelCount() >= 2);
            if (each.isEmpty()) {
                return without(addresses, Problem.NOT_A_DOMAIN);
            }
            if (domain.isPresent() && !domain.get().equals(each.get())) {
                return without(addresses, Problem.SEVERAL_DOMAINS);
            }
            domain = each;
        }
        return new Author(domain, addresses, Optional.empty());
    }

    /** The addr-specs of a From value: each mailbox's address in angle brackets, or the mailbox itself. */
    static List<String> addresses(String value) {
        String text = HeaderText.withoutComments(value);
        // A group ("Team: a@x, b@y;") lists its members after the colon.
        List<String> addresses = new ArrayList<>();
        for (String group : HeaderText.split(text, ';', MAX_ADDRESSES)) {
            List<String> nameAndMembers = HeaderText.split(group, ':', 2);
            String members = nameAndMembers.get(nameAndMembers.size() - 1);
            for (String mailbox : HeaderText.split(members, ',', MAX_ADDRESSES)) {
                if (addresses.size() == MAX_ADDRESSES) {
                    return addresses;
                }
                String address = addressOf(mailbox);
                if (!address.isEmpty()) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }

    private static String addressOf(String mailbox) {
        int open = mailbox.lastIndexOf('<');
        int close = mailbox.lastIndexOf('>');
        String address = open >= 0 && close > open ? mailbox.substring(open + 1, close) : mailbox;
        // An obsolete route ("<@relay:user@host>") is dropped; the address is after its colon.
        int route = address.lastIndexOf(':');
        if (address.startsWith("@") && route > 0) {
            address = address.substring(route + 1);
        }
        return address.strip();
    }

    private static Author without(List<String> addresses, Problem problem) {
        return new Author(Optional.empty(), addresses, Optional.of(problem));
    }
}
