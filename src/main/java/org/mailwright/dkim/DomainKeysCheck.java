package org.mailwright.dkim;

import org.mailwright.findings.DkimFinding;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one DomainKey-Signature, the historic predecessor of DKIM (RFC 4870): rsa-sha1 over the
 * header fields below the signature and the body, canonicalized "simple" or "nofws", with the key
 * bound to the Sender (or From) address. Only {@link VerificationRules#checkDomainKeys()} asks for it.
 */
final class DomainKeysCheck {

    private static final Pattern ANGLE_ADDRESS = Pattern.compile("<([^<>]*@[^<>]*)>");
    private static final Pattern BARE_ADDRESS = Pattern.compile("([^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+)");

    private final MailMessage message;
    private final HeaderField field;
    private final DkimVerifier.ResultBuilder result;
    private final VerificationRules rules;
    private final DkimVerifier verifier;

    DomainKeysCheck(MailMessage message, HeaderField field, DkimVerifier.ResultBuilder result,
                    VerificationRules rules, DkimVerifier verifier) {
        this.message = message;
        this.field = field;
        this.result = result;
        this.rules = rules;
        this.verifier = verifier;
    }

    CompletableFuture<SignatureResult> run() {
        TagList tags;
        try {
            tags = TagList.parse(field.rawValue());
        } catch (TagList.TagSyntaxException e) {
            return done(result.end(DkimResult.PERMERROR, Reason.SIGNATURE_SYNTAX, e.why()));
        }
        result.describe(tags);
        result.note(DkimFinding.DOMAINKEYS_SIGNATURE);
        if (!rules.checkDomainKeys()) {
            return done(result.end(DkimResult.NEUTRAL, Reason.DOMAINKEYS_NOT_EVALUATED));
        }
        List<HeaderField> signed;
        String domain;
        boolean nofws;
        byte[] signature;
        String localPart;
        String senderDomain;
        try {
            signed = signedHeaders(tags.get("h"));
            String a = tags.get("a").orElse("rsa-sha1");
            if (!a.equalsIgnoreCase("rsa-sha1")) {
                throw DkimException.permerror(Reason.UNSUPPORTED_ALGORITHM, a);
            }
            String c = tags.get("c").orElse("simple");
            nofws = c.equalsIgnoreCase("nofws");
            if (!nofws && !c.equalsIgnoreCase("simple")) {
                throw DkimException.permerror(Reason.UNSUPPORTED_CANONICALIZATION, c);
            }
            // RFC 4870 asks for q=dns, but so many signers leave it out that verifiers assume it.
            String q = tags.get("q").orElse("dns");
            if (!q.equalsIgnoreCase("dns")) {
                throw DkimException.permerror(Reason.UNSUPPORTED_QUERY_METHOD, q);
            }
            for (String tag : List.of("b", "d", "s")) {
                if (!tags.has(tag)) {
                    throw DkimException.permerror(Reason.MISSING_TAG, tag);
                }
            }
            domain = tags.get("d").orElseThrow();
            if (!DkimSignature.isDomain(domain) || !DkimSignature.isDomain(tags.get("s").orElseThrow())) {
                throw DkimException.permerror(Reason.SIGNATURE_SYNTAX, "d= or s=");
            }
            try {
                signature = Base64.getDecoder().decode(TagList.removeFws(tags.get("b").orElseThrow()));
            } catch (IllegalArgumentException e) {
                throw DkimException.permerror(Reason.SIGNATURE_SYNTAX, "b= is not base64");
            }
            String sender = sender(signed).orElseThrow(() -> DkimException.permerror(Reason.IDENTITY_MISMATCH, "", domain));
            result.identity(sender);
            int at = sender.lastIndexOf('@');
            localPart = sender.substring(0, at);
            senderDomain = sender.substring(at + 1);
            if (!DkimSignature.isSameOrSubdomain(senderDomain, domain)) {
                throw DkimException.permerror(Reason.IDENTITY_MISMATCH, sender, domain);
            }
        } catch (DkimException e) {
            return done(result.end(e));
        }
        String keyName = Selector.keyName(tags.get("s").orElseThrow(), domain);
        return verifier.fetch(keyName, result).thenApply(lookup -> {
            try {
                PublicKey key = verifier.usableKey(lookup, DkimAlgorithm.RSA_SHA1, localPart, senderDomain, domain, true, result);
                DkimAlgorithm.RSA_SHA1.requireValid(key, sink -> writeSignedData(nofws, signed, sink), signature);
                return result.pass();
            } catch (DkimException e) {
                return result.end(e);
            }
        });
    }

    /** The signed header fields, then CRLF, then the body, written to {@code sink} as they are canonicalized. */
    private void writeSignedData(boolean nofws, List<HeaderField> signed, ByteSink sink) {
        BufferedSink out = new BufferedSink(sink);
        for (HeaderField header : signed) {
            byte[] raw = header.rawView();
            if (nofws) {
                for (byte b : raw) {
                    if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                        out.write(b);
                    }
                }
                out.write((byte) '\r');
                out.write((byte) '\n');
            } else {
                out.write(raw, 0, raw.length);
            }
        }
        out.write((byte) '\r');
        out.write((byte) '\n');
        out.flush();
        // Trailing empty lines are dropped, and an empty body stays empty (RFC 4870 section 3.4).
        message.writeBody(nofws ? BodyCanonicalizer.LineForm.WITHOUT_SPACES : BodyCanonicalizer.LineForm.AS_IS, false, sink);
    }

    /**
     * The header fields the signature covers (RFC 4870 section 3.3): those below it; with h=, in
     * the order h= gives, where the first mention of a name takes every field of that name left
     * and each further mention (counting from the end) takes the last one.
     */
    private List<HeaderField> signedHeaders(Optional<String> h) throws DkimException {
        List<HeaderField> fields = message.headers();
        int index = 0;
        while (fields.get(index) != field) {
            index++;
        }
        List<HeaderField> below = fields.subList(index + 1, fields.size());
        if (h.isEmpty()) {
            return below;
        }
        List<String> names = Arrays.stream(TagList.removeFws(h.get()).toLowerCase(Locale.ROOT).split(":")).toList();
        if (names.size() > DkimVerifier.MAX_SIGNED_HEADERS) {
            throw DkimException.permerror(Reason.TOO_MANY_SIGNED_HEADERS, names.size(), DkimVerifier.MAX_SIGNED_HEADERS);
        }
        Map<String, Deque<HeaderField>> byName = new HashMap<>();
        below.forEach(header -> byName.computeIfAbsent(header.lowerCaseName(), n -> new ArrayDeque<>()).addLast(header));
        Map<String, Integer> mentions = new HashMap<>();
        names.forEach(name -> mentions.merge(name, 1, Integer::sum));
        Deque<HeaderField> signed = new ArrayDeque<>();
        for (int i = names.size() - 1; i >= 0; i--) {
            String name = names.get(i);
            Deque<HeaderField> left = byName.getOrDefault(name, new ArrayDeque<>());
            int remaining = mentions.merge(name, -1, Integer::sum);
            if (remaining > 0) {
                if (!left.isEmpty()) {
                    signed.addFirst(left.removeLast());
                }
            } else {
                while (!left.isEmpty()) {
                    signed.addFirst(left.removeLast());
                }
            }
        }
        return new ArrayList<>(signed);
    }

    /** The address the signature speaks for: in the signed Sender field, or else the signed From. */
    private static Optional<String> sender(List<HeaderField> signed) {
        Optional<HeaderField> sender = last(signed, "Sender").or(() -> last(signed, "From"));
        if (sender.isEmpty()) {
            return Optional.empty();
        }
        String value = sender.get().value();
        Matcher angle = ANGLE_ADDRESS.matcher(value);
        if (angle.find()) {
            return Optional.of(angle.group(1).strip());
        }
        Matcher bare = BARE_ADDRESS.matcher(value);
        return bare.find() ? Optional.of(bare.group(1)) : Optional.empty();
    }

    private static Optional<HeaderField> last(List<HeaderField> fields, String name) {
        Optional<HeaderField> found = Optional.empty();
        for (HeaderField header : fields) {
            if (header.hasName(name)) {
                found = Optional.of(header);
            }
        }
        return found;
    }

    private static CompletableFuture<SignatureResult> done(SignatureResult value) {
        return CompletableFuture.completedFuture(value);
    }
}
