package org.mailwright.dkim;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mailwright.findings.Finding;
import org.mailwright.findings.DkimFinding;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;

/**
 * Checks every DKIM signature of a message (RFC 6376 section 6, RFC 8301, RFC 8463), each on its
 * own: a message with one broken and one good signature is authenticated by the good one. Key
 * records come from a {@link KeySource}, normally DNS through the resolver service.
 */
public final class DkimVerifier {

    /** Signatures beyond this many are not checked: each costs a DNS lookup an attacker chooses. */
    public static final int MAX_SIGNATURES = 20;

    /**
     * A signature whose h= names more header fields is a permanent error: signers name tens, and
     * oversigning doubles that.
     */
    public static final int MAX_SIGNED_HEADERS = 1_000;

    /** A clock this far behind the signer's is forgiven before t= counts as in the future. */
    private static final long CLOCK_SKEW_SECONDS = 300;

    private final KeySource keys;
    private final Clock clock;
    private final VerificationRules rules;

    public DkimVerifier(KeySource keys, Clock clock, VerificationRules rules) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** A verifier with today's rules, asking {@code target} for key records. */
    public static DkimVerifier overDns(ResolverService resolver, ResolverTarget target) {
        return new DkimVerifier(KeySource.dns(resolver, target), Clock.systemUTC(), VerificationRules.standard());
    }

    /**
     * Verifies a raw message read within {@link MessageLimits#DEFAULT}; the future fails with a
     * {@link MessageLimitException} for a message past them.
     */
    public CompletableFuture<VerificationReport> verify(byte[] rawMessage) {
        MailMessage message;
        try {
            message = MailMessage.parse(rawMessage);
        } catch (MessageLimitException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return verify(message);
    }

    /**
     * Every signature of the message, each with its own result: one that cannot be checked (a
     * malformed field, a key record that is no key, a DNS failure) never hides the others. Each
     * signature first has its field read; the key lookups then run together, and the body hashes
     * all signatures ask for are made once, by the first check that needs one.
     */
    public CompletableFuture<VerificationReport> verify(MailMessage message) {
        List<Function<BodyHashes, CompletableFuture<SignatureResult>>> checks = new ArrayList<>();
        List<BodyHashes.Request> bodyHashRequests = new ArrayList<>();
        for (HeaderField field : message.headers()) {
            boolean dkim = field.hasName("DKIM-Signature");
            boolean domainKeys = field.hasName("DomainKey-Signature");
            if (!dkim && !domainKeys) {
                continue;
            }
            ResultBuilder result = new ResultBuilder(dkim ? SignatureKind.DKIM : SignatureKind.DOMAINKEYS, field);
            if (checks.size() >= MAX_SIGNATURES) {
                SignatureResult skipped = result.end(DkimResult.NEUTRAL, Reason.TOO_MANY_SIGNATURES, MAX_SIGNATURES);
                checks.add(bodyHashes -> CompletableFuture.completedFuture(skipped));
            } else if (domainKeys) {
                checks.add(bodyHashes -> new DomainKeysCheck(message, field, result, rules, this).run());
            } else {
                try {
                    DkimSignature signature = readSignature(field, result);
                    bodyHashRequests.add(signature.bodyHashRequest());
                    checks.add(bodyHashes -> checkDkim(message, signature, bodyHashes, result));
                } catch (DkimException e) {
                    SignatureResult refused = result.end(e);
                    checks.add(bodyHashes -> CompletableFuture.completedFuture(refused));
                }
            }
        }
        BodyHashes bodyHashes = new BodyHashes(message, bodyHashRequests);
        List<CompletableFuture<SignatureResult>> started = checks.stream().map(check -> check.apply(bodyHashes)).toList();
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
                .thenApply(done -> new VerificationReport(started.stream().map(CompletableFuture::join).toList()));
    }

    /** The signature field read and checked on its own (RFC 6376 section 6.1.1), before any lookup. */
    private DkimSignature readSignature(HeaderField field, ResultBuilder result) throws DkimException {
        result.describe(DkimSignature.tags(field));
        return checkedSignature(DkimSignature.parse(field, rules), result);
    }

    /** An ARC-Message-Signature read and checked as a DKIM signature is (RFC 8617 section 5.1.2). */
    DkimSignature readArcMessageSignature(HeaderField field, ResultBuilder result) throws DkimException {
        result.describe(DkimSignature.tags(field));
        return checkedSignature(DkimSignature.parseArcMessageSignature(field, rules), result);
    }

    private DkimSignature checkedSignature(DkimSignature signature, ResultBuilder result) throws DkimException {
        result.describe(signature);
        long now = clock.instant().getEpochSecond();
        if (signature.expiration.isPresent() && signature.expiration.getAsLong() < now) {
            throw DkimException.fail(Reason.EXPIRED, Instant.ofEpochSecond(signature.expiration.getAsLong()).toString());
        }
        if (signature.timestamp.isPresent() && signature.timestamp.getAsLong() > now + CLOCK_SKEW_SECONDS) {
            result.note(DkimFinding.TIMESTAMP_IN_FUTURE, Instant.ofEpochSecond(signature.timestamp.getAsLong()).toString());
        }
        if (signature.keyName().length() > 253) {
            throw DkimException.permerror(Reason.SIGNATURE_SYNTAX, "s= and d= make a name longer than DNS allows");
        }
        return signature;
    }

    private CompletableFuture<SignatureResult> checkDkim(MailMessage message, DkimSignature signature, BodyHashes bodyHashes,
                                                         ResultBuilder result) {
        return check(message, signature, () -> bodyHashes.get(signature.bodyHashRequest()), result);
    }

    /** The key fetched and applied to a signature already read, the body hash made when it is needed. */
    CompletableFuture<SignatureResult> check(MailMessage message, DkimSignature signature,
                                             Supplier<BodyHashes.BodyHash> bodyHash, ResultBuilder result) {
        return fetch(signature.keyName(), result).thenApply(lookup -> {
            try {
                PublicKey key = usableKey(lookup, signature.algorithm, signature.identityLocalPart(),
                        signature.identityDomain(), signature.domain, false, result);
                checkBodyAndSignature(message, signature, bodyHash.get(), key, result);
                return result.pass();
            } catch (DkimException e) {
                return result.end(e);
            }
        });
    }

    private void checkBodyAndSignature(MailMessage message, DkimSignature signature, BodyHashes.BodyHash body,
                                       PublicKey key, ResultBuilder result) throws DkimException {
        if (signature.bodyLength.isPresent()) {
            long length = signature.bodyLength.getAsLong();
            if (length > body.canonicalLength()) {
                throw DkimException.permerror(Reason.BODY_LENGTH_EXCEEDS_BODY, length, body.canonicalLength());
            }
            if (length < body.canonicalLength()) {
                result.note(DkimFinding.BODY_PARTLY_SIGNED, body.canonicalLength() - length);
            }
        }
        if (!MessageDigest.isEqual(body.hash(), signature.bodyHash)) {
            throw DkimException.fail(Reason.BODY_HASH);
        }
        byte[] withoutValue = DkimSignature.withoutSignatureValue(signature.header.rawView());
        signature.algorithm.requireValid(key, sink -> SignedData.writeHeaders(message, signature.signedHeaders,
                signature.headerCanonicalization, signature.header, withoutValue, sink), signature.signature);
    }

    CompletableFuture<KeyLookup> fetch(String name, ResultBuilder result) {
        CompletableFuture<KeyLookup> lookup;
        try {
            lookup = keys.fetch(name);
        } catch (IllegalArgumentException e) {
            lookup = CompletableFuture.failedFuture(e);
        }
        return lookup.handle((found, failure) -> {
            KeyLookup known = found;
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                known = new KeyLookup(name, Outcome.ERROR, List.of(), Optional.empty(), String.valueOf(cause.getMessage()));
            }
            result.key(known);
            return known;
        });
    }

