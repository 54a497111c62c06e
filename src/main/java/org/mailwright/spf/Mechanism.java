package org.mailwright.spf;

import java.util.Optional;

/**
 * A mechanism with its qualifier (RFC 7208 section 5).
 *
 * @param qualifier what a match means ({@code +} when none was written)
 * @param type which mechanism
 * @param domain the domain-spec for include, a, mx, ptr and exists; null when none was given
 *     (a, mx and ptr then use the domain being checked)
 * @param network the network of ip4 and ip6; null for the others
 * @param ip4Prefix for a and mx, the prefix length applied to IPv4 addresses (32 when not given)
 * @param ip6Prefix for a and mx, the prefix length applied to IPv6 addresses (128 when not given)
 * @param text the term as written, qualifier included
 * @param position where the term starts in the record, 1-based
 */
public record Mechanism(Qualifier qualifier, MechanismType type, MacroString domain, IpNetwork network,
                        int ip4Prefix, int ip6Prefix, String text, int position) implements Term {

    public Optional<MacroString> domainSpec() {
        return Optional.ofNullable(domain);
    }
}
