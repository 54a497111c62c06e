package org.mailwright.reports;

import java.util.Locale;
import java.util.Set;
import org.mailwright.i18n.Messages;

/**
 * The reports' own terms in the user's words: dispositions, override reasons and selector states.
 * A value no standard names (a receiver's own reason type) is shown as the report wrote it.
 */
public final class ReportTerms {

    private static final Set<String> DISPOSITIONS = Set.of("none", "quarantine", "reject", "pass");
    private static final Set<String> OVERRIDES = Set.of("forwarded", "sampled_out", "trusted_forwarder", "mailing_list",
            "local_policy", "other", "policy_test_mode");

    private ReportTerms() {
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
}
