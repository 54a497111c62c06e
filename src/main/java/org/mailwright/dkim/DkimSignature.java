package org.mailwright.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A parsed and validated DKIM-Signature header field (RFC 6376 section 3.5). Parsing applies the
 * checks of section 6.1.1 and throws the permanent error the first failed check calls for.
 */
final class DkimSignature {

    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** RFC 6376 section 3.5: l= has at most 76 digits, t= and x= (seconds since 1970) at most 12. */
    private static final int LENGTH_DIGITS = 76;
    private static final int TIME_DIGITS = 12;
    private static final List<String> REQUIRED = List.of("a", "b", "bh", "d", "h", "s");

    final HeaderField header;
    final TagList tags;
    final DkimAlgorithm algorithm;
    final Canonicalization headerCanonicalization;
    final Canonicalization bodyCanonicalization;
    final String domain;
    final String selector;
    final String identity;
    final List<String> signedHeaders;
    final byte[] bodyHash;
    final byte[] signature;
    final OptionalLong bodyLength;
    final OptionalLong timestamp;
    final OptionalLong expiration;
    final boolean draftVersion;

    /**
     * @param arcInstance for an ARC-Message-Signature (RFC 8617 section 4.1.2), which has no v= and
     *     whose i= is the instance, not an identity: those two tags are left to the ARC verifier
     */
    private DkimSignature(HeaderField header, TagList tags, VerificationRules rules, boolean arcMessageSignature)
            throws DkimException {
        this.header = header;
        this.tags = tags;
        Optional<String> version = arcMessageSignature ? Optional.of("1") : tags.get("v");
        if (version.isEmpty() || !version.get().equals("1")) {
            boolean draft = version.isEmpty() || version.get().equals("0.5");
            if (!(draft && rules.acceptDraftSignatures())) {
                throw version.isEmpty()
                        ? DkimException.permerror(Reason.MISSING_TAG, "v")
                        : DkimException.permerror(Reason.UNSUPPORTED_VERSION, version.get());
            }
        }
        draftVersion = !version.equals(Optional.of("1"));
        for (String tag : REQUIRED) {
            if (!tags.has(tag)) {
                throw DkimException.permerror(Reason.MISSING_TAG, tag);
            }
        }
        String a = tags.get("a").orElseThrow();
        algorithm = DkimAlgorithm.fromTagValue(a)
                .orElseThrow(() -> DkimException.permerror(Reason.UNSUPPORTED_ALGORITHM, a));

        String c = tags.get("c").orElse("simple/simple");
        String[] canon = c.split("/", -1);
        if (canon.length > 2) {
            throw DkimException.permerror(Reason.UNSUPPORTED_CANONICALIZATION, c);
        }
        headerCanonicalization = Canonicalization.fromTagValue(canon[0].strip())
                .orElseThrow(() -> DkimException.permerror(Reason.UNSUPPORTED_CANONICALIZATION, c));
        bodyCanonicalization = canon.length == 1 ? Canonicalization.SIMPLE : Canonicalization.fromTagValue(canon[1].strip())
                .orElseThrow(() -> DkimException.permerror(Reason.UNSUPPORTED_CANONICALIZATION, c));

        String q = tags.get("q").orElse("dns/txt");
        boolean dnsTxt = Arrays.stream(TagList.removeFws(q).split(":"))
                .anyMatch(method -> method.equalsIgnoreCase("dns/txt")
                        || rules.acceptDraftSignatures() && method.equalsIgnoreCase("dns"));
        if (!dnsTxt) {
            throw DkimException.permerror(Reason.UNSUPPORTED_QUERY_METHOD, q);
        }

        domain = tags.get("d").orElseThrow();
        selector = tags.get("s").orElseThrow();
        if (!isDomain(domain)) {
            throw DkimException.permerror(Reason.SIGNATURE_SYNTAX, "d=" + domain);
        }
        if (!isDomain(selector)) {
            throw DkimException.permerror(Reason.SIGNATURE_SYNTAX, "s=" + selector);
        }
        identity = arcMessageSignature ? "@" + domain
                : tags.get("i").map(DkimSignature::decodeQuotedPrintable).orElse("@" + domain);
        int at = identity.lastIndexOf('@');
        String identityDomain = at < 0 ? "" : identity.substring(at + 1);
        if (at < 0 || !isSameOrSubdomain(identityDomain, domain)) {
            throw DkimException.permerror(Reason.IDENTITY_MISMATCH, identity, domain);
        }

        signedHeaders = Arrays.stream(TagList.removeFws(tags.get("h").orElseThrow()).split(":", -1)).toList();
        if (signedHeaders.size() > DkimVerifier.MAX_SIGNED_HEADERS) {
            throw DkimException.permerror(Reason.TOO_MANY_SIGNED_HEADERS, signedHeaders.size(), DkimVerifier.MAX_SIGNED_HEADERS);
        }
        if (signedHeaders.stream().anyMatch(String::isEmpty)) {
            throw DkimException.permerror(Reason.SIGNATURE_SYNTAX, "h=" + tags.get("h").orElseThrow());
        }
        if (signedHeaders.stream().noneMatch(name -> name.equalsIgnoreCase("from"))) {
            throw DkimException.permerror(Reason.FROM_NOT_SIGNED);
        }

        bodyHash = base64(tags.get("bh").orElseThrow(), "bh");
        signature = base64(tags.get("b").orElseThrow(), "b");
        bodyLength = number("l", LENGTH_DIGITS);
        timestamp = number("t", TIME_DIGITS);
        expiration = number("x", TIME_DIGITS);
        if (timestamp.isPresent() && expiration.isPresent() && expiration.getAsLong() < timestamp.getAsLong()) {
            throw DkimException.permerror(Reason.BAD_TIMESTAMPS, timestamp.getAsLong(), expiration.getAsLong());
        }
    }

