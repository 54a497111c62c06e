package org.mailwright.ui.dmarc;

import java.util.Collection;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.ui.controls.CheckState;

/** The badge of a card: the most serious of the findings the core gave for what it shows. */
final class Badge {

    private Badge() {
    }

    /** The most serious finding's state; information alone, or nothing, is a pass. */
    static CheckState worst(Collection<Finding> findings) {
        Severity worst = findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(Severity.PASS);
        return worst == Severity.INFO ? CheckState.PASS : CheckState.of(worst);
    }
}
