package org.mailwright.reports;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Totals over the archived aggregate reports: message counts (the rows' counts), not rows.
 *
 * @param reports the reports counted
 * @param messages the messages they report
 * @param dmarcPass messages whose policy_evaluated shows dkim or spf as pass
 * @param dmarcFail the others
 * @param sources each sending address, most messages first
 * @param selectors the DKIM ledger: each (d=, selector) signing the messages, by d= then most messages first
 * @param dispositions messages per disposition receivers applied: none, quarantine, reject and pass
 *     always (0 when none), then any other reported value as it was written, by name
 * @param overrides messages per override reason type receivers gave, most messages first
 */
public record Summary(long reports, long messages, long dmarcPass, long dmarcFail, List<Source> sources,
                      List<Selector> selectors, Map<String, Long> dispositions, List<OverrideReason> overrides) {

    public Summary {
        sources = List.copyOf(sources);
        selectors = List.copyOf(selectors);
        // Kept in the order given (the four of RFC 9990 first): Map.copyOf would lose it.
        dispositions = Collections.unmodifiableMap(new LinkedHashMap<>(dispositions));
        overrides = List.copyOf(overrides);
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

    /** Where a selector stands, as {@link SelectorLedger} decides it. */
    public enum SelectorState {
        /** Seen within {@value SelectorLedger#ACTIVE_DAYS} days of the newest report of its domain. */
        ACTIVE,
        /** Last seen longer ago than that. */
        STALE,
        /** Stale, and a selector of the same d= that appeared after it is active: replaced by it. */
        ROTATED;

        /** The word the JSON output and the README use. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One selector of the DKIM ledger.
     *
     * @param domain the signature's d=, lower case
     * @param selector its s=, as the reports wrote it
     * @param messages the messages carrying that signature
     * @param dkimPass those where it verified
     * @param dkimFail those where it did not (fail, and every other result but pass)
     * @param firstSeen the UTC day the period of the first report showing it begins
     * @param lastSeen the same of the last report showing it
     * @param state active, stale or rotated
     * @param dualSigning another selector of the same d= signs some of the same messages
     * @param replacement for a rotated selector, the one that replaced it
     */
    public record Selector(String domain, String selector, long messages, long dkimPass, long dkimFail, LocalDate firstSeen,
                           LocalDate lastSeen, SelectorState state, boolean dualSigning, Optional<String> replacement) {
        public Selector {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(selector, "selector");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(replacement, "replacement");
        }
    }

    /**
     * One reason receivers gave for applying another disposition than the policy asked.
     *
     * @param type forwarded, sampled_out, trusted_forwarder, mailing_list, local_policy, other, or
     *     any other type reported, lower case, as written
     * @param messages the messages of the rows giving it
     * @param comments a few of the receivers' comments with it, the most messages first, each
     *     on one line and cut to {@link ReportArchive#COMMENT_LENGTH} characters
     */
    public record OverrideReason(String type, long messages, List<String> comments) {
        public OverrideReason {
            comments = List.copyOf(comments);
        }
    }
}
