package org.mailwright.findings;

/** Every finding about DMARC (RFC 9989, 9990, 9991): the linter's. */
public enum DmarcFinding implements FindingType {
    MISSING("dmarc.missing", Severity.ERROR, "domain"),
    MULTIPLE_RECORDS("dmarc.multiple-records", Severity.ERROR, "name", "count"),
    SYNTAX("dmarc.syntax", Severity.ERROR, "position", "kind", "tag", "text", "expected"),
    SYNTAX_TOLERATED("dmarc.syntax-tolerated", Severity.WARNING, "position", "kind", "tag", "text", "expected"),
    NOT_FIRST_V("dmarc.not-first-v", Severity.ERROR, "record"),
    POLICY_NONE("dmarc.policy-none", Severity.WARNING, "tag"),
    TESTING("dmarc.testing", Severity.WARNING, "policy", "applied"),
    NO_RUA("dmarc.no-rua", Severity.WARNING),
    RUA_NOT_MAILTO("dmarc.rua-not-mailto", Severity.WARNING, "uri"),
    RUF_NOT_MAILTO("dmarc.ruf-not-mailto", Severity.WARNING, "uri"),
    RUA_TOO_MANY("dmarc.rua-too-many", Severity.WARNING, "count", "limit"),
    RUA_UNAUTHORIZED("dmarc.rua-unauthorized", Severity.ERROR, "uri", "host", "authorization", "domain"),
    RUF_UNAUTHORIZED("dmarc.ruf-unauthorized", Severity.ERROR, "uri", "host", "authorization", "domain"),
    AUTHORIZATION_NAME_TOO_LONG("dmarc.authorization-name-too-long", Severity.ERROR, "tag", "uri", "name", "length", "limit"),
    RUA_NO_MX("dmarc.rua-no-mx", Severity.ERROR, "uri", "host", "reason"),
    RUF_NO_MX("dmarc.ruf-no-mx", Severity.ERROR, "uri", "host", "reason"),
    LEGACY_TAG("dmarc.legacy-tag", Severity.INFO, "tag", "value"),
    PCT_IGNORED("dmarc.pct-ignored", Severity.WARNING, "tag", "value"),
    AT_APEX("dmarc.at-apex", Severity.WARNING, "domain", "name"),
    UNKNOWN_TAG("dmarc.unknown-tag", Severity.WARNING, "tag", "value", "position"),
    INHERITED("dmarc.inherited", Severity.INFO, "domain", "source", "tag", "policy"),
    SP_WEAKER("dmarc.sp-weaker", Severity.WARNING, "sp", "p"),
    NP_WEAKER("dmarc.np-weaker", Severity.WARNING, "np", "sp"),
    CNAME_AND_TXT("dmarc.cname-and-txt", Severity.ERROR, "name", "target"),
    TREATED_AS_NONE("dmarc.treated-as-none", Severity.ERROR, "tag"),
    IGNORED("dmarc.ignored", Severity.ERROR, "tag"),
    LOOKUP_FAILED("dmarc.lookup-failed", Severity.ERROR, "name", "type", "outcome", "server"),
    OBSOLETE_SIZE("dmarc.obsolete-size", Severity.INFO, "tag", "uri"),
    FO_WITHOUT_RUF("dmarc.fo-without-ruf", Severity.INFO, "fo"),
    PSD_YES("dmarc.psd-yes", Severity.INFO);

    private final Declaration declaration;

    DmarcFinding(String id, Severity severity, String... argumentNames) {
        this.declaration = new Declaration(id, severity, argumentNames);
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }
}
