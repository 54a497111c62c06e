package org.mailwright.spf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mailwright.findings.Finding;
import org.mailwright.findings.FindingType;
import org.mailwright.findings.Severity;
import org.mailwright.findings.SpfFinding;

/**
 * What the linter found about a domain's SPF record.
 *
 * @param domain the domain checked
 * @param record the record checked (published or draft); null when there is none to check
 * @param lookups how many DNS-querying terms the whole tree needs (receivers stop at 10)
 * @param tree the record's DNS-querying terms and what they include; null when there is no valid record
 * @param findings what is wrong (or, when nothing is, one pass finding), most serious first
 */
public record SpfLintReport(String domain, String record, int lookups, LookupNode tree, List<Finding> findings) {

    public SpfLintReport {
        findings = List.copyOf(findings);
    }

    public Optional<String> recordText() {
        return Optional.ofNullable(record);
    }

    public Optional<LookupNode> lookupTree() {
        return Optional.ofNullable(tree);
    }

    /** True when a finding is an error: receivers would reject or ignore the record. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
    }

    /**
     * How the record fares, in one word: the most serious of its findings. A record is never
     * {@link Severity#PASS} while any finding is an error or a warning.
     */
    public Severity worstSeverity() {
        return findings.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(Severity.PASS);
    }

    /** True when the linter found {@code type}, for example {@link SpfFinding#TOO_MANY_LOOKUPS}. */
    public boolean has(FindingType type) {
        return findings.stream().anyMatch(finding -> finding.type() == type);
    }

    /**
     * This report with one more finding made outside the linter (the flattener's warning, say),
     * in its place by severity; an error or a warning takes away the "valid" pass.
     */
    public SpfLintReport with(Finding finding) {
        List<Finding> all = new ArrayList<>(findings);
        if (finding.severity() == Severity.ERROR || finding.severity() == Severity.WARNING) {
            all.removeIf(found -> found.type() == SpfFinding.VALID);
        }
        all.add(finding);
        all.sort(Comparator.comparing(Finding::severity));
        return new SpfLintReport(domain, record, lookups, tree, all);
    }

    /** The findings with this id, for example {@code spf.too-many-lookups}. */
    public List<Finding> findings(String id) {
        return findings.stream().filter(finding -> finding.id().equals(id)).toList();
    }
}
