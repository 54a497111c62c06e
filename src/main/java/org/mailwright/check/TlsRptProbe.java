package org.mailwright.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;
import org.mailwright.i18n.Problem;

/**
 * SMTP TLS reporting (RFC 8460): one {@code v=TLSRPTv1} record at {@code _smtp._tls.<domain>}
 * whose {@code rua} lists {@code mailto:} or {@code https:} destinations.
 */
final class TlsRptProbe implements Probe {

    static final String VERSION = "v=TLSRPTv1";

    @Override
    public CheckArea area() {
        return CheckArea.TRANSPORT;
    }

    @Override
    public CompletableFuture<List<Finding>> run(CheckContext context) {
        DomainName name = context.domain().prefixed("_tls").prefixed("_smtp");
        return context.lookup(name, RecordType.TXT).thenApply(txt -> judge(context.domain(), name, txt));
    }

    static List<Finding> judge(DomainName domain, DomainName name, LookupResult txt) {
        if (!txt.outcome().isConclusive()) {
            return List.of(CheckFinding.CHECK_INCOMPLETE.of(CheckArea.TRANSPORT, new LookupProblem(txt)));
        }
        Optional<TaggedRecord> single = TaggedRecord.single(txt.values(), VERSION);
        if (single.isEmpty()) {
            return List.of(CheckFinding.TLSRPT_MISSING.of(domain.unicode()));
        }
        TaggedRecord record = single.get();
        if (record.problem().isPresent()) {
            return List.of(CheckFinding.TLSRPT_INVALID.of(name.unicode(), new Words(record.problem().get())));
        }
        String rua = record.tag("rua").orElse("");
        if (rua.isEmpty()) {
            return List.of(CheckFinding.TLSRPT_INVALID.of(name.unicode(), Words.of("check.record.missing-tag", "rua")));
        }
        for (String destination : rua.split(",")) {
            String uri = destination.strip().toLowerCase(Locale.ROOT);
            boolean mail = uri.startsWith("mailto:") && uri.indexOf('@') > "mailto:".length();
            boolean web = uri.startsWith("https://") && uri.length() > "https://".length();
            if (!mail && !web) {
                return List.of(CheckFinding.TLSRPT_INVALID.of(name.unicode(), Words.of("check.tlsrpt.bad-destination",
                        Problem.shown(destination.strip()))));
            }
        }
        return List.of(CheckFinding.TLSRPT_OK.of(rua));
    }
}
