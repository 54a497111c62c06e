package org.mailwright.dmarc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dkim.DkimKeyRecord;
import org.mailwright.dkim.KeyRecordException;
import org.mailwright.dkim.Selector;
import org.mailwright.dkim.Selectors;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.spf.SpfLintReport;
import org.mailwright.spf.SpfLinter;

/**
 * Whether a domain's senders can pass DMARC, which needs SPF or DKIM to pass aligned: its SPF
 * record, linted as receivers meet it, and its DKIM keys. DKIM keys live at names (selectors) DNS
 * cannot list, so the check asks for the selectors that mail services use most and those the DKIM
 * page makes (one per month, 202611a), and whether {@code _domainkey.<domain>} exists at all: when
 * it does not (NXDOMAIN), no key is published under any selector (RFC 8020).
 */
public final class SenderCoverage {

    /** Selectors that mail services and servers use most: Microsoft 365, Google Workspace, Mailchimp, SendGrid, defaults. */
    public static final List<String> COMMON_SELECTORS = List.of("selector1", "selector2", "google", "default", "dkim",
            "mail", "k1", "k2", "s1", "s2", "smtp");
    /** How many months back the DKIM page's own selectors are looked for. */
    public static final int MONTHS_OF_OWN_SELECTORS = 12;

    /** A key found at a selector; a revoked one has an empty {@code p=}. */
    public record Key(String selector, boolean revoked) {
    }

    /** What the DKIM keys found add up to. */
    public enum DkimVerdict {
        /** At least one key that signatures can be verified with. */
        KEYS,
        /** Keys, but every one revoked. */
        ONLY_REVOKED,
        /** Nothing exists under {@code _domainkey.<domain>}: no key anywhere. */
        NONE_PUBLISHED,
        /** No key at the selectors asked; there may be one at another. */
        NOT_FOUND,
        /** A lookup failed, and nothing was found: nobody can tell. */
        FAILED
    }

    /**
     * What DNS says about the domain's DKIM keys.
     *
     * @param domainKeys the lookup of {@code _domainkey.<domain>} itself
     * @param asked the selectors asked
     * @param found the keys found, in the order asked
     * @param failed the first lookup that failed, if any
     */
    public record DkimKeys(LookupResult domainKeys, List<String> asked, List<Key> found, Optional<LookupResult> failed) {

        public DkimKeys {
            Objects.requireNonNull(domainKeys, "domainKeys");
            asked = List.copyOf(asked);
            found = List.copyOf(found);
            failed = failed == null ? Optional.empty() : failed;
        }

        public DkimVerdict verdict() {
            if (!live().isEmpty()) {
                return DkimVerdict.KEYS;
            }
            if (!found.isEmpty()) {
                return DkimVerdict.ONLY_REVOKED;
            }
            if (domainKeys.outcome() == Outcome.NXDOMAIN) {
                return DkimVerdict.NONE_PUBLISHED;
            }
            return failed.isPresent() ? DkimVerdict.FAILED : DkimVerdict.NOT_FOUND;
        }

        /** The selectors with a key in use. */
        public List<String> live() {
            return found.stream().filter(key -> !key.revoked()).map(Key::selector).toList();
        }

        /** The selectors whose key is revoked. */
        public List<String> revoked() {
            return found.stream().filter(Key::revoked).map(Key::selector).toList();
        }
    }

    /** Both halves of one check of {@code domain}. */
    public record Report(String domain, SpfLintReport spf, DkimKeys dkim) {
        public Report {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(spf, "spf");
            Objects.requireNonNull(dkim, "dkim");
        }
    }

    private final ResolverService resolver;
    private final ResolverTarget target;

    public SenderCoverage(ResolverService resolver, ResolverTarget target) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * Lints {@code domain}'s SPF and looks for its DKIM keys at {@link #selectorsToTry}.
     *
     * @throws IllegalArgumentException when {@code domain} is not a domain name
     */
    public CompletableFuture<Report> check(String domain, LocalDate today) {
        DomainName name = DomainName.of(domain);
        CompletableFuture<SpfLintReport> spf = new SpfLinter(resolver, target).lint(name.ascii());
        CompletableFuture<DkimKeys> dkim = dkimKeys(name, selectorsToTry(today));
        return spf.thenCombine(dkim, (s, d) -> new Report(domain, s, d));
    }

    /** The common selectors, then the DKIM page's monthly ones, newest first. */
    public static List<String> selectorsToTry(LocalDate today) {
        Set<String> selectors = new LinkedHashSet<>(COMMON_SELECTORS);
        for (int month = 0; month < MONTHS_OF_OWN_SELECTORS; month++) {
            selectors.add(Selectors.suggest(today.minusMonths(month), List.of()));
        }
        return List.copyOf(selectors);
    }

    private CompletableFuture<DkimKeys> dkimKeys(DomainName domain, List<String> selectors) {
        CompletableFuture<LookupResult> domainKeys = txt("_domainkey." + domain.ascii());
        List<CompletableFuture<LookupResult>> keys = selectors.stream()
                .map(selector -> txt(Selector.keyName(selector, domain.ascii()))).toList();
        List<CompletableFuture<?>> all = new ArrayList<>(keys);
        all.add(domainKeys);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Key> found = new ArrayList<>();
            Optional<LookupResult> failed = Optional.empty();
            for (int i = 0; i < selectors.size(); i++) {
                LookupResult key = keys.get(i).join();
                if (!key.outcome().isConclusive()) {
                    failed = failed.or(() -> Optional.of(key));
                }
                keyIn(selectors.get(i), key).ifPresent(found::add);
            }
            LookupResult root = domainKeys.join();
            if (!root.outcome().isConclusive()) {
                failed = Optional.of(root);
            }
            return new DkimKeys(root, selectors, found, failed);
        });
    }

    private CompletableFuture<LookupResult> txt(String name) {
        return BuiltNames.lookup(resolver, target, name, RecordType.TXT);
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
}
