package org.mailwright.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;
import org.mailwright.i18n.Problem;

/**
 * Brand indicators (BIMI): one {@code v=BIMI1} record at {@code default._bimi.<domain>}, its
 * {@code l=} logo and {@code a=} evidence over HTTPS when given. Optional, so its absence is a note.
 */
final class BimiProbe implements Probe {

    static final String VERSION = "v=BIMI1";

    @Override
    public CheckArea area() {
        return CheckArea.BIMI;
    }

    @Override
    public CompletableFuture<List<Finding>> run(CheckContext context) {
        DomainName name = context.domain().prefixed("_bimi").prefixed("default");
        return context.lookup(name, RecordType.TXT).thenApply(txt -> {
            if (!txt.outcome().isConclusive()) {
                return List.of(CheckFinding.CHECK_INCOMPLETE.of(area(), new LookupProblem(txt)));
            }
            Optional<TaggedRecord> single = TaggedRecord.single(txt.values(), VERSION);
            if (single.isEmpty()) {
                return List.of(CheckFinding.BIMI_MISSING.of(name.unicode()));
            }
            TaggedRecord record = single.get();
            if (record.problem().isPresent()) {
                return List.of(CheckFinding.BIMI_INVALID.of(name.unicode(), new Words(record.problem().get())));
            }
            for (String tag : List.of("l", "a")) {
                String value = record.tag(tag).orElse("");
                if (!value.isEmpty() && !value.toLowerCase(Locale.ROOT).startsWith("https://")) {
                    return List.of(CheckFinding.BIMI_INVALID.of(name.unicode(),
                            Words.of("check.bimi.not-https", tag, Problem.shown(value))));
                }
            }
            return List.<Finding>of(CheckFinding.BIMI_OK.of(name.unicode()));
        });
    }
}
