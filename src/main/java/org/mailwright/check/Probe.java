package org.mailwright.check;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.mailwright.findings.Finding;

/** One area's look at a domain: its findings, every one from the registry. */
interface Probe {

    CheckArea area();

    /**
     * Starts looking. The future completes normally with the findings, including a lookup that
     * failed (said as a finding); the health check reports a probe that fails or runs past its
     * time as {@code check.incomplete}.
     */
    CompletableFuture<List<Finding>> run(CheckContext context);
}
