package org.mailwright.findings;

/** Every finding about SPF (RFC 7208): the linter's, the flattener's. */
public enum SpfFinding implements FindingType {
    MISSING("spf.missing", Severity.ERROR, "domain"),
    DNS_ERROR("spf.dns-error", Severity.ERROR, "name", "outcome"),
    MULTIPLE_RECORDS("spf.multiple-records", Severity.ERROR, "name", "count"),
    SYNTAX("spf.syntax", Severity.ERROR, "term", "position", "reason"),
    WRONG_IP_FAMILY("spf.wrong-ip-family", Severity.ERROR, "term", "position", "address", "mechanism"),
    TOO_MANY_LOOKUPS("spf.too-many-lookups", Severity.ERROR, "lookups", "limit", "breakdown"),
    TOO_MANY_VOID_LOOKUPS("spf.too-many-void-lookups", Severity.ERROR, "voids", "limit", "terms"),
    VOID_LOOKUPS("spf.void-lookups", Severity.WARNING, "voids", "limit", "terms"),
    INCLUDE_LOOP("spf.include-loop", Severity.ERROR, "term", "path"),
    INCLUDE_NO_RECORD("spf.include-no-record", Severity.ERROR, "term", "domain"),
    DUPLICATE_INCLUDE("spf.duplicate-include", Severity.WARNING, "domain", "times"),
    REDIRECT_WITH_ALL("spf.redirect-with-all", Severity.WARNING, "redirect", "all"),
    PTR_USED("spf.ptr-used", Severity.WARNING, "term"),
    PLUS_ALL("spf.plus-all", Severity.ERROR, "term"),
    NEUTRAL_ALL("spf.neutral-all", Severity.WARNING, "term"),
    NO_ALL("spf.no-all", Severity.WARNING),
    STRING_TOO_LONG("spf.string-too-long", Severity.WARNING, "length", "limit"),
    RECORD_TOO_LONG("spf.record-too-long", Severity.WARNING, "bytes", "limit"),
    RECORD_LONG("spf.record-long", Severity.INFO, "bytes", "limit"),
    MX_TOO_MANY_HOSTS("spf.mx-too-many-hosts", Severity.ERROR, "term", "name", "hosts", "limit"),
    LOOKUP_TIMEOUT("spf.lookup-timeout", Severity.WARNING, "terms", "count"),
    LOOKUP_FAILED("spf.lookup-failed", Severity.ERROR, "term", "type", "name", "outcome"),
    CHECK_INCOMPLETE("spf.check-incomplete", Severity.INFO, "limit", "count"),
    IPV6_UNCOVERED("spf.ipv6-uncovered", Severity.WARNING, "host", "address", "result"),
    MAIL_HOST_UNCOVERED("spf.mail-host-uncovered", Severity.WARNING, "host", "address", "result"),
    VALID("spf.valid", Severity.PASS, "domain", "lookups", "limit"),
    FLATTENED("spf.flattened", Severity.WARNING, "includes", "seconds");

    private final Declaration declaration;

    SpfFinding(String id, Severity severity, String... argumentNames) {
        this.declaration = new Declaration(id, severity, argumentNames);
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }
}
