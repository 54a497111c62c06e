package org.mailwright.findings;

/** Every finding about DKIM (RFC 6376, 8301, 8463): the key test's and the verifier's. */
public enum DkimFinding implements FindingType {
    KEY_MATCH("dkim.key-match", Severity.PASS, "name", "servers"),
    KEY_MISMATCH("dkim.key-mismatch", Severity.ERROR, "name", "servers"),
    KEY_OTHER_OPTIONS("dkim.key-other-options", Severity.WARNING, "name", "servers"),
    KEY_MISSING("dkim.key-missing", Severity.ERROR, "name", "servers"),
    KEY_MALFORMED("dkim.key-malformed", Severity.ERROR, "name", "problem"),
    KEY_REVOKED("dkim.key-revoked", Severity.ERROR, "name"),
    KEY_LOOKUP_FAILED("dkim.key-lookup-failed", Severity.WARNING, "name", "server", "problem"),
    SERVERS_DISAGREE("dkim.servers-disagree", Severity.WARNING, "name"),
    NO_AUTHORITATIVE_SERVERS("dkim.no-authoritative-servers", Severity.WARNING, "domain"),
    MULTIPLE_RECORDS("dkim.multiple-records", Severity.WARNING, "name", "count"),
    KEY_TOO_SHORT("dkim.key-too-short", Severity.ERROR, "bits"),
    KEY_SHORT("dkim.key-short", Severity.WARNING, "bits"),
    KEY_SHA1_ONLY("dkim.key-sha1-only", Severity.WARNING, "name"),
    KEY_NOT_FOR_EMAIL("dkim.key-not-for-email", Severity.ERROR, "name", "services"),
    TESTING_MODE("dkim.testing-mode", Severity.WARNING, "name"),
    SAMPLE_PASSED("dkim.sample-passed", Severity.PASS, "name"),
    SAMPLE_FAILED("dkim.sample-failed", Severity.ERROR, "name", "reason", "explanation"),
    SIGNATURE_SHA1("dkim.signature-sha1", Severity.WARNING),
    DRAFT_SIGNATURE("dkim.draft-signature", Severity.INFO),
    TIMESTAMP_IN_FUTURE("dkim.timestamp-in-future", Severity.WARNING, "time"),
    BODY_PARTLY_SIGNED("dkim.body-partly-signed", Severity.WARNING, "octets"),
    DOMAINKEYS_SIGNATURE("dkim.domainkeys-signature", Severity.INFO);

    private final Declaration declaration;

    DkimFinding(String id, Severity severity, String... argumentNames) {
        this.declaration = new Declaration(id, severity, argumentNames);
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }
}
