package org.mailwright.dkim;

import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;

/** Where the verifier gets key records: DNS normally, a known record in the key test. */
@FunctionalInterface
public interface KeySource {

    /** The TXT records at {@code name}; completes normally for every DNS outcome. */
    CompletableFuture<KeyLookup> fetch(String name);

    /** Key records through the resolver service and the chosen target. */
    static KeySource dns(ResolverService resolver, ResolverTarget target) {
        return name -> resolver.lookup(name, RecordType.TXT, target).thenApply(KeyLookup::of);
    }
}
