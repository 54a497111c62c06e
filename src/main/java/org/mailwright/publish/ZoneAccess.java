package org.mailwright.publish;

import java.util.Objects;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ServerAddress;

/**
 * Where a zone's dynamic updates go and which key signs them: what the window remembers for a
 * zone, besides the key's secret, which {@link ZoneAccessStore} keeps apart: in the keyring or a
 * file of its own.
 *
 * @param zone the zone (its apex)
 * @param primary the zone's primary server, which takes the updates
 * @param keyName the TSIG key's name
 * @param algorithm the TSIG key's algorithm
 */
public record ZoneAccess(DomainName zone, ServerAddress primary, DomainName keyName, TsigAlgorithm algorithm) {

    public ZoneAccess {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /** True when {@code key} is the key these settings name: the same name and algorithm. */
    public boolean names(TsigKey key) {
        return key.name().equals(keyName) && key.algorithm() == algorithm;
    }
}
