package org.mailwright.reports;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.findings.Finding;
import org.mailwright.findings.KeyedWords;
import org.mailwright.findings.ReportFinding;
import org.mailwright.spf.IpText;
import org.mailwright.spf.SpfEvaluator;
import org.mailwright.spf.SpfProvider;
import org.mailwright.spf.SpfRequest;
import org.mailwright.spf.SpfResult;

/**
 * Who a report's source addresses are: each address's forward-confirmed reverse name (its PTR
 * name, when that name resolves back to the address), and a sender label, from the reverse name
 * when it belongs to a known provider, else from the known provider whose SPF include authorizes
 * the address. Asked when a summary is shown, never while importing, all addresses at once
 * through the resolver's shared answers and bounded queries.
 */
public final class SourceNames {

    /** The most sources named in one summary, the largest first: each costs a few lookups. */
    public static final int MAX_NAMED = 200;
    /** The most PTR names of one address followed back. */
    static final int MAX_REVERSE_NAMES = 4;

    /** Reverse-name suffixes of the outbound servers of providers that send mail for others. */
    private static final Map<String, String> PROVIDER_SUFFIXES = providerSuffixes();

    /**
     * What is known of one source.
     *
     * @param ptr its forward-confirmed reverse name; empty when it has none, none that leads back, or
     *     when that could not be learnt
     * @param label the provider that sends from it, as people call it; empty when none is recognised
     * @param unanswered the lookup that failed when the reverse name could not be learnt (a timeout,
     *     SERVFAIL...): an empty {@code ptr} then says nothing of the address's name
     */
    public record Named(Optional<String> ptr, Optional<String> label, Optional<LookupResult> unanswered) {
        public Named {
            Objects.requireNonNull(ptr, "ptr");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(unanswered, "unanswered");
        }

        public Named(Optional<String> ptr, Optional<String> label) {
            this(ptr, label, Optional.empty());
        }

        /** Nothing known: before the lookups, or for what is no address. */
        public static final Named UNKNOWN = new Named(Optional.empty(), Optional.empty());
    }

    /** A reverse name, confirmed or not, or the lookup that kept it from being known. */
    private record Reverse(Optional<String> name, Optional<LookupResult> unanswered) {
    }

    private final ResolverService resolver;
    private final ResolverTarget target;

    public SourceNames(ResolverService resolver, ResolverTarget target) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Names the first {@value #MAX_NAMED} of {@code addresses}; each future completes normally. */
    public CompletableFuture<Map<String, Named>> name(List<String> addresses) {
        Map<String, CompletableFuture<Named>> asked = new LinkedHashMap<>();
        addresses.stream().distinct().limit(MAX_NAMED).forEach(address -> asked.put(address, name(address)));
        return CompletableFuture.allOf(asked.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, Named> named = new LinkedHashMap<>();
            asked.forEach((address, future) -> named.put(address, future.join()));
            return named;
        });
    }

    private CompletableFuture<Named> name(String text) {
        InetAddress address;
        try {
            address = IpText.parseAddress(text);
        } catch (IllegalArgumentException notAnAddress) {
            // A report's source_ip is a stranger's text: what is no address has no name.
            return CompletableFuture.completedFuture(Named.UNKNOWN);
        }
        return confirmedName(address).thenCompose(reverse -> {
            Optional<String> ptr = reverse.name();
            Optional<String> byName = ptr.flatMap(SourceNames::providerOf);
            return byName.isPresent()
                    ? CompletableFuture.completedFuture(new Named(ptr, byName, reverse.unanswered()))
                    : providerBySpf(address).thenApply(label -> new Named(ptr, label, reverse.unanswered()));
        }).exceptionally(failure -> Named.UNKNOWN);
    }

