package org.mailwright.findings;

/** What the message checker finds about one message: why it passes or fails DMARC, and what to do. */
public enum MessageFinding implements FindingType {
    DMARC_PASS("message.dmarc-pass", Severity.PASS, "domain"),
    DMARC_FAIL("message.dmarc-fail", Severity.ERROR, "domain", "policy", "disposition"),
    NO_DMARC_POLICY("message.no-dmarc-policy", Severity.WARNING, "domain"),
    NO_FROM("message.no-from", Severity.ERROR),
    NO_AUTHOR_DOMAIN("message.no-author-domain", Severity.ERROR, "from"),
    SPF_NOT_ALIGNED("message.spf-not-aligned", Severity.WARNING, "spf-domain", "domain"),
    DKIM_NOT_ALIGNED("message.dkim-not-aligned", Severity.WARNING, "signing-domain", "domain"),
    NO_CLIENT_ADDRESS("message.no-client-address", Severity.WARNING),
    NO_ENVELOPE_SENDER("message.no-envelope-sender", Severity.WARNING),
    HEADERS_ONLY("message.headers-only", Severity.WARNING),
    ARC_VOUCHES("message.arc-vouches", Severity.INFO, "sealer"),
    RESULTS_DIFFER("message.results-differ", Severity.INFO, "server", "method", "theirs", "ours");

    private final Declaration declaration;

    MessageFinding(String id, Severity severity, String... argumentNames) {
        this.declaration = new Declaration(id, severity, argumentNames);
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }
}
