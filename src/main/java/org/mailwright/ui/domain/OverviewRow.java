package org.mailwright.ui.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import org.mailwright.dns.LookupResult;
import org.mailwright.ui.Texts;
import org.mailwright.ui.controls.CheckState;

/**
 * One line of the domain overview, ready to show: what was asked, its state, the outcome in
 * words and the records found.
 *
 * @param aspect what was looked up
 * @param name the name asked about
 * @param state pass, warning, error..., or pending while the answer is awaited
 * @param explanation the outcome in one to three sentences
 * @param records the values that matter for this aspect (for SPF only the {@code v=spf1} records)
 * @param ttl the answer's time to live in seconds, or {@link LookupResult#NO_TTL}
 */
public record OverviewRow(Aspect aspect, String name, CheckState state, String explanation,
                          List<String> records, long ttl) {

    public OverviewRow {
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(explanation, "explanation");
        records = List.copyOf(records);
    }

    static OverviewRow waiting(Aspect aspect, String name, String explanation) {
        return new OverviewRow(aspect, name, CheckState.PENDING, explanation, List.of(), LookupResult.NO_TTL);
    }

    static OverviewRow unanswered(Aspect aspect, String name, String explanation) {
        return new OverviewRow(aspect, name, CheckState.UNKNOWN, explanation, List.of(), LookupResult.NO_TTL);
    }

    /**
     * What {@code result} means for {@code aspect}.
     *
     * @param words the window's bundle, for the sentences the overview adds
     * @param coreLocale the locale for the resolver's own explanation
     */
    static OverviewRow assess(Aspect aspect, LookupResult result, ResourceBundle words, Locale coreLocale) {
        String explained = result.explain(coreLocale);
        return switch (result.outcome()) {
            case OK -> answered(aspect, result, words, explained);
            case NODATA -> missing(aspect, result, words, explained);
            case NXDOMAIN, SERVFAIL, REFUSED -> row(aspect, result, CheckState.ERROR, explained, List.of());
            case TIMEOUT, ERROR -> row(aspect, result, CheckState.UNKNOWN, explained, List.of());
        };
    }

    private static OverviewRow answered(Aspect aspect, LookupResult result, ResourceBundle words, String explained) {
        return switch (aspect) {
            case SOA -> row(aspect, result, CheckState.PASS,
                    explained + " " + Texts.format(words, "domain.soa.serial", serial(result.values().get(0))), result.values());
            case SPF -> policy(aspect, result, words, explained, "v=spf1", "domain.spf");
            case DMARC -> policy(aspect, result, words, explained, "v=DMARC1", "domain.dmarc");
            default -> row(aspect, result, CheckState.PASS, explained, result.values());
        };
    }

    private static OverviewRow missing(Aspect aspect, LookupResult result, ResourceBundle words, String explained) {
        String name = result.name();
        return switch (aspect) {
            case NS -> row(aspect, result, CheckState.WARNING, explained + " " + Texts.format(words, "domain.ns.missing", name), List.of());
            case MX -> row(aspect, result, CheckState.WARNING, explained + " " + Texts.format(words, "domain.mx.missing", name), List.of());
            case A, AAAA -> row(aspect, result, CheckState.INFO, explained + " " + Texts.format(words, "domain.address.missing", name), List.of());
            case SPF -> row(aspect, result, CheckState.WARNING, Texts.format(words, "domain.spf.missing", name), List.of());
            case DMARC -> row(aspect, result, CheckState.WARNING, Texts.format(words, "domain.dmarc.missing", name), List.of());
            case SOA -> row(aspect, result, CheckState.WARNING, explained, List.of());
        };
    }

    /** SPF and DMARC: exactly one TXT record must start with the version tag. */
    private static OverviewRow policy(Aspect aspect, LookupResult result, ResourceBundle words, String explained,
                                      String versionTag, String keyPrefix) {
        List<String> policies = result.values().stream().filter(value -> startsWithTag(value, versionTag)).toList();
        if (policies.isEmpty()) {
            return row(aspect, result, CheckState.WARNING, Texts.format(words, keyPrefix + ".missing", result.name()), List.of());
        }
        if (policies.size() > 1) {
            return row(aspect, result, CheckState.ERROR,
                    Texts.format(words, keyPrefix + ".many", policies.size(), result.name()), policies);
        }
        return row(aspect, result, CheckState.PASS, explained, policies);
    }

    /** {@code v=spf1} must be followed by a space or nothing; DMARC's tag by a semicolon, space or nothing. */
    static boolean startsWithTag(String value, String versionTag) {
        String trimmed = value.strip();
        if (!trimmed.regionMatches(true, 0, versionTag, 0, versionTag.length())) {
            return false;
        }
        return trimmed.length() == versionTag.length()
                || " ;".indexOf(trimmed.charAt(versionTag.length())) >= 0;
    }

    private static String serial(String soaValue) {
        String[] fields = soaValue.trim().split("\\s+");
        return fields.length > 2 ? fields[2] : soaValue;
    }

    private static OverviewRow row(Aspect aspect, LookupResult result, CheckState state, String explanation,
                                   List<String> records) {
        return new OverviewRow(aspect, result.name(), state, explanation, records, result.ttl());
    }
}
