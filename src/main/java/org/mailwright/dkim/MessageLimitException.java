package org.mailwright.dkim;

import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/** A message refused because it passes one of the {@link MessageLimits}; the problem names the bound. */
public final class MessageLimitException extends ProblemException {

    private static final long serialVersionUID = 1L;

    /** Which bound the message passed. */
    public enum Bound {
        BYTES("dkim.message.too-large"),
        HEADER_FIELDS("dkim.message.too-many-header-fields"),
        HEADER_LINE("dkim.message.header-line-too-long");

        private final String key;

        Bound(String key) {
            this.key = key;
        }
    }

    private final Bound bound;

    MessageLimitException(Bound bound, Object... arguments) {
        super(new Problem(bound.key, arguments));
        this.bound = bound;
    }

    public Bound bound() {
        return bound;
    }
}
