package org.mailwright.dns;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Reads what a server sent back for a {@link Query}: pure functions from the reply's octets to
 * what the lookup found, which never throw whatever the octets are. {@link #read} decides whether
 * the octets are this query's reply at all; {@link #interpret} says what an accepted reply means,
 * each fault under its own {@link Outcome}.
 */
final class AnswerReader {

    /** The most aliases (CNAME) followed within one answer; RFC 1034 leaves it open, resolvers stop near this. */
    static final int MAX_CNAME_CHAIN = 16;
    /** How many of a referral's name servers a message names. */
    private static final int NAME_SERVERS_SHOWN = 3;

    private AnswerReader() {
    }

    /** What a message received on a query's socket is to that query. */
    sealed interface Reading {
        /** Another query's reply (another id), or octets too short to carry an id: ignored. */
        record Stray() implements Reading {
        }

        /** This query's id, but no usable reply to it: kept, in case no better one comes. */
        record Rejected(Outcome outcome, Detail detail) implements Reading {
        }

        /** This query's reply. */
        record Accepted(Message message) implements Reading {
        }
    }

    /** Whether {@code wire} is {@code query}'s reply, and the reply if it is one. */
    static Reading read(byte[] wire, Query query) {
        if (wire.length < 2 || ((wire[0] & 0xff) << 8 | wire[1] & 0xff) != query.id()) {
            return new Reading.Stray();
        }
        Message message;
        try {
            message = new Message(wire);
        } catch (Exception malformed) {
            // dnsjava reports most damage as WireParseException, some as other runtime exceptions.
            return new Reading.Rejected(Outcome.MALFORMED, Detail.of("malformed", reason(malformed)));
        }
        if (!message.getHeader().getFlag(Flags.QR) || message.getHeader().getOpcode() != Opcode.QUERY) {
            return new Reading.Rejected(Outcome.MALFORMED, Detail.of("not-a-reply"));
        }
        Record question = message.getQuestion();
        if (question == null) {
            // RFC 1035 lets an error reply leave the question out (FORMERR, NOTIMP...): that says enough.
            int rcode = message.getRcode();
            return rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN
                    ? new Reading.Accepted(message)
                    : new Reading.Rejected(Outcome.MALFORMED, Detail.of("no-question"));
        }
        if (!question.getName().equals(query.name()) || question.getType() != query.type().code()
                || question.getDClass() != DClass.IN) {
            return new Reading.Rejected(Outcome.WRONG_NAME, Detail.of("other-question",
                    Query.display(question.getName()), Type.string(question.getType())));
        }
        return new Reading.Accepted(message);
    }

    /** What {@code reply}, accepted as {@code query}'s reply from {@code server}, says. */
    static LookupResult interpret(Message reply, Query query, String server, Duration elapsed) {
        String name = query.display();
        RecordType type = query.type();
        if (reply.getHeader().getFlag(Flags.TC)) {
            return fault(query, Outcome.TRUNCATED, Detail.of("truncated"), server, elapsed);
        }
        int rcode = reply.getRcode();
        if (rcode == Rcode.SERVFAIL || rcode == Rcode.REFUSED) {
            return fault(query, rcode == Rcode.SERVFAIL ? Outcome.SERVFAIL : Outcome.REFUSED, Detail.NONE, server, elapsed);
        }
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return fault(query, Outcome.ERROR, Detail.of("rcode", Rcode.string(rcode)), server, elapsed);
        }
        List<Record> answer = reply.getSection(Section.ANSWER);
        Chain chain = Chain.follow(answer, query);
        List<DnsRecord> aliases = chain.aliases().stream().map(AnswerReader::toRecord).toList();
        if (chain.fault().isPresent()) {
            Outcome outcome = chain.fault().get();
            return new LookupResult(name, type, outcome, List.of(), aliases, LookupResult.NO_TTL, server,
                    Detail.of(outcome.jsonName(), Query.display(chain.end()), MAX_CNAME_CHAIN), false, elapsed);
        }
        if (!query.recursive() && !reply.getHeader().getFlag(Flags.AA) && !isReferral(reply)) {
            // Asked directly, without recursion, a server that answers without authority answers from a cache:
            // it does not serve the zone, whatever it says of the name.
            return fault(query, Outcome.LAME, Detail.of("not-authoritative"), server, elapsed);
        }
        if (!chain.records().isEmpty()) {
            List<DnsRecord> records = chain.records().stream().map(AnswerReader::toRecord).toList();
            long ttl = records.stream().mapToLong(DnsRecord::ttl).min().orElse(0);
            ttl = Math.min(ttl, aliases.stream().mapToLong(DnsRecord::ttl).min().orElse(ttl));
            return new LookupResult(name, type, Outcome.OK, records, aliases, ttl, server, Detail.NONE, false, elapsed);
        }
        if (rcode == Rcode.NXDOMAIN) {
            // RFC 6604: after aliases, the RCODE is about the last name of the chain.
            return new LookupResult(name, type, Outcome.NXDOMAIN, List.of(), aliases, negativeTtl(reply), server,
                    Detail.NONE, false, elapsed);
        }
        Optional<Record> foreign = answer.stream().filter(record -> !chain.uses(record)).findFirst();
        if (foreign.isPresent() && aliases.isEmpty()) {
            return fault(query, Outcome.WRONG_NAME, Detail.of("other-records",
                    Query.display(foreign.get().getName()), Type.string(foreign.get().getType())), server, elapsed);
        }
        List<SOARecord> soa = soaRecords(reply);
        if (!aliases.isEmpty() && soa.stream().noneMatch(record -> chain.end().subdomain(record.getName()))) {
            // No negative answer for where the aliases lead: the server stopped at its zone's edge.
            return new LookupResult(name, type, Outcome.CNAME_OUT_OF_ZONE, List.of(), aliases, LookupResult.NO_TTL,
                    server, Detail.of("cname-out-of-zone", Query.display(chain.end())), false, elapsed);
        }
        List<Name> referredTo = reply.getSection(Section.AUTHORITY).stream()
                .filter(NSRecord.class::isInstance).map(record -> ((NSRecord) record).getTarget()).toList();
        if (soa.isEmpty() && !referredTo.isEmpty() && !reply.getHeader().getFlag(Flags.AA)) {
            return fault(query, Outcome.LAME, Detail.of("referral", shown(referredTo)), server, elapsed);
        }
        return new LookupResult(name, type, Outcome.NODATA, List.of(), aliases, negativeTtl(reply), server,
                Detail.NONE, false, elapsed);
    }

    /** A referral: name servers in the authority section and no SOA, so no answer and no denial. */
    private static boolean isReferral(Message reply) {
        return soaRecords(reply).isEmpty() && reply.getSection(Section.AUTHORITY).stream().anyMatch(NSRecord.class::isInstance);
    }

    /** A failure a reply or the transport showed, as the lookup's result. */
    static LookupResult fault(Query query, Outcome outcome, Detail detail, String server, Duration elapsed) {
        return new LookupResult(query.display(), query.type(), outcome, List.of(), List.of(), LookupResult.NO_TTL,
                server, detail, false, elapsed);
    }

    /** RFC 2308 section 5: the lesser of the SOA record's own TTL and its MINIMUM field. */
    private static long negativeTtl(Message reply) {
        return soaRecords(reply).stream()
                .mapToLong(soa -> Math.min(soa.getTTL(), soa.getMinimum()))
                .findFirst()
                .orElse(LookupResult.NO_TTL);
    }

    private static List<SOARecord> soaRecords(Message reply) {
        return reply.getSection(Section.AUTHORITY).stream()
                .filter(SOARecord.class::isInstance)
                .map(SOARecord.class::cast)
                .toList();
    }

    private static String shown(List<Name> names) {
        String first = names.stream().limit(NAME_SERVERS_SHOWN).map(Query::display).collect(Collectors.joining(", "));
        return names.size() > NAME_SERVERS_SHOWN ? first + ", …" : first;
    }

    private static String reason(Exception malformed) {
        String message = malformed.getMessage();
        return message == null || message.isBlank() ? "unreadable" : message;
    }

    private static DnsRecord toRecord(Record record) {
        String owner = Query.display(record.getName());
        RecordType type = RecordType.fromCode(record.getType()).orElseThrow();
        if (record instanceof TXTRecord txt) {
            List<String> strings = txt.getStringsAsByteArrays().stream()
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                    .toList();
            return new DnsRecord(owner, type, record.getTTL(), String.join("", strings), strings);
        }
        String value = record.getType() == Type.AAAA
                ? Ipv6Text.format(record.rdataToWireCanonical())
                : record.rdataToString();
        return new DnsRecord(owner, type, record.getTTL(), value, List.of());
    }

    /**
     * The answer section walked from the asked name through its aliases, as far as it goes: the
     * aliases followed, the records of the asked type where the walk stopped, and the fault that
     * stopped it, if one did. Every step moves to a name not seen before, so the walk ends.
     */
    private record Chain(List<Record> aliases, List<Record> records, Name end, Optional<Outcome> fault) {

        static Chain follow(List<Record> answer, Query query) {
            List<Record> aliases = new ArrayList<>();
            Set<Name> seen = new HashSet<>();
            Name current = query.name();
            seen.add(current);
            while (true) {
                Name owner = current;
                List<Record> records = answer.stream()
                        .filter(record -> record.getType() == query.type().code() && record.getName().equals(owner))
                        .toList();
                if (!records.isEmpty() || query.type() == RecordType.CNAME) {
                    return new Chain(aliases, records, current, Optional.empty());
                }
                Optional<Record> alias = answer.stream()
                        .filter(record -> record instanceof CNAMERecord && record.getName().equals(owner))
                        .findFirst();
                if (alias.isEmpty()) {
                    return new Chain(aliases, List.of(), current, Optional.empty());
                }
                aliases.add(alias.get());
                current = ((CNAMERecord) alias.get()).getTarget();
                if (!seen.add(current)) {
                    return new Chain(aliases, List.of(), current, Optional.of(Outcome.CNAME_LOOP));
                }
                if (aliases.size() > MAX_CNAME_CHAIN) {
                    return new Chain(aliases, List.of(), current, Optional.of(Outcome.CNAME_CHAIN));
                }
            }
        }

        /** True for a record the walk went through or stopped at. */
        boolean uses(Record record) {
            return aliases.contains(record) || records.contains(record);
        }
    }
}
