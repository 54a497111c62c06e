package org.mailwright.dns;

import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.Type;

/** The record types Mailwright looks up. */
public enum RecordType {
    A(Type.A),
    AAAA(Type.AAAA),
    MX(Type.MX),
    TXT(Type.TXT),
    CNAME(Type.CNAME),
    NS(Type.NS),
    SOA(Type.SOA),
    PTR(Type.PTR),
    CAA(Type.CAA),
    TLSA(Type.TLSA);

    private final int code;

    RecordType(int code) {
        this.code = code;
    }

    /** The type's numeric code on the wire (RFC 1035 and successors). */
    public int code() {
        return code;
    }

    /** Accepts a type name in any case, for example {@code txt} or {@code AAAA}. */
    public static Optional<RecordType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<RecordType> fromCode(int code) {
        for (RecordType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
