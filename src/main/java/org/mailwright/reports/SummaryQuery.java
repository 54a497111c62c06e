package org.mailwright.reports;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Which reports a summary counts: those for {@code domain} (the policy's domain; all when null)
 * whose period begins on a day from {@code since} to {@code until}, both included, in UTC (either
 * may be null for no bound).
 */
public record SummaryQuery(String domain, LocalDate since, LocalDate until) {

    public static final SummaryQuery ALL = new SummaryQuery(null, null, null);

    public SummaryQuery {
        domain = domain == null ? null : domain.strip().toLowerCase(Locale.ROOT);
        if (domain != null && domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
    }
}
