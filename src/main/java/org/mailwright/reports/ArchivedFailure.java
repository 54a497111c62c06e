package org.mailwright.reports;

import java.time.Instant;
import java.util.List;

/**
 * A failure report (RFC 6591, RFC 9991) or abuse report (RFC 5965) as the archive keeps it: who
 * reported what about which message. Every field but the type and the incidents may be missing,
 * as reporters leave out what they like.
 *
 * @param arrival when the reported message arrived ({@code Arrival-Date}); null when not said or not readable
 * @param feedbackType {@code auth-failure} for a DMARC failure report, else the abuse report's type
 * @param sourceIp the address the message came from
 * @param incidents how many such messages the report stands for
 * @param reportedDomains the domains the report is about ({@code Reported-Domain}), in lower case
 * @param authFailure what failed ({@code dkim}, {@code spf}, {@code dmarc}, {@code bodyhash}...)
 * @param deliveryResult what the receiver did ({@code delivered}, {@code spam}, {@code policy}, {@code reject}, {@code other})
 * @param mailFrom the envelope sender ({@code Original-Mail-From})
 * @param from the message's From, as the report quotes it
 */
public record ArchivedFailure(Instant arrival, String feedbackType, String sourceIp, long incidents,
        List<String> reportedDomains, String authFailure, String deliveryResult, String dkimDomain, String dkimSelector,
        String spfDns, String mailFrom, String from, String subject, String messageId, String reportingMta) {

    /** The newest failure reports a summary lists, on the command line and on the Reports page alike. */
    public static final int IN_SUMMARY = 20;
    /** The most one list or export holds, so that its memory is bounded whatever the archive holds. */
    public static final int MOST_LISTED = 10_000;

    public ArchivedFailure {
        reportedDomains = List.copyOf(reportedDomains);
    }

    /**
     * The failure reports a choice of domain and period holds, and the newest of them.
     *
     * @param total how many the choice holds
     * @param newest the newest, at most as many as asked for; those without an arrival date last
     */
    public record Newest(long total, List<ArchivedFailure> newest) {

        /** No failure reports at all. */
        public static final Newest NONE = new Newest(0, List.of());

        public Newest {
            newest = List.copyOf(newest);
        }
    }
}
