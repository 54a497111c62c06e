package org.mailwright.dkim;

import java.util.Locale;
import org.mailwright.i18n.Messages;

/**
 * Why an ARC chain fails (RFC 8617 section 5.2). Each has a stable id (for JSON) and a sentence in
 * the core bundle ({@code arc.problem.<id>}).
 */
public enum ArcProblem {
    TOO_MANY_SETS("too-many-sets"),
    BAD_INSTANCE("bad-instance"),
    INCOMPLETE_SET("incomplete-set"),
    DUPLICATE_FIELD("duplicate-field"),
    INSTANCE_GAP("instance-gap"),
    ALREADY_FAILED("already-failed"),
    WRONG_CHAIN_STATUS("wrong-chain-status"),
    MESSAGE_SIGNATURE("message-signature"),
    SEAL("seal");

    private final String id;

    ArcProblem(String id) {
        this.id = id;
    }

    /** The stable id used in JSON, for example {@code seal}. */
    public String id() {
        return id;
    }

    /** One sentence in the given language; {@code arguments} fill the bundle's placeholders. */
    public String text(Locale locale, Object... arguments) {
        return Messages.get(locale, "arc.problem." + id, arguments);
    }
}
