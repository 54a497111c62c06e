package org.mailwright.dkim;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The body hashes (RFC 6376 section 3.7) the signatures of one message ask for. They are made
 * together when the first is needed: the body is canonicalized once per canonicalization, straight
 * from the message into every digest that asks for that form, each cut at its own {@code l=}. So
 * twenty signatures read the body no more often than one, and no copy of it is made.
 */
final class BodyHashes {

    /**
     * What a signature asks for.
     *
     * @param digest the hash as Java names it ({@link DkimAlgorithm#digestName()}): rsa-sha256 and
     *     ed25519-sha256 signatures share one
     * @param length {@code l=}: only the first octets of the canonical body are hashed
     */
    record Request(Canonicalization canonicalization, String digest, OptionalLong length) {
    }

    /**
     * @param hash the digest of the canonical body, cut at {@code l=}
     * @param canonicalLength the length of the whole canonical body
     */
    record BodyHash(byte[] hash, long canonicalLength) {
    }

    private final MailMessage message;
    private final Set<Request> requests;
    private Map<Request, BodyHash> hashes;

    BodyHashes(MailMessage message, Collection<Request> requests) {
        this.message = message;
        this.requests = new LinkedHashSet<>(requests);
    }

    /** The hash one of the requests asked for; the first call makes them all. */
    synchronized BodyHash get(Request request) {
        if (hashes == null) {
            hashes = compute();
        }
        BodyHash hash = hashes.get(request);
        if (hash == null) {
            throw new IllegalArgumentException("No signature asked for " + request + ".");
        }
        return hash;
    }

    /** The hash of the whole message's body for one request, for a signer. */
    static BodyHash of(MailMessage message, Request request) {
        return new BodyHashes(message, List.of(request)).get(request);
    }

    private Map<Request, BodyHash> compute() {
        Map<Request, BodyHash> made = new HashMap<>();
        for (Canonicalization canonicalization : Canonicalization.values()) {
            List<Request> wanted = requests.stream().filter(r -> r.canonicalization() == canonicalization).toList();
            if (wanted.isEmpty()) {
                continue;
            }
            List<MessageDigest> digests = new ArrayList<>();
            List<ByteSink> sinks = new ArrayList<>();
            for (Request request : wanted) {
                MessageDigest digest = DkimAlgorithm.newDigest(request.digest());
                ByteSink whole = digest::update;
                digests.add(digest);
                sinks.add(request.length().isPresent() ? whole.limitedTo(request.length().getAsLong()) : whole);
            }
            long length = message.writeBody(canonicalization, (bytes, offset, count) -> {
                for (ByteSink sink : sinks) {
                    sink.write(bytes, offset, count);
                }
            });
            for (int i = 0; i < wanted.size(); i++) {
                made.put(wanted.get(i), new BodyHash(digests.get(i).digest(), length));
            }
        }
        return made;
    }
}
