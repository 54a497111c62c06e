package org.mailwright.ui.dkim;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailwright.dkim.DkimDnsRecord;
import org.mailwright.dkim.DkimKey;
import org.mailwright.dkim.KeyTest;
import org.mailwright.dkim.KeyTestReport;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.findings.Finding;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * "Check DNS": the key test in the background, against the resolver chosen in Settings and every
 * name server of the zone, each asked now (never an answer cached before the check), with a row
 * per server and the findings, worded again when the language changes.
 */
final class KeyCheck {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final AppContext context;
    private final Words words;
    private final Clock clock;
    private final LatestJob job;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<KeyTestReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Phrase> status = new ReadOnlyObjectWrapper<>(this, "status", Phrase.NONE);
    private final ObservableList<ServerRow> servers = FXCollections.observableArrayList();
    /** Read-only, and kept: a view made per call would be collected with the listeners on it. */
    private final ObservableList<ServerRow> serversView = FXCollections.unmodifiableObservableList(servers);

    KeyCheck(AppContext context, Words words, BackgroundJobs jobs, Clock clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.words = Objects.requireNonNull(words, "words");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.job = new LatestJob(jobs);
        words.language().addListener((observable, old, language) -> reword());
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last finished check; null before the first (or after the record changed). */
    ReadOnlyObjectProperty<KeyTestReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Who was asked when, or why the check stopped. */
    ReadOnlyObjectProperty<Phrase> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** One row per server asked, the resolver first. */
    ObservableList<ServerRow> servers() {
        return serversView;
    }

    /** What the last check found, as the CLI reports it; none before a check. */
    List<Finding> findings() {
        return report.get() == null ? List.of() : report.get().findings();
    }

    /**
     * Runs the key test for {@code key}, published as {@code written} says (its options count).
     * Call on the FX thread.
     */
    void run(DkimDnsRecord written, DkimKey key) {
        if (running.get()) {
            return;
        }
        ResolverTarget target = context.resolverTarget();
        String resolver = context.describeResolver(words.bundle());
        KeyTest test = new KeyTest(context.resolver(), clock, context.settings().nameServerPortProperty().get());
        clear();
        running.set(true);
        job.start(words.text("dkim.check.progress", written.name()), () -> test.run(written, key, target),
                (finished, failure) -> {
                    running.set(false);
                    if (failure == null) {
                        accept(finished, resolver);
                    } else {
                        // What failed is no sentence for the user; what to do next is.
                        status.set(Phrase.of(failure instanceof CancellationException ? "dkim.check.cancelled" : "dkim.check.failed"));
                    }
                });
    }

    /** Stops the check, as the user asked. */
    void cancel() {
        if (running.get()) {
            job.abandon();
            running.set(false);
            status.set(Phrase.of("dkim.check.cancelled"));
        }
    }

    /** Forgets the last check, and drops one still running: the record it checks is not the one shown any more. */
    void clear() {
        job.abandon();
        running.set(false);
        report.set(null);
        status.set(Phrase.NONE);
        reword();
    }

    /** Shows a finished check. */
    void accept(KeyTestReport finished, String resolver) {
        String time = LocalTime.now(clock).format(CLOCK_TIME);
        long nameServers = finished.servers().size() - 1L;
        status.set(Phrase.of("dkim.check.asked", resolver, nameServers, finished.domain(), time));
        report.set(finished);
        reword();
    }

    private void reword() {
        KeyTestReport shown = report.get();
        servers.setAll(shown == null ? List.of() : shown.servers().stream().map(check -> ServerRow.of(check, words)).toList());
    }
}
