package org.mailwright.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-selector DKIM ledger: for each signing domain (d=) and selector the reports show, how
 * many messages it signed and how many of those verified, when it was first and last seen, and
 * where it stands. A selector is {@code active} when last seen within {@value #ACTIVE_DAYS} days of
 * the newest report of the domain whose mail it signed, {@code stale} when longer ago, and
 * {@code rotated} when stale and a selector of the same d= that first appeared after it is active
 * (its replacement). Two selectors of one d= on the same rows are dual signing: the reports do not
 * give the key type, so it is said as two selectors signing the same messages, never as RSA and
 * Ed25519.
 */
public final class SelectorLedger {

    /**
     * How many days before the newest report a selector still counts as signing now: aggregate
     * reports come daily, so a week without a selector is no gap in the reports but a key no longer
     * in use; the same week {@link SourceHistory#NEW_WITHIN} calls news.
     */
    public static final int ACTIVE_DAYS = 7;

    /**
     * What the archive counts of one selector for one reported domain, before its state is decided.
     *
     * @param domain the signature's d=
     * @param selector its s=
     * @param messages the messages it signed
     * @param dkimPass those where it verified
     * @param firstSeen the day the first report showing it begins
     * @param lastSeen the day the last one begins
     * @param newestReport the day the newest report of the domain whose mail it signed begins
     * @param dualSigning whether another selector of the same d= signed some of the same rows
     */
    record Sighting(String domain, String selector, long messages, long dkimPass, LocalDate firstSeen,
                           LocalDate lastSeen, LocalDate newestReport, boolean dualSigning) {
        public Sighting {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(selector, "selector");
            Objects.requireNonNull(firstSeen, "firstSeen");
            Objects.requireNonNull(lastSeen, "lastSeen");
            Objects.requireNonNull(newestReport, "newestReport");
        }

        /** Both together, as when one selector signs the mail of two reported domains. */
        Sighting and(Sighting other) {
            return new Sighting(domain, selector, messages + other.messages, dkimPass + other.dkimPass,
                    min(firstSeen, other.firstSeen), max(lastSeen, other.lastSeen), max(newestReport, other.newestReport),
                    dualSigning || other.dualSigning);
        }

        boolean active() {
            return !lastSeen.isBefore(newestReport.minusDays(ACTIVE_DAYS));
        }
    }

    private SelectorLedger() {
    }

    /**
     * The ledger of {@code sightings}, those of one d= and selector merged: by d=, then most
     * messages first, then by selector.
     */
    static List<Summary.Selector> of(List<Sighting> sightings) {
        Map<List<String>, Sighting> merged = new LinkedHashMap<>();
        for (Sighting sighting : sightings) {
            merged.merge(List.of(sighting.domain(), sighting.selector()), sighting, Sighting::and);
        }
        List<Summary.Selector> ledger = new ArrayList<>();
        for (Sighting sighting : merged.values()) {
            Optional<Sighting> replacement = sighting.active() ? Optional.empty() : merged.values().stream()
                    .filter(other -> other.domain().equals(sighting.domain()) && other.active()
                            && other.firstSeen().isAfter(sighting.firstSeen()))
                    .min(Comparator.comparing(Sighting::firstSeen).thenComparing(Sighting::selector));
            Summary.SelectorState state = sighting.active() ? Summary.SelectorState.ACTIVE
                    : replacement.isPresent() ? Summary.SelectorState.ROTATED : Summary.SelectorState.STALE;
            ledger.add(new Summary.Selector(sighting.domain(), sighting.selector(), sighting.messages(), sighting.dkimPass(),
                    sighting.messages() - sighting.dkimPass(), sighting.firstSeen(), sighting.lastSeen(), state,
                    sighting.dualSigning(), replacement.map(Sighting::selector)));
        }
        ledger.sort(Comparator.comparing(Summary.Selector::domain)
                .thenComparing(Comparator.comparingLong(Summary.Selector::messages).reversed())
                .thenComparing(Summary.Selector::selector));
        return ledger;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
