package org.mailwright.reports;

import java.time.Instant;
import java.util.List;

/**
 * A failure report (RFC 6591 and RFC 9991: an ARF {@code message/feedback-report} of RFC 5965 with
 * the original message or its header), by its key fields. Absent fields are null or empty lists.
 *
 * @param feedbackType auth-failure for DMARC; abuse, fraud... for other ARF reports (lower case)
 * @param userAgent the reporting software
 * @param version the ARF version
 * @param originalEnvelopeId the receiver's id of the message
 * @param originalMailFrom the message's RFC 5321 MAIL FROM
 * @param originalRcptTo its recipients
 * @param arrivalDate when it arrived, or null when absent or unreadable
 * @param reportingMta the reporting server
 * @param sourceIp the address the message came from (canonical form when it is an address)
 * @param incidents how many messages the report stands for (1 when absent)
 * @param authenticationResults the receiver's Authentication-Results
 * @param reportedDomains the domains reported
 * @param deliveryResult delivered, spam, policy, reject, other (lower case)
 * @param authFailure which mechanism failed: dmarc, dkim, spf, adsp, bodyhash, revoked, signature (lower case)
 * @param dkimDomain the failing signature's d=
 * @param dkimIdentity its i=
 * @param dkimSelector its s=
 * @param identityAlignment which identifiers aligned: none, spf, dkim, or both (lower case)
 * @param spfDns the SPF record seen
 * @param original the original message's key header fields
 * @param digest a SHA-256 of the report's content, the same whatever its line ends: the archive's key
 */
public record FailureReport(String feedbackType, String userAgent, String version, String originalEnvelopeId,
        String originalMailFrom, List<String> originalRcptTo, Instant arrivalDate, String reportingMta, String sourceIp,
        long incidents, List<String> authenticationResults, List<String> reportedDomains, String deliveryResult,
        String authFailure, String dkimDomain, String dkimIdentity, String dkimSelector, String identityAlignment,
        String spfDns, OriginalMessage original, String digest) {

    public FailureReport {
        originalRcptTo = List.copyOf(originalRcptTo);
        authenticationResults = List.copyOf(authenticationResults);
        reportedDomains = List.copyOf(reportedDomains);
    }

    /**
     * The key header fields of the message that failed, as the report quotes them (RFC 2047 words decoded).
     *
     * @param from From
     * @param to To
     * @param subject Subject
     * @param messageId Message-ID
     * @param date Date as written
     */
    public record OriginalMessage(String from, String to, String subject, String messageId, String date) {
        public static final OriginalMessage NONE = new OriginalMessage(null, null, null, null, null);
    }
}
