package org.mailwright.check;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;

/**
 * Whether the domain is signed and its answers validate: its SOA, validated from the trust
 * anchors (the root's, or {@code --trust-anchor}'s), a bogus verdict confirmed by a second resolver.
 */
final class DnssecProbe implements Probe {

    private final SecondOpinion validation;

    DnssecProbe(SecondOpinion validation) {
        this.validation = validation;
    }

    @Override
    public CheckArea area() {
        return CheckArea.DNSSEC;
    }

    @Override
    public CompletableFuture<List<Finding>> run(CheckContext context) {
        String domain = context.domain().unicode();
        return validation.validate(context, context.domain(), RecordType.SOA).thenApply(verdict -> List.of(switch (verdict.status()) {
            case SECURE -> CheckFinding.DNSSEC_OK.of(domain);
            case INSECURE -> CheckFinding.DNSSEC_UNSIGNED.of(domain);
            case BOGUS -> CheckFinding.DNSSEC_BOGUS.of(domain, verdict.reason());
            case FAILED -> CheckFinding.DNSSEC_UNCHECKED.of(domain, Words.of("check.dnssec.no-answer"));
            case RESOLVER_BLIND -> CheckFinding.DNSSEC_UNCHECKED.of(domain, Words.of("check.dnssec.resolver-blind"));
        }));
    }
}
