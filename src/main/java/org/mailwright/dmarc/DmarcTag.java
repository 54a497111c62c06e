package org.mailwright.dmarc;

import java.util.Locale;
import java.util.Optional;

/**
 * The tags Mailwright knows: those of RFC 9989 section 4.7, and the three RFC 7489 tags that RFC
 * 9989 removed ({@code pct}, {@code rf}, {@code ri}), which receivers still on RFC 7489 may honour.
 * Any other tag is unknown and, by RFC 9989, ignored.
 */
public enum DmarcTag {
    V,
    P,
    SP,
    NP,
    ADKIM,
    ASPF,
    T,
    PSD,
    RUA,
    RUF,
    FO,
    /** RFC 7489: apply the policy to this percentage of failing mail. Replaced by {@link #T}. */
    PCT(true),
    /** RFC 7489: the failure report format. */
    RF(true),
    /** RFC 7489: the requested aggregate report interval in seconds. */
    RI(true);

    private final boolean legacy;

    DmarcTag() {
        this(false);
    }

    DmarcTag(boolean legacy) {
        this.legacy = legacy;
    }

    /** The tag's name as written in a record, lower case. */
    public String tagName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the RFC 7489 tags that RFC 9989 removed. */
    public boolean legacy() {
        return legacy;
    }

    /** The tag with this name, in any case; empty for an unknown tag. */
    public static Optional<DmarcTag> byName(String name) {
        for (DmarcTag tag : values()) {
            if (tag.tagName().equalsIgnoreCase(name)) {
                return Optional.of(tag);
            }
        }
        return Optional.empty();
    }
}
