package org.mailwright.ui.dkim;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.mailwright.dkim.DkimKey;
import org.mailwright.dkim.KeyTest;
import org.mailwright.dkim.KeyTestReport;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.ui.AppContext;

/**
 * "Check DNS": the key test in the background, against the resolver chosen in Settings and every
 * name server of the zone, with a row per server and the findings, worded again when the language
 * changes.
 */
final class KeyCheck {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final AppContext context;
    private final Words words;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<KeyTestReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Phrase> status = new ReadOnlyObjectWrapper<>(this, "status", Phrase.NONE);
    private final ObservableList<ServerRow> servers = FXCollections.observableArrayList();
    /** Read-only, and kept: a view made per call would be collected with the listeners on it. */
    private final ObservableList<ServerRow> serversView = FXCollections.unmodifiableObservableList(servers);
    private final ObservableList<FindingLine> findings = FXCollections.observableArrayList();
    /** Read-only, and kept: a view made per call would be collected with the listeners on it. */
    private final ObservableList<FindingLine> findingsView = FXCollections.unmodifiableObservableList(findings);
    private Task<KeyTestReport> task;

    KeyCheck(AppContext context, Words words, Clock clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.words = Objects.requireNonNull(words, "words");
        this.clock = Objects.requireNonNull(clock, "clock");
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

    ObservableList<FindingLine> findings() {
        return findingsView;
    }

    /** Runs the key test for {@code key} at {@code selector._domainkey.domain}. Call on the FX thread. */
    void run(String domain, String selector, DkimKey key) {
        if (running.get()) {
            return;
        }
        ResolverTarget target = context.resolverTarget();
        String resolver = context.describeResolver(words.bundle());
        KeyTest test = new KeyTest(context.resolver(), clock, context.settings().nameServerPortProperty().get());
        String checking = words.text("dkim.check.progress", selector + "._domainkey." + domain);
        Task<KeyTestReport> job = new Task<>() {
            private CompletableFuture<KeyTestReport> pending;

            {
                updateMessage(checking);
                updateProgress(-1, 1);
            }

            @Override
            protected KeyTestReport call() throws Exception {
                synchronized (this) {
                    pending = test.run(domain, selector, key, target);
                }
                return pending.get();
            }

            @Override
            protected void cancelled() {
                synchronized (this) {
                    if (pending != null) {
                        pending.cancel(true);
                    }
                }
            }
        };
        clear();
        running.set(true);
        job.setOnSucceeded(event -> {
            running.set(false);
            accept(job.getValue(), resolver);
        });
        job.setOnFailed(event -> {
            running.set(false);
            status.set(Phrase.of("dkim.check.failed", String.valueOf(job.getException().getMessage())));
        });
        job.setOnCancelled(event -> {
            running.set(false);
            status.set(Phrase.of("dkim.check.cancelled"));
        });
        task = context.work().start(job);
    }

    void cancel() {
        if (task != null && running.get()) {
            task.cancel();
        }
    }

    /** Forgets the last check: the record it checked is not the one shown any more. */
    void clear() {
        cancel();
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
        if (shown == null) {
            servers.clear();
            findings.clear();
            return;
        }
        servers.setAll(shown.servers().stream().map(check -> ServerRow.of(check, words)).toList());
        Locale locale = words.locale();
        List<FindingLine> lines = shown.findings().stream().map(finding -> FindingLine.of(finding, locale)).toList();
        findings.setAll(lines);
    }
}
