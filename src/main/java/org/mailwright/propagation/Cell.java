package org.mailwright.propagation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.mailwright.dns.LookupResult;
import org.mailwright.i18n.Messages;

/**
 * What one server said about one expected record.
 *
 * @param state the verdict
 * @param answer the lookup as it came back: records, TTL (the negative-caching time for NXDOMAIN
 *     and NODATA), outcome, the server that answered
 * @param serial the zone's serial at this server, when known
 * @param newestSerial the newest serial among the authoritative servers, when known
 * @param expectedBy when this server should show the expected record: now for a match; for a
 *     resolver, when its cached answer runs out; for a stale authoritative server, by its next
 *     SOA refresh; empty when nothing says (an error, or the record not published at all)
 */
public record Cell(CellState state, LookupResult answer, OptionalLong serial, OptionalLong newestSerial,
                   Optional<Instant> expectedBy) {

    public Cell {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(newestSerial, "newestSerial");
        Objects.requireNonNull(expectedBy, "expectedBy");
    }

    /** The records the server gave (TXT joined), whatever the verdict. */
    public List<String> values() {
        return answer.values();
    }

    /** The TTL of the answer, or the negative-caching time when the record is missing; {@link LookupResult#NO_TTL} when none. */
    public long ttl() {
        return answer.ttl();
    }

    /** The {@code host:port} that answered, or the last one tried. */
    public String server() {
        return answer.server();
    }

    /** One or two plain sentences saying what this server has, in the given language. */
    public String explain(Locale locale) {
        String shown = String.join(" | ", values());
        return switch (state) {
            case MATCH -> Messages.get(locale, "propagation.cell.match", server(), ttl());
            case MISMATCH -> Messages.get(locale, "propagation.cell.mismatch", server(), shown, ttl());
            case MISSING -> answer.hasTtl()
                    ? Messages.get(locale, "propagation.cell.missing", server(), answer.outcome().name(), ttl())
                    : Messages.get(locale, "propagation.cell.missing.no-ttl", server(), answer.outcome().name());
            case ERROR -> answer.explain(locale);
            case STALE -> Messages.get(locale, "propagation.cell.stale", server(),
                    serial.orElse(0), newestSerial.orElse(0), shown.isEmpty() ? answer.outcome().name() : shown);
        };
    }
}