    /**
     * The public key the lookup yields for this signature, after the checks of RFC 6376 section
     * 6.1.2: the first record that parses and fits is used.
     */
    PublicKey usableKey(KeyLookup lookup, DkimAlgorithm algorithm, String localPart, String identityDomain,
                        String domain, boolean emptyGranularityMatchesAll, ResultBuilder result) throws DkimException {
        switch (lookup.outcome()) {
            case OK -> { }
            case NXDOMAIN, NODATA -> throw DkimException.permerror(Reason.KEY_NOT_FOUND, lookup.name());
            default -> throw new DkimException(DkimResult.TEMPERROR, Reason.DNS_ERROR, lookup.name(), lookup.problem());
        }
        DkimException first = null;
        for (String text : lookup.records()) {
            try {
                DkimKeyRecord record = DkimKeyRecord.parse(text);
                PublicKey key = check(record, algorithm, localPart, identityDomain, domain, emptyGranularityMatchesAll);
                result.keyBits(record.keyType(), PublicKeys.bits(key));
                if (record.testing()) {
                    result.note(DkimFinding.TESTING_MODE, lookup.name());
                }
                return key;
            } catch (KeyRecordException e) {
                DkimResult outcome = e.reason() == Reason.KEY_REVOKED || e.reason() == Reason.KEY_TOO_SHORT
                        ? DkimResult.FAIL : DkimResult.PERMERROR;
                DkimException failure = new DkimException(outcome, e.reason(), e.arguments().toArray());
                first = first == null ? failure : first;
            }
        }
        throw first != null ? first : DkimException.permerror(Reason.KEY_NOT_FOUND, lookup.name());
    }

