package org.mailwright.spf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.mailwright.dns.LookupResult;
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
 * other (the limits depend on the order), and many evaluations may run at once.
 */
public final class SpfEvaluator {

    /** Section 4.6.4: at most 10 terms that query DNS (include, a, mx, ptr, exists, redirect). */
    public static final int MAX_DNS_TERMS = 10;
    /** Section 4.6.4: at most 2 of their lookups may find nothing. */
    public static final int MAX_VOID_LOOKUPS = 2;
    /** Section 4.6.4: at most 10 names looked up for one mx or ptr. */
    public static final int MAX_NAMES_PER_TERM = 10;
    /** What a failing sender is told when the domain gives no explanation of its own (a macro-string). */
    public static final String DEFAULT_EXPLANATION = "%{o} does not designate %{c} as a permitted sender";

    private static final MacroString DEFAULT_EXPLANATION_MACRO =
            MacroString.parse(DEFAULT_EXPLANATION, MacroString.Use.EXPLANATION);
    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 253;

    private final ResolverService resolver;
    private final ResolverTarget target;
    private final String receiver;
    private final Clock clock;

    /** An evaluator that asks {@code target} through {@code resolver}, as host "unknown" (the %{r} macro). */
    public SpfEvaluator(ResolverService resolver, ResolverTarget target) {
        this(resolver, target, "unknown", Clock.systemUTC());
    }

