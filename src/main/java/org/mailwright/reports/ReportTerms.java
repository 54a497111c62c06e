package org.mailwright.reports;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mailwright.i18n.Messages;
import org.mailwright.i18n.Problem;

/**
 * The reports' own terms in the user's words: dispositions, override reasons and selector states.
 * A value no standard names (a receiver's own reason type) is shown as the report wrote it.
 */
public final class ReportTerms {

    private static final Set<String> DISPOSITIONS = Set.of("none", "quarantine", "reject", "pass");
    private static final Set<String> OVERRIDES = Set.of("forwarded", "sampled_out", "trusted_forwarder", "mailing_list",
            "local_policy", "other", "policy_test_mode");
    /** When a failure report's message arrived: in UTC, as the reports' days are. */
    private static final DateTimeFormatter ARRIVAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReportTerms() {
    }

    /** The columns of the table of sources, in the window and after {@code reports summary}. */
    public enum SourceColumn {
        ADDRESS("address"), SENDER("sender"), REVERSE_NAME("reverse-name"), MESSAGES("messages"), DMARC_PASS("dmarc-pass"),
        DMARC_FAIL("dmarc-fail"), SPF_ALIGNED("spf-aligned"), DKIM_ALIGNED("dkim-aligned");

        private final String id;

        SourceColumn(String id) {
            this.id = id;
        }
    }

    /** A column's heading in the table of sources, such as "DMARC pass". */
    public static String heading(Locale locale, SourceColumn column) {
        return Messages.get(locale, "reports.source-column." + column.id);
    }

    /** A disposition receivers applied, such as "quarantine". */
    public static String disposition(Locale locale, String disposition) {
        return DISPOSITIONS.contains(disposition) ? Messages.get(locale, "reports.disposition." + disposition) : disposition;
    }

    /** An override reason type, such as "trusted forwarder". */
    public static String overrideType(Locale locale, String type) {
        return OVERRIDES.contains(type) ? Messages.get(locale, "reports.override." + type) : type;
    }

    /** Where a selector stands; a rotated one names the selector that replaced it. */
    public static String state(Locale locale, Summary.Selector selector) {
        return Messages.get(locale, "reports.selector.state." + selector.state().id(), selector.replacement().orElse(""));
    }

    /**
     * The summary's first line, the same in the window and after {@code reports summary}: reports,
     * messages, and how many passed and failed DMARC, each with its share to a tenth of a percent.
     */
    public static String totals(Locale locale, Summary summary) {
        long messages = summary.messages();
        return Messages.get(locale, "reports.summary.totals", summary.reports(), messages, summary.dmarcPass(),
                shownShare(summary.dmarcPass(), messages), summary.dmarcFail(), shownShare(summary.dmarcFail(), messages));
    }

    /**
     * {@code part} of {@code whole} in percent as a tenth of a percent shows it, never rounded to
     * 0 when some messages are in it, nor to 100 when some are not: two failures in 100,000 are
     * 0.1%, not 0.0% beside a pass rate of 100.0%.
     */
    static double shownShare(long part, long whole) {
        if (whole == 0) {
            return 0;
        }
        double percent = 100.0 * part / whole;
        if (part > 0 && percent < 0.1) {
            return 0.1;
        }
        return part < whole && percent > 99.9 ? 99.9 : percent;
    }

    /** The heading of the selector ledger, with the days that make a selector active. */
    public static String selectorsHeading(Locale locale) {
        return Messages.get(locale, "cli.reports.summary.selectors", SelectorLedger.ACTIVE_DAYS);
    }

    /** One selector of the ledger in one line: what the command line prints and the Reports page shows. */
    public static String selectorLine(Locale locale, Summary.Selector selector) {
        return Messages.get(locale, "cli.reports.summary.selector", Problem.shown(selector.domain()),
                Problem.shown(selector.selector()), selector.messages(), selector.dkimPass(), selector.dkimFail(),
                selector.firstSeen().toString(), selector.lastSeen().toString(), state(locale, selector))
                + (selector.dualSigning() ? Messages.get(locale, "cli.reports.summary.dual") : "");
    }

    public static String dispositionsHeading(Locale locale) {
        return Messages.get(locale, "cli.reports.summary.dispositions");
    }

    /** The messages receivers applied one disposition to. */
    public static String dispositionLine(Locale locale, String disposition, long messages) {
        return Messages.get(locale, "cli.reports.summary.disposition", Problem.shown(disposition(locale, disposition)), messages);
    }

    public static String overridesHeading(Locale locale) {
        return Messages.get(locale, "cli.reports.summary.overrides");
    }

    /** The messages one override reason covered. */
    public static String overrideLine(Locale locale, Summary.OverrideReason reason) {
        return Messages.get(locale, "cli.reports.summary.override", Problem.shown(overrideType(locale, reason.type())), reason.messages());
    }

    /** One of a reason's comments, as a receiver wrote it. */
    public static String commentLine(Locale locale, String comment) {
        return Messages.get(locale, "cli.reports.summary.comment", comment);
    }

    /** The heading of the failure reports, with how many there are and how many are listed. */
    public static String failuresHeading(Locale locale, ArchivedFailure.Newest failures) {
        return failures.newest().size() < failures.total()
                ? Messages.get(locale, "cli.reports.summary.failures-newest", failures.total(), failures.newest().size())
                : Messages.get(locale, "cli.reports.summary.failures", failures.total());
    }

    /**
     * One failure report in one line, what the command line prints and the Reports page shows: when
     * the message arrived, from where, about which domain, what failed, what the receiver did, its
     * From and its subject; what the report leaves out is left out.
     */
    public static String failureLine(Locale locale, ArchivedFailure failure) {
        List<String> parts = new ArrayList<>();
        parts.add(failure.arrival() == null ? Messages.get(locale, "reports.failure.no-arrival")
                : ARRIVAL.format(failure.arrival()));
        addShown(parts, failure.sourceIp());
        if (!failure.reportedDomains().isEmpty()) {
            parts.add(Problem.shown(String.join(", ", failure.reportedDomains())));
        }
        if (!"auth-failure".equals(failure.feedbackType())) {
            parts.add(Messages.get(locale, "reports.failure.type", Problem.shown(failure.feedbackType())));
        }
        if (failure.incidents() > 1) {
            parts.add(Messages.get(locale, "reports.failure.incidents", failure.incidents()));
        }
        addWords(parts, locale, "reports.failure.failed", failure.authFailure());
        addWords(parts, locale, "reports.failure.delivery", failure.deliveryResult());
        addWords(parts, locale, "reports.failure.from", failure.from());
        addWords(parts, locale, "reports.failure.subject", failure.subject());
        return String.join(" · ", parts);
    }

    private static void addShown(List<String> parts, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(Problem.shown(value));
        }
    }

    private static void addWords(List<String> parts, Locale locale, String key, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(Messages.get(locale, key, Problem.shown(value)));
        }
    }
}
