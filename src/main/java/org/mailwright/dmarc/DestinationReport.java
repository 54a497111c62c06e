package org.mailwright.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.dns.DomainName;
import org.mailwright.findings.DmarcFinding;
import org.mailwright.findings.Finding;

/**
 * Everything checked about one report destination: whether it may receive the domain's reports
 * and, for a {@code mailto:} destination, whether its domain receives mail. Its findings are the
 * ones {@code mailwright dmarc lint} gives for the destination, so the window and the command line
 * judge a destination by one rule.
 *
 * @param authorization whether the destination accepts the domain's reports
 * @param mailbox for {@code mailto:}, whether the mailbox's domain receives mail; otherwise empty
 */
public record DestinationReport(DestinationCheck authorization, Optional<MailboxCheck> mailbox) {

    public DestinationReport {
        Objects.requireNonNull(authorization, "authorization");
        mailbox = mailbox == null ? Optional.empty() : mailbox;
    }

    /** What is wrong with the destination, as the linter says it; empty when reports can go there. */
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        DestinationCheck check = authorization;
        switch (check.status()) {
            case NOT_AUTHORIZED -> findings.add((check.tag() == DmarcTag.RUA ? DmarcFinding.RUA_UNAUTHORIZED
                    : DmarcFinding.RUF_UNAUTHORIZED).of(check.uri().toString(), check.uri().host(), check.authorizationName(),
                    check.policyDomain()));
            case UNKNOWN -> findings.add(DmarcLinter.lookupFailed(check.lookup().orElseThrow()));
            case NAME_TOO_LONG -> findings.add(DmarcFinding.AUTHORIZATION_NAME_TOO_LONG.of(check.tag().tagName(),
                    check.uri().toString(), check.authorizationName(), check.authorizationName().length(), DomainName.MAX_LENGTH));
            case AUTHORIZED, NOT_NEEDED -> {
            }
        }
        mailbox.ifPresent(receiving -> {
            if (receiving.status().cannotReceive()) {
                findings.add((receiving.tag() == DmarcTag.RUA ? DmarcFinding.RUA_NO_MX : DmarcFinding.RUF_NO_MX).of(
                        receiving.uri().toString(), receiving.uri().host(), receiving.status().ordinal()));
            } else if (receiving.status() == MailboxCheck.Status.UNKNOWN) {
                receiving.lookups().stream().filter(lookup -> !lookup.outcome().isConclusive()).findFirst()
                        .ifPresent(lookup -> findings.add(DmarcLinter.lookupFailed(lookup)));
            }
        });
        return List.copyOf(findings);
    }
}
