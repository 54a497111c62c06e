package org.mailwright.dmarc;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.mailwright.dns.DomainName;

/**
 * Identifier alignment (RFC 9989 section 4.4): whether a domain that SPF or DKIM authenticated
 * stands for the Author Domain. Strict mode asks for the same name; relaxed mode for the same
 * Organizational Domain, found by the DNS tree walk. One instance serves one message: each name is
 * walked once however many signatures name it.
 */
public final class IdentifierAlignment {

    /**
     * @param aligned the identifier stands for the Author Domain
     * @param certain false when a lookup of the tree walk failed and the answer may be wrong
     */
    public record Alignment(boolean aligned, boolean certain) {
    }

    private final PolicyDiscovery discovery;
    private final Map<DomainName, CompletableFuture<TreeWalk>> walks = new ConcurrentHashMap<>();

    public IdentifierAlignment(PolicyDiscovery discovery) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
    }

    public CompletableFuture<Alignment> check(String identifier, DomainName author, AlignmentMode mode) {
        DomainName name = DomainName.parse(identifier).name().orElse(null);
        if (name == null) {
            return CompletableFuture.completedFuture(new Alignment(false, true));
        }
        if (name.equals(author) || mode == AlignmentMode.STRICT) {
            return CompletableFuture.completedFuture(new Alignment(name.equals(author), true));
        }
        return walk(name).thenCombine(walk(author), (ours, theirs) -> {
            boolean aligned = ours.organizationalDomain().equals(theirs.organizationalDomain());
            return new Alignment(aligned, aligned || ours.complete() && theirs.complete());
        });
    }

    private CompletableFuture<TreeWalk> walk(DomainName name) {
        return walks.computeIfAbsent(name, key -> discovery.treeWalk(key.ascii()));
    }
}
