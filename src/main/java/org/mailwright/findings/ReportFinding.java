package org.mailwright.findings;

import java.util.Optional;

/** The suggestions the DMARC reports lead to: what to change, read from who sends as the domain. */
public enum ReportFinding implements FindingType {
    PROVIDER_NOT_IN_SPF("reports.provider-not-in-spf", Severity.WARNING, "provider", "address", "messages", "include", "domain"),
    FORWARDED("reports.forwarded", Severity.INFO, "address", "name", "messages"),
    UNKNOWN_SOURCE_FAILING("reports.unknown-source-failing", Severity.WARNING, "address", "name", "messages", "domain"),
    NEW_SOURCE("reports.new-source", Severity.INFO, "address", "name", "date", "messages", "failing", "domain"),
    READY_FOR_NEXT_STAGE("reports.ready-for-next-stage", Severity.PASS, "domain", "percent", "days"),
    NOT_READY("reports.not-ready", Severity.INFO, "domain", "percent", "days", "new-failing"),
    TOO_LITTLE_TO_JUDGE("reports.too-little-to-judge", Severity.INFO, "domain", "messages", "days"),
    NAMES_UNANSWERED("reports.names-unanswered", Severity.WARNING, "unanswered", "asked", "outcome", "server"),
    SPF_UNANSWERED("reports.spf-unanswered", Severity.WARNING, "domain", "step"),
    DATED_AHEAD("reports.dated-ahead", Severity.WARNING, "domain", "reports", "latest");

    private final Declaration declaration;

    ReportFinding(String id, Severity severity, String... argumentNames) {
        this.declaration = new Declaration(id, severity, argumentNames);
    }

    @Override
    public Declaration declaration() {
        return declaration;
    }

    /**
     * The include a suggestion says the domain's SPF record lacks, as the finding was made with it
     * (such as {@code _spf.google.com}): what the SPF wizard adds when it opens from the suggestion.
     * Empty for a finding that names none.
     */
    public static Optional<String> spfIncludeToAdd(Finding finding) {
        if (finding.type() != PROVIDER_NOT_IN_SPF) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(finding.arguments().get(PROVIDER_NOT_IN_SPF.argumentNames().indexOf("include"))));
    }
}
