package org.mailwright.dkim;

/** Which header field a signature came from. */
public enum SignatureKind {
    /** {@code DKIM-Signature} (RFC 6376). */
    DKIM,
    /** {@code DomainKey-Signature}, the historic predecessor (RFC 4870). */
    DOMAINKEYS,
    /** {@code ARC-Message-Signature}: a handler's DKIM-like signature of the message (RFC 8617). */
    ARC_MESSAGE_SIGNATURE,
    /** {@code ARC-Seal}: a handler's signature over the ARC sets so far (RFC 8617). */
    ARC_SEAL
}
