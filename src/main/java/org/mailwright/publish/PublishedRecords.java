package org.mailwright.publish;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ServerAddress;
import org.mailwright.i18n.Messages;

/**
 * The TXT records at a name as the zone's primary server publishes them now, asked without
 * recursion and past every cache: what a change is planned against and what its prerequisite
 * says. A name the server cannot answer for is no ground for a change, so nothing is planned on it.
 *
 * @param name the name asked
 * @param lookup the primary server's answer
 */
public record PublishedRecords(DomainName name, LookupResult lookup) {

    /** Asks {@code server} now. */
    public static CompletableFuture<PublishedRecords> read(ResolverService resolver, ServerAddress server, DomainName name) {
        return resolver.query(name.ascii(), RecordType.TXT, server, false)
                .thenApply(lookup -> new PublishedRecords(name, lookup));
    }

    /** True when the server said for certain what is at the name: records, no records, or no such name. */
    public boolean readable() {
        return lookup.aliases().isEmpty() && (lookup.outcome() == Outcome.OK || lookup.outcome() == Outcome.NODATA
                || lookup.outcome() == Outcome.NXDOMAIN);
    }

    /** The records, in the server's order; empty when there are none. Only meaningful when {@link #readable()}. */
    public List<TxtData> records() {
        return lookup.records().stream()
                .filter(record -> record.type() == RecordType.TXT)
                .map(record -> new TxtData(record.strings()))
                .toList();
    }

    /** Why the records could not be read, in one sentence. */
    public String explain(Locale locale) {
        if (!lookup.aliases().isEmpty()) {
            return Messages.get(locale, "publish.read.alias", name.ascii(), lookup.aliases().get(0).value());
        }
        return Messages.get(locale, "publish.read.failed", name.ascii(), lookup.server(), lookup.explain(locale));
    }
}
