package org.mailwright.reports;

import java.util.List;

/**
 * What the receiver decided for a row's messages ({@code policy_evaluated}), lower case; null when
 * absent or empty.
 *
 * @param disposition none, quarantine, reject, or RFC 9990's pass
 * @param dkim pass or fail: whether DKIM passed aligned with the From domain
 * @param spf pass or fail: whether SPF passed aligned with the From domain
 * @param reasons why the disposition differs from the policy
 */
public record PolicyEvaluated(String disposition, String dkim, String spf, List<PolicyOverride> reasons) {

    public PolicyEvaluated {
        reasons = List.copyOf(reasons);
    }

    /** DMARC passed: aligned DKIM or aligned SPF passed. */
    public boolean dmarcPass() {
        return "pass".equals(dkim) || "pass".equals(spf);
    }
}
