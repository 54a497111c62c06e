package org.mailwright.reports;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.mailwright.dmarc.RolloutStage;
import org.mailwright.findings.Finding;
import org.mailwright.findings.ReportFinding;

/**
 * Whether a domain's reports say it is ready for the next DMARC stage: over the last
 * {@value #DAYS} days of its reports, at least {@value #ALIGNED_PERCENT}% of the mail of its
 * legitimate sources (those with any mail passing DMARC: its own senders) passed DMARC, and no
 * new source is failing. Too little to go on ({@value #MIN_MESSAGES} messages, {@value #DAYS}
 * days of reports) is said as such, never as ready.
 */
public final class Readiness {

    public static final int DAYS = 14;
    public static final int ALIGNED_PERCENT = 98;
    public static final long MIN_MESSAGES = 100;

    private Readiness() {
    }

    /**
     * What the reports say of moving on from {@code current}, the stage of {@code domain}'s DMARC
     * plan published now: the finding on its readiness from the archive at {@code location} (as
     * {@link ReportArchive#openExisting} finds it, never creating one), and too little to judge
     * when there is no archive or it holds no report of the domain, never ready. Empty at the last
     * stage, which has no next one.
     *
     * @throws ArchiveException when the archive is there but cannot be read, in one sentence
     */
    public static Optional<Finding> forStage(String location, Path dataFolder, String domain, RolloutStage current) {
        if (current.isFinal()) {
            return Optional.empty();
        }
        Optional<ReportArchive> archive = ReportArchive.openExisting(location, dataFolder);
        try {
            return Optional.of(archive.flatMap(reports -> of(reports, domain))
                    .orElseGet(() -> ReportFinding.TOO_LITTLE_TO_JUDGE.of(domain, 0L, DAYS)));
        } finally {
            archive.ifPresent(ReportArchive::close);
        }
    }

    /** The finding on {@code domain}'s readiness from its archive; empty when it has no reports. */
    public static Optional<Finding> of(ReportArchive archive, String domain) {
        SourceHistory history = archive.sourceHistory(domain);
        if (history.latest().isEmpty()) {
            return Optional.empty();
        }
        Instant latest = history.latest().get();
        LocalDate until = latest.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate since = until.minusDays(DAYS - 1L);
        Summary window = archive.summary(new SummaryQuery(domain, since, until));
        long legitimate = window.sources().stream().filter(source -> source.dmarcPass() > 0).mapToLong(Summary.Source::count).sum();
        long aligned = window.sources().stream().filter(source -> source.dmarcPass() > 0).mapToLong(Summary.Source::dmarcPass).sum();
        boolean longEnough = !history.earliest().get().isAfter(latest.minus(Duration.ofDays(DAYS - 1L)));
        if (!longEnough || legitimate < MIN_MESSAGES) {
            return Optional.of(ReportFinding.TOO_LITTLE_TO_JUDGE.of(domain, legitimate, DAYS));
        }
        long newFailing = window.sources().stream()
                .filter(source -> source.dmarcFail() > 0 && history.newSince(source.ip()).isPresent()).count();
        double percent = 100.0 * aligned / legitimate;
        double shown = ReportTerms.shownShare(aligned, legitimate);
        return Optional.of(percent >= ALIGNED_PERCENT && newFailing == 0
                ? ReportFinding.READY_FOR_NEXT_STAGE.of(domain, shown, DAYS)
                : ReportFinding.NOT_READY.of(domain, shown, DAYS, newFailing));
    }
}
