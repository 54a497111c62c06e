package org.mailwright.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailwright.dkim.SelectorsMade;
import org.mailwright.dns.DomainName;
import org.mailwright.findings.Finding;
import org.mailwright.reports.ArchiveException;
import org.mailwright.reports.Readiness;
import org.mailwright.reports.ReportArchive;

/**
 * What the data folder tells the health check of a domain. The DKIM selectors Mailwright knows it
 * signs with, tried before the common guesses: those
 * of the keys made here ({@link SelectorsMade}), those whose key an earlier check of the domain found, and those receivers reported in the signatures
 * they saw (the report archive in the data folder, when there is one). And what its DMARC reports
 * say of its readiness for the next DMARC stage ({@link Readiness}). All are hints: a history or an
 * archive that cannot be read gives none, and the check goes on.
 */
public final class DomainMemory implements AutoCloseable {

    /** The most selectors taken from the reports: the most often seen first. */
    static final int FROM_REPORTS = 8;
    /** The most signing domains and selectors of the archive held for a batch: some megabytes. */
    static final int MAX_REPORTED_PAIRS = 100_000;

    private final CheckHistory history;
    private final SelectorsMade made;
    private final Optional<ReportArchive> archive;
    /** How many domains' reported selectors were asked for: the second starts a batch. */
    private int domainsAsked;
    /** Every domain's reported selectors, read once the second domain is asked for; empty before, or when too many. */
    private Optional<Map<String, List<String>>> reportedSelectors = Optional.empty();

    private DomainMemory(CheckHistory history, SelectorsMade made, Optional<ReportArchive> archive) {
        this.history = history;
        this.made = made;
        this.archive = archive;
    }

    /** What the data folder remembers; the report archive is opened only if it exists, never created. */
    public static DomainMemory in(Path dataFolder) {
        Optional<ReportArchive> archive = Optional.empty();
        try {
            archive = ReportArchive.openExisting(null, dataFolder);
        } catch (ArchiveException unreadable) {
            // A hint only: the check goes on with the other selectors.
        }
        return new DomainMemory(new CheckHistory(dataFolder), new SelectorsMade(dataFolder), archive);
    }

    /** The selectors remembered for {@code domain}, each once: keys made here, those found before, then those reported. */
    public synchronized List<String> selectors(DomainName domain) {
        Set<String> selectors = new LinkedHashSet<>();
        try {
            selectors.addAll(made.of(domain.ascii()));
            history.last(domain).ifPresent(entry -> selectors.addAll(entry.selectors()));
        } catch (IOException unreadable) {
            // A hint only.
        }
        archive.ifPresent(reports -> {
            try {
                selectors.addAll(reported(reports, domain.ascii()));
            } catch (ArchiveException unreadable) {
                // A hint only.
            }
        });
        return List.copyOf(selectors);
    }

    /**
     * The selectors receivers reported for {@code domain}. One check (the window's) asks the archive
     * for its domain alone; a batch reads every domain's at its second, in one pass: asked one at a
     * time, each domain read the whole archive again.
     */
    private List<String> reported(ReportArchive reports, String domain) {
        if (++domainsAsked == 2) {
            reportedSelectors = reports.dkimSelectorsOfEveryDomain(FROM_REPORTS, MAX_REPORTED_PAIRS);
        }
        return reportedSelectors.map(every -> every.getOrDefault(domain.toLowerCase(Locale.ROOT), List.of()))
                .orElseGet(() -> reports.dkimSelectors(domain, FROM_REPORTS));
    }

    /** What the domain's DMARC reports say of its readiness for the next stage; empty without reports. */
    public synchronized Optional<Finding> readiness(DomainName domain) {
        try {
            return archive.flatMap(reports -> Readiness.of(reports, domain.ascii()));
        } catch (ArchiveException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        archive.ifPresent(ReportArchive::close);
    }
}
