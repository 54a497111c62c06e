package org.mailwright.spf;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.mailwright.findings.Finding;
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
 * <p>What it can report is declared in {@link SpfFinding}.
 */
public final class SpfLinter {

    /** RFC 7208 section 3.4: keep records under 450 octets so answers fit a 512-octet UDP reply. */
    static final int ADVISED_RECORD = 450;
    static final int MAX_UDP_RECORD = 512;
    /** How many includes are followed at most, so a pathological tree cannot run away. */
    private static final int MAX_NODES = 200;
    /** How many MX hosts' addresses are evaluated for coverage. */
    private static final int MAX_COVERAGE_HOSTS = 10;

    private final ResolverService resolver;
    private final ResolverTarget target;
    private final SpfEvaluator evaluator;

    public SpfLinter(ResolverService resolver, ResolverTarget target) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
        this.evaluator = new SpfEvaluator(resolver, target);
    }

    /**
     * Lints the record {@code domain} publishes.
     *
     * @throws org.mailwright.dns.InvalidDomainNameException (synchronously) when {@code domain} is no domain name
     */
    public CompletableFuture<SpfLintReport> lint(String domain) {
        String name = DomainName.of(domain).ascii();
        return resolver.lookup(name, RecordType.TXT, target).thenCompose(answer -> {
            List<Finding> findings = new ArrayList<>();
            if (answer.outcome() != Outcome.OK && answer.outcome() != Outcome.NXDOMAIN && answer.outcome() != Outcome.NODATA) {
                findings.add(SpfFinding.DNS_ERROR.of(name, answer.outcome().jsonName()));
                return done(name, null, 0, null, findings);
            }
            List<DnsRecord> records = answer.records().stream()
                    .filter(record -> SpfRecord.isSpfRecord(record.value())).toList();
            if (records.isEmpty()) {
                findings.add(SpfFinding.MISSING.of(name));
                return done(name, null, 0, null, findings);
            }
            if (records.size() > 1) {
                findings.add(SpfFinding.MULTIPLE_RECORDS.of(name, records.size()));
                return done(name, records.get(0).value(), 0, null, findings);
            }
            return lintRecord(name, records.get(0).value(), null, findings);
        });
    }

    /**
     * Lints {@code record} as if {@code domain} published it (a draft in the wizard): includes are
     * still followed live, and MX coverage is evaluated against the draft.
     *
     * @throws org.mailwright.dns.InvalidDomainNameException (synchronously) when {@code domain} is no domain name
     */
    public CompletableFuture<SpfLintReport> lint(String domain, String record) {
        List<Finding> findings = new ArrayList<>();
        if (record.getBytes(StandardCharsets.UTF_8).length > TxtStrings.MAX_STRING_OCTETS) {
            findings.add(SpfFinding.STRING_TOO_LONG.of(record.length(), TxtStrings.MAX_STRING_OCTETS));
        }
        return lintRecord(DomainName.of(domain).ascii(), record, record, findings);
    }

    private CompletableFuture<SpfLintReport> lintRecord(String domain, String text, String draft, List<Finding> findings) {
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
        Walk walk = new Walk(findings);
        return walk.record(record, domain, List.of(domain)).thenCompose(children -> {
            LookupNode tree = new LookupNode(domain, domain, children.stream().mapToInt(LookupNode::lookups).sum(),
                    LookupNode.Status.OK, children);
            walk.conclude(tree);
            return coverage(domain, draft, findings)
                    .thenCompose(ignored -> done(domain, text, tree.lookups(), tree, findings));
        });
    }

    /** The all mechanism and its qualifier; ptr; redirect made useless by all. */
    private static void checkQualifiers(SpfRecord record, List<Finding> findings) {
        Optional<Mechanism> all = record.mechanisms().stream().filter(m -> m.type() == MechanismType.ALL).findFirst();
        for (Mechanism mechanism : record.mechanisms()) {
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
     * MX hosts, evaluated as a sender of the domain; any that does not pass is reported.
     */
    private CompletableFuture<Void> coverage(String domain, String draft, List<Finding> findings) {
        return resolver.lookup(domain, RecordType.MX, target).thenCompose(mx -> {
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
                    checks.add(resolver.lookup(host, type, target)
                            .thenCompose(addresses -> uncovered(domain, host, addresses, draft)));
                }
            }
            return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                    .thenAccept(all -> checks.forEach(check -> findings.addAll(check.join())));
        });
    }

    private CompletableFuture<List<Finding>> uncovered(String domain, String host, LookupResult addresses, String draft) {
        if (addresses.outcome() != Outcome.OK) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<CompletableFuture<Optional<Finding>>> results = new ArrayList<>();
        for (String address : addresses.values()) {
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
     * One walk through a record and everything it includes. Terms are visited one after another,
     * so findings come in record order and the walk needs no locking.
     */
    private final class Walk {
        private final List<Finding> findings;
        private final Map<String, Integer> includes = new LinkedHashMap<>();
        private final List<String> voids = new ArrayList<>();
        private int nodes;

        Walk(List<Finding> findings) {
            this.findings = findings;
        }

        /** The DNS-querying terms of {@code record}, each with what it includes. */
        CompletableFuture<List<LookupNode>> record(SpfRecord record, String domain, List<String> path) {
            List<Term> terms = new ArrayList<>(record.mechanisms().stream().filter(m -> m.type().queriesDns()).toList());
            boolean hasAll = record.mechanisms().stream().anyMatch(m -> m.type() == MechanismType.ALL);
            // With all present, redirect is never reached (section 6.1), so it costs nothing.
            record.redirect().filter(redirect -> !hasAll).ifPresent(terms::add);
            return terms(terms, 0, domain, path, new ArrayList<>());
        }

        private CompletableFuture<List<LookupNode>> terms(List<Term> terms, int index, String domain, List<String> path,
                                                        List<LookupNode> done) {
            if (index == terms.size()) {
                return CompletableFuture.completedFuture(done);
            }
            return node(terms.get(index), domain, path).thenCompose(node -> {
                done.add(node);
                return terms(terms, index + 1, domain, path, done);
            });
        }

        private CompletableFuture<LookupNode> node(Term term, String domain, List<String> path) {
            MacroString spec = term instanceof Mechanism mechanism ? mechanism.domain() : ((Modifier) term).value();
            Optional<String> literal = spec == null ? Optional.of(domain) : spec.literalDomain();
            if (literal.isEmpty()) {
                return leaf(term, "", LookupNode.Status.DYNAMIC);
            }
            String name = literal.get();
            if (term instanceof Modifier || ((Mechanism) term).type() == MechanismType.INCLUDE) {
                return include(term, name, path);
            }
            Mechanism mechanism = (Mechanism) term;
            return switch (mechanism.type()) {
                case MX -> lookup(name, RecordType.MX).thenCompose(answer -> {
                    if (answer.outcome() == Outcome.OK && answer.records().size() > SpfEvaluator.MAX_NAMES_PER_TERM) {
                        findings.add(SpfFinding.MX_TOO_MANY_HOSTS.of(term.text(), name,
                                answer.records().size(), SpfEvaluator.MAX_NAMES_PER_TERM));
                    }
                    return leafAfter(term, name, answer);
                });
                case A -> lookup(name, RecordType.A).thenCompose(a -> a.outcome() == Outcome.OK
                        ? leafAfter(term, name, a)
                        : lookup(name, RecordType.AAAA).thenCompose(aaaa -> leafAfter(term, name, aaaa)));
                case EXISTS -> lookup(name, RecordType.A).thenCompose(answer -> leafAfter(term, name, answer));
                default -> leaf(term, name, LookupNode.Status.OK);
            };
        }

        /** An include or redirect: 1 for the term, plus the record below it, unless that loops or is missing. */
        private CompletableFuture<LookupNode> include(Term term, String name, List<String> path) {
            String key = name.toLowerCase(Locale.ROOT);
            includes.merge(key, 1, Integer::sum);
            if (path.stream().anyMatch(key::equalsIgnoreCase)) {
                findings.add(SpfFinding.INCLUDE_LOOP.of(term.text(), String.join(" → ", path) + " → " + name));
                return leaf(term, name, LookupNode.Status.LOOP);
            }
            if (++nodes > MAX_NODES || !SpfEvaluator.isCheckableDomain(name)) {
                return leaf(term, name, SpfEvaluator.isCheckableDomain(name) ? LookupNode.Status.OK : LookupNode.Status.NO_RECORD);
            }
            return lookup(name, RecordType.TXT).thenCompose(answer -> {
                if (answer.outcome() != Outcome.OK && answer.outcome() != Outcome.NXDOMAIN && answer.outcome() != Outcome.NODATA) {
                    findings.add(SpfFinding.DNS_ERROR.of(name, answer.outcome().jsonName()));
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

        private CompletableFuture<LookupNode> leafAfter(Term term, String name, LookupResult answer) {
            if (answer.outcome() == Outcome.NXDOMAIN || answer.outcome() == Outcome.NODATA) {
                voids.add(term.text());
            }
            return leaf(term, name, answer.outcome().isAnswer() ? LookupNode.Status.OK : LookupNode.Status.DNS_ERROR);
        }

        private CompletableFuture<LookupNode> leaf(Term term, String name, LookupNode.Status status) {
            return CompletableFuture.completedFuture(new LookupNode(term.text(), name, 1, status, List.of()));
        }

        private CompletableFuture<LookupResult> lookup(String name, RecordType type) {
            if (!SpfEvaluator.isQueryableName(name)) {
                return CompletableFuture.completedFuture(SpfEvaluator.nonexistent(name, type));
            }
            return resolver.lookup(name.replace("\\", "\\\\"), type, target);
        }

        /** The findings that need the whole tree: the count, void lookups, includes seen twice. */
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
        }
    }
}
