package org.mailwright.spf;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.mailwright.findings.Finding;
import org.mailwright.findings.KeyedWords;
import org.mailwright.findings.SpfFinding;
import org.mailwright.findings.Severity;
import org.mailwright.dns.DnsRecord;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.MxData;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.TxtStrings;

/**
 * Checks a domain's SPF record the way receivers will meet it: syntax, the lookup tree and its
 * count against the limit of 10, void lookups, loops, risky qualifiers, size, and whether the
 * domain's own MX hosts are authorized, each address found by evaluating it.
 *
 * <p>Whatever DNS answers, a lint ends within its deadline ({@link #DEFAULT_DEADLINE}) after at
 * most {@link #MAX_QUERIES} lookups for the tree: the lookups of one record's terms (the records
 * of its includes, the targets of a, mx and exists) are asked at once, while its MX hosts are
 * evaluated for coverage; lookups still unanswered at the deadline count as timed out and are
 * named in a finding, and terms past the budget are counted but not looked up. Terms are walked
 * in a loop, never by recursion on the record's size.
 *
 * <p>What it can report is declared in {@link SpfFinding}.
 */
public final class SpfLinter {

    /** RFC 7208 section 3.4: keep records under 450 octets so answers fit a 512-octet UDP reply. */
    static final int ADVISED_RECORD = 450;
    static final int MAX_UDP_RECORD = 512;
    /**
     * The DNS questions one lint asks at most for the record's tree (the records of includes and
     * redirects, the targets of a, mx and exists): ten times what receivers may ask, enough to
     * count a tree well past their limit.
     */
    public static final int MAX_QUERIES = 100;
    /** How long one lint may take in all, coverage of the MX hosts included. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
    /** How many MX hosts' addresses are evaluated for coverage. */
    private static final int MAX_COVERAGE_HOSTS = 10;
    /** How many addresses of one MX host, per family, are evaluated for coverage. */
    private static final int MAX_COVERAGE_ADDRESSES = 10;

    private final SpfEvaluator.Dns dns;
    private final Duration deadline;

    public SpfLinter(ResolverService resolver, ResolverTarget target) {
        this(resolver, target, DEFAULT_DEADLINE);
    }

    /** @param deadline how long one lint may take in all */
    public SpfLinter(ResolverService resolver, ResolverTarget target, Duration deadline) {
        this(SpfEvaluator.dnsOf(resolver, target), deadline);
    }

    SpfLinter(SpfEvaluator.Dns dns, Duration deadline) {
        this.dns = Objects.requireNonNull(dns, "dns");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    /**
     * Lints the record {@code domain} publishes.
     *
     * @throws org.mailwright.dns.InvalidDomainNameException (synchronously) when {@code domain} is no domain name
     */
    public CompletableFuture<SpfLintReport> lint(String domain) {
        String name = DomainName.of(domain).ascii();
        Check check = new Check();
        return check.ask(name, RecordType.TXT).thenCompose(answer -> {
            if (!answer.outcome().isConclusive()) {
                check.findings.add(SpfFinding.DNS_ERROR.of(name, new KeyedWords(answer.outcome().wordsKey())));
                return done(name, null, 0, null, check.findings);
            }
            List<DnsRecord> records = answer.records().stream()
                    .filter(record -> SpfRecord.isSpfRecord(record.value())).toList();
            if (records.isEmpty()) {
                check.findings.add(SpfFinding.MISSING.of(name));
                return done(name, null, 0, null, check.findings);
            }
            if (records.size() > 1) {
                check.findings.add(SpfFinding.MULTIPLE_RECORDS.of(name, records.size()));
                return done(name, records.get(0).value(), 0, null, check.findings);
            }
            return lintRecord(check, name, records.get(0).value(), null);
        });
    }

    /**
     * Lints {@code record} as if {@code domain} published it (a draft in the wizard): includes are
     * still followed live, and MX coverage is evaluated against the draft.
     *
     * @throws org.mailwright.dns.InvalidDomainNameException (synchronously) when {@code domain} is no domain name
     */
    public CompletableFuture<SpfLintReport> lint(String domain, String record) {
        String name = DomainName.of(domain).ascii();
        Check check = new Check();
        if (record.getBytes(StandardCharsets.UTF_8).length > TxtStrings.MAX_STRING_OCTETS) {
            check.findings.add(SpfFinding.STRING_TOO_LONG.of(record.length(), TxtStrings.MAX_STRING_OCTETS));
        }
        return lintRecord(check, name, record, record);
    }

    private CompletableFuture<SpfLintReport> lintRecord(Check check, String domain, String text, String draft) {
        List<Finding> findings = check.findings;
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_UDP_RECORD) {
            findings.add(SpfFinding.RECORD_TOO_LONG.of(size, MAX_UDP_RECORD));
        } else if (size > ADVISED_RECORD) {
            findings.add(SpfFinding.RECORD_LONG.of(size, ADVISED_RECORD));
        }
        SpfRecord record;
        try {
            record = SpfRecord.parse(text);
        } catch (SpfSyntaxException e) {
            findings.add("wrong-ip-family".equals(e.reason())
                    ? SpfFinding.WRONG_IP_FAMILY.of(e.term(), e.position(), e.arguments().get(0),
                            e.arguments().get(2))
                    : SpfFinding.SYNTAX.of(e.term(), e.position(), e.reasonText()));
            return done(domain, text, 0, null, findings);
        }
        checkQualifiers(record, findings);
        // The MX hosts are evaluated while the tree is walked: each may wait on the same silent servers.
        CompletableFuture<List<Finding>> coverage = coverage(check, domain, draft);
        return check.record(record, domain, List.of(domain)).thenCombine(coverage, (children, uncovered) -> {
            LookupNode tree = new LookupNode(domain, domain, children.stream().mapToInt(LookupNode::lookups).sum(),
                    LookupNode.Status.OK, children);
            check.conclude(tree);
            findings.addAll(uncovered);
            return tree;
        }).thenCompose(tree -> done(domain, text, tree.lookups(), tree, findings));
    }

