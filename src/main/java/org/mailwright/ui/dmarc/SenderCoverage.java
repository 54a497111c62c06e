package org.mailwright.ui.dmarc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mailwright.dkim.DkimKeyRecord;
import org.mailwright.dkim.KeyRecordException;
import org.mailwright.dkim.Selectors;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.spf.SpfLintReport;
import org.mailwright.spf.SpfLinter;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.LatestJob;

/**
 * Whether the domain's senders can pass DMARC: its SPF record, linted as receivers meet it, and
 * its DKIM keys. DKIM keys live at names (selectors) DNS cannot list, so the check asks for the
 * selectors that mail services use most and those the DKIM page makes (one per month, 202611a),
 * and whether {@code _domainkey.<domain>} exists at all: when it does not (NXDOMAIN), no key is
 * published under any selector (RFC 8020).
 */
final class SenderCoverage {

    /** Selectors that mail services and servers use most: Microsoft 365, Google Workspace, Mailchimp, SendGrid, defaults. */
    static final List<String> COMMON_SELECTORS = List.of("selector1", "selector2", "google", "default", "dkim", "mail",
            "k1", "k2", "s1", "s2", "smtp");
    /** How many months back the DKIM page's own selectors are looked for. */
    static final int MONTHS_OF_OWN_SELECTORS = 12;

    /** A key found at a selector. */
    record Key(String selector, boolean revoked) {
    }

    /** What DNS says about the domain's DKIM keys. */
    record DkimKeys(LookupResult domainKeys, List<String> asked, List<Key> found, Optional<LookupResult> failed) {
    }

    /** One reading of both. */
    record Round(String domain, PublishedPolicy.Status status, SpfLintReport spf, DkimKeys dkim, String failure) {
        static final Round NONE = new Round("", PublishedPolicy.Status.IDLE, null, null, "");
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

    SenderCoverage(AppContext context, Words words, BackgroundJobs jobs, Clock clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.words = Objects.requireNonNull(words, "words");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.job = new LatestJob(jobs);
        spfState = Bindings.createObjectBinding(() -> state(round.get().spf() == null ? null : Problems.worst(round.get().spf().findings())), round);
        spfText = Bindings.createStringBinding(this::spfTextNow, round, words.language());
        dkimState = Bindings.createObjectBinding(() -> state(round.get().dkim() == null ? null : dkimVerdict(round.get().dkim())), round);
        dkimText = Bindings.createStringBinding(this::dkimTextNow, round, words.language());
    }

    /** Reads SPF and DKIM of {@code domain} in the background, unless that is what was read last. */
    void read(String domain, boolean again) {
        Round last = round.get();
        if (!again && last.domain().equals(domain) && last.status() != PublishedPolicy.Status.FAILED
                && last.status() != PublishedPolicy.Status.CANCELLED) {
            return;
        }
        round.set(new Round(domain, PublishedPolicy.Status.READING, null, null, ""));
        ResolverService resolver = context.resolver();
        ResolverTarget target = context.resolverTarget();
        List<String> selectors = selectorsToTry(LocalDate.now(clock));
        job.start(words.format("dmarc.senders.reading", domain), () -> {
            CompletableFuture<SpfLintReport> spf = new SpfLinter(resolver, target).lint(domain);
            CompletableFuture<DkimKeys> dkim = dkimKeys(resolver, target, domain, selectors);
            return spf.thenCombine(dkim, (s, d) -> new Round(domain, PublishedPolicy.Status.DONE, s, d, ""));
        }, (done, failure) -> round.set(failure == null ? done
                : new Round(domain, failure instanceof CancellationException ? PublishedPolicy.Status.CANCELLED
                        : PublishedPolicy.Status.FAILED, null, null, Problems.sentence(failure))));
    }

    void clear() {
        job.abandon();
        round.set(Round.NONE);
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
        return Optional.ofNullable(round.get().spf()).flatMap(SpfLintReport::recordText);
    }

    ObjectBinding<CheckState> dkimStateProperty() {
        return dkimState;
    }

    StringBinding dkimTextProperty() {
        return dkimText;
    }

