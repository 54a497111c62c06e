package org.mailwright.dkim;

/** Which header field a signature came from. */
public enum SignatureKind {
    /** {@code DKIM-Signature} (RFC 6376). */
    DKIM,
    /** {@code DomainKey-Signature}, the historic predecessor (RFC 4870). */
    DOMAINKEYS
}
