package org.mailwright.check;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.mailwright.findings.Finding;

/**
 * SPF or DMARC through the linter the wizards and {@code mailwright spf lint} / {@code dmarc lint}
 * use, so the health check never calls a record good that a linter finds wrong.
 */
final class LinterProbe implements Probe {

    private final CheckArea area;
    private final Function<CheckContext, CompletableFuture<List<Finding>>> findings;

    private LinterProbe(CheckArea area, Function<CheckContext, CompletableFuture<List<Finding>>> findings) {
        this.area = area;
        this.findings = findings;
    }

    static LinterProbe spf() {
        return new LinterProbe(CheckArea.SPF, context -> context.spf().thenApply(report -> report.findings()));
    }

    static LinterProbe dmarc() {
        return new LinterProbe(CheckArea.DMARC, context -> context.dmarc().thenApply(report -> report.findings()));
    }

    @Override
    public CheckArea area() {
        return area;
    }

    @Override
    public CompletableFuture<List<Finding>> run(CheckContext context) {
        return findings.apply(context);
    }
}
