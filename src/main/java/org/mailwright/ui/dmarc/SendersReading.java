package org.mailwright.ui.dmarc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mailwright.dmarc.SenderCoverage;
import org.mailwright.spf.SpfLintReport;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The senders step's two cards: what {@link SenderCoverage} finds of the domain's SPF and DKIM,
 * read in the background and said in the language chosen now.
 */
final class SendersReading {

    /** One reading of both. */
    record Round(String domain, PublishedPolicy.Status status, SenderCoverage.Report report, String failure) {
        static final Round NONE = new Round("", PublishedPolicy.Status.IDLE, null, "");
    }

    private final AppContext context;
    private final Words words;
    private final Clock clock;
    private final LatestJob job;
    private final ReadOnlyObjectWrapper<Round> round = new ReadOnlyObjectWrapper<>(this, "round", Round.NONE);
    private final ObjectBinding<CheckState> spfState;
    private final StringBinding spfText;
    private final ObjectBinding<CheckState> dkimState;
    private final StringBinding dkimText;

    SendersReading(AppContext context, Words words, BackgroundJobs jobs, Clock clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.words = Objects.requireNonNull(words, "words");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.job = new LatestJob(jobs);
        spfState = Bindings.createObjectBinding(() -> state(report -> Badge.worst(report.spf().findings())), round);
        spfText = Bindings.createStringBinding(this::spfTextNow, round, words.language());
        dkimState = Bindings.createObjectBinding(() -> state(report -> switch (report.dkim().verdict()) {
            case KEYS -> CheckState.PASS;
            case ONLY_REVOKED, NONE_PUBLISHED -> CheckState.WARNING;
            case NOT_FOUND, FAILED -> CheckState.UNKNOWN;
        }), round);
        dkimText = Bindings.createStringBinding(this::dkimTextNow, round, words.language());
    }

    /**
     * Reads SPF and DKIM of {@code domain} in the background, unless that is what was read last;
     * {@code again} reads anyway and asks the servers now, as the user's "Check again" does.
     */
    void read(String domain, boolean again) {
        Round last = round.get();
        if (!again && last.domain().equals(domain) && last.status() != PublishedPolicy.Status.FAILED
                && last.status() != PublishedPolicy.Status.CANCELLED) {
            return;
        }
        round.set(new Round(domain, PublishedPolicy.Status.READING, null, ""));
        SenderCoverage coverage = new SenderCoverage(again ? context.resolver().fresh() : context.resolver(),
                context.resolverTarget());
        LocalDate today = LocalDate.now(clock);
        job.start(words.format("dmarc.senders.reading", domain), () -> coverage.check(domain, today),
                (report, failure) -> round.set(failure == null ? new Round(domain, PublishedPolicy.Status.DONE, report, "")
                        : new Round(domain, failure instanceof CancellationException ? PublishedPolicy.Status.CANCELLED
                                : PublishedPolicy.Status.FAILED, null, words.failure(failure))));
    }

    ObjectBinding<CheckState> spfStateProperty() {
        return spfState;
    }

    /** The SPF verdict in a sentence: the linter's most serious finding. */
    StringBinding spfTextProperty() {
        return spfText;
    }

    /** The SPF record published now, if any. */
    Optional<String> spfRecord() {
        return Optional.ofNullable(round.get().report()).map(SenderCoverage.Report::spf).flatMap(SpfLintReport::recordText);
    }

    ObjectBinding<CheckState> dkimStateProperty() {
        return dkimState;
    }

    StringBinding dkimTextProperty() {
        return dkimText;
    }

    /** The state once read; pending while reading, unknown when the reading failed or was cancelled. */
    private CheckState state(Function<SenderCoverage.Report, CheckState> read) {
        Round now = round.get();
        return switch (now.status()) {
            case IDLE, FAILED, CANCELLED -> CheckState.UNKNOWN;
            case READING -> CheckState.PENDING;
            case DONE -> read.apply(now.report());
        };
    }

    private String spfTextNow() {
        Round now = round.get();
        if (now.status() != PublishedPolicy.Status.DONE) {
            return notRead(now);
        }
        return now.report().spf().findings().stream().findFirst().map(finding -> finding.message(words.locale()))
                .orElse(words.format("dmarc.senders.spf.ok", now.domain()));
    }

    private String dkimTextNow() {
        Round now = round.get();
        if (now.status() != PublishedPolicy.Status.DONE) {
            return notRead(now);
        }
        SenderCoverage.DkimKeys keys = now.report().dkim();
        List<String> live = keys.live();
        List<String> revoked = keys.revoked();
        return switch (keys.verdict()) {
            case KEYS -> words.format("dmarc.senders.dkim.keys", now.domain(), String.join(", ", live), live.size())
                    + (revoked.isEmpty() ? "" : " " + words.format("dmarc.senders.dkim.revokedToo", String.join(", ", revoked)));
            case ONLY_REVOKED -> words.format("dmarc.senders.dkim.onlyRevoked", now.domain(), String.join(", ", revoked));
            case NONE_PUBLISHED -> words.format("dmarc.senders.dkim.none", now.domain());
            case NOT_FOUND -> words.format("dmarc.senders.dkim.notFound", now.domain());
            case FAILED -> words.format("dmarc.senders.dkim.failed", keys.failed().orElseThrow().explain(words.locale()));
        };
    }

    private String notRead(Round now) {
        return switch (now.status()) {
            case IDLE -> words.format("dmarc.senders.idle");
            case READING -> words.format("dmarc.senders.reading", now.domain());
            case CANCELLED -> words.format("dmarc.senders.cancelled", now.domain());
            case FAILED -> words.format("dmarc.senders.failed", now.domain(), now.failure());
            case DONE -> "";
        };
    }
}
