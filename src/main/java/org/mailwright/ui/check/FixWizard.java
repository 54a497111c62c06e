package org.mailwright.ui.check;

import java.util.Optional;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;

/**
 * The wizard whose record fixes a finding, for the fix buttons of the Health check page. A finding
 * of an area no wizard writes (name servers, blocklists...) has none, and neither has a pass: a
 * button there would lead nowhere useful.
 */
public enum FixWizard {
    SPF,
    DKIM,
    DMARC;

    /** The wizard that writes the record {@code finding} is about, if any. */
    public static Optional<FixWizard> of(Finding finding) {
        if (finding.severity() == Severity.PASS) {
            return Optional.empty();
        }
        // A null MX asks for SPF -all and DMARC p=reject: those records are the fix, not the MX.
        if (finding.type() == CheckFinding.MX_NULL_SPF) {
            return Optional.of(SPF);
        }
        if (finding.type() == CheckFinding.MX_NULL_DMARC) {
            return Optional.of(DMARC);
        }
        return switch (finding.area()) {
            case "spf" -> Optional.of(SPF);
            case "dkim" -> Optional.of(DKIM);
            case "dmarc" -> Optional.of(DMARC);
            default -> Optional.empty();
        };
    }
}
