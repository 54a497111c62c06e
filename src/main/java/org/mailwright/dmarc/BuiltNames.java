package org.mailwright.dmarc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;

/**
 * Lookups of the names DMARC builds by putting labels in front of a domain ({@code _dmarc.},
 * {@code <selector>._domainkey.}): below a long domain such a name can be longer than the 253
 * characters DNS allows. No such name can exist, so nothing is asked and it has no records, as
 * a receiver finds it; a valid 250-character domain is checked, not refused.
 */
final class BuiltNames {

    private BuiltNames() {
    }

    static CompletableFuture<LookupResult> lookup(ResolverService resolver, ResolverTarget target, String name, RecordType type) {
        if (!DomainName.isValid(name)) {
            return CompletableFuture.completedFuture(new LookupResult(name, type, Outcome.NXDOMAIN, List.of(), List.of(),
                    LookupResult.NO_TTL, "", null, false, Duration.ZERO));
        }
        return resolver.lookup(name, type, target);
    }
}
