package org.mailwright.dkim;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.mailwright.findings.Finding;

/**
 * What the verifier found about one signature of a message: its tags, its result and why, the
 * key record it was checked against, and notes worth knowing even when it passes.
 *
 * @param kind DKIM-Signature or DomainKey-Signature
 * @param field the signature field as it appears in the message (unfolded)
 * @param domain {@code d=} (empty when the field did not say)
 * @param selector {@code s=} (empty when the field did not say)
 * @param algorithm {@code a=} as written (empty when the field did not say)
 * @param canonicalization {@code c=} as header/body, for example {@code relaxed/simple}
 * @param identity {@code i=} decoded (for DomainKeys, the Sender or From address)
 * @param signedHeaders {@code h=}, in order, repeated names included
 * @param bodyLength {@code l=}, when the signature covers only the start of the body
 * @param signedAt {@code t=}
 * @param expiresAt {@code x=}
 * @param result pass, fail, neutral, temperror or permerror
 * @param reason why it did not pass (empty for pass)
 * @param reasonArguments what the reason's sentence mentions (a tag, a size...)
 * @param key the key record lookup the check used, when it got that far
 * @param keyBits the size of the key checked against
 * @param notes warnings and remarks (a weak SHA-1 signature, a key in testing mode, unsigned
 *     content after {@code l=}...)
 */
public record SignatureResult(SignatureKind kind, String field, String domain, String selector, String algorithm,
                              String canonicalization, String identity, List<String> signedHeaders,
                              OptionalLong bodyLength, Optional<Instant> signedAt, Optional<Instant> expiresAt,
                              DkimResult result, Optional<Reason> reason, List<Object> reasonArguments,
                              Optional<KeyLookup> key, OptionalInt keyBits, List<Finding> notes) {

    public SignatureResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(result, "result");
        signedHeaders = List.copyOf(signedHeaders);
        reasonArguments = List.copyOf(reasonArguments);
        notes = List.copyOf(notes);
    }

    public boolean passed() {
        return result == DkimResult.PASS;
    }

    /** Why it did not pass, in the given language; empty for a pass. */
    public String reasonText(Locale locale) {
        return reason.map(r -> r.text(locale, reasonArguments.toArray())).orElse("");
    }
}
