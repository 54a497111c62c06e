package org.mailwright.findings;

/**
 * Every finding of the health check beyond the SPF, DKIM and DMARC linters': name servers, mail
 * hosts and their reverse DNS, MTA-STS (RFC 8461), TLS-RPT (RFC 8460), BIMI, DNSSEC, DANE
 * (RFC 7672), blocklists and the SMTP probe, plus the DKIM selector probe's own findings. Their
 * words share one catalogue, {@code findings-check}.
 */
public enum CheckFinding implements FindingType {
    NS_OK("ns.ok", Severity.PASS, "count"),
    NS_MISSING("ns.missing", Severity.ERROR, "domain", "problem"),
    NS_SINGLE("ns.single", Severity.WARNING, "host"),
    NS_NO_ADDRESS("ns.no-address", Severity.ERROR, "host"),
    NS_LAME("ns.lame", Severity.ERROR, "host", "address", "problem"),
    NS_UNREACHABLE("ns.unreachable", Severity.WARNING, "host", "address", "problem"),
    NS_SERIAL_MISMATCH("ns.serial-mismatch", Severity.WARNING, "serials"),
    NS_ONE_NETWORK("ns.one-network", Severity.INFO, "network"),
    NS_NO_IPV6("ns.no-ipv6", Severity.INFO),

    MX_OK("mx.ok", Severity.PASS, "hosts"),
    MX_MISSING("mx.missing", Severity.WARNING, "domain"),
    MX_NULL("mx.null", Severity.INFO, "domain"),
    MX_NULL_SPF("mx.null-spf", Severity.WARNING, "domain"),
    MX_NULL_DMARC("mx.null-dmarc", Severity.WARNING, "domain"),
    MX_LOOKUP_FAILED("mx.lookup-failed", Severity.WARNING, Verdict.NONE, "name", "problem"),
    MX_TARGET_NO_ADDRESS("mx.target-no-address", Severity.ERROR, "host"),
    MX_TARGET_CNAME("mx.target-cname", Severity.WARNING, "host", "target"),
    MX_TARGET_IP_LITERAL("mx.target-ip-literal", Severity.ERROR, "host"),
    MX_DUPLICATE("mx.duplicate", Severity.WARNING, "host"),
    MX_NO_IPV6("mx.no-ipv6", Severity.INFO),
    MX_NO_PTR("mx.no-ptr", Severity.WARNING, "address", "host"),
    MX_FCRDNS_MISMATCH("mx.fcrdns-mismatch", Severity.WARNING, "address", "names"),

    DKIM_FOUND("dkim.found", Severity.PASS, "name", "key"),
    DKIM_MISSING("dkim.missing", Severity.WARNING, "domain", "selectors"),
    DKIM_WEAK_KEY("dkim.weak-key", Severity.WARNING, "name", "bits"),
    DKIM_TESTING("dkim.testing", Severity.WARNING, "name"),
    DKIM_REVOKED("dkim.revoked", Severity.INFO, "name"),

    MTASTS_OK("mtasts.ok", Severity.PASS, "mode", "hosts"),
    MTASTS_MISSING("mtasts.missing", Severity.INFO, "domain"),
    MTASTS_RECORD_INVALID("mtasts.record-invalid", Severity.ERROR, "name", "problem"),
    MTASTS_POLICY_UNREACHABLE("mtasts.policy-unreachable", Severity.ERROR, "url", "problem"),
    MTASTS_POLICY_INVALID("mtasts.policy-invalid", Severity.ERROR, "url", "problem"),
    MTASTS_MX_NOT_COVERED("mtasts.mx-not-covered", Severity.ERROR, "host", "patterns"),
    MTASTS_TESTING("mtasts.testing", Severity.INFO, "mode"),
    MTASTS_SHORT_MAX_AGE("mtasts.short-max-age", Severity.WARNING, "seconds"),

    TLSRPT_OK("tlsrpt.ok", Severity.PASS, "destinations"),
    TLSRPT_MISSING("tlsrpt.missing", Severity.INFO, "domain"),
    TLSRPT_INVALID("tlsrpt.invalid", Severity.WARNING, "name", "problem"),

    BIMI_OK("bimi.ok", Severity.PASS, "name"),
    BIMI_MISSING("bimi.missing", Severity.INFO, "name"),
    BIMI_INVALID("bimi.invalid", Severity.WARNING, "name", "problem"),

    DNSSEC_OK("dnssec.ok", Severity.PASS, "domain"),
    DNSSEC_UNSIGNED("dnssec.unsigned", Severity.INFO, "domain"),
    DNSSEC_BOGUS("dnssec.bogus", Severity.ERROR, "domain", "problem"),
    DNSSEC_UNCHECKED("dnssec.unchecked", Severity.INFO, Verdict.NONE, "domain", "problem"),

    DANE_OK("dane.ok", Severity.PASS, "host"),
    DANE_MISMATCH("dane.mismatch", Severity.ERROR, "host", "problem"),

    DNSBL_CLEAN("dnsbl.clean", Severity.PASS, "addresses", "zones"),
    DNSBL_LISTED("dnsbl.listed", Severity.ERROR, "address", "zone", "code"),
    DNSBL_REFUSED("dnsbl.refused", Severity.INFO, Verdict.NONE, "zone", "code"),

    SMTP_OK("smtp.ok", Severity.PASS, "host"),
    SMTP_UNREACHABLE("smtp.unreachable", Severity.WARNING, "host", "problem"),
    SMTP_NO_STARTTLS("smtp.no-starttls", Severity.ERROR, "host"),
    SMTP_CERTIFICATE_INVALID("smtp.certificate-invalid", Severity.ERROR, "host", "problem"),
    SMTP_CERTIFICATE_EXPIRING("smtp.certificate-expiring", Severity.WARNING, "host", "days"),

    CHECK_INCOMPLETE("check.incomplete", Severity.WARNING, Verdict.NONE, "area", "problem");

    /** The catalogue these findings' words are in. */
    public static final String CATALOGUE = "check";

    /** Whether a finding judges the domain, or says only what could not be checked ({@link #inconclusive()}). */
    private enum Verdict {
        GIVEN, NONE
    }

    private final Declaration declaration;
    private final Verdict verdict;

    CheckFinding(String id, Severity severity, String... argumentNames) {
        this(id, severity, Verdict.GIVEN, argumentNames);
    }

    CheckFinding(String id, Severity severity, Verdict verdict, String... argumentNames) {
        this.declaration = new Declaration(id, severity, argumentNames);
        this.verdict = verdict;
    }

    @Override
    public boolean inconclusive() {
        return verdict == Verdict.NONE;
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }

    @Override
    public String catalogue() {
        return CATALOGUE;
    }
}