    /**
     * The address's first PTR name that resolves back to it; or, when no name does and a lookup on
     * the way failed, that lookup: the name is then unknown, not absent.
     */
    private CompletableFuture<Reverse> confirmedName(InetAddress address) {
        RecordType type = address instanceof Inet6Address ? RecordType.AAAA : RecordType.A;
        return resolver.lookup(IpText.reverseName(address), RecordType.PTR, target).thenCompose(ptr -> {
            if (!ptr.outcome().isConclusive()) {
                return CompletableFuture.completedFuture(new Reverse(Optional.empty(), Optional.of(ptr)));
            }
            List<DomainName> names = ptr.values().stream()
                    .map(value -> value.endsWith(".") ? value.substring(0, value.length() - 1) : value)
                    .map(value -> DomainName.parse(value).name())
                    .flatMap(Optional::stream)
                    .limit(MAX_REVERSE_NAMES)
                    .toList();
            List<CompletableFuture<LookupResult>> forward = names.stream()
                    .map(name -> resolver.lookup(name.ascii(), type, target))
                    .toList();
            return CompletableFuture.allOf(forward.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<LookupResult> lookups = forward.stream().map(CompletableFuture::join).toList();
                for (int i = 0; i < lookups.size(); i++) {
                    if (leadsBack(lookups.get(i), address)) {
                        return new Reverse(Optional.of(names.get(i).ascii()), Optional.empty());
                    }
                }
                return new Reverse(Optional.empty(),
                        lookups.stream().filter(lookup -> !lookup.outcome().isConclusive()).findFirst());
            });
        });
    }

    /**
     * The warning that the reverse names of some of {@code named}'s sources could not be learnt,
     * naming the first failure; empty when every lookup was answered.
     */
    public static Optional<Finding> unanswered(Map<String, Named> named) {
        List<LookupResult> failed = named.values().stream().map(Named::unanswered).flatMap(Optional::stream).toList();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        LookupResult first = failed.get(0);
        return Optional.of(ReportFinding.NAMES_UNANSWERED.of(failed.size(), named.size(),
                new KeyedWords(first.outcome().wordsKey()), first.server()));
    }

    private static boolean leadsBack(LookupResult lookup, InetAddress address) {
        return lookup.values().stream().anyMatch(value -> {
            try {
                return IpText.parseAddress(value).equals(address);
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        });
    }

    /** The first known provider whose SPF include passes the address, as a receiver would evaluate it. */
    private CompletableFuture<Optional<String>> providerBySpf(InetAddress address) {
        SpfEvaluator evaluator = new SpfEvaluator(resolver.newCheck(), target);
        List<CompletableFuture<Optional<String>>> checks = Arrays.stream(SpfProvider.values())
                .map(provider -> evaluator.evaluate(SpfRequest.of(IpText.format(address), "postmaster@" + provider.include(), ""))
                        .thenApply(evaluation -> evaluation.result() == SpfResult.PASS
                                ? Optional.of(provider.displayName()) : Optional.<String>empty())
                        .exceptionally(failure -> Optional.empty()))
                .toList();
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(done -> checks.stream().map(CompletableFuture::join).flatMap(Optional::stream).findFirst());
    }

    /** The provider whose outbound servers are named under {@code ptr}, if it is a known one. */
    static Optional<String> providerOf(String ptr) {
        String name = ptr.toLowerCase(Locale.ROOT);
        return PROVIDER_SUFFIXES.entrySet().stream()
                .filter(entry -> name.equals(entry.getKey()) || name.endsWith("." + entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static Map<String, String> providerSuffixes() {
        Map<String, String> suffixes = new LinkedHashMap<>();
        suffixes.put("google.com", SpfProvider.GOOGLE_WORKSPACE.displayName());
        suffixes.put("googlemail.com", SpfProvider.GOOGLE_WORKSPACE.displayName());
        suffixes.put("outbound.protection.outlook.com", SpfProvider.MICROSOFT_365.displayName());
        suffixes.put("amazonses.com", SpfProvider.AMAZON_SES.displayName());
        suffixes.put("sendgrid.net", SpfProvider.SENDGRID.displayName());
        suffixes.put("mailgun.net", SpfProvider.MAILGUN.displayName());
        suffixes.put("mailgun.org", SpfProvider.MAILGUN.displayName());
        suffixes.put("mcsv.net", SpfProvider.MAILCHIMP.displayName());
        suffixes.put("rsgsv.net", SpfProvider.MAILCHIMP.displayName());
        suffixes.put("mandrillapp.com", SpfProvider.MANDRILL.displayName());
        suffixes.put("mtasv.net", SpfProvider.POSTMARK.displayName());
        suffixes.put("zoho.com", SpfProvider.ZOHO.displayName());
        suffixes.put("zohomail.com", SpfProvider.ZOHO.displayName());
        suffixes.put("messagingengine.com", SpfProvider.FASTMAIL.displayName());
        suffixes.put("sendinblue.com", SpfProvider.BREVO.displayName());
        suffixes.put("brevo.com", SpfProvider.BREVO.displayName());
        return Collections.unmodifiableMap(suffixes);
    }
}
