package org.mailwright.spf;

import java.util.Locale;

/** The eight mechanisms of RFC 7208 section 5. */
public enum MechanismType {
    ALL(false),
    INCLUDE(true),
    A(true),
    MX(true),
    PTR(true),
    IP4(false),
    IP6(false),
    EXISTS(true);

    private final boolean queriesDns;

    MechanismType(boolean queriesDns) {
        this.queriesDns = queriesDns;
    }

    /** True for the mechanisms that count against the limit of 10 DNS-querying terms (section 4.6.4). */
    public boolean queriesDns() {
        return queriesDns;
    }

    /** The name as written in a record, for example {@code include}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MechanismType byKeyword(String keyword) {
        for (MechanismType type : values()) {
            if (type.keyword().equalsIgnoreCase(keyword)) {
                return type;
            }
        }
        return null;
    }
}
