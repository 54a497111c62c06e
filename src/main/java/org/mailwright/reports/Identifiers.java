package org.mailwright.reports;

/**
 * The domains a row's messages carried ({@code identifiers}); null when absent.
 *
 * @param headerFrom the RFC 5322 From domain
 * @param envelopeFrom the RFC 5321 MAIL FROM domain
 * @param envelopeTo the RFC 5321 RCPT TO domain
 */
public record Identifiers(String headerFrom, String envelopeFrom, String envelopeTo) {
}