    /** The all mechanism and its qualifier; ptr; redirect made useless by all. */
    private static void checkQualifiers(SpfRecord record, List<Finding> findings) {
        List<Mechanism> mechanisms = record.mechanisms();
        Optional<Mechanism> all = mechanisms.stream().filter(m -> m.type() == MechanismType.ALL).findFirst();
        for (Mechanism mechanism : mechanisms) {
            if (mechanism.type() == MechanismType.PTR) {
                findings.add(SpfFinding.PTR_USED.of(mechanism.text()));
            }
        }
        if (all.isPresent() && all.get().qualifier() == Qualifier.PASS) {
            findings.add(SpfFinding.PLUS_ALL.of(all.get().text()));
        } else if (all.isPresent() && all.get().qualifier() == Qualifier.NEUTRAL) {
            findings.add(SpfFinding.NEUTRAL_ALL.of(all.get().text()));
        }
        if (all.isPresent() && record.redirect().isPresent()) {
            findings.add(SpfFinding.REDIRECT_WITH_ALL.of(record.redirect().get().text(), all.get().text()));
        }
        if (all.isEmpty() && record.redirect().isEmpty()) {
            findings.add(SpfFinding.NO_ALL.of());
        }
    }

    /**
     * spf.ipv6-uncovered and spf.mail-host-uncovered: each A and AAAA address of the domain's own
     * MX hosts, evaluated as a sender of the domain; any that does not pass is reported. A host
     * that is no domain name (an escaped dot, an odd octet) has no address to evaluate.
     */
    private CompletableFuture<List<Finding>> coverage(Check check, String domain, String draft) {
        return check.ask(domain, RecordType.MX).thenCompose(mx -> {
            List<String> hosts = mx.mx().stream()
                    .map(MxData::hostName)
                    .flatMap(Optional::stream)
                    .map(DomainName::ascii)
                    .distinct()
                    .limit(MAX_COVERAGE_HOSTS)
                    .toList();
            List<CompletableFuture<List<Finding>>> checks = new ArrayList<>();
            for (String host : hosts) {
                for (RecordType type : List.of(RecordType.A, RecordType.AAAA)) {
                    checks.add(check.ask(host, type).thenCompose(addresses -> uncovered(check, domain, host, addresses, draft)));
                }
            }
            return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                    .thenApply(all -> checks.stream().flatMap(found -> found.join().stream()).toList());
        });
    }

