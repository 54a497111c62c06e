package org.mailwright.dkim;

import java.util.Objects;
import java.util.Optional;

/**
 * One ARC set: the three fields a handler adds with one instance number (RFC 8617 section 4.1).
 *
 * @param instance {@code i=}, from 1 for the first handler
 * @param authenticationResults the ARC-Authentication-Results value after {@code i=N;}: what that
 *     handler found when the message reached it
 * @param chainStatus the seal's {@code cv=} as written: what that handler found of the chain before it
 * @param messageSignature the check of the ARC-Message-Signature; empty when it was not checked
 *     (only the newest one must verify: later handlers may change the message)
 * @param seal the check of the ARC-Seal; empty when the chain failed before the seals were checked
 */
public record ArcSet(int instance, String authenticationResults, String chainStatus,
                     Optional<SignatureResult> messageSignature, Optional<SignatureResult> seal) {

    public ArcSet {
        Objects.requireNonNull(authenticationResults, "authenticationResults");
        Objects.requireNonNull(chainStatus, "chainStatus");
        Objects.requireNonNull(messageSignature, "messageSignature");
        Objects.requireNonNull(seal, "seal");
    }

    /** The handler that sealed this set: the seal's {@code d=}, empty when unknown. */
    public String sealer() {
        return seal.map(SignatureResult::domain).orElse("");
    }
}
