package org.mailwright.propagation;

import java.util.List;
import java.util.Objects;

/**
 * The servers a check asks, found once when a watch starts: the columns of the grid.
 *
 * @param zone the zone whose serials are compared: the one holding the name, or the name itself
 *     when none was found
 * @param zoneFound whether the zone was found (when not, no name server is asked)
 * @param servers the zone's name servers (each address on its own), then the resolvers
 */
public record WatchPlan(String zone, boolean zoneFound, List<ProbeServer> servers) {

    public WatchPlan {
        Objects.requireNonNull(zone, "zone");
        servers = List.copyOf(servers);
    }

    /** How many of the columns are addresses of the zone's name servers. */
    public long authoritativeCount() {
        return servers.stream().filter(server -> server.role() == Role.AUTHORITATIVE).count();
    }
}