    private CompletableFuture<List<Finding>> uncovered(Check check, String domain, String host, LookupResult addresses,
                                                       String draft) {
        if (addresses.outcome() != Outcome.OK) {
            return CompletableFuture.completedFuture(List.of());
        }
        SpfEvaluator evaluator = new SpfEvaluator(dns, "unknown", Clock.systemUTC(), check.remaining());
        List<CompletableFuture<Optional<Finding>>> results = new ArrayList<>();
        for (String address : addresses.values().subList(0, Math.min(addresses.values().size(), MAX_COVERAGE_ADDRESSES))) {
            InetAddress client = IpText.parseAddress(address);
            SpfRequest request = new SpfRequest(client, "postmaster@" + domain, host);
            CompletableFuture<SpfEvaluation> evaluation = draft == null ? evaluator.evaluate(request) : evaluator.evaluate(request, draft);
            results.add(evaluation.thenApply(result -> result.result() == SpfResult.PASS ? Optional.empty()
                    : Optional.of((addresses.type() == RecordType.AAAA ? SpfFinding.IPV6_UNCOVERED : SpfFinding.MAIL_HOST_UNCOVERED)
                            .of(host, address, result.result().jsonName()))));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(all -> results.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
    }

    private static CompletableFuture<SpfLintReport> done(String domain, String record, int lookups, LookupNode tree,
                                                         List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        if (record != null && sorted.stream().noneMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)) {
            sorted.add(SpfFinding.VALID.of(domain, lookups, SpfEvaluator.MAX_DNS_TERMS));
        }
        sorted.sort(Comparator.comparing(Finding::severity));
        return CompletableFuture.completedFuture(new SpfLintReport(domain, record, lookups, tree, sorted));
    }

    /**
     * One lint: its deadline, its budget of lookups, and a walk through a record and everything
     * it includes. Terms are visited one after another, so findings come in record order; only
     * the lookups of one record's terms run at once, and what they found is read in order too.
     */
    private final class Check {
        private final long deadlineNanos = System.nanoTime() + deadline.toNanos();
        private final List<Finding> findings = new ArrayList<>();
        private final Map<String, Integer> includes = new LinkedHashMap<>();
        private final List<String> voids = new ArrayList<>();
        private final List<String> timedOut = new ArrayList<>();
        private int queries;
        private int unchecked;

        /** The DNS-querying terms of {@code record}, each with what it includes. */
        CompletableFuture<List<LookupNode>> record(SpfRecord record, String domain, List<String> path) {
            List<Mechanism> mechanisms = record.mechanisms();
            List<Term> terms = new ArrayList<>(mechanisms.stream().filter(m -> m.type().queriesDns()).toList());
            boolean hasAll = mechanisms.stream().anyMatch(m -> m.type() == MechanismType.ALL);
            // With all present, redirect is never reached (section 6.1), so it costs nothing.
            record.redirect().filter(redirect -> !hasAll).ifPresent(terms::add);
            List<Optional<CompletableFuture<LookupResult>>> answers = new ArrayList<>();
            for (Term term : terms) {
                answers.add(startLookup(term, domain));
            }
            List<LookupNode> nodes = new ArrayList<>();
            return AsyncLoop.<Void>firstPresent(terms.size(), index ->
                    node(terms.get(index), domain, path, answers.get(index)).thenApply(node -> {
                        nodes.add(node);
                        return Optional.empty();
                    })).thenApply(done -> nodes);
        }

        /**
         * Starts the lookup a term with a literal target needs: the record of an include or
         * redirect; for a, both A and AAAA, as senders of either family may use it; MX for mx, A
         * for exists. Empty for a term with nothing to ask, and for a term past the budget.
         */
        private Optional<CompletableFuture<LookupResult>> startLookup(Term term, String domain) {
            Optional<String> name = target(term, domain);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            if (term instanceof Modifier || ((Mechanism) term).type() == MechanismType.INCLUDE) {
                return SpfEvaluator.checkableDomain(name.get())
                        .flatMap(checkable -> budgeted(1, () -> ask(checkable, RecordType.TXT)));
            }
            if (!SpfNames.isQueryable(name.get())) {
                // Nothing to ask: a name DNS cannot carry does not exist (a void lookup), at no cost.
                return Optional.of(CompletableFuture.completedFuture(SpfEvaluator.nonexistent(name.get(), RecordType.A)));
            }
            return switch (((Mechanism) term).type()) {
                case MX -> budgeted(1, () -> ask(name.get(), RecordType.MX));
                case EXISTS -> budgeted(1, () -> ask(name.get(), RecordType.A));
                case A -> budgeted(2, () -> ask(name.get(), RecordType.A).thenCombine(ask(name.get(), RecordType.AAAA),
                        Check::eitherFamily));
                default -> Optional.empty();
            };
        }

        private CompletableFuture<LookupNode> node(Term term, String domain, List<String> path,
                                                   Optional<CompletableFuture<LookupResult>> answer) {
            Optional<String> name = target(term, domain);
            if (name.isEmpty()) {
                return leaf(term, "", LookupNode.Status.DYNAMIC);
            }
            if (term instanceof Modifier || ((Mechanism) term).type() == MechanismType.INCLUDE) {
                return include(term, name.get(), path, answer);
            }
            if (((Mechanism) term).type() == MechanismType.PTR) {
                return leaf(term, name.get(), LookupNode.Status.OK);
            }
            if (answer.isEmpty()) {
                unchecked++;
                return leaf(term, name.get(), LookupNode.Status.UNCHECKED);
            }
            return answer.get().thenCompose(result -> leafAfter(term, name.get(), result));
        }

        /** The name a term looks up, when its target is written literally: its domain-spec, or the current domain. */
        private Optional<String> target(Term term, String domain) {
            MacroString spec = term instanceof Mechanism mechanism ? mechanism.domain() : ((Modifier) term).value();
            return spec == null ? Optional.of(domain) : spec.literalDomain();
        }

        /**
         * An include or redirect: 1 for the term, plus the record below it ({@code txt}, asked
         * when the record's terms were read), unless that loops or is missing.
         */
        private CompletableFuture<LookupNode> include(Term term, String name, List<String> path,
                                                      Optional<CompletableFuture<LookupResult>> txt) {
            String key = name.toLowerCase(Locale.ROOT);
            includes.merge(key, 1, Integer::sum);
            if (path.stream().anyMatch(key::equalsIgnoreCase)) {
                findings.add(SpfFinding.INCLUDE_LOOP.of(term.text(), String.join(" → ", path) + " → " + name));
                return leaf(term, name, LookupNode.Status.LOOP);
            }
            if (SpfEvaluator.checkableDomain(name).isEmpty()) {
                return leaf(term, name, LookupNode.Status.NO_RECORD);
            }
            if (txt.isEmpty()) {
                unchecked++;
                return leaf(term, name, LookupNode.Status.UNCHECKED);
            }
            return txt.get().thenCompose(answer -> {
                if (!answer.outcome().isConclusive()) {
                    findings.add(SpfFinding.DNS_ERROR.of(name, new KeyedWords(answer.outcome().wordsKey())));
                    return leaf(term, name, LookupNode.Status.DNS_ERROR);
                }
                List<String> records = answer.values().stream().filter(SpfRecord::isSpfRecord).toList();
                if (records.size() != 1) {
                    findings.add(records.isEmpty()
                            ? SpfFinding.INCLUDE_NO_RECORD.of(term.text(), name)
                            : SpfFinding.MULTIPLE_RECORDS.of(name, records.size()));
                    return leaf(term, name, LookupNode.Status.NO_RECORD);
                }
                SpfRecord record;
                try {
                    record = SpfRecord.parse(records.get(0));
                } catch (SpfSyntaxException e) {
                    findings.add(SpfFinding.SYNTAX.of(name + ": " + e.term(), e.position(), e.reasonText()));
                    return leaf(term, name, LookupNode.Status.INVALID);
                }
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                return record(record, name, deeper).thenApply(children -> new LookupNode(term.text(), name,
                        1 + children.stream().mapToInt(LookupNode::lookups).sum(), LookupNode.Status.OK, children));
            });
        }

        /** What an a, mx or exists lookup found: nothing (a void lookup), a failure, or an answer. */
        private CompletableFuture<LookupNode> leafAfter(Term term, String name, LookupResult answer) {
            if (answer.outcome() == Outcome.NXDOMAIN || answer.outcome() == Outcome.NODATA) {
                voids.add(term.text());
            } else if (answer.outcome() == Outcome.TIMEOUT) {
                timedOut.add(term.text() + " (" + answer.type().name() + " " + name + ")");
            } else if (answer.outcome() != Outcome.OK) {
                findings.add(SpfFinding.LOOKUP_FAILED.of(term.text(), answer.type().name(), name, new KeyedWords(answer.outcome().wordsKey())));
            } else if (answer.type() == RecordType.MX && answer.records().size() > SpfEvaluator.MAX_NAMES_PER_TERM) {
                findings.add(SpfFinding.MX_TOO_MANY_HOSTS.of(term.text(), name,
                        answer.records().size(), SpfEvaluator.MAX_NAMES_PER_TERM));
            }
            return leaf(term, name, answer.outcome().isConclusive() ? LookupNode.Status.OK : LookupNode.Status.DNS_ERROR);
        }

        private CompletableFuture<LookupNode> leaf(Term term, String name, LookupNode.Status status) {
            return CompletableFuture.completedFuture(new LookupNode(term.text(), name, 1, status, List.of()));
        }

        /** Runs {@code lookups} when {@code cost} more questions fit in the budget; empty when they do not. */
        private Optional<CompletableFuture<LookupResult>> budgeted(int cost, Supplier<CompletableFuture<LookupResult>> lookups) {
            if (queries + cost > MAX_QUERIES) {
                return Optional.empty();
            }
            queries += cost;
            return Optional.of(lookups.get());
        }

        /**
         * One question, bound by the lint's deadline: asked after it, or unanswered when it comes,
         * it times out. A name DNS cannot carry is a name that does not exist.
         */
        CompletableFuture<LookupResult> ask(String name, RecordType type) {
            Optional<String> query = SpfNames.query(name);
            if (query.isEmpty()) {
                return CompletableFuture.completedFuture(SpfEvaluator.nonexistent(name, type));
            }
            LookupResult unanswered = new LookupResult(name, type, Outcome.TIMEOUT, List.of(), List.of(), LookupResult.NO_TTL,
                    "", null, false, deadline);
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return CompletableFuture.completedFuture(unanswered);
            }
            try {
                return dns.lookup(query.get(), type).copy()
                        .completeOnTimeout(unanswered, remaining, TimeUnit.NANOSECONDS);
            } catch (IllegalArgumentException refused) {
                return CompletableFuture.completedFuture(SpfEvaluator.nonexistent(name, type));
            }
        }

        /** What is left of the deadline, at least a millisecond. */
        Duration remaining() {
            return Duration.ofNanos(Math.max(deadlineNanos - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(1)));
        }

        /** The findings that need the whole tree: the count, void lookups, includes seen twice, what was not checked. */
        void conclude(LookupNode tree) {
            if (tree.lookups() > SpfEvaluator.MAX_DNS_TERMS) {
                String breakdown = tree.children().stream()
                        .map(child -> child.term() + " " + child.lookups())
                        .collect(Collectors.joining(", "));
                findings.add(SpfFinding.TOO_MANY_LOOKUPS.of(tree.lookups(), SpfEvaluator.MAX_DNS_TERMS, breakdown));
            }
            if (!voids.isEmpty()) {
                findings.add((voids.size() > SpfEvaluator.MAX_VOID_LOOKUPS ? SpfFinding.TOO_MANY_VOID_LOOKUPS : SpfFinding.VOID_LOOKUPS)
                        .of(voids.size(), SpfEvaluator.MAX_VOID_LOOKUPS, String.join(", ", voids)));
            }
            includes.forEach((name, times) -> {
                if (times > 1) {
                    findings.add(SpfFinding.DUPLICATE_INCLUDE.of(name, times));
                }
            });
            if (!timedOut.isEmpty()) {
                findings.add(SpfFinding.LOOKUP_TIMEOUT.of(String.join(", ", timedOut), timedOut.size()));
            }
            if (unchecked > 0) {
                findings.add(SpfFinding.CHECK_INCOMPLETE.of(MAX_QUERIES, unchecked));
            }
        }

        /** A or AAAA, whichever says more: an answer with addresses, else a failure, else nothing found. */
        private static LookupResult eitherFamily(LookupResult a, LookupResult aaaa) {
            if (a.outcome() == Outcome.OK || !a.outcome().isConclusive() && aaaa.outcome() != Outcome.OK) {
                return a;
            }
            return aaaa;
        }
    }
}