    private PublicKey check(DkimKeyRecord record, DkimAlgorithm algorithm, String localPart, String identityDomain,
                            String domain, boolean emptyGranularityMatchesAll) throws KeyRecordException {
        if (record.keyType() != algorithm.keyType()) {
            throw new KeyRecordException(Reason.KEY_TYPE_MISMATCH, record.keyType().tagValue(), algorithm.tagValue());
        }
        if (!record.allowsHash(algorithm.hashName())) {
            throw new KeyRecordException(Reason.KEY_HASH_NOT_ALLOWED, algorithm.hashName(), String.join(":", record.hashAlgorithms()));
        }
        if (!record.allowsEmail()) {
            throw new KeyRecordException(Reason.KEY_NOT_FOR_EMAIL, String.join(":", record.serviceTypes()));
        }
        if (record.strictIdentity() && !identityDomain.equalsIgnoreCase(domain)) {
            throw new KeyRecordException(Reason.KEY_SUBDOMAIN_NOT_ALLOWED, identityDomain, domain);
        }
        if (rules.honourGranularity() && record.granularity().isPresent()
                && !granularityMatches(record.granularity().get(), localPart, emptyGranularityMatchesAll)) {
            throw new KeyRecordException(Reason.KEY_GRANULARITY, record.granularity().get(), localPart);
        }
        if (record.isRevoked()) {
            throw new KeyRecordException(Reason.KEY_REVOKED);
        }
        if (record.keyType() == KeyType.RSA) {
            int bits = record.keyBits();
            if (bits < rules.minimumRsaBits()) {
                throw new KeyRecordException(Reason.KEY_TOO_SHORT, bits, rules.minimumRsaBits());
            }
        }
        return record.toPublicKey();
    }

    /** RFC 4871 g=: the local part, with one optional {@code *} matching any run of characters. */
    static boolean granularityMatches(String pattern, String localPart, boolean emptyMatchesAll) {
        if (pattern.isEmpty()) {
            return emptyMatchesAll;
        }
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(localPart);
        }
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        return localPart.length() >= prefix.length() + suffix.length()
                && localPart.startsWith(prefix) && localPart.endsWith(suffix);
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    /** Collects what is known about one signature as its check goes on. */
    static final class ResultBuilder {
        private final SignatureKind kind;
        private final String field;
        private String domain = "";
        private String selector = "";
        private String algorithm = "";
        private String canonicalization = "";
        private String identity = "";
        private List<String> signedHeaders = List.of();
        private OptionalLong bodyLength = OptionalLong.empty();
        private Optional<Instant> signedAt = Optional.empty();
        private Optional<Instant> expiresAt = Optional.empty();
        private Optional<KeyLookup> key = Optional.empty();
        private OptionalInt keyBits = OptionalInt.empty();
        private final List<Finding> notes = new ArrayList<>();

        ResultBuilder(SignatureKind kind, HeaderField field) {
            this.kind = kind;
            this.field = field.toString().replace("\r\n", "");
        }

        /** What the tags say, before any check: shown even for a signature that is rejected. */
        void describe(TagList tags) {
            domain = tags.get("d").orElse("");
            selector = tags.get("s").orElse("");
            algorithm = tags.get("a").orElse(kind == SignatureKind.DOMAINKEYS ? "rsa-sha1" : "");
            canonicalization = tags.get("c").orElse("simple");
            identity = tags.get("i").map(DkimSignature::decodeQuotedPrintable).orElse("");
            signedHeaders = tags.get("h").map(h -> List.of(TagList.removeFws(h).split(":"))).orElse(List.of());
        }

        void describe(DkimSignature signature) {
            canonicalization = signature.headerCanonicalization.tagValue() + "/" + signature.bodyCanonicalization.tagValue();
            identity = signature.identity;
            bodyLength = signature.bodyLength;
            signedAt = instant(signature.timestamp);
            expiresAt = instant(signature.expiration);
            if (signature.algorithm.isWeak()) {
                note(DkimFinding.SIGNATURE_SHA1);
            }
            if (signature.draftVersion) {
                note(DkimFinding.DRAFT_SIGNATURE);
            }
        }

        void canonicalization(String value) {
            canonicalization = value;
        }

        void identity(String value) {
            identity = value;
        }

        void key(KeyLookup lookup) {
            key = Optional.of(lookup);
        }

        void keyBits(KeyType type, int bits) {
            keyBits = OptionalInt.of(bits);
            if (type == KeyType.RSA && bits < DkimKey.RECOMMENDED_RSA_BITS) {
                note(DkimFinding.KEY_SHORT, bits);
            }
        }

        void note(DkimFinding type, Object... arguments) {
            notes.add(type.of(arguments));
        }

        SignatureResult pass() {
            return build(DkimResult.PASS, Optional.empty(), List.of());
        }

        SignatureResult end(DkimException e) {
            return build(e.result(), Optional.of(e.reason()), e.arguments());
        }

        SignatureResult end(DkimResult result, Reason reason, Object... arguments) {
            return build(result, Optional.of(reason), List.of(arguments));
        }

        private SignatureResult build(DkimResult result, Optional<Reason> reason, List<Object> arguments) {
            return new SignatureResult(kind, field, domain, selector, algorithm, canonicalization, identity,
                    signedHeaders, bodyLength, signedAt, expiresAt, result, reason, arguments, key, keyBits, notes);
        }

        private static Optional<Instant> instant(OptionalLong seconds) {
            return seconds.isPresent() && seconds.getAsLong() < Instant.MAX.getEpochSecond()
                    ? Optional.of(Instant.ofEpochSecond(seconds.getAsLong())) : Optional.empty();
        }
    }
}
