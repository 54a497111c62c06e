package org.mailwright.dmarc;

import java.util.Objects;

/**
 * Something in a record's text that the RFC 9989 grammar (section 4.8) does not allow.
 *
 * @param kind what is wrong
 * @param position where, counting the record's characters from 1
 * @param tag the tag concerned, lower case; empty when the problem is not inside one tag
 * @param text the offending text, as written
 * @param expected what the grammar wants there, in the record's own notation
 *     ({@code none | quarantine | reject}); empty when there is nothing to suggest
 */
public record SyntaxProblem(Kind kind, int position, String tag, String text, String expected) {

    /**
     * The kinds of problem. Their order is their code in the {@code dmarc.syntax} message
     * (a MessageFormat choice), so new kinds go at the end.
     */
    public enum Kind {
        /** {@code p=} with nothing after the equals sign. */
        MISSING_VALUE,
        /** A segment between semicolons without {@code =}. */
        MISSING_EQUALS,
        /** A known tag with a value its grammar does not allow. */
        INVALID_VALUE,
        /** Two semicolons with nothing between them: not in the grammar, but harmless to most receivers. */
        EMPTY_TAG,
        /** A tag name that is not letters only. */
        BAD_TAG_NAME,
        /** A character outside printable ASCII. */
        BAD_CHARACTER,
        /** An entry of {@code rua} or {@code ruf} that is not a URI, typically an address without {@code mailto:}. */
        BAD_URI,
        /** No {@code v} tag at all. */
        VERSION_MISSING,
        /** A first tag {@code v} whose value is not exactly {@code DMARC1} (it is case-sensitive). */
        VERSION_VALUE,
        /** Space before {@code v=DMARC1}: the record must start with it. */
        LEADING_SPACE,
        /** A tag given twice. */
        DUPLICATE_TAG;

        /** The code of this kind in the {@code dmarc.syntax} message. */
        public int code() {
            return ordinal();
        }
    }

    public SyntaxProblem {
        Objects.requireNonNull(kind, "kind");
        tag = tag == null ? "" : tag;
        text = text == null ? "" : text;
        expected = expected == null ? "" : expected;
    }

    /**
     * True for an empty tag and a bad value of a removed RFC 7489 tag: receivers get past them, or
     * ignore the tag anyway. Everything else makes receivers drop a tag or the whole record.
     */
    public boolean tolerated() {
        boolean legacyTag = DmarcTag.byName(tag).map(DmarcTag::legacy).orElse(false);
        return kind == Kind.EMPTY_TAG || legacyTag;
    }

    /** True when receivers ignore the whole record because of it. */
    public boolean voidsRecord() {
        return kind == Kind.VERSION_MISSING || kind == Kind.VERSION_VALUE || kind == Kind.LEADING_SPACE;
    }
}
