package org.mailwright.dkim;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates a message's Authenticated Received Chain (RFC 8617 section 5.2): the form of its ARC
 * sets, the chain status each handler recorded, the newest ARC-Message-Signature and every
 * ARC-Seal. Signatures are checked with the DKIM verifier's keys, clock and rules.
 */
public final class ArcVerifier {

    /** RFC 8617 section 4.2.1: instances run from 1 to at most 50. */
    public static final int MAX_INSTANCES = 50;

    private static final Pattern RESULTS_INSTANCE =
            Pattern.compile("[ \\t\\r\\n]*i[ \\t\\r\\n]*=[ \\t\\r\\n]*([0-9]{1,9})[ \\t\\r\\n]*;(.*)", Pattern.DOTALL);
    private static final Pattern INSTANCE_DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final List<String> SEAL_TAGS = List.of("i", "a", "b", "d", "s", "cv");

    /** The three fields of a set, in the order the seal signs them. */
    private enum Role {
        RESULTS("ARC-Authentication-Results"),
        MESSAGE_SIGNATURE("ARC-Message-Signature"),
        SEAL("ARC-Seal");

        final String fieldName;

        Role(String fieldName) {
            this.fieldName = fieldName;
        }

        static Optional<Role> of(HeaderField field) {
            for (Role role : values()) {
                if (field.hasName(role.fieldName)) {
                    return Optional.of(role);
                }
            }
            return Optional.empty();
        }
    }

    private final DkimVerifier verifier;

