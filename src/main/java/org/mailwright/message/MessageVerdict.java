package org.mailwright.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * Mailwright's own result for the method an Authentication-Results entry names, to set beside
     * it; empty for a method Mailwright does not check, or SPF and DMARC when they could not be.
     */
    public Optional<String> ownResult(StampedResults.MethodResult theirs) {
        return ownResult(theirs, author, spf, dkim, dmarc, arc);
    }

    static Optional<String> ownResult(StampedResults.MethodResult theirs, Author author, SpfVerdict spf, List<DkimVerdict> dkim,
                                      DmarcVerdict dmarc, ArcReport arc) {
        return switch (theirs.method()) {
            case "spf" -> spf.evaluation().isPresent() ? Optional.of(spf.result()) : Optional.empty();
            case "dkim" -> dkimFor(theirs, dkim);
            case "dmarc" -> author.domain().isPresent() ? Optional.of(dmarc.result().jsonName()) : Optional.empty();
            case "arc" -> Optional.of(arc.result().jsonName());
            default -> Optional.empty();
        };
    }

    /** Mailwright's result for the signature a dkim result names by header.d (and header.s, when given). */
    private static Optional<String> dkimFor(StampedResults.MethodResult theirs, List<DkimVerdict> dkim) {
        Optional<String> domain = theirs.property("header.d")
                .or(() -> theirs.property("header.i").map(i -> i.substring(i.lastIndexOf('@') + 1)));
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> selector = theirs.property("header.s");
        return dkim.stream().map(DkimVerdict::signature)
                .filter(signature -> signature.domain().equalsIgnoreCase(domain.get()))
                .filter(signature -> selector.isEmpty() || signature.selector().equalsIgnoreCase(selector.get()))
                .map(signature -> signature.result().jsonName())
                .findFirst();
    }
}
