package org.mailwright.ui.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import org.mailwright.check.DomainOverview;
import org.mailwright.check.DomainOverview.Aspect;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.SoaData;
import org.mailwright.findings.Finding;
import org.mailwright.i18n.ControlCharacters;
import org.mailwright.ui.Texts;
import org.mailwright.ui.controls.CheckState;

/**
 * One line of the domain overview, worded for the window: what was asked, its state, the answer
 * in words, the records found, and for SPF and DMARC the linters' findings. The state is decided
 * in the core ({@link DomainOverview}); this only says it.
 *
 * @param aspect what was looked up
 * @param name the name asked about
 * @param state pass, warning, error..., or pending while the answer is awaited
 * @param explanation the answer in one to three sentences; empty when the findings say it
 * @param records the values that matter for this aspect (for SPF and DMARC only their own records)
 * @param ttl the answer's time to live in seconds, or {@link LookupResult#NO_TTL}
 * @param findings the linter's findings for SPF and DMARC, most serious first
 */
public record OverviewRow(Aspect aspect, String name, CheckState state, String explanation, List<String> records, long ttl,
                          List<Finding> findings) {

    /** The records are what the DNS answered: their control characters as the command line shows them. */
    public OverviewRow {
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(explanation, "explanation");
        name = ControlCharacters.shown(name);
        explanation = ControlCharacters.shown(explanation);
        records = ControlCharacters.shownAll(records);
        findings = List.copyOf(findings);
    }

    static OverviewRow waiting(Aspect aspect, String name, String explanation) {
        return new OverviewRow(aspect, name, CheckState.PENDING, explanation, List.of(), LookupResult.NO_TTL, List.of());
    }

    static OverviewRow unanswered(Aspect aspect, String name, String explanation) {
        return new OverviewRow(aspect, name, CheckState.UNKNOWN, explanation, List.of(), LookupResult.NO_TTL, List.of());
    }

    /**
     * {@code item} in words.
     *
     * @param words the window's bundle, for the sentences the overview adds
     * @param locale the language of the resolver's own explanation and of the findings
     */
    static OverviewRow of(DomainOverview.Item item, ResourceBundle words, Locale locale) {
        LookupResult answer = item.answer();
        CheckState state = item.severity().map(CheckState::of).orElse(CheckState.UNKNOWN);
        String shownName = item.name().unicode();
        String explanation = item.findings().isEmpty() ? answer.explain(locale) : "";
        explanation = switch (item.note()) {
            case NONE -> explanation;
            case NO_NAME_SERVERS -> explanation + " " + Texts.format(words, "domain.ns.missing", shownName);
            case NO_MAIL_HOSTS -> explanation + " " + Texts.format(words, "domain.mx.missing", shownName);
            case NULL_MX -> explanation + " " + Texts.format(words, "domain.mx.null", shownName);
            case NO_ADDRESS -> explanation + " " + Texts.format(words, "domain.address.missing", shownName);
        };
        if (item.aspect() == Aspect.SOA) {
            explanation = answer.soa().map(SoaData::serial)
                    .map(serial -> explanationWithSerial(answer, words, locale, serial))
                    .orElse(explanation);
        }
        long ttl = item.records().isEmpty() ? LookupResult.NO_TTL : answer.ttl();
        return new OverviewRow(item.aspect(), shownName, state, explanation, item.records(), ttl, item.findings());
    }

    private static String explanationWithSerial(LookupResult answer, ResourceBundle words, Locale locale, long serial) {
        return answer.explain(locale) + " " + Texts.format(words, "domain.soa.serial", Long.toString(serial));
    }

    /** The key of this row's title in the window's bundle. */
    String titleKey() {
        return "domain.aspect." + aspect.name().toLowerCase(Locale.ROOT);
    }
}
