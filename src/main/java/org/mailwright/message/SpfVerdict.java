package org.mailwright.message;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.spf.SpfEvaluation;

/**
 * SPF as the receiver applied it to the message.
 *
 * @param evaluation check_host() for the client, the envelope sender and HELO; empty when the
 *     client or the envelope sender is unknown
 * @param client the connecting address used
 * @param clientSource where that address came from
 * @param helo the HELO name used (empty when unknown)
 * @param mailFrom the envelope sender used (empty for a null sender, or when unknown)
 * @param aligned the checked domain is aligned with the Author Domain (whatever the result)
 */
public record SpfVerdict(Optional<SpfEvaluation> evaluation, Optional<InetAddress> client, Source clientSource,
                         String helo, String mailFrom, boolean aligned) {

    /** Where the session's facts came from. */
    public enum Source {
        /** Given by the user. */
        GIVEN,
        /** Read from the message's Received fields. */
        RECEIVED,
        /** Unknown. */
        NONE;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SpfVerdict {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(clientSource, "clientSource");
        Objects.requireNonNull(helo, "helo");
        Objects.requireNonNull(mailFrom, "mailFrom");
    }

    /** The RFC 7208 result, {@code none} when SPF could not be checked. */
    public String result() {
        return evaluation.map(e -> e.result().jsonName()).orElse("none");
    }

    /** The domain checked: the envelope sender's, or the HELO name for a null sender; empty when unchecked. */
    public String domain() {
        return evaluation.map(SpfEvaluation::domain).orElse("");
    }

    public boolean passed() {
        return result().equals("pass");
    }
}
