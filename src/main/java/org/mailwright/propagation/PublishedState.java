package org.mailwright.propagation;

import java.util.List;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.RecordType;

/**
 * What a name publishes now compared with the record written for it: the verdict of every
 * wizard's verify step, compared by meaning through {@link RecordComparison}, the same comparison
 * the Propagation page and {@code mailwright propagation} use.
 */
public enum PublishedState {
    /** The record written is published (spacing, case and order aside where they mean nothing). */
    LIVE,
    /** The record written is published, and it was already when the wizard read the name: nothing changed. */
    UNCHANGED,
    /** Still the record published when the wizard read the name. */
    OLD,
    /** A record of the same kind, but neither the one written nor the one before. */
    DIFFERENT,
    /** No record of this kind. */
    MISSING,
    /** Several records of a kind receivers allow only once (SPF, DMARC, a DKIM key): they read none. */
    MULTIPLE,
    /** The lookup failed (no answer, a server failure, a refusal): nobody can tell. */
    UNREADABLE;

    /**
     * The state of {@code name} given {@code answer}.
     *
     * @param expected the record written, TXT as its joined strings
     * @param before what the name published when the wizard read it (to tell "not yet" from "another"); may be empty
     */
    public static PublishedState of(String name, RecordType type, LookupResult answer, String expected, List<String> before) {
        if (!answer.outcome().isConclusive()) {
            return UNREADABLE;
        }
        List<String> published = RecordComparison.sameKind(name, type, expected, answer.values());
        if (published.isEmpty()) {
            return MISSING;
        }
        if (published.size() > 1 && RecordComparison.singular(name, type, expected)) {
            return MULTIPLE;
        }
        List<String> earlier = RecordComparison.sameKind(name, type, expected, before);
        if (RecordComparison.matches(name, type, List.of(expected), published)) {
            return earlier.size() == 1 && RecordComparison.sameRecord(name, type, earlier.get(0), expected) ? UNCHANGED : LIVE;
        }
        return earlier.size() == 1 && published.size() == 1 && RecordComparison.sameRecord(name, type, earlier.get(0), published.get(0))
                ? OLD : DIFFERENT;
    }

    /** True when the record written is what the name publishes. */
    public boolean published() {
        return this == LIVE || this == UNCHANGED;
    }
}
