package org.mailwright.dmarc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.dns.DomainName;

/**
 * The DNS tree walk of RFC 9989 section 4.10 from one name: the queries made, in order, and the
 * Organizational Domain they point to (section 4.10.2).
 *
 * @param start the name the walk started from
 * @param steps the queries made, the start first, then ever shorter names; at most
 *     {@value PolicyDiscovery#MAX_QUERIES}
 */
public record TreeWalk(String start, List<WalkStep> steps) {

    public TreeWalk {
        Objects.requireNonNull(start, "start");
        steps = List.copyOf(steps);
    }

    /**
     * The Organizational Domain, chosen among the names where a record was found, longest first:
     * one with {@code psd=n} is it; one with {@code psd=y} (other than the start) makes the name one
     * label below it the Organizational Domain; otherwise the name with the fewest labels. With no
     * record at all it is the start itself.
     */
    public String organizationalDomain() {
        List<WalkStep> found = stepsWithRecord();
        for (WalkStep step : found) {
            PsdFlag psd = step.record().orElseThrow().psd();
            if (psd == PsdFlag.NO) {
                return step.domain();
            }
            if (psd == PsdFlag.YES && !step.domain().equals(start)) {
                return DomainName.of(start).lastLabels(DomainName.of(step.domain()).labelCount() + 1).ascii();
            }
        }
        return found.isEmpty() ? start : found.get(found.size() - 1).domain();
    }

    /** The public suffix domain found above the start ({@code psd=y}), if any. */
    public Optional<WalkStep> publicSuffix() {
        return stepsWithRecord().stream()
                .filter(step -> !step.domain().equals(start) && step.record().orElseThrow().psd() == PsdFlag.YES)
                .findFirst();
    }

    /** The step that queried {@code domain}, if the walk went there. */
    public Optional<WalkStep> step(String domain) {
        return steps.stream().filter(step -> step.domain().equals(domain)).findFirst();
    }

    /** False when a lookup failed, so a record may have been missed and the result is uncertain. */
    public boolean complete() {
        return steps.stream().noneMatch(step -> step.status() == WalkStep.Status.LOOKUP_FAILED);
    }

    private List<WalkStep> stepsWithRecord() {
        return steps.stream().filter(step -> step.status() == WalkStep.Status.RECORD).toList();
    }
}
