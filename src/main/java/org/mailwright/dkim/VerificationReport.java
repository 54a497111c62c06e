package org.mailwright.dkim;

import java.util.List;

/** Every signature of a message, top to bottom, each with its own result. */
public record VerificationReport(List<SignatureResult> signatures) {

    public VerificationReport {
        signatures = List.copyOf(signatures);
    }

    /** True when at least one signature passes: the message is DKIM-authenticated by its domain. */
    public boolean anyPass() {
        return signatures.stream().anyMatch(SignatureResult::passed);
    }

    /** True when the message carries no signature at all. */
    public boolean unsigned() {
        return signatures.isEmpty();
    }
}
