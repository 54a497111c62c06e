package org.mailwright.dkim;

import java.util.Locale;
import org.mailwright.i18n.Messages;

/**
 * Why a signature did not pass. Each has a stable id (for JSON) and a sentence in the core bundle
 * ({@code dkim.reason.<id>}), which may name the offending tag or value.
 */
public enum Reason {
    // fail
    BODY_HASH("body-hash"),
    SIGNATURE("signature"),
    KEY_REVOKED("key-revoked"),
    KEY_TOO_SHORT("key-too-short"),
    EXPIRED("expired"),
    // permerror: the signature
    SIGNATURE_SYNTAX("signature-syntax"),
    MISSING_TAG("missing-tag"),
    UNSUPPORTED_VERSION("unsupported-version"),
    UNSUPPORTED_ALGORITHM("unsupported-algorithm"),
    UNSUPPORTED_CANONICALIZATION("unsupported-canonicalization"),
    UNSUPPORTED_QUERY_METHOD("unsupported-query-method"),
    IDENTITY_MISMATCH("identity-mismatch"),
    FROM_NOT_SIGNED("from-not-signed"),
    BAD_TIMESTAMPS("bad-timestamps"),
    BODY_LENGTH_EXCEEDS_BODY("body-length-exceeds-body"),
    NUMBER_TOO_LONG("number-too-long"),
    TOO_MANY_SIGNED_HEADERS("too-many-signed-headers"),
    // permerror: the key record
    KEY_NOT_FOUND("key-not-found"),
    KEY_SYNTAX("key-syntax"),
    KEY_VERSION("key-version"),
    KEY_TYPE_UNSUPPORTED("key-type-unsupported"),
    KEY_TYPE_MISMATCH("key-type-mismatch"),
    KEY_DATA("key-data"),
    KEY_HASH_NOT_ALLOWED("key-hash-not-allowed"),
    KEY_NOT_FOR_EMAIL("key-not-for-email"),
    KEY_SUBDOMAIN_NOT_ALLOWED("key-subdomain-not-allowed"),
    KEY_GRANULARITY("key-granularity"),
    // temperror
    DNS_ERROR("dns-error"),
    // neutral
    DOMAINKEYS_NOT_EVALUATED("domainkeys-not-evaluated"),
    TOO_MANY_SIGNATURES("too-many-signatures");

    private final String id;

    Reason(String id) {
        this.id = id;
    }

    /** The stable id used in JSON, for example {@code body-hash}. */
    public String id() {
        return id;
    }

    /** The reason's sentence in {@code locale}'s language; an argument that is itself words is said in it too. */
    public String text(Locale locale, Object... arguments) {
        return Messages.get(locale, "dkim.reason." + id, arguments);
    }
}