    /**
     * @throws DkimException a permanent error naming the first rule of RFC 6376 section 6.1.1 the
     *     field breaks
     */
    static DkimSignature parse(HeaderField header, VerificationRules rules) throws DkimException {
        return new DkimSignature(header, tags(header), rules, false);
    }

    /** An ARC-Message-Signature, read with the rules of a DKIM signature but for v= and i=. */
    static DkimSignature parseArcMessageSignature(HeaderField header, VerificationRules rules) throws DkimException {
        return new DkimSignature(header, tags(header), rules, true);
    }

    static TagList tags(HeaderField header) throws DkimException {
        try {
            return TagList.parse(header.rawValue());
        } catch (TagList.TagSyntaxException e) {
            throw DkimException.permerror(Reason.SIGNATURE_SYNTAX, e.why());
        }
    }

    /** The name of the key record: {@code selector._domainkey.domain}. */
    String keyName() {
        return Selector.keyName(selector, domain);
    }

    /** The DNS domain of {@code i=}, the part after the at sign. */
    String identityDomain() {
        return identity.substring(identity.lastIndexOf('@') + 1);
    }

    String identityLocalPart() {
        return identity.substring(0, identity.lastIndexOf('@'));
    }

    /** What the body hash of this signature is made of. */
    BodyHashes.Request bodyHashRequest() {
        return new BodyHashes.Request(bodyCanonicalization, algorithm.digestName(), bodyLength);
    }

    private OptionalLong number(String tag, int maxDigits) throws DkimException {
        Optional<String> value = tags.get(tag);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        String digits = value.get();
        if (!DIGITS.matcher(digits).matches()) {
            throw DkimException.permerror(Reason.SIGNATURE_SYNTAX, tag + "=" + digits);
        }
        if (digits.length() > maxDigits) {
            throw DkimException.permerror(Reason.NUMBER_TOO_LONG, tag, digits.length(), maxDigits);
        }
        // Longer than a long: only a body length can be that large, and no body is that long.
        return digits.length() > 18 ? OptionalLong.of(Long.MAX_VALUE) : OptionalLong.of(Long.parseLong(digits));
    }

    static byte[] base64(String value, String tag) throws DkimException {
        try {
            return Base64.getDecoder().decode(TagList.removeFws(value));
        } catch (IllegalArgumentException e) {
            throw DkimException.permerror(Reason.SIGNATURE_SYNTAX, tag + "= is not base64");
        }
    }

    static boolean isDomain(String text) {
        return !text.isEmpty() && text.length() <= 253 && DOMAIN.matcher(text).matches();
    }

    /** True when {@code sub} is {@code parent} or below it, compared without case. */
    static boolean isSameOrSubdomain(String sub, String parent) {
        String child = sub.toLowerCase(Locale.ROOT);
        String base = parent.toLowerCase(Locale.ROOT);
        return child.equals(base) || child.endsWith("." + base);
    }

    /** DKIM quoted-printable (RFC 6376 section 2.11): {@code =XX} hex escapes, white space dropped. */
    static String decodeQuotedPrintable(String text) {
        String compact = TagList.removeFws(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(compact.length());
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (c == '=' && i + 2 < compact.length() && isHex(compact.charAt(i + 1)) && isHex(compact.charAt(i + 2))) {
                out.write(Integer.parseInt(compact.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** The signature field with the value of b= removed, as the header hash covers it. */
    static byte[] withoutSignatureValue(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = HeaderField.trimmedLength(raw);
        int colon = text.indexOf(':');
        int partStart = colon + 1;
        while (partStart <= end) {
            int semicolon = text.indexOf(';', partStart);
            int partEnd = semicolon < 0 || semicolon > end ? end : semicolon;
            // Looked for within the part only, so that the field is read once however many parts it has.
            int equals = partStart;
            while (equals < partEnd && text.charAt(equals) != '=') {
                equals++;
            }
            if (equals < partEnd && TagList.stripFws(text.substring(partStart, equals)).equals("b")) {
                // RFC 6376 section 3.7: the value and the white space around it count as empty.
                return (text.substring(0, equals + 1) + text.substring(partEnd)).getBytes(StandardCharsets.ISO_8859_1);
            }
            partStart = partEnd + 1;
        }
        return raw;
    }
}
