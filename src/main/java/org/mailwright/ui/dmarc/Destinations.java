package org.mailwright.ui.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mailwright.dmarc.DestinationCheck;
import org.mailwright.dmarc.DestinationReport;
import org.mailwright.dmarc.DmarcTag;
import org.mailwright.dmarc.MailboxCheck;
import org.mailwright.dmarc.ReportAddresses;
import org.mailwright.dmarc.ReportDestinations;
import org.mailwright.dmarc.ReportUri;
import org.mailwright.dns.ResolverService;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * The report-destination helper: for every rua and ruf destination, whether it may receive the
 * domain's reports (a destination in another organization must publish
 * {@code <domain>._report._dmarc.<destination>}, RFC 9990 section 3) and whether its mailbox's
 * domain receives mail at all, judged by {@link ReportDestinations} as {@code dmarc lint} judges
 * them. Shows the exact record to ask for.
 */
final class Destinations {

    /** One destination to check. */
    record Destination(DmarcTag tag, ReportUri uri) {
    }

    /** One round of checks: what was asked, and the answers once they are in (empty while checking). */
    record Round(String domain, List<Destination> asked, Optional<List<DestinationReport>> answers, String failure) {
        static final Round NONE = new Round("", List.of(), Optional.empty(), "");
    }

    private final AppContext context;
    private final Words words;
    private final LatestJob job;
    private final ReadOnlyObjectWrapper<Round> round = new ReadOnlyObjectWrapper<>(this, "round", Round.NONE);
    private final ObjectBinding<List<DestinationRow>> rows;

    Destinations(AppContext context, Words words, BackgroundJobs jobs) {
        this.context = Objects.requireNonNull(context, "context");
        this.words = Objects.requireNonNull(words, "words");
        this.job = new LatestJob(jobs);
        rows = Bindings.createObjectBinding(this::rowsNow, round, words.language());
    }

    /**
     * Checks the destinations of {@code domain}'s reports in the background; asking again for the
     * same ones does nothing unless {@code again}, which asks the servers now, past any answer
     * (a "does not exist" included) that the cache kept.
     */
    void check(String domain, List<ReportUri> aggregate, List<ReportUri> failure, boolean again) {
        List<Destination> asked = new ArrayList<>();
        aggregate.forEach(uri -> asked.add(new Destination(DmarcTag.RUA, uri)));
        failure.forEach(uri -> asked.add(new Destination(DmarcTag.RUF, uri)));
        Round last = round.get();
        if (!again && last.domain().equals(domain) && last.asked().equals(asked) && last.failure().isEmpty()) {
            return;
        }
        round.set(new Round(domain, asked, Optional.empty(), ""));
        if (asked.isEmpty()) {
            job.abandon();
            round.set(new Round(domain, asked, Optional.of(List.of()), ""));
            return;
        }
        ResolverService resolver = again ? context.resolver().fresh() : context.resolver();
        ReportDestinations destinations = new ReportDestinations(resolver, context.resolverTarget());
        job.start(words.format("dmarc.destination.progress", asked.size()), () -> checkAll(destinations, domain, asked),
                (answers, failed) -> round.set(failed == null
                        ? new Round(domain, asked, Optional.of(answers), "")
                        : new Round(domain, asked, Optional.empty(), words.failure(failed))));
    }

    void clear() {
        job.abandon();
        round.set(Round.NONE);
    }

    /** One row per destination, in the order rua then ruf. */
    ObjectBinding<List<DestinationRow>> rowsProperty() {
        return rows;
    }

    private static CompletableFuture<List<DestinationReport>> checkAll(ReportDestinations destinations, String domain,
                                                                       List<Destination> asked) {
        List<CompletableFuture<DestinationReport>> checks = asked.stream()
                .map(destination -> destinations.check(domain, destination.tag(), destination.uri())).toList();
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(done -> checks.stream().map(CompletableFuture::join).toList());
    }

    private List<DestinationRow> rowsNow() {
        Round now = round.get();
        List<DestinationRow> rows = new ArrayList<>();
        for (int i = 0; i < now.asked().size(); i++) {
            Destination destination = now.asked().get(i);
            String shown = ReportAddresses.shown(destination.uri());
            String tag = destination.tag().tagName();
            if (now.answers().isPresent()) {
                rows.add(row(tag, shown, now.answers().get().get(i)));
            } else if (!now.failure().isEmpty()) {
                rows.add(new DestinationRow(tag, shown, CheckState.UNKNOWN,
                        words.format("dmarc.destination.failed", now.failure()), Optional.empty()));
            } else {
                rows.add(new DestinationRow(tag, shown, CheckState.PENDING,
                        words.format("dmarc.destination.checking"), Optional.empty()));
            }
        }
        return rows;
    }

    /** The badge is the worst of the linter's findings for the destination; the sentence says what the checks found. */
    private DestinationRow row(String tag, String shown, DestinationReport checked) {
        DestinationCheck authorization = checked.authorization();
        String host = authorization.uri().host();
        Optional<MailboxCheck.Status> mailbox = checked.mailbox().map(MailboxCheck::status);
        CheckState state = Badge.worst(checked.findings());
        if (mailbox.isPresent() && mailbox.get().cannotReceive()) {
            // Nothing can be delivered there: the address is wrong, whatever the authorization says.
            return new DestinationRow(tag, shown, state,
                    words.format("dmarc.mailbox." + mailbox.get().name().toLowerCase(Locale.ROOT), host), Optional.empty());
        }
        String verdict = switch (authorization.status()) {
            case NOT_NEEDED -> words.format("dmarc.destination.own", host, authorization.policyDomain());
            case AUTHORIZED -> words.format("dmarc.destination.authorized", host, authorization.policyDomain(),
                    authorization.authorizationName());
            case NOT_AUTHORIZED -> words.format("dmarc.destination.notAuthorized", host, authorization.policyDomain(),
                    authorization.authorizationName());
            case UNKNOWN -> words.format("dmarc.destination.unknown", host, authorization.lookup()
                    .map(lookup -> lookup.explain(words.locale())).orElse(""));
            case NAME_TOO_LONG -> words.format("dmarc.destination.nameTooLong", host, authorization.policyDomain(),
                    authorization.authorizationName().length());
        };
        if (mailbox.isPresent() && mailbox.get() == MailboxCheck.Status.UNKNOWN) {
            verdict = verdict + " " + words.format("dmarc.mailbox.unknown", host);
        }
        // The record to ask for, while it is missing; once published, the sentence names it.
        boolean missing = authorization.status() == DestinationCheck.Status.NOT_AUTHORIZED
                || authorization.status() == DestinationCheck.Status.UNKNOWN;
        Optional<DestinationRow.Authorization> record = authorization.external() && missing
                ? Optional.of(new DestinationRow.Authorization(authorization.authorizationName(),
                        ReportDestinations.AUTHORIZATION_RECORD, authorization.zoneLine()))
                : Optional.empty();
        return new DestinationRow(tag, shown, state, verdict, record);
    }
}
