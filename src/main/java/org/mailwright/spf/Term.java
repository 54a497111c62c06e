package org.mailwright.spf;

/** One term of an SPF record: a mechanism (with its qualifier) or a modifier. */
public sealed interface Term permits Mechanism, Modifier {

    /** The term exactly as written in the record. */
    String text();

    /** Where the term starts in the record, 1-based. */
    int position();
}
