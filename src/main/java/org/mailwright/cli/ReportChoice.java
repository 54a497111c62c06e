package org.mailwright.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.mailwright.reports.SummaryQuery;

/** The domain and period {@code --domain}, {@code --since} and {@code --until} choose, checked alike for every reports command. */
final class ReportChoice {

    private ReportChoice() {
    }

    /**
     * The choice the options make; each may be null.
     *
     * @throws UsageException for a day that is not YYYY-MM-DD, an end before the start or an empty domain
     */
    static SummaryQuery of(Texts texts, String domain, String since, String until) {
        LocalDate from = date(texts, "--since", since);
        LocalDate to = date(texts, "--until", until);
        if (from != null && to != null && to.isBefore(from)) {
            throw new UsageException(texts.get("cli.reports.until-before-since", until, since));
        }
        if (domain != null && domain.isBlank()) {
            throw new UsageException(texts.get("cli.reports.empty-domain"));
        }
        return new SummaryQuery(domain, from, to);
    }

    private static LocalDate date(Texts texts, String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(texts.get("cli.reports.bad-date", option, GlobalOptions.shown(text)));
        }
    }
}
