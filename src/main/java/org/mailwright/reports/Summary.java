package org.mailwright.reports;

import java.util.List;

/**
 * Totals over the archived aggregate reports: message counts (the rows' counts), not rows.
 *
 * @param reports the reports counted
 * @param messages the messages they report
 * @param dmarcPass messages whose policy_evaluated shows dkim or spf as pass
 * @param dmarcFail the others
 * @param sources each sending address, most messages first
 */
public record Summary(long reports, long messages, long dmarcPass, long dmarcFail, List<Source> sources) {

    public Summary {
        sources = List.copyOf(sources);
    }

    /**
     * One sending address.
     *
     * @param ip the address (as the report wrote it when it is none)
     * @param count its messages
     * @param dmarcPass those that passed DMARC
     * @param dmarcFail those that did not
     * @param spfAlignedPass those whose policy_evaluated spf is pass
     * @param dkimAlignedPass those whose policy_evaluated dkim is pass
     */
    public record Source(String ip, long count, long dmarcPass, long dmarcFail, long spfAlignedPass, long dkimAlignedPass) {
    }
}
