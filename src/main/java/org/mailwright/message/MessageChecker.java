package org.mailwright.message;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dkim.ArcReport;
import org.mailwright.dkim.ArcResult;
import org.mailwright.dkim.ArcSet;
import org.mailwright.dkim.ArcVerifier;
import org.mailwright.dkim.DkimResult;
import org.mailwright.dkim.DkimVerifier;
import org.mailwright.dkim.HeaderField;
import org.mailwright.dkim.KeySource;
import org.mailwright.dkim.MailMessage;
import org.mailwright.dkim.SignatureKind;
import org.mailwright.dkim.SignatureResult;
import org.mailwright.dkim.VerificationReport;
import org.mailwright.dkim.VerificationRules;
import org.mailwright.dmarc.AlignmentMode;
import org.mailwright.dmarc.DiscoveredPolicy;
import org.mailwright.dmarc.DmarcRecord;
import org.mailwright.dmarc.IdentifierAlignment;
import org.mailwright.dmarc.Policy;
import org.mailwright.dmarc.PolicyDiscovery;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.findings.Finding;
import org.mailwright.findings.MessageFinding;
import org.mailwright.spf.SpfEvaluation;
import org.mailwright.spf.SpfEvaluator;
import org.mailwright.spf.SpfRequest;
import org.mailwright.spf.SpfResult;

/**
 * Decides about one message what a receiver does: SPF for the client that handed it over, every
 * DKIM signature, DMARC with identifier alignment for the From domain, and the ARC chain; then
 * sets that beside the Authentication-Results fields the message already carries. SPF, DKIM, ARC
 * and the DMARC policy are asked for at once; everything asks the servers now.
 */
public final class MessageChecker {

    private final ResolverService resolver;
    private final ResolverTarget target;
    private final Clock clock;