    public ArcVerifier(DkimVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** The chain's status with what was found of each set; a key lookup that fails fails the chain. */
    public CompletableFuture<ArcReport> verify(MailMessage message) {
        TreeMap<Integer, Map<Role, HeaderField>> byInstance = new TreeMap<>();
        int arcFields = 0;
        for (HeaderField field : message.headers()) {
            Optional<Role> role = Role.of(field);
            if (role.isEmpty()) {
                continue;
            }
            if (++arcFields > Role.values().length * MAX_INSTANCES) {
                return done(ArcReport.fail(List.of(), ArcProblem.TOO_MANY_SETS, MAX_INSTANCES));
            }
            OptionalInt instance = instance(field, role.get());
            if (instance.isEmpty()) {
                return done(ArcReport.fail(List.of(), ArcProblem.BAD_INSTANCE, role.get().fieldName));
            }
            Map<Role, HeaderField> set = byInstance.computeIfAbsent(instance.getAsInt(), i -> new EnumMap<>(Role.class));
            if (set.putIfAbsent(role.get(), field) != null) {
                return done(ArcReport.fail(List.of(), ArcProblem.DUPLICATE_FIELD, instance.getAsInt(), role.get().fieldName));
            }
        }
        if (byInstance.isEmpty()) {
            return done(ArcReport.none());
        }
        int newest = byInstance.size();
        for (int instance = 1; instance <= newest; instance++) {
            if (!byInstance.containsKey(instance)) {
                return done(ArcReport.fail(List.of(), ArcProblem.INSTANCE_GAP, instance));
            }
        }
        for (Map.Entry<Integer, Map<Role, HeaderField>> entry : byInstance.entrySet()) {
            for (Role role : Role.values()) {
                if (!entry.getValue().containsKey(role)) {
                    return done(ArcReport.fail(List.of(), ArcProblem.INCOMPLETE_SET, entry.getKey(), role.fieldName));
                }
            }
        }
        List<Map<Role, HeaderField>> chain = new ArrayList<>(byInstance.values());
        List<ArcSet> sets = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            sets.add(new ArcSet(i + 1, resultsText(chain.get(i).get(Role.RESULTS)), chainStatus(chain.get(i)),
                    Optional.empty(), Optional.empty()));
        }
        if (sets.get(newest - 1).chainStatus().equalsIgnoreCase("fail")) {
            return done(ArcReport.fail(sets, ArcProblem.ALREADY_FAILED, newest));
        }
        for (ArcSet set : sets) {
            String expected = set.instance() == 1 ? "none" : "pass";
            if (!set.chainStatus().equalsIgnoreCase(expected)) {
                return done(ArcReport.fail(sets, ArcProblem.WRONG_CHAIN_STATUS, set.instance(), set.chainStatus(), expected));
            }
        }
        CompletableFuture<SignatureResult> messageSignature =
                checkMessageSignature(message, chain.get(newest - 1).get(Role.MESSAGE_SIGNATURE));
        // The seals' keys are fetched while the message signature is checked; their verdicts are read newest first.
        List<CompletableFuture<SignatureResult>> seals = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            seals.add(checkSeal(chain, i));
        }
        return CompletableFuture.allOf(seals.toArray(CompletableFuture[]::new)).thenCombine(messageSignature,
                (allSeals, signature) -> judge(sets, signature, seals.stream().map(CompletableFuture::join).toList()));
    }

    private static ArcReport judge(List<ArcSet> found, SignatureResult messageSignature, List<SignatureResult> seals) {
        List<ArcSet> sets = new ArrayList<>();
        for (ArcSet set : found) {
            boolean newest = set.instance() == found.size();
            sets.add(new ArcSet(set.instance(), set.authenticationResults(), set.chainStatus(),
                    newest ? Optional.of(messageSignature) : Optional.empty(), Optional.of(seals.get(set.instance() - 1))));
        }
        if (!messageSignature.passed()) {
            return ArcReport.fail(sets, ArcProblem.MESSAGE_SIGNATURE, found.size());
        }
        for (int i = seals.size() - 1; i >= 0; i--) {
            if (!seals.get(i).passed()) {
                return ArcReport.fail(sets, ArcProblem.SEAL, i + 1);
            }
        }
        return ArcReport.pass(sets);
    }

    private CompletableFuture<SignatureResult> checkMessageSignature(MailMessage message, HeaderField field) {
        DkimVerifier.ResultBuilder result = new DkimVerifier.ResultBuilder(SignatureKind.ARC_MESSAGE_SIGNATURE, field);
        try {
            DkimSignature signature = verifier.readArcMessageSignature(field, result);
            return verifier.check(message, signature, () -> BodyHashes.of(message, signature.bodyHashRequest()), result);
        } catch (DkimException e) {
            return CompletableFuture.completedFuture(result.end(e));
        }
    }

    private CompletableFuture<SignatureResult> checkSeal(List<Map<Role, HeaderField>> chain, int index) {
        HeaderField field = chain.get(index).get(Role.SEAL);
        DkimVerifier.ResultBuilder result = new DkimVerifier.ResultBuilder(SignatureKind.ARC_SEAL, field);
        result.canonicalization(Canonicalization.RELAXED.tagValue());
        DkimAlgorithm algorithm;
        String domain;
        byte[] value;
        String keyName;
        try {
            TagList tags = DkimSignature.tags(field);
            result.describe(tags);
            for (String tag : SEAL_TAGS) {
                if (!tags.has(tag)) {
                    throw DkimException.permerror(Reason.MISSING_TAG, tag);
                }
            }
            // RFC 8617 section 4.1.3: a seal signs the ARC fields, never a list of its own.
            if (tags.has("h")) {
                throw DkimException.permerror(Reason.SIGNATURE_SYNTAX, "h= (an ARC-Seal has no header list)");
            }
            String a = tags.get("a").orElseThrow();
            algorithm = DkimAlgorithm.fromTagValue(a)
                    .orElseThrow(() -> DkimException.permerror(Reason.UNSUPPORTED_ALGORITHM, a));
            domain = tags.get("d").orElseThrow();
            String selector = tags.get("s").orElseThrow();
            if (!DkimSignature.isDomain(domain)) {
                throw DkimException.permerror(Reason.SIGNATURE_SYNTAX, "d=" + domain);
            }
            keyName = Selector.keyName(selector, domain);
            if (!DkimSignature.isDomain(selector) || keyName.length() > 253) {
                throw DkimException.permerror(Reason.SIGNATURE_SYNTAX, "s=" + selector);
            }
            value = DkimSignature.base64(tags.get("b").orElseThrow(), "b");
        } catch (DkimException e) {
            return CompletableFuture.completedFuture(result.end(e));
        }
        return verifier.fetch(keyName, result).thenApply(lookup -> {
            try {
                PublicKey key = verifier.usableKey(lookup, algorithm, "", domain, domain, false, result);
                algorithm.requireValid(key, sink -> writeSealed(chain, index, sink), value);
                return result.pass();
            } catch (DkimException e) {
                return result.end(e);
            }
        });
    }

    /**
     * What the seal of set {@code index} signs (RFC 8617 section 5.1.1): every ARC field of the sets
     * up to it, oldest set first and each set in the order results, message signature, seal, in
     * relaxed form; its own seal last, with b= empty and no final CRLF.
     */
    private static void writeSealed(List<Map<Role, HeaderField>> chain, int index, ByteSink sink) {
        BufferedSink out = new BufferedSink(sink);
        for (int i = 0; i <= index; i++) {
            for (Role role : Role.values()) {
                if (i < index || role != Role.SEAL) {
                    Canonicalization.RELAXED.writeHeader(chain.get(i).get(role).rawView(), true, out);
                }
            }
        }
        byte[] ownSeal = DkimSignature.withoutSignatureValue(chain.get(index).get(Role.SEAL).rawView());
        Canonicalization.RELAXED.writeHeader(ownSeal, false, out);
        out.flush();
    }

    private static OptionalInt instance(HeaderField field, Role role) {
        String digits;
        if (role == Role.RESULTS) {
            Matcher matcher = RESULTS_INSTANCE.matcher(field.rawValue());
            if (!matcher.matches()) {
                return OptionalInt.empty();
            }
            digits = matcher.group(1);
        } else {
            try {
                digits = DkimSignature.tags(field).get("i").orElse("");
            } catch (DkimException e) {
                return OptionalInt.empty();
            }
        }
        if (!INSTANCE_DIGITS.matcher(digits).matches()) {
            return OptionalInt.empty();
        }
        int instance = Integer.parseInt(digits);
        return instance >= 1 && instance <= MAX_INSTANCES ? OptionalInt.of(instance) : OptionalInt.empty();
    }

    private static String resultsText(HeaderField field) {
        Matcher matcher = RESULTS_INSTANCE.matcher(field.value());
        return matcher.matches() ? matcher.group(2).strip() : field.value();
    }

    private static String chainStatus(Map<Role, HeaderField> set) {
        try {
            return DkimSignature.tags(set.get(Role.SEAL)).get("cv").orElse("");
        } catch (DkimException e) {
            return "";
        }
    }

    private static CompletableFuture<ArcReport> done(ArcReport report) {
        return CompletableFuture.completedFuture(report);
    }
}
