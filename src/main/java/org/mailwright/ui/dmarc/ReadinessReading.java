package org.mailwright.ui.dmarc;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mailwright.dmarc.RolloutStage;
import org.mailwright.findings.Finding;
import org.mailwright.reports.ArchiveException;
import org.mailwright.reports.Readiness;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * What the report archive in the data folder says of moving on from the stage published now
 * ({@link Readiness#forStage}), read in the background; the words stay the core's finding.
 */
final class ReadinessReading {

    /**
     * One reading.
     *
     * @param domain the domain read for; empty before any
     * @param stage the number of the stage it is about
     * @param status idle, reading, done or failed
     * @param finding the readiness once read; empty at the last stage
     * @param failure why the archive could not be read, in the user's words
     */
    record Round(String domain, int stage, PublishedPolicy.Status status, Optional<Finding> finding, String failure) {
        static final Round NONE = new Round("", 0, PublishedPolicy.Status.IDLE, Optional.empty(), "");
    }

    private final AppContext context;
    private final Words words;
    private final LatestJob job;
    private final ReadOnlyObjectWrapper<Round> round = new ReadOnlyObjectWrapper<>(this, "round", Round.NONE);

    ReadinessReading(AppContext context, Words words, BackgroundJobs jobs) {
        this.context = Objects.requireNonNull(context, "context");
        this.words = Objects.requireNonNull(words, "words");
        this.job = new LatestJob(jobs);
    }

    /** Reads the readiness of {@code domain} at {@code current}, unless that is what was read (or is being read) last; {@code again} reads anyway. */
    void read(String domain, RolloutStage current, boolean again) {
        Round last = round.get();
        if (!again && last.domain().equals(domain) && last.stage() == current.number()
                && (last.status() == PublishedPolicy.Status.DONE || last.status() == PublishedPolicy.Status.READING)) {
            return;
        }
        round.set(new Round(domain, current.number(), PublishedPolicy.Status.READING, Optional.empty(), ""));
        job.start(words.format("dmarc.readiness.reading", domain),
                () -> BackgroundJobs.completed(() -> Readiness.forStage(null, context.dataFolder(), domain, current)),
                (finding, failure) -> round.set(failure == null
                        ? new Round(domain, current.number(), PublishedPolicy.Status.DONE, finding, "")
                        : new Round(domain, current.number(), PublishedPolicy.Status.FAILED, Optional.empty(), reason(failure))));
    }

    ReadOnlyObjectProperty<Round> roundProperty() {
        return round.getReadOnlyProperty();
    }

    private String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof ArchiveException archive
                ? words.format("dmarc.readiness.failed", archive.problem().text(words.locale()))
                : words.failure(failure);
    }
}
