package org.mailwright.check;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mailwright.dns.DomainName;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.propagation.RecordKind;

/**
 * One health check of one domain: what each area found, and the scorecard made of it.
 *
 * @param domain the domain checked
 * @param checkedAt when the check started
 * @param areas each area's findings, in the scorecard's order; an area not checked is absent
 * @param scorecard the grades
 */
public record HealthReport(DomainName domain, Instant checkedAt, Map<CheckArea, List<Finding>> areas, Scorecard scorecard) {

    public HealthReport {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(checkedAt, "checkedAt");
        EnumMap<CheckArea, List<Finding>> copy = new EnumMap<>(CheckArea.class);
        areas.forEach((area, findings) -> copy.put(area, List.copyOf(findings)));
        areas = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(scorecard, "scorecard");
    }

    /** A report of these findings, scored. */
    public static HealthReport of(DomainName domain, Instant checkedAt, Map<CheckArea, List<Finding>> areas) {
        return new HealthReport(domain, checkedAt, areas, Scorecard.of(areas));
    }

    /** Every finding, area by area. */
    public List<Finding> findings() {
        return areas.values().stream().flatMap(List::stream).toList();
    }

    /** The DKIM selectors under which the check found a key (revoked ones too), in the order found. */
    public List<String> dkimSelectorsFound() {
        return areas.getOrDefault(CheckArea.DKIM, List.of()).stream()
                .filter(finding -> finding.type() == CheckFinding.DKIM_FOUND || finding.type() == CheckFinding.DKIM_REVOKED)
                .map(finding -> finding.arguments().get(0).toString())
                .flatMap(name -> RecordKind.selectorOf(name).stream())
                .distinct()
                .toList();
    }

    /** True when any finding is an error: the CLI then exits with 1. */
    public boolean hasErrors() {
        return findings().stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
    }
}