    /** The common selectors, then the DKIM page's monthly ones, newest first. */
    static List<String> selectorsToTry(LocalDate today) {
        Set<String> selectors = new LinkedHashSet<>(COMMON_SELECTORS);
        for (int month = 0; month < MONTHS_OF_OWN_SELECTORS; month++) {
            selectors.add(Selectors.suggest(today.minusMonths(month), List.of()));
        }
        return List.copyOf(selectors);
    }

    private static CompletableFuture<DkimKeys> dkimKeys(ResolverService resolver, ResolverTarget target, String domain,
                                                        List<String> selectors) {
        CompletableFuture<LookupResult> domainKeys = resolver.lookup("_domainkey." + domain, RecordType.TXT, target);
        List<CompletableFuture<LookupResult>> keys = selectors.stream()
                .map(selector -> resolver.lookup(selector + "._domainkey." + domain, RecordType.TXT, target)).toList();
        List<CompletableFuture<?>> all = new ArrayList<>(keys);
        all.add(domainKeys);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Key> found = new ArrayList<>();
            Optional<LookupResult> failed = Optional.empty();
            for (int i = 0; i < selectors.size(); i++) {
                LookupResult key = keys.get(i).join();
                if (!key.outcome().isAnswer() || key.outcome() == Outcome.SERVFAIL || key.outcome() == Outcome.REFUSED) {
                    failed = failed.or(() -> Optional.of(key));
                }
                keyIn(selectors.get(i), key).ifPresent(found::add);
            }
            LookupResult root = domainKeys.join();
            if (root.outcome() != Outcome.OK && root.outcome() != Outcome.NODATA && root.outcome() != Outcome.NXDOMAIN) {
                failed = Optional.of(root);
            }
            return new DkimKeys(root, selectors, found, failed);
        });
    }

    private static Optional<Key> keyIn(String selector, LookupResult answer) {
        for (String value : answer.values()) {
            try {
                return Optional.of(new Key(selector, DkimKeyRecord.parse(value).publicKey().isEmpty()));
            } catch (KeyRecordException e) {
                // Not a key record (a stray TXT at the name): keep looking.
            }
        }
        return Optional.empty();
    }

    private enum DkimVerdict {
        KEYS, ONLY_REVOKED, NONE_PUBLISHED, NOT_FOUND, FAILED
    }

    private static DkimVerdict dkimVerdictOf(DkimKeys keys) {
        if (keys.found().stream().anyMatch(key -> !key.revoked())) {
            return DkimVerdict.KEYS;
        }
        if (!keys.found().isEmpty()) {
            return DkimVerdict.ONLY_REVOKED;
        }
        if (keys.domainKeys().outcome() == Outcome.NXDOMAIN) {
            return DkimVerdict.NONE_PUBLISHED;
        }
        return keys.failed().isPresent() ? DkimVerdict.FAILED : DkimVerdict.NOT_FOUND;
    }

    private static CheckState dkimVerdict(DkimKeys keys) {
        return switch (dkimVerdictOf(keys)) {
            case KEYS -> CheckState.PASS;
            case ONLY_REVOKED, NONE_PUBLISHED -> CheckState.WARNING;
            case NOT_FOUND, FAILED -> CheckState.UNKNOWN;
        };
    }

    /** The state once read; pending while reading, unknown when the reading failed or was cancelled. */
    private CheckState state(CheckState read) {
        return switch (round.get().status()) {
            case IDLE, FAILED, CANCELLED -> CheckState.UNKNOWN;
            case READING -> CheckState.PENDING;
            case DONE -> read;
        };
    }

    private String spfTextNow() {
        Round now = round.get();
        if (now.status() != PublishedPolicy.Status.DONE) {
            return notRead(now);
        }
        return now.spf().findings().stream().findFirst().map(finding -> finding.message(words.locale()))
                .orElse(words.format("dmarc.senders.spf.ok", now.domain()));
    }

    private String dkimTextNow() {
        Round now = round.get();
        if (now.status() != PublishedPolicy.Status.DONE) {
            return notRead(now);
        }
        DkimKeys keys = now.dkim();
        List<String> live = keys.found().stream().filter(key -> !key.revoked()).map(Key::selector).toList();
        List<String> revoked = keys.found().stream().filter(Key::revoked).map(Key::selector).toList();
        return switch (dkimVerdictOf(keys)) {
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
