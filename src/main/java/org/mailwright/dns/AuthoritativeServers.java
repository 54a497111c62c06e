package org.mailwright.dns;

import java.util.List;

/**
 * The servers that hold a zone, as its NS records name them, each with its own addresses.
 *
 * @param zone the zone, without the final dot
 * @param nsLookup the NS lookup itself, so a failure to find the servers can be explained
 * @param nameServers each NS host with the addresses it resolved to (possibly none)
 */
public record AuthoritativeServers(String zone, LookupResult nsLookup, List<NameServer> nameServers) {

    public AuthoritativeServers {
        nameServers = List.copyOf(nameServers);
    }

    /** Every address of every name server, each to be asked on its own. */
    public List<ServerAddress> addresses() {
        return nameServers.stream().flatMap(ns -> ns.addresses().stream()).distinct().toList();
    }

    /** One NS host and the A and AAAA addresses it has. */
    public record NameServer(String host, List<ServerAddress> addresses) {
        public NameServer {
            addresses = List.copyOf(addresses);
        }
    }
}