    public MessageChecker(ResolverService resolver, ResolverTarget target, Clock clock) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CompletableFuture<MessageVerdict> check(MailMessage message, Envelope envelope) {
        Author author = Author.of(message);
        List<ReceivedHop> hops = ReceivedHop.of(message);
        Session session = session(message, envelope, hops);
        DkimVerifier dkimVerifier = new DkimVerifier(KeySource.dns(resolver, target), clock, VerificationRules.standard());
        PolicyDiscovery discovery = new PolicyDiscovery(resolver, target);
        IdentifierAlignment alignment = new IdentifierAlignment(discovery);

        CompletableFuture<Optional<SpfEvaluation>> spf = session.request()
                .map(request -> new SpfEvaluator(resolver, target).evaluate(request).thenApply(Optional::of))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
        CompletableFuture<VerificationReport> dkim = dkimVerifier.verify(message);
        CompletableFuture<ArcReport> arc = new ArcVerifier(dkimVerifier).verify(message);
        CompletableFuture<Optional<DiscoveredPolicy>> policy = author.domain()
                .map(domain -> discovery.discover(domain.ascii()).thenApply(Optional::of))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));

        return CompletableFuture.allOf(spf, dkim, arc, policy).thenCompose(all -> {
            Judgement judgement = new Judgement(message, author, hops, session, spf.join(), dkim.join().signatures(),
                    arc.join(), policy.join());
            return judgement.align(alignment).thenApply(aligned -> judgement.verdict());
        });
    }

    /** The SMTP session as far as it is known: given facts first, then the message's own fields. */
    private record Session(Optional<InetAddress> client, SpfVerdict.Source clientSource, String helo,
                           Optional<String> mailFrom) {

        Optional<SpfRequest> request() {
            return client.isPresent() && mailFrom.isPresent()
                    ? Optional.of(new SpfRequest(client.get(), mailFrom.get(), helo)) : Optional.empty();
        }
    }

    private static Session session(MailMessage message, Envelope envelope, List<ReceivedHop> hops) {
        Optional<ReceivedHop> hop = ReceivedHop.connectingClient(hops);
        Optional<InetAddress> client = envelope.client().or(() -> hop.flatMap(ReceivedHop::address));
        SpfVerdict.Source source = envelope.client().isPresent() ? SpfVerdict.Source.GIVEN
                : client.isPresent() ? SpfVerdict.Source.RECEIVED : SpfVerdict.Source.NONE;
        String helo = envelope.helo().orElseGet(() -> envelope.client().isPresent() ? "" : hop.map(ReceivedHop::helo).orElse(""));
        Optional<String> mailFrom = envelope.mailFrom().or(() -> returnPath(message));
        return new Session(client, source, helo, mailFrom);
    }

    /** The envelope sender the receiver recorded in the topmost Return-Path; empty text for {@code <>}. */
    static Optional<String> returnPath(MailMessage message) {
        List<HeaderField> fields = message.headers("Return-Path");
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        String value = HeaderText.withoutComments(fields.get(0).value()).strip();
        int open = value.indexOf('<');
        int close = value.lastIndexOf('>');
        return Optional.of(open >= 0 && close > open ? value.substring(open + 1, close).strip() : value);
    }

    /** The results put together once every lookup is back. */
    private static final class Judgement {
        private final MailMessage message;
        private final Author author;
        private final List<ReceivedHop> hops;
        private final Session session;
        private final Optional<SpfEvaluation> spf;
        private final List<SignatureResult> signatures;
        private final ArcReport arc;
        private final Optional<DiscoveredPolicy> policy;
        private IdentifierAlignment.Alignment spfAlignment = new IdentifierAlignment.Alignment(false, true);
        private final List<IdentifierAlignment.Alignment> dkimAlignment = new ArrayList<>();

        Judgement(MailMessage message, Author author, List<ReceivedHop> hops, Session session, Optional<SpfEvaluation> spf,
                  List<SignatureResult> signatures, ArcReport arc, Optional<DiscoveredPolicy> policy) {
            this.message = message;
            this.author = author;
            this.hops = hops;
            this.session = session;
            this.spf = spf;
            this.signatures = signatures;
            this.arc = arc;
            this.policy = policy;
        }

        CompletableFuture<Void> align(IdentifierAlignment alignment) {
            if (author.domain().isEmpty()) {
                signatures.forEach(signature -> dkimAlignment.add(new IdentifierAlignment.Alignment(false, true)));
                return CompletableFuture.completedFuture(null);
            }
            DomainName domain = author.domain().get();
            Optional<DmarcRecord> record = policy.flatMap(DiscoveredPolicy::record);
            AlignmentMode spfMode = record.map(DmarcRecord::spfAlignment).orElse(AlignmentMode.RELAXED);
            AlignmentMode dkimMode = record.map(DmarcRecord::dkimAlignment).orElse(AlignmentMode.RELAXED);
            CompletableFuture<IdentifierAlignment.Alignment> spfCheck = spf
                    .map(evaluation -> alignment.check(evaluation.domain(), domain, spfMode))
                    .orElseGet(() -> CompletableFuture.completedFuture(new IdentifierAlignment.Alignment(false, true)));
            List<CompletableFuture<IdentifierAlignment.Alignment>> dkimChecks = signatures.stream()
                    .map(signature -> signature.kind() == SignatureKind.DKIM && !signature.domain().isEmpty()
                            ? alignment.check(signature.domain(), domain, dkimMode)
                            : CompletableFuture.completedFuture(new IdentifierAlignment.Alignment(false, true)))
                    .toList();
            List<CompletableFuture<?>> all = new ArrayList<>(dkimChecks);
            all.add(spfCheck);
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenRun(() -> {
                spfAlignment = spfCheck.join();
                dkimChecks.forEach(check -> dkimAlignment.add(check.join()));
            });
        }

        MessageVerdict verdict() {
            List<Finding> findings = new ArrayList<>();
            SpfVerdict spfVerdict = new SpfVerdict(spf, session.client(), session.clientSource(), session.helo(),
                    session.mailFrom().orElse(""), spfAlignment.aligned());
            List<DkimVerdict> dkim = new ArrayList<>();
            for (int i = 0; i < signatures.size(); i++) {
                dkim.add(new DkimVerdict(signatures.get(i), dkimAlignment.get(i).aligned()));
            }
            DmarcVerdict dmarc = dmarc(spfVerdict, dkim);
            sessionFindings(findings);
            dmarcFindings(dmarc, spfVerdict, dkim, findings);
            List<StampedResults> stamped = StampedResults.of(message);
            stamped.stream().findFirst().ifPresent(newest -> differences(newest, spfVerdict, dkim, dmarc, findings));
            findings.sort(Comparator.comparing(Finding::severity));
            return new MessageVerdict(author, spfVerdict, dkim, dmarc, arc, stamped, hops, findings);
        }

        private DmarcVerdict dmarc(SpfVerdict spfVerdict, List<DkimVerdict> dkim) {
            if (author.domain().isEmpty()) {
                return new DmarcVerdict(DmarcVerdict.Result.PERMERROR, Optional.empty(), Policy.NONE, Optional.empty());
            }
            DiscoveredPolicy discovered = policy.orElseThrow();
            if (discovered.record().isEmpty()) {
                DmarcVerdict.Result result = discovered.complete() ? DmarcVerdict.Result.NONE : DmarcVerdict.Result.TEMPERROR;
                return new DmarcVerdict(result, Optional.empty(), Policy.NONE, policy);
            }
            Optional<Policy> requested = discovered.requestedPolicy();
            boolean spfCounts = spfVerdict.passed() && spfVerdict.aligned();
            if (spfCounts || dkim.stream().anyMatch(DkimVerdict::alignedPass)) {
                return new DmarcVerdict(DmarcVerdict.Result.PASS, requested, Policy.NONE, policy);
            }
            boolean uncertain = !spfAlignment.certain() || dkimAlignment.stream().anyMatch(a -> !a.certain())
                    || spf.map(e -> e.result() == SpfResult.TEMPERROR).orElse(false)
                    || signatures.stream().anyMatch(s -> s.result() == DkimResult.TEMPERROR);
            if (uncertain) {
                return new DmarcVerdict(DmarcVerdict.Result.TEMPERROR, requested, Policy.NONE, policy);
            }
            return new DmarcVerdict(DmarcVerdict.Result.FAIL, requested, discovered.appliedPolicy().orElse(Policy.NONE), policy);
        }

        private void sessionFindings(List<Finding> findings) {
            if (session.client().isEmpty()) {
                findings.add(MessageFinding.NO_CLIENT_ADDRESS.of());
            } else if (session.mailFrom().isEmpty()) {
                findings.add(MessageFinding.NO_ENVELOPE_SENDER.of());
            }
            if (message.headerOnly() && !signatures.isEmpty()) {
                findings.add(MessageFinding.HEADERS_ONLY.of());
            }
        }

        private void dmarcFindings(DmarcVerdict dmarc, SpfVerdict spfVerdict, List<DkimVerdict> dkim, List<Finding> findings) {
            if (author.problem().isPresent()) {
                findings.add(author.problem().get() == Author.Problem.NO_FROM || author.problem().get() == Author.Problem.SEVERAL_FROM_FIELDS
                        ? MessageFinding.NO_FROM.of()
                        : MessageFinding.NO_AUTHOR_DOMAIN.of(message.headers("From").get(0).value()));
                return;
            }
            String domain = author.domain().orElseThrow().ascii();
            switch (dmarc.result()) {
                case PASS -> findings.add(MessageFinding.DMARC_PASS.of(domain));
                case NONE -> findings.add(MessageFinding.NO_DMARC_POLICY.of(domain));
                case FAIL -> findings.add(MessageFinding.DMARC_FAIL.of(domain,
                        dmarc.policy().orElse(Policy.NONE).tagValue(), dmarc.disposition().tagValue()));
                default -> { }
            }
            if (spfVerdict.passed() && !spfVerdict.aligned()) {
                findings.add(MessageFinding.SPF_NOT_ALIGNED.of(spfVerdict.domain(), domain));
            }
            Set<String> unaligned = new LinkedHashSet<>();
            dkim.stream().filter(d -> d.signature().passed() && !d.aligned())
                    .forEach(d -> unaligned.add(d.signature().domain()));
            unaligned.forEach(signer -> findings.add(MessageFinding.DKIM_NOT_ALIGNED.of(signer, domain)));
            if (dmarc.result() == DmarcVerdict.Result.FAIL && arc.result() == ArcResult.PASS) {
                ArcSet newest = arc.sets().get(arc.sets().size() - 1);
                findings.add(MessageFinding.ARC_VOUCHES.of(newest.sealer()));
            }
        }

        /** The newest Authentication-Results beside Mailwright's own, method by method. */
        private void differences(StampedResults newest, SpfVerdict spfVerdict, List<DkimVerdict> dkim, DmarcVerdict dmarc,
                                 List<Finding> findings) {
            for (StampedResults.MethodResult theirs : newest.results()) {
                Optional<String> ours = MessageVerdict.ownResult(theirs, author, spfVerdict, dkim, dmarc, arc);
                if (ours.isPresent() && !ours.get().equals(theirs.result())) {
                    findings.add(MessageFinding.RESULTS_DIFFER.of(newest.authservId(), theirs.method(), theirs.result(), ours.get()));
                }
            }
        }
    }
}
