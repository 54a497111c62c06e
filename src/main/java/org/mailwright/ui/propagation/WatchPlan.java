package org.mailwright.ui.propagation;

import java.util.List;
import java.util.Objects;
import org.mailwright.propagation.ProbeServer;
import org.mailwright.propagation.Role;

/**
 * The servers a watch asks, found once when it starts: the columns of the grid.
 *
 * @param zone the zone whose serials are compared: the one holding the domain, or the domain
 *     itself when none was found
 * @param zoneFound whether the zone was found (when not, no name server is asked)
 * @param servers the zone's name servers (each address on its own), then the resolvers
 */
record WatchPlan(String zone, boolean zoneFound, List<ProbeServer> servers) {

    WatchPlan {
        Objects.requireNonNull(zone, "zone");
        servers = List.copyOf(servers);
    }

    /** How many of the columns are addresses of the zone's name servers. */
    long authoritativeCount() {
        return servers.stream().filter(server -> server.role() == Role.AUTHORITATIVE).count();
    }
}
