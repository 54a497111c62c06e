package org.mailwright.reports;

/**
 * Everything in an aggregate report but its rows: what a reader hands over before the first row.
 *
 * @param version the report's {@code version} element (1.0, 2.0, 0.1...), or null
 * @param dmarc2Namespace whether the report declares the RFC 9990 namespace
 *     {@code urn:ietf:params:xml:ns:dmarc-2.0}
 * @param metadata who reports and for which period
 * @param policy the policy the receiver applied
 */
public record ReportHeader(String version, boolean dmarc2Namespace, ReportMetadata metadata, PolicyPublished policy) {

    /** The RFC 9990 namespace. */
    public static final String DMARC2_NAMESPACE = "urn:ietf:params:xml:ns:dmarc-2.0";
}