    /**
     * @param receiver this host's name, for the %{r} macro of explanations
     * @param clock the time for the %{t} macro
     */
    public SpfEvaluator(ResolverService resolver, ResolverTarget target, String receiver, Clock clock) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
        this.receiver = receiver;
        this.clock = Objects.requireNonNull(clock, "clock");
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
                clock.instant().getEpochSecond(), null));
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
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof Abort abort) {
                        return evaluation.finish(new Verdict(abort.result, List.of(), null, null), "");
                    }
                    throw new CompletionException(cause);
                });
    }

    // ---- check_host() ----

    private CompletableFuture<Verdict> checkHost(Evaluation ev, String domain, int depth, String draftRecord) {
        ev.step(depth, "check", domain, IpText.format(ev.request.client()), ev.context.sender());
        if (!isCheckableDomain(domain)) {
            ev.step(depth, "invalid-domain", domain);
            return CompletableFuture.completedFuture(Verdict.NONE);
        }
        CompletableFuture<Optional<SpfRecord>> record = draftRecord != null
                ? CompletableFuture.completedFuture(Optional.of(parseRecord(ev, domain, depth, draftRecord, true)))
                : fetchRecord(ev, domain, depth);
        return record.thenCompose(found -> found.isEmpty()
                ? CompletableFuture.completedFuture(Verdict.NONE)
                : evaluateTerms(ev, found.get(), domain, depth, 0));
    }

    /** Section 4.4 and 4.5: the one TXT record starting with v=spf1, or none. */
    private CompletableFuture<Optional<SpfRecord>> fetchRecord(Evaluation ev, String domain, int depth) {
        return lookup(domain, RecordType.TXT).thenApply(answer -> {
            ev.step(depth, "txt", answer, domain);
            if (answer.outcome() == Outcome.NXDOMAIN || answer.outcome() == Outcome.NODATA) {
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
    private CompletableFuture<Verdict> evaluateTerms(Evaluation ev, SpfRecord record, String domain, int depth, int index) {
        List<Mechanism> mechanisms = record.mechanisms();
        if (index == mechanisms.size()) {
            return afterMechanisms(ev, record, domain, depth);
        }
        Mechanism mechanism = mechanisms.get(index);
        return matches(ev, mechanism, domain, depth).thenCompose(inner -> {
            if (inner.isEmpty()) {
                ev.step(depth, "no-match", mechanism.text());
                return evaluateTerms(ev, record, domain, depth, index + 1);
            }
            SpfResult result = mechanism.qualifier().result();
            ev.step(depth, "match", mechanism.text(), result.jsonName());
            List<MatchedTerm> path = new ArrayList<>();
            path.add(new MatchedTerm(domain, mechanism.text(), depth));
            path.addAll(inner.get());
            return CompletableFuture.completedFuture(new Verdict(result, path, record, domain));
        });
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

    /** Section 5.4: the MX hosts by preference, at most 10 of them looked up, each for the client's family. */
    private CompletableFuture<Optional<List<MatchedTerm>>> mx(Evaluation ev, Mechanism mechanism, String name, int depth) {
        return mechanismLookup(ev, mechanism, name, RecordType.MX, depth, true).thenCompose(answer -> {
            List<String> hosts = answer.mx().stream().map(mx -> plainName(mx.host())).toList();
            return mxHosts(ev, mechanism, hosts, 0, depth);
        });
    }

    private CompletableFuture<Optional<List<MatchedTerm>>> mxHosts(Evaluation ev, Mechanism mechanism, List<String> hosts,
                                                                 int index, int depth) {
        if (index == hosts.size()) {
            return matched(false);
        }
        if (index == MAX_NAMES_PER_TERM) {
            throw ev.abort(SpfResult.PERMERROR, depth, "too-many-mx", mechanism.text(), hosts.size());
        }
        String host = hosts.get(index);
        if (host.isEmpty()) {
            // A null MX (RFC 7505) says the domain takes no mail; there is no host to look up.
            return mxHosts(ev, mechanism, hosts, index + 1, depth);
        }
        return addressLookup(ev, mechanism, host, depth, false).thenCompose(addresses ->
                anyInNetwork(addresses, mechanism, ev.request.client())
                        ? matched(true)
                        : mxHosts(ev, mechanism, hosts, index + 1, depth));
    }

    /**
     * Section 5.5: the client's PTR names (the first 10), those in the target domain validated by
     * a forward lookup. A failed PTR lookup, or a failed forward lookup, is just no match.
     */
    private CompletableFuture<Optional<List<MatchedTerm>>> ptr(Evaluation ev, Mechanism mechanism, String name, int depth) {
        return ptrNames(ev, mechanism, depth).thenCompose(names -> {
            List<String> candidates = names.stream().filter(candidate -> isSameOrSubdomain(candidate, name)).toList();
            return firstValidated(ev, candidates, 0, depth)
                    .thenCompose(validated -> matched(validated.isPresent()));
        });
    }

    /** The first 10 names of the client's PTR records; an error counts as none (section 5.5). */
    private CompletableFuture<List<String>> ptrNames(Evaluation ev, Mechanism mechanism, int depth) {
        String reverse = IpText.reverseName(ev.request.client());
        return lookup(reverse, RecordType.PTR).thenApply(answer -> {
            ev.step(depth, "lookup", answer, mechanism == null ? "%{p}" : mechanism.text(), "PTR", reverse);
            if (mechanism != null && isVoid(answer)) {
                ev.countVoid(depth, mechanism.text());
            }
            if (answer.outcome() != Outcome.OK) {
                return List.of();
            }
            return answer.values().stream().limit(MAX_NAMES_PER_TERM).map(SpfEvaluator::plainName).toList();
        });
    }

    /** The first of {@code names} (from {@code index}) whose forward addresses include the client. */
    private CompletableFuture<Optional<String>> firstValidated(Evaluation ev, List<String> names, int index, int depth) {
        if (index == names.size()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String name = names.get(index);
        RecordType type = familyType(ev.request.client());
        return lookup(name, type).thenCompose(answer -> {
            ev.step(depth, "lookup", answer, name, type.name(), name);
            boolean valid = answer.outcome() == Outcome.OK && answer.values().stream()
                    .anyMatch(value -> IpText.parseAddress(value).equals(ev.request.client()));
            return valid ? CompletableFuture.completedFuture(Optional.of(name)) : firstValidated(ev, names, index + 1, depth);
        });
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
     * (section 5). A target that is not a valid DNS name is treated as one that does not exist.
     */
    private CompletableFuture<LookupResult> mechanismLookup(Evaluation ev, Mechanism mechanism, String name, RecordType type,
                                                          int depth, boolean countsAsVoid) {
        if (!isQueryableName(name)) {
            ev.step(depth, "unqueryable", mechanism.text(), name);
            if (countsAsVoid) {
                ev.countVoid(depth, mechanism.text());
            }
            return CompletableFuture.completedFuture(nonexistent(name, type));
        }
        return lookup(name, type).thenApply(answer -> {
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

    private CompletableFuture<LookupResult> lookup(String name, RecordType type) {
        // dnsjava reads a backslash as an escape; a literal one from a macro must stay literal.
        return resolver.lookup(name.replace("\\", "\\\\"), type, target);
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
        return ptrNames(ev, null, depth).thenCompose(names -> {
            List<String> preferred = new ArrayList<>();
            names.stream().filter(name -> name.equalsIgnoreCase(domain)).forEach(preferred::add);
            names.stream().filter(name -> !name.equalsIgnoreCase(domain) && isSameOrSubdomain(name, domain)).forEach(preferred::add);
            names.stream().filter(name -> !isSameOrSubdomain(name, domain)).forEach(preferred::add);
            return firstValidated(ev, preferred, 0, depth).thenApply(name -> name.orElse("unknown"));
        });
    }

    /** Section 6.2: the explanation of a fail, from the deciding record's exp=, else the default. */
    private CompletableFuture<String> explain(Evaluation ev, Verdict verdict) {
        String domain = verdict.explainDomain() == null ? ev.request.domain() : verdict.explainDomain();
        Optional<Modifier> exp = verdict.explainRecord() == null ? Optional.empty() : verdict.explainRecord().explanation();
        if (exp.isEmpty()) {
            return defaultExplanation(ev, domain);
        }
        return expandDomain(ev, exp.get().value(), domain, 0).thenCompose(name -> {
            if (!isQueryableName(name)) {
                ev.step(0, "explanation-ignored", name);
                return defaultExplanation(ev, domain);
            }
            return lookup(name, RecordType.TXT).thenCompose(answer -> {
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
        });
    }

    private CompletableFuture<String> defaultExplanation(Evaluation ev, String domain) {
        return CompletableFuture.completedFuture(DEFAULT_EXPLANATION_MACRO.expand(ev.context.withDomain(domain)));
    }

    /** Section 4.3: a multi-label name with labels of 1 to 63 octets, not an address literal. */
    static boolean isCheckableDomain(String domain) {
        if (!isQueryableName(domain) || domain.startsWith("[")) {
            return false;
        }
        String[] labels = withoutDot(domain).split("\\.");
        return labels.length >= 2 && !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    /** A name DNS can carry: labels of 1 to 63 octets, at most 253 octets, an optional final dot. */
    static boolean isQueryableName(String name) {
        String bare = withoutDot(name);
        if (bare.isEmpty() || bare.getBytes(StandardCharsets.UTF_8).length > MAX_NAME) {
            return false;
        }
        for (String label : bare.split("\\.", -1)) {
            int length = label.getBytes(StandardCharsets.UTF_8).length;
            if (length == 0 || length > MAX_LABEL) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSameOrSubdomain(String name, String domain) {
        String n = withoutDot(name).toLowerCase(Locale.ROOT);
        String d = withoutDot(domain).toLowerCase(Locale.ROOT);
        return n.equals(d) || n.endsWith("." + d);
    }

    /**
     * A name from an answer (presentation form, where dnsjava writes odd bytes as \DDD or \X) as
     * plain text without the final dot, the form macros produce and {@link #lookup} expects.
     */
    static String plainName(String presentation) {
        StringBuilder out = new StringBuilder();
        String name = withoutDot(presentation);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' && i + 3 < name.length() && name.substring(i + 1, i + 4).chars().allMatch(Character::isDigit)) {
                out.append((char) Integer.parseInt(name.substring(i + 1, i + 4)));
                i += 3;
            } else if (c == '\\' && i + 1 < name.length()) {
                out.append(name.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String withoutDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    // ---- per-evaluation state ----

    /**
     * What one check_host() call has found so far. Its lookups run one after another, each
     * continuing from the previous one's completion, so plain fields are safely published.
     */
    private static final class Evaluation {
        final SpfRequest request;
        final MacroContext context;
        final List<TraceStep> trace = new ArrayList<>();
        int lookups;
        int voidLookups;

        Evaluation(SpfRequest request, MacroContext context) {
            this.request = request;
            this.context = context;
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
