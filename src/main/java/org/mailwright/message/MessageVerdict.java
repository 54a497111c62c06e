package org.mailwright.message;

import java.util.List;
import java.util.Objects;
import org.mailwright.dkim.ArcReport;
import org.mailwright.findings.Finding;

/**
 * What a receiver decides about one message, with what the message's own Authentication-Results
 * fields say beside it.
 *
 * @param author the From field's Author Domain, or why there is none
 * @param spf SPF for the connecting client
 * @param dkim every signature, top to bottom
 * @param dmarc DMARC for the Author Domain
 * @param arc the ARC chain
 * @param stamped the Authentication-Results fields found, newest first
 * @param hops the Received fields read, newest first
 * @param findings what to know and do, most severe first
 */
public record MessageVerdict(Author author, SpfVerdict spf, List<DkimVerdict> dkim, DmarcVerdict dmarc, ArcReport arc,
                             List<StampedResults> stamped, List<ReceivedHop> hops, List<Finding> findings) {

    public MessageVerdict {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(spf, "spf");
        dkim = List.copyOf(dkim);
        Objects.requireNonNull(dmarc, "dmarc");
        Objects.requireNonNull(arc, "arc");
        stamped = List.copyOf(stamped);
        hops = List.copyOf(hops);
        findings = List.copyOf(findings);
    }

    /** The Author Domain in ASCII, empty when there is none. */
    public String fromDomain() {
        return author.domain().map(Object::toString).orElse("");
    }
}
