package org.mailwright.dkim;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to sign: canonicalization, which header fields, which of them to oversign, and the
 * optional tags.
 *
 * @param headerCanonicalization for header fields
 * @param bodyCanonicalization for the body
 * @param headers the fields to sign when the message has them, in h= order
 * @param oversigned fields named once more than the message has them, so that a copy added on
 *     the way breaks the signature instead of being shown as signed
 * @param bodyLength add {@code l=} (the whole body's length): lets lists append footers, and
 *     lets anyone append anything, so it is off by default
 * @param validity add {@code x=} this long after {@code t=}
 * @param identity {@code i=}, the user or agent signed for (an address at the domain or below)
 */
public record SigningOptions(Canonicalization headerCanonicalization, Canonicalization bodyCanonicalization,
                             List<String> headers, Set<String> oversigned, boolean bodyLength,
                             Optional<Duration> validity, Optional<String> identity) {

    /** RFC 6376 section 5.4.1's list of fields worth signing, plus Sender. */
    public static final List<String> RECOMMENDED_HEADERS = List.of(
            "from", "sender", "reply-to", "subject", "date", "message-id", "to", "cc",
            "mime-version", "content-type", "content-transfer-encoding", "content-id", "content-description",
            "resent-date", "resent-from", "resent-sender", "resent-to", "resent-cc", "resent-message-id",
            "in-reply-to", "references",
            "list-id", "list-help", "list-unsubscribe", "list-unsubscribe-post", "list-subscribe", "list-post",
            "list-owner", "list-archive");

    /** The fields whose forgery would mislead a reader most. */
    public static final Set<String> DEFAULT_OVERSIGNED = Set.of(
            "from", "reply-to", "subject", "date", "to", "cc", "message-id",
            "mime-version", "content-type", "content-transfer-encoding");

    public SigningOptions {
        Objects.requireNonNull(headerCanonicalization, "headerCanonicalization");
        Objects.requireNonNull(bodyCanonicalization, "bodyCanonicalization");
        headers = headers.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (!headers.contains("from")) {
            throw new IllegalArgumentException("A DKIM signature must cover the From field.");
        }
        oversigned = oversigned.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(identity, "identity");
    }

    /** relaxed/relaxed, the recommended fields, the default oversigning, no l=, x= or i=. */
    public static SigningOptions defaults() {
        return new SigningOptions(Canonicalization.RELAXED, Canonicalization.RELAXED, RECOMMENDED_HEADERS,
                DEFAULT_OVERSIGNED, false, Optional.empty(), Optional.empty());
    }

    public SigningOptions withCanonicalization(Canonicalization header, Canonicalization body) {
        return new SigningOptions(header, body, headers, oversigned, bodyLength, validity, identity);
    }

    public SigningOptions withHeaders(List<String> names, Set<String> oversign) {
        return new SigningOptions(headerCanonicalization, bodyCanonicalization, names, oversign, bodyLength, validity, identity);
    }

    public SigningOptions withBodyLength(boolean on) {
        return new SigningOptions(headerCanonicalization, bodyCanonicalization, headers, oversigned, on, validity, identity);
    }

    public SigningOptions withValidity(Duration duration) {
        return new SigningOptions(headerCanonicalization, bodyCanonicalization, headers, oversigned, bodyLength,
                Optional.of(duration), identity);
    }

    public SigningOptions withIdentity(String auid) {
        return new SigningOptions(headerCanonicalization, bodyCanonicalization, headers, oversigned, bodyLength,
                validity, Optional.of(auid));
    }

    /**
     * Reads {@code header/body} as the {@code c=} tag and the CLI write it ({@code relaxed} alone
     * means relaxed/simple, as in c=).
     *
     * @throws IllegalArgumentException for anything else, in a sentence
     */
    public static Canonicalization[] parseCanonicalization(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("Canonicalization is header/body, for example relaxed/relaxed, not \"" + text + "\".");
        }
        Canonicalization header = Canonicalization.fromTagValue(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                "Canonicalization is simple or relaxed, not \"" + parts[0] + "\"."));
        Canonicalization body = parts.length == 1 ? Canonicalization.SIMPLE : Canonicalization.fromTagValue(parts[1])
                .orElseThrow(() -> new IllegalArgumentException("Canonicalization is simple or relaxed, not \"" + parts[1] + "\"."));
        return new Canonicalization[] {header, body};
    }
}
