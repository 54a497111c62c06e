package org.mailwright.propagation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.SoaData;

/**
 * One column's header: the server and the zone's SOA as that server gives it.
 *
 * @param server the server
 * @param soa the SOA lookup of the zone at that server, raw
 */
public record ServerStatus(ProbeServer server, LookupResult soa) {

    public ServerStatus {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(soa, "soa");
    }

    /** The zone's serial as this server has it, when it gave the SOA. */
    public OptionalLong serial() {
        return soaData().map(data -> OptionalLong.of(data.serial())).orElseGet(OptionalLong::empty);
    }

    /** How often a secondary checks its primary for a newer serial (the SOA refresh), in seconds. */
    public OptionalLong refreshSeconds() {
        return soaData().map(data -> OptionalLong.of(data.refresh())).orElseGet(OptionalLong::empty);
    }

    private Optional<SoaData> soaData() {
        return soa.outcome() == Outcome.OK ? soa.soa() : Optional.empty();
    }

    /** The newest zone serial among the authoritative servers, the one the others are measured against. */
    public static OptionalLong newestAuthoritativeSerial(List<ServerStatus> servers) {
        OptionalLong newest = OptionalLong.empty();
        for (ServerStatus status : servers) {
            OptionalLong serial = status.serial();
            if (status.server().role() == Role.AUTHORITATIVE && serial.isPresent()
                    && (newest.isEmpty() || compareSerials(serial.getAsLong(), newest.getAsLong()) > 0)) {
                newest = serial;
            }
        }
        return newest;
    }

    /**
     * Compares two SOA serials with RFC 1982 serial-number arithmetic, so a serial that wrapped
     * past 2^32 still counts as newer: negative when {@code a} is behind {@code b}.
     */
    public static int compareSerials(long a, long b) {
        if (a == b) {
            return 0;
        }
        long half = 1L << 31;
        boolean aBehind = a < b && b - a < half || a > b && a - b > half;
        return aBehind ? -1 : 1;
    }
}
