package org.mailwright.reports;

import java.util.List;

/**
 * One {@code record} of an aggregate report: messages from one source with the same results.
 *
 * @param sourceIp the sending address, in canonical form when it is one (as written otherwise)
 * @param count how many messages
 * @param evaluated the receiver's decision
 * @param identifiers the domains the messages carried
 * @param dkim each DKIM result
 * @param spf each SPF result
 */
public record ReportRow(String sourceIp, long count, PolicyEvaluated evaluated, Identifiers identifiers,
        List<DkimAuthResult> dkim, List<SpfAuthResult> spf) {

    public ReportRow {
        dkim = List.copyOf(dkim);
        spf = List.copyOf(spf);
    }
}
