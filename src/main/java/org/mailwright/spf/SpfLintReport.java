package org.mailwright.spf;

import java.util.List;
import java.util.Optional;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;

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

    /** The findings with this id, for example {@code spf.too-many-lookups}. */
    public List<Finding> findings(String id) {
        return findings.stream().filter(finding -> finding.id().equals(id)).toList();
    }
}
