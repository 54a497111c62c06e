package org.mailwright.message;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.dmarc.DiscoveredPolicy;
import org.mailwright.dmarc.Policy;

/**
 * DMARC applied to the message (RFC 9989).
 *
 * @param result pass, fail, none (no policy), temperror (a lookup failed and the result may
 *     differ) or permerror (no single Author Domain)
 * @param policy the policy the domain asks for (p, sp or np, before test mode); empty without one
 * @param disposition what a receiver following the policy does: none, quarantine or reject
 * @param discovered where the policy came from; empty when there was no domain to ask about
 */
public record DmarcVerdict(Result result, Optional<Policy> policy, Policy disposition, Optional<DiscoveredPolicy> discovered) {

    /** The results RFC 8601 names for the dmarc method. */
    public enum Result {
        PASS, FAIL, NONE, TEMPERROR, PERMERROR;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DmarcVerdict {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(discovered, "discovered");
    }
}
