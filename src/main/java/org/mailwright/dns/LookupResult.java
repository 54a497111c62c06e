package org.mailwright.dns;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.i18n.Messages;

/**
 * What one lookup found.
 *
 * @param name the name asked for, absolute, without the final dot
 * @param type the type asked for
 * @param outcome how the lookup ended
 * @param records the records of the asked type, after following any CNAME chain
 * @param aliases the CNAME records followed on the way, in order
 * @param ttl for {@link Outcome#OK}, the smallest TTL of the answer; for NXDOMAIN and NODATA,
 *     the negative-caching time from the zone's SOA; otherwise {@link #NO_TTL}
 * @param server the server that gave this answer ({@code host:port}), or the last one tried
 * @param problem for a fault, what went wrong in a few words ({@link Detail#NONE} for SERVFAIL and
 *     REFUSED, whose code says it all); for OK, NXDOMAIN and NODATA, {@link Detail#NONE}
 * @param cached true when the answer came from the cache rather than the network
 * @param elapsed how long the lookup took
 */
public record LookupResult(
        String name,
        RecordType type,
        Outcome outcome,
        List<DnsRecord> records,
        List<DnsRecord> aliases,
        long ttl,
        String server,
        Detail problem,
        boolean cached,
        Duration elapsed) {

    public static final long NO_TTL = -1;

    public LookupResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        records = List.copyOf(records);
        aliases = List.copyOf(aliases);
        server = server == null ? "" : server;
        problem = problem == null ? Detail.NONE : problem;
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** The records' values: for TXT the joined strings, otherwise the presentation form. */
    public List<String> values() {
        return records.stream().map(DnsRecord::value).toList();
    }

    /**
     * The MX records typed, in order of preference (equal preferences in the order served);
     * records that are not MX data are left out. Empty for any other type.
     */
    public List<MxData> mx() {
        if (type != RecordType.MX) {
            return List.of();
        }
        return records.stream().map(record -> MxData.parse(record.value())).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(MxData::preference)).toList();
    }

    /** The SOA record typed, when the answer holds one. */
    public Optional<SoaData> soa() {
        return type != RecordType.SOA ? Optional.empty()
                : records.stream().map(record -> SoaData.parse(record.value())).flatMap(Optional::stream).findFirst();
    }

    public boolean hasTtl() {
        return ttl != NO_TTL;
    }

    /** What went wrong in a few words, in English (for logs and JSON); empty when nothing did. */
    public String detail() {
        return problem.text(Locale.ENGLISH);
    }

    /**
     * How the lookup failed, in a few words of {@code locale}'s language: what the reply showed
     * ("no answer within 300 ms") when it showed that, else the outcome ("server failure").
     */
    public String failure(Locale locale) {
        String detail = problem.text(locale);
        return detail.isBlank() ? outcome.text(locale) : detail;
    }

    /** One or two plain sentences saying what happened, in the given language. */
    public String explain(Locale locale) {
        return Messages.get(locale, "dns.outcome." + outcome.jsonName() + ".explain",
                name, type.name(), server, records.size(), problem.text(locale));
    }

    LookupResult fromCache(long remainingTtl) {
        List<DnsRecord> aged = records.stream().map(r -> r.withTtl(Math.min(r.ttl(), remainingTtl))).toList();
        List<DnsRecord> agedAliases = aliases.stream().map(r -> r.withTtl(Math.min(r.ttl(), remainingTtl))).toList();
        return new LookupResult(name, type, outcome, aged, agedAliases, remainingTtl, server, problem, true, Duration.ZERO);
    }
}
