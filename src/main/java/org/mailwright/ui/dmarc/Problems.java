package org.mailwright.ui.dmarc;

import java.util.Collection;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.ui.controls.CheckState;

/** Small judgements the page's parts share. */
final class Problems {

    private Problems() {
    }

    /** A failure as one sentence for the user (the core's exceptions carry one), never a stack trace. */
    static String sentence(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
    }

    /** The badge for a set of findings: its most serious one; information alone is a pass. */
    static CheckState worst(Collection<Finding> findings) {
        Severity worst = findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(Severity.PASS);
        return switch (worst) {
            case ERROR -> CheckState.ERROR;
            case WARNING -> CheckState.WARNING;
            case INFO, PASS -> CheckState.PASS;
        };
    }
}
