package org.mailwright.check;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dkim.DkimKeyRecord;
import org.mailwright.dkim.DkimKey;
import org.mailwright.dkim.KeyRecordException;
import org.mailwright.dkim.KeyType;
import org.mailwright.dkim.Selector;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.DkimFinding;
import org.mailwright.findings.Finding;
import org.mailwright.i18n.LocalizedText;

/**
 * DKIM keys under the selectors a domain is likely to use. A selector is the signer's own choice
 * and DNS cannot list them, so the probe asks for the ones the user gave or Mailwright remembers,
 * then common ones and date-like ones; finding none is said as exactly that, with the selectors
 * tried, never as proof that the domain has no DKIM.
 */
final class DkimProbe implements Probe {

    /** Selectors common signers and hosting providers use. */
    static final List<String> COMMON_SELECTORS = List.of("default", "dkim", "mail", "selector1", "selector2", "google",
            "k1", "k2", "s1", "s2", "mx", "smtp");
    /** The most selectors asked in one check: each is a query. */
    static final int MAX_SELECTORS = 40;

    private final Clock clock;

    DkimProbe(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CheckArea area() {
        return CheckArea.DKIM;
    }

    /** The selectors tried for a check with {@code given} ones, in the order tried: given, common, then date-like. */
    List<String> selectors(List<String> given) {
        Set<String> all = new LinkedHashSet<>();
        given.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).forEach(all::add);
        all.addAll(COMMON_SELECTORS);
        // Selectors named after the year or month the key was made (2026, 202612, 20261201...).
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        for (int back = 0; back < 2; back++) {
            all.add(Integer.toString(now.getYear() - back));
        }
        for (int back = 0; back < 6; back++) {
            YearMonth month = now.minusMonths(back);
            all.add(String.format(Locale.ROOT, "%04d%02d", month.getYear(), month.getMonthValue()));
            all.add(String.format(Locale.ROOT, "%04d%02d01", month.getYear(), month.getMonthValue()));
        }
        return all.stream().limit(MAX_SELECTORS).toList();
    }

    @Override
    public CompletableFuture<List<Finding>> run(CheckContext context) {
        List<String> tried = new ArrayList<>();
        List<CompletableFuture<Selected>> lookups = new ArrayList<>();
        for (String selector : selectors(context.settings().selectors())) {
            Optional<DomainName> name = DomainName.parse(Selector.keyName(selector, context.domain().ascii())).name();
            if (name.isEmpty()) {
                continue;
            }
            tried.add(selector);
            lookups.add(context.lookup(name.get(), RecordType.TXT).thenApply(DkimProbe::judge));
        }
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Finding> findings = new ArrayList<>();
            List<LookupResult> failed = new ArrayList<>();
            lookups.forEach(lookup -> {
                Selected selected = lookup.join();
                findings.addAll(selected.findings());
                selected.failure().ifPresent(failed::add);
            });
            if (findings.isEmpty()) {
                // A selector whose lookup failed may hold the key: only a full set of answers shows none.
                findings.add(failed.isEmpty()
                        ? CheckFinding.DKIM_MISSING.of(context.domain().unicode(), String.join(", ", tried))
                        : CheckFinding.CHECK_INCOMPLETE.of(area(), new LookupProblem(failed.get(0))));
            }
            return findings;
        });
    }

    /** What one selector's name showed: the findings about the keys there, or the lookup that failed. */
    private record Selected(List<Finding> findings, Optional<LookupResult> failure) {
    }

    /** What one selector's name holds: nothing, a key (and how it stands), or a record that is no key. */
    private static Selected judge(LookupResult txt) {
        if (!txt.outcome().isConclusive()) {
            return new Selected(List.of(), Optional.of(txt));
        }
        return new Selected(keyFindings(txt), Optional.empty());
    }

    private static List<Finding> keyFindings(LookupResult txt) {
        if (txt.outcome() != Outcome.OK) {
            return List.of();
        }
        String name = txt.name();
        List<Finding> findings = new ArrayList<>();
        for (String value : txt.values()) {
            if (!looksLikeKeyRecord(value)) {
                continue;
            }
            DkimKeyRecord record;
            try {
                record = DkimKeyRecord.parse(value);
            } catch (KeyRecordException malformed) {
                findings.add(DkimFinding.KEY_MALFORMED.of(name, (LocalizedText) locale ->
                        malformed.reason().text(locale, malformed.arguments().toArray())));
                continue;
            }
            if (record.isRevoked()) {
                findings.add(CheckFinding.DKIM_REVOKED.of(name));
                continue;
            }
            int bits;
            try {
                bits = record.keyBits();
            } catch (KeyRecordException malformed) {
                findings.add(DkimFinding.KEY_MALFORMED.of(name, (LocalizedText) locale ->
                        malformed.reason().text(locale, malformed.arguments().toArray())));
                continue;
            }
            findings.add(CheckFinding.DKIM_FOUND.of(name, record.keyType() == KeyType.RSA ? "RSA " + bits + " bits" : "Ed25519"));
            if (record.keyType() == KeyType.RSA && bits < DkimKey.MINIMUM_RSA_BITS) {
                findings.add(DkimFinding.KEY_TOO_SHORT.of(bits));
            } else if (record.keyType() == KeyType.RSA && bits < DkimKey.RECOMMENDED_RSA_BITS) {
                findings.add(CheckFinding.DKIM_WEAK_KEY.of(name, bits));
            }
            if (record.testing()) {
                findings.add(CheckFinding.DKIM_TESTING.of(name));
            }
        }
        return findings;
    }

    /** A DKIM key record starts with v=DKIM1 or, without v=, carries a p= tag (RFC 6376 section 3.6.1). */
    private static boolean looksLikeKeyRecord(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("v=dkim1")) {
            return true;
        }
        for (String tag : text.split(";")) {
            int equals = tag.indexOf('=');
            if (equals > 0 && tag.substring(0, equals).strip().equals("p")) {
                return true;
            }
        }
        return false;
    }
}
