package org.mailwright.spf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.MxData;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;

/**
 * check_host() of RFC 7208 sections 4 to 8, over the resolver service: every DNS question goes
 * through {@link ResolverService#lookup} with the caller's target (so answers are cached by TTL and
 * shared includes are fetched once), and each evaluation keeps a readable trace.
 *
 * <p>Thread-safe and non-blocking: each call to {@link #evaluate} runs its lookups one after the
 * other (the limits depend on the order), and many evaluations may run at once. Nothing in a
 * record, a DNS answer or a request makes it throw: whatever the data, the answer is one of the
 * seven results, within the RFC's limits and {@link #DEFAULT_DEADLINE its deadline}. Terms are
 * evaluated in a loop, never by recursion on the record's size; only includes and redirects
 * nest, at most {@value #MAX_DNS_TERMS} deep.
 */
public final class SpfEvaluator {

    /** Section 4.6.4: at most 10 terms that query DNS (include, a, mx, ptr, exists, redirect). */
    public static final int MAX_DNS_TERMS = 10;
    /** Section 4.6.4: at most 2 of their lookups may find nothing. */
    public static final int MAX_VOID_LOOKUPS = 2;
    /** Section 4.6.4: at most 10 names looked up for one mx or ptr. */
    public static final int MAX_NAMES_PER_TERM = 10;
    /**
     * Section 4.6.4: a receiver should give up on an evaluation after a while, allowing it at
     * least 20 seconds; past it the result is temperror.
     */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);
    /**
     * The most DNS questions one evaluation can ask, every limit above reached: the domain's
     * record (1), then for each of the {@value #MAX_DNS_TERMS} DNS-querying terms at most 22 (an
     * mx or ptr with its {@value #MAX_NAMES_PER_TERM} names, plus a %{p} macro in its domain-spec,
     * which costs a PTR lookup and up to 10 forward lookups), then the explanation (23: its TXT
     * record, and %{p} in its name and in its text). No other bound is needed: the RFC's limits
     * are the bound.
     */
    public static final int MAX_QUERIES = 1 + MAX_DNS_TERMS * 22 + 23;
    /** What a failing sender is told when the domain gives no explanation of its own (a macro-string). */
    public static final String DEFAULT_EXPLANATION = "%{o} does not designate %{c} as a permitted sender";

    private static final MacroString DEFAULT_EXPLANATION_MACRO =
            MacroString.parse(DEFAULT_EXPLANATION, MacroString.Use.EXPLANATION);

    /** One DNS question, as the evaluator asks it: through the resolver service, or from memory in tests. */
    interface Dns {
        /**
         * The answer for {@code name} (as {@link SpfNames#query} writes it); may refuse a name it
         * cannot send with an {@link IllegalArgumentException}.
         */
        CompletableFuture<LookupResult> lookup(String name, RecordType type);
    }

    private final Dns dns;
    private final String receiver;
    private final Clock clock;
    private final Duration deadline;

    /** An evaluator that asks {@code target} through {@code resolver}, as host "unknown" (the %{r} macro). */
    public SpfEvaluator(ResolverService resolver, ResolverTarget target) {
        this(resolver, target, "unknown", Clock.systemUTC());
    }

    /**
     * @param receiver this host's name, for the %{r} macro of explanations
     * @param clock the time for the %{t} macro
     */
    public SpfEvaluator(ResolverService resolver, ResolverTarget target, String receiver, Clock clock) {
        this(resolver, target, receiver, clock, DEFAULT_DEADLINE);
    }

    /**
     * @param deadline how long one evaluation may take; past it the result is temperror
     */
    public SpfEvaluator(ResolverService resolver, ResolverTarget target, String receiver, Clock clock, Duration deadline) {
        this(dnsOf(resolver, target), receiver, clock, deadline);
    }

    SpfEvaluator(Dns dns, String receiver, Clock clock, Duration deadline) {
        this.dns = Objects.requireNonNull(dns, "dns");
        this.receiver = receiver;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    static Dns dnsOf(ResolverService resolver, ResolverTarget target) {
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(target, "target");
        return (name, type) -> resolver.lookup(name, type, target);
    }

    /** check_host() for the request's identity, with the domain's published record. */
    public CompletableFuture<SpfEvaluation> evaluate(SpfRequest request) {
        return run(request, null);
    }

    /**
     * check_host() as if the request's domain published {@code draftRecord} instead of what it
     * has: for testing a record before publishing it. Includes and redirects are still looked up.
     */
    public CompletableFuture<SpfEvaluation> evaluate(SpfRequest request, String draftRecord) {
        return run(request, Objects.requireNonNull(draftRecord, "draftRecord"));
    }

    private CompletableFuture<SpfEvaluation> run(SpfRequest request, String draftRecord) {
        Evaluation evaluation = new Evaluation(request, new MacroContext(request.sender(), request.localPart(),
                request.domain(), request.domain(), request.client(), request.helo(), receiver,
                clock.instant().getEpochSecond(), null), System.nanoTime() + deadline.toNanos(), deadline);
        CompletableFuture<Verdict> verdict;
        try {
            verdict = checkHost(evaluation, request.domain(), 0, draftRecord);
        } catch (Abort abort) {
            verdict = CompletableFuture.failedFuture(abort);
        }
        return verdict
                .thenCompose(found -> found.result() == SpfResult.FAIL
                        ? explain(evaluation, found).thenApply(text -> evaluation.finish(found, text))
                        : CompletableFuture.completedFuture(evaluation.finish(found, "")))
                .exceptionally(failure -> {
                    Throwable cause = unwrap(failure);
                    if (cause instanceof Abort abort) {
                        return evaluation.finish(new Verdict(abort.result, List.of(), null, null), "");
                    }
                    throw new CompletionException(cause);
                });
    }

    // ---- check_host() ----

    private CompletableFuture<Verdict> checkHost(Evaluation ev, String domain, int depth, String draftRecord) {
        ev.step(depth, "check", domain, IpText.format(ev.request.client()), ev.context.sender());
        Optional<String> name = checkableDomain(domain);
        if (name.isEmpty()) {
            ev.step(depth, "invalid-domain", domain);
            return CompletableFuture.completedFuture(Verdict.NONE);
        }
        CompletableFuture<Optional<SpfRecord>> record = draftRecord != null
                ? CompletableFuture.completedFuture(Optional.of(parseRecord(ev, domain, depth, draftRecord, true)))
                : fetchRecord(ev, name.get(), domain, depth);
        return record.thenCompose(found -> found.isEmpty()
                ? CompletableFuture.completedFuture(Verdict.NONE)
                : evaluateTerms(ev, found.get(), domain, depth));
    }

    /** Section 4.4 and 4.5: the one TXT record starting with v=spf1, or none. */
    private CompletableFuture<Optional<SpfRecord>> fetchRecord(Evaluation ev, String name, String domain, int depth) {
        return lookup(ev, depth, name, RecordType.TXT).thenApply(answer -> {
            ev.step(depth, "txt", answer, domain);
            if (isVoid(answer)) {
                ev.step(depth, "no-record", domain);
                return Optional.empty();
            }
            if (answer.outcome() != Outcome.OK) {
                throw ev.abort(SpfResult.TEMPERROR, depth, "record-lookup-failed", domain);
            }
            List<String> records = answer.values().stream().filter(SpfRecord::isSpfRecord).toList();
            if (records.isEmpty()) {
                ev.step(depth, "no-record", domain);
                return Optional.empty();
            }
            if (records.size() > 1) {
                throw ev.abort(SpfResult.PERMERROR, depth, "many-records", domain, records.size());
            }
            return Optional.of(parseRecord(ev, domain, depth, records.get(0), answer.records().size() > 1));
        });
    }

    /** Parses the record; {@code announce} says it in the trace when the TXT step did not show it alone. */
    private static SpfRecord parseRecord(Evaluation ev, String domain, int depth, String text, boolean announce) {
        try {
            SpfRecord record = SpfRecord.parse(text);
            if (announce) {
                ev.step(depth, "record", domain, text);
            }
            return record;
        } catch (SpfSyntaxException e) {
            throw ev.abort(SpfResult.PERMERROR, depth, "syntax", domain, e.getMessage());
        }
    }

    /** Section 4.6: mechanisms left to right; the first match decides; then redirect; then neutral. */
    private CompletableFuture<Verdict> evaluateTerms(Evaluation ev, SpfRecord record, String domain, int depth) {
        List<Mechanism> mechanisms = record.mechanisms();
        return AsyncLoop.<Verdict>firstPresent(mechanisms.size(), index -> {
            Mechanism mechanism = mechanisms.get(index);
            return matches(ev, mechanism, domain, depth).thenApply(inner -> {
                if (inner.isEmpty()) {
                    ev.step(depth, "no-match", mechanism.text());
                    return Optional.empty();
                }
                SpfResult result = mechanism.qualifier().result();
                ev.step(depth, "match", mechanism.text(), result.jsonName());
                List<MatchedTerm> path = new ArrayList<>();
                path.add(new MatchedTerm(domain, mechanism.text(), depth));
                path.addAll(inner.get());
                return Optional.of(new Verdict(result, path, record, domain));
            });
        }).thenCompose(decided -> decided.isPresent()
                ? CompletableFuture.completedFuture(decided.get())
                : afterMechanisms(ev, record, domain, depth));
    }

    private CompletableFuture<Verdict> afterMechanisms(Evaluation ev, SpfRecord record, String domain, int depth) {
        Optional<Modifier> redirect = record.redirect();
        if (redirect.isEmpty()) {
            ev.step(depth, "default", domain);
            return CompletableFuture.completedFuture(new Verdict(SpfResult.NEUTRAL, List.of(), null, null));
        }
        Modifier modifier = redirect.get();
        ev.countLookup(depth, modifier.text());
        return expandDomain(ev, modifier.value(), domain, depth).thenCompose(targetDomain -> {
            ev.step(depth, "redirect", modifier.text(), targetDomain);
            return checkHost(ev, targetDomain, depth + 1, null).thenApply(verdict -> {
                if (verdict.result() == SpfResult.NONE) {
                    throw ev.abort(SpfResult.PERMERROR, depth, "redirect-none", modifier.text(), targetDomain);
                }
                List<MatchedTerm> path = new ArrayList<>();
                path.add(new MatchedTerm(domain, modifier.text(), depth));
                path.addAll(verdict.matched());
                // The redirected record's own exp= applies, never this one's (section 6.2).
                return new Verdict(verdict.result(), path, verdict.explainRecord(), verdict.explainDomain());
            });
        });
    }

    // ---- mechanisms (section 5) ----

    /** Empty when the mechanism does not match; otherwise the terms inside it that matched (for include). */
    private CompletableFuture<Optional<List<MatchedTerm>>> matches(Evaluation ev, Mechanism mechanism, String domain, int depth) {
        InetAddress client = ev.request.client();
        return switch (mechanism.type()) {
            case ALL -> matched(true);
            case IP4, IP6 -> matched(mechanism.network().contains(client));
            case INCLUDE -> include(ev, mechanism, domain, depth);
            case A -> {
                ev.countLookup(depth, mechanism.text());
                yield targetOf(ev, mechanism, domain, depth)
                        .thenCompose(name -> addressLookup(ev, mechanism, name, depth, true))
                        .thenCompose(addresses -> matched(anyInNetwork(addresses, mechanism, client)));
            }
            case MX -> {
                ev.countLookup(depth, mechanism.text());
                yield targetOf(ev, mechanism, domain, depth).thenCompose(name -> mx(ev, mechanism, name, depth));
            }
            case PTR -> {
                ev.countLookup(depth, mechanism.text());
                yield targetOf(ev, mechanism, domain, depth).thenCompose(name -> ptr(ev, mechanism, name, depth));
            }
            case EXISTS -> {
                ev.countLookup(depth, mechanism.text());
                yield targetOf(ev, mechanism, domain, depth)
                        .thenCompose(name -> mechanismLookup(ev, mechanism, name, RecordType.A, depth, true))
                        .thenCompose(answer -> matched(!answer.records().isEmpty()));
            }
        };
    }

    private static CompletableFuture<Optional<List<MatchedTerm>>> matched(boolean matched) {
        return CompletableFuture.completedFuture(matched ? Optional.of(List.of()) : Optional.empty());
    }

    /** Section 5.2: pass matches; fail, softfail and neutral do not; none is a permerror. */
    private CompletableFuture<Optional<List<MatchedTerm>>> include(Evaluation ev, Mechanism mechanism, String domain, int depth) {
        ev.countLookup(depth, mechanism.text());
        return expandDomain(ev, mechanism.domain(), domain, depth)
                .thenCompose(included -> checkHost(ev, included, depth + 1, null).thenApply(verdict -> {
                    ev.step(depth, "include-result", mechanism.text(), verdict.result().jsonName());
                    return switch (verdict.result()) {
                        case PASS -> Optional.of(verdict.matched());
                        case NONE -> throw ev.abort(SpfResult.PERMERROR, depth, "include-none", mechanism.text(), included);
                        default -> Optional.<List<MatchedTerm>>empty();
                    };
                }));
    }

    /**
     * Section 5.4: the MX hosts by preference, at most 10 of them looked up, each for the
     * client's family. A host whose name holds an escaped dot is skipped (see
     * {@link SpfNames#fromAnswer}); a null MX (RFC 7505) names no host at all.
     */
    private CompletableFuture<Optional<List<MatchedTerm>>> mx(Evaluation ev, Mechanism mechanism, String name, int depth) {
        return mechanismLookup(ev, mechanism, name, RecordType.MX, depth, true).thenCompose(answer -> {
            List<MxData> hosts = answer.mx();
            return AsyncLoop.<Boolean>firstPresent(Math.min(hosts.size(), MAX_NAMES_PER_TERM + 1), index -> {
                if (index == MAX_NAMES_PER_TERM) {
                    throw ev.abort(SpfResult.PERMERROR, depth, "too-many-mx", mechanism.text(), hosts.size());
                }
                MxData host = hosts.get(index);
                if (host.isNullMx()) {
                    return CompletableFuture.completedFuture(Optional.empty());
                }
                Optional<String> hostName = SpfNames.fromAnswer(host.host());
                if (hostName.isEmpty()) {
                    ev.step(depth, "invalid-host", mechanism.text(), host.host());
                    return CompletableFuture.completedFuture(Optional.empty());
                }
                return addressLookup(ev, mechanism, hostName.get(), depth, false).thenApply(addresses ->
                        anyInNetwork(addresses, mechanism, ev.request.client()) ? Optional.of(true) : Optional.empty());
            }).thenApply(found -> found.isPresent() ? Optional.of(List.of()) : Optional.empty());
        });
    }

    /**
     * Section 5.5: the client's PTR names (the first 10), those in the target domain validated by
     * a forward lookup. A failed PTR lookup, or a failed forward lookup, is just no match.
     */
    private CompletableFuture<Optional<List<MatchedTerm>>> ptr(Evaluation ev, Mechanism mechanism, String name, int depth) {
        Optional<String> target = SpfNames.query(name);
        return ptrNames(ev, mechanism, depth).thenCompose(names -> {
            List<String> candidates = names.stream()
                    .filter(candidate -> target.isPresent() && SpfNames.isSameOrBelow(wire(candidate), target.get()))
                    .toList();
            return firstValidated(ev, candidates, depth).thenCompose(validated -> matched(validated.isPresent()));
        });
    }

    /**
     * The first 10 names of the client's PTR records; an error counts as none (section 5.5). A
     * name whose label holds an escaped dot is skipped (see {@link SpfNames#fromAnswer}).
     */
    private CompletableFuture<List<String>> ptrNames(Evaluation ev, Mechanism mechanism, int depth) {
        String reverse = IpText.reverseName(ev.request.client());
        String term = mechanism == null ? "%{p}" : mechanism.text();
        return lookup(ev, depth, reverse, RecordType.PTR).thenApply(answer -> {
            ev.step(depth, "lookup", answer, term, "PTR", reverse);
            if (mechanism != null && isVoid(answer)) {
                ev.countVoid(depth, mechanism.text());
            }
            if (answer.outcome() != Outcome.OK) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (String value : answer.values().subList(0, Math.min(answer.values().size(), MAX_NAMES_PER_TERM))) {
                Optional<String> name = SpfNames.fromAnswer(value);
                if (name.isPresent()) {
                    names.add(name.get());
                } else {
                    ev.step(depth, "invalid-host", term, value);
                }
            }
            return names;
        });
    }

    /** The first of {@code names} whose forward addresses include the client. */
    private CompletableFuture<Optional<String>> firstValidated(Evaluation ev, List<String> names, int depth) {
        RecordType type = familyType(ev.request.client());
        return AsyncLoop.firstPresent(names.size(), index -> {
            String name = names.get(index);
            return lookup(ev, depth, wire(name), type).thenApply(answer -> {
                ev.step(depth, "lookup", answer, name, type.name(), name);
                boolean valid = answer.outcome() == Outcome.OK && answer.values().stream()
                        .anyMatch(value -> IpText.parseAddress(value).equals(ev.request.client()));
                return valid ? Optional.of(name) : Optional.empty();
            });
        });
    }

    /** A name from {@link #ptrNames} as it is sent and compared: it is always one DNS can carry. */
    private static String wire(String hostName) {
        return SpfNames.query(hostName).orElse(hostName);
    }

    // ---- lookups ----

    /** The A or AAAA addresses of {@code name} for the client's family; a failure is a temperror. */
    private CompletableFuture<List<String>> addressLookup(Evaluation ev, Mechanism mechanism, String name, int depth,
                                                        boolean countsAsVoid) {
        return mechanismLookup(ev, mechanism, name, familyType(ev.request.client()), depth, countsAsVoid)
                .thenApply(LookupResult::values);
    }

    /**
     * One lookup for a mechanism: the answer, without records when the name or the records do not
     * exist (a void lookup when {@code countsAsVoid}), and a temperror for any other failure
     * (section 5). A target DNS cannot carry (an empty label, a label of 64 octets, an
     * international label without an A-label) is treated as a name that does not exist.
     */
    private CompletableFuture<LookupResult> mechanismLookup(Evaluation ev, Mechanism mechanism, String name, RecordType type,
                                                          int depth, boolean countsAsVoid) {
        Optional<String> query = SpfNames.query(name);
        if (query.isEmpty()) {
            ev.step(depth, "unqueryable", mechanism.text(), name);
            if (countsAsVoid) {
                ev.countVoid(depth, mechanism.text());
            }
            return CompletableFuture.completedFuture(nonexistent(name, type));
        }
        return lookup(ev, depth, query.get(), type).thenApply(answer -> {
            ev.step(depth, "lookup", answer, mechanism.text(), type.name(), name);
            if (isVoid(answer) && countsAsVoid) {
                ev.countVoid(depth, mechanism.text());
            }
            if (!isVoid(answer) && answer.outcome() != Outcome.OK) {
                throw ev.abort(SpfResult.TEMPERROR, depth, "lookup-failed", mechanism.text(), type.name(), name);
            }
            return answer;
        });
    }

    /** What a name DNS cannot even carry is taken to be: a name that does not exist. */
    static LookupResult nonexistent(String name, RecordType type) {
        return new LookupResult(name, type, Outcome.NXDOMAIN, List.of(), List.of(), LookupResult.NO_TTL, "", null, false,
                Duration.ZERO);
    }

    /**
     * One DNS question of the evaluation, {@code name} as {@link SpfNames#query} writes it. The
     * evaluation's deadline bounds it: asked after the deadline, or still unanswered when it
     * comes, the evaluation ends in temperror (section 4.6.4). A name the resolver refuses to send
     * is a name that does not exist.
     */
    private CompletableFuture<LookupResult> lookup(Evaluation ev, int depth, String name, RecordType type) {
        long remaining = ev.deadline - System.nanoTime();
        if (remaining <= 0) {
            throw ev.pastDeadline(depth);
        }
        CompletableFuture<LookupResult> answer;
        try {
            answer = dns.lookup(name, type).copy();
        } catch (IllegalArgumentException refused) {
            return CompletableFuture.completedFuture(nonexistent(name, type));
        }
        LookupResult unanswered = nonexistent(name, type);
        return answer.completeOnTimeout(unanswered, remaining, TimeUnit.NANOSECONDS).thenApply(result -> {
            if (result == unanswered) {
                throw ev.pastDeadline(depth);
            }
            return result;
        });
    }

    private static boolean isVoid(LookupResult answer) {
        return answer.outcome() == Outcome.NXDOMAIN || answer.outcome() == Outcome.NODATA;
    }

    private static RecordType familyType(InetAddress client) {
        return client instanceof Inet4Address ? RecordType.A : RecordType.AAAA;
    }

    private static boolean anyInNetwork(List<String> addresses, Mechanism mechanism, InetAddress client) {
        int prefix = client instanceof Inet4Address ? mechanism.ip4Prefix() : mechanism.ip6Prefix();
        byte[] clientBytes = client.getAddress();
        return addresses.stream()
                .map(IpText::parseAddress)
                .anyMatch(address -> IpText.matches(address, clientBytes, prefix));
    }

    // ---- macros and names ----

    /** The mechanism's target name: its expanded domain-spec, or the current domain when it has none. */
    private CompletableFuture<String> targetOf(Evaluation ev, Mechanism mechanism, String domain, int depth) {
        return mechanism.domain() == null
                ? CompletableFuture.completedFuture(domain)
                : expandDomain(ev, mechanism.domain(), domain, depth);
    }

    private CompletableFuture<String> expandDomain(Evaluation ev, MacroString spec, String domain, int depth) {
        return contextFor(ev, spec, domain, depth).thenApply(spec::expandDomain);
    }

    /** The macro values for {@code domain}; the %{p} macro costs DNS lookups, so only when used. */
    private CompletableFuture<MacroContext> contextFor(Evaluation ev, MacroString macros, String domain, int depth) {
        MacroContext context = ev.context.withDomain(domain);
        if (!macros.uses('p')) {
            return CompletableFuture.completedFuture(context);
        }
        return validatedName(ev, domain, depth).thenApply(context::withValidatedName);
    }

    /**
     * Section 7.3 (p): a validated PTR name of the client, preferring {@code domain} itself, then
     * a name under it, then any; "unknown" when none validates.
     */
    private CompletableFuture<String> validatedName(Evaluation ev, String domain, int depth) {
        String own = wire(domain);
        return ptrNames(ev, null, depth).thenCompose(names -> {
            List<String> preferred = new ArrayList<>();
            names.stream().filter(name -> wire(name).equalsIgnoreCase(own)).forEach(preferred::add);
            names.stream().filter(name -> !wire(name).equalsIgnoreCase(own) && SpfNames.isSameOrBelow(wire(name), own))
                    .forEach(preferred::add);
            names.stream().filter(name -> !SpfNames.isSameOrBelow(wire(name), own)).forEach(preferred::add);
            return firstValidated(ev, preferred, depth).thenApply(name -> name.orElse("unknown"));
        });
    }

    /**
     * Section 6.2: the explanation of a fail, from the deciding record's exp=, else the default.
     * The fail stands whatever happens here: an explanation the deadline cuts short is the default.
     */
    private CompletableFuture<String> explain(Evaluation ev, Verdict verdict) {
        String domain = verdict.explainDomain() == null ? ev.request.domain() : verdict.explainDomain();
        Optional<Modifier> exp = verdict.explainRecord() == null ? Optional.empty() : verdict.explainRecord().explanation();
        if (exp.isEmpty()) {
            return defaultExplanation(ev, domain);
        }
        return expandDomain(ev, exp.get().value(), domain, 0).thenCompose(name -> {
            Optional<String> query = SpfNames.query(name);
            if (query.isEmpty()) {
                ev.step(0, "explanation-ignored", name);
                return defaultExplanation(ev, domain);
            }
            return lookup(ev, 0, query.get(), RecordType.TXT).thenCompose(answer -> {
                ev.step(0, "lookup", answer, exp.get().text(), "TXT", name);
                if (answer.outcome() != Outcome.OK || answer.records().size() != 1) {
                    ev.step(0, "explanation-ignored", name);
                    return defaultExplanation(ev, domain);
                }
                MacroString text;
                try {
                    text = MacroString.parse(answer.values().get(0), MacroString.Use.EXPLANATION);
                } catch (SpfSyntaxException e) {
                    ev.step(0, "explanation-ignored", name);
                    return defaultExplanation(ev, domain);
                }
                return contextFor(ev, text, domain, 0).thenApply(context -> {
                    String explanation = text.expand(context);
                    ev.step(0, "explanation", name, explanation);
                    return explanation;
                });
            });
        }).exceptionally(failure -> {
            if (unwrap(failure) instanceof Abort) {
                return DEFAULT_EXPLANATION_MACRO.expand(ev.context.withDomain(domain));
            }
            throw new CompletionException(unwrap(failure));
        });
    }

    private CompletableFuture<String> defaultExplanation(Evaluation ev, String domain) {
        return CompletableFuture.completedFuture(DEFAULT_EXPLANATION_MACRO.expand(ev.context.withDomain(domain)));
    }

    /**
     * Section 4.3: the name to look {@code domain}'s record up at, when it is a multi-label name
     * DNS can carry (labels of 1 to 63 octets, international ones as A-labels), not an address
     * literal nor a name ending in a numeric label; empty otherwise, and the result is none.
     */
    static Optional<String> checkableDomain(String domain) {
        if (domain.startsWith("[")) {
            return Optional.empty();
        }
        return SpfNames.query(domain).filter(name -> {
            int dot = name.lastIndexOf('.');
            return dot > 0 && !name.substring(dot + 1).chars().allMatch(Character::isDigit);
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    // ---- per-evaluation state ----

    /**
     * What one check_host() call has found so far. Its lookups run one after another, each
     * continuing from the previous one's completion, so plain fields are safely published.
     */
    private static final class Evaluation {
        final SpfRequest request;
        final MacroContext context;
        /** {@link System#nanoTime()} past which the result is temperror. */
        final long deadline;
        final Duration allowed;
        final List<TraceStep> trace = new ArrayList<>();
        int lookups;
        int voidLookups;

        Evaluation(SpfRequest request, MacroContext context, long deadline, Duration allowed) {
            this.request = request;
            this.context = context;
            this.deadline = deadline;
            this.allowed = allowed;
        }

        void step(int depth, String key, Object... arguments) {
            trace.add(TraceStep.of(depth, key, arguments));
        }

        void step(int depth, String key, LookupResult lookup, Object... arguments) {
            trace.add(TraceStep.of(depth, key, lookup, arguments));
        }

        void countLookup(int depth, String term) {
            lookups++;
            if (lookups > MAX_DNS_TERMS) {
                throw abort(SpfResult.PERMERROR, depth, "too-many-lookups", term, lookups, MAX_DNS_TERMS);
            }
        }

        void countVoid(int depth, String term) {
            voidLookups++;
            if (voidLookups > MAX_VOID_LOOKUPS) {
                throw abort(SpfResult.PERMERROR, depth, "too-many-void-lookups", term, voidLookups, MAX_VOID_LOOKUPS);
            }
        }

        Abort pastDeadline(int depth) {
            return abort(SpfResult.TEMPERROR, depth, "deadline", allowed.toMillis());
        }

        Abort abort(SpfResult result, int depth, String key, Object... arguments) {
            step(depth, key, arguments);
            return new Abort(result);
        }

        SpfEvaluation finish(Verdict verdict, String explanation) {
            step(0, "result", request.domain(), verdict.result().jsonName());
            return new SpfEvaluation(request, verdict.result(), explanation, verdict.matched(),
                    lookups, voidLookups, trace);
        }
    }

    /** A result that ends the whole evaluation at once: permerror or temperror. */
    private static final class Abort extends RuntimeException {
        final SpfResult result;

        Abort(SpfResult result) {
            super(result.jsonName(), null, false, false);
            this.result = result;
        }
    }

    /**
     * What one check_host() level concluded, and for a fail, whose exp= explains it.
     */
    private record Verdict(SpfResult result, List<MatchedTerm> matched, SpfRecord explainRecord, String explainDomain) {
        static final Verdict NONE = new Verdict(SpfResult.NONE, List.of(), null, null);
    }
}
