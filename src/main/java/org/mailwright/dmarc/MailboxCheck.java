package org.mailwright.dmarc;

import java.util.List;
import java.util.Objects;
import org.mailwright.dns.LookupResult;

/**
 * Whether the domain of a {@code mailto:} report address can receive mail at all (RFC 5321
 * section 5.1): its MX records, or failing those its A or AAAA records, and not a null MX (RFC 7505).
 *
 * @param tag {@link DmarcTag#RUA} or {@link DmarcTag#RUF}
 * @param uri the report destination
 * @param status the outcome
 * @param lookups the lookups made, MX first
 */
public record MailboxCheck(DmarcTag tag, ReportUri uri, Status status, List<LookupResult> lookups) {

    /**
     * The outcome. The order of the three failures is their code in the {@code dmarc.rua-no-mx}
     * message, so it must not change.
     */
    public enum Status {
        /** The domain publishes a null MX ({@code 0 .}): it says it takes no mail. */
        NULL_MX,
        /** No MX and no address: there is no server to deliver to. */
        NO_MAIL_SERVER,
        /** The domain does not exist (NXDOMAIN). */
        DOES_NOT_EXIST,
        /** It has a mail server. */
        RECEIVES_MAIL,
        /** A lookup failed, so it is not known. */
        UNKNOWN;

        public boolean cannotReceive() {
            return this == NULL_MX || this == NO_MAIL_SERVER || this == DOES_NOT_EXIST;
        }
    }

    public MailboxCheck {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(status, "status");
        lookups = List.copyOf(lookups);
    }
}
