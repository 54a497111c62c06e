package org.mailwright.dns;

import java.security.SecureRandom;
import java.util.Locale;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * One question as it goes on the wire: the name ({@link QueryName}), the type, the message id a
 * reply must carry, and whether recursion is asked for.
 */
record Query(Name name, RecordType type, int id, boolean recursive) {

    /**
     * The UDP payload size advertised with EDNS (RFC 6891): the DNS Flag Day 2020 value, which
     * fits an IPv6 packet without fragmentation; larger answers come truncated and are asked over TCP.
     */
    static final int EDNS_PAYLOAD = 1232;

    /** Unpredictable ids, so an off-path forger has to guess them (RFC 5452). */
    private static final SecureRandom IDS = new SecureRandom();

    /** The question for {@code name}, with a fresh random id. */
    static Query of(Name name, RecordType type, boolean recursive) {
        return new Query(name, type, IDS.nextInt(0x10000), recursive);
    }

    /** The same question under a fresh id, for another attempt. */
    Query again() {
        return new Query(name, type, IDS.nextInt(0x10000), recursive);
    }

    /** The name as results show it: lower case, without the final dot. */
    String display() {
        return display(name);
    }

    byte[] toWire() {
        Message message = Message.newQuery(Record.newRecord(name, type.code(), DClass.IN));
        message.getHeader().setID(id);
        if (!recursive) {
            message.getHeader().unsetFlag(Flags.RD);
        }
        message.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
        return message.toWire();
    }

    static String display(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }
}
