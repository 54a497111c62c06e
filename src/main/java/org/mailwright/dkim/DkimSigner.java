package org.mailwright.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.mailwright.dns.DomainName;
import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * Signs messages with a DKIM key (RFC 6376 section 5): rsa-sha256 for RSA keys, ed25519-sha256
 * for Ed25519 keys (RFC 8463). Never rsa-sha1 (RFC 8301), never an RSA key under 1024 bits.
 */
public final class DkimSigner {

    private static final int LINE = 78;

    private final DkimKey key;
    private final String domain;
    private final String selector;
    private final SigningOptions options;
    private final Clock clock;
    private final DkimAlgorithm algorithm;

    /**
     * @throws org.mailwright.dns.InvalidDomainNameException when the domain is not a domain name
     * @throws InvalidSelectorException when the selector is not a selector ({@link Selector})
     * @throws IllegalArgumentException when the identity is not at the domain
     * @throws ProblemException ({@code dkim.sign.key-too-short}) when the key is an RSA key under
     *     1024 bits, whose signatures receivers ignore (RFC 8301)
     */
    public DkimSigner(DkimKey key, String domain, String selector, SigningOptions options, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        DomainName signingDomain = DomainName.of(Objects.requireNonNull(domain, "domain"));
        this.domain = signingDomain.ascii();
        this.selector = Selector.of(Objects.requireNonNull(selector, "selector"), signingDomain).value();
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        options.identity().ifPresent(identity -> {
            int at = identity.lastIndexOf('@');
            if (at < 0 || !DkimSignature.isSameOrSubdomain(identity.substring(at + 1), this.domain)) {
                throw new IllegalArgumentException("The identity " + identity + " must be an address at " + this.domain + " or below it.");
            }
        });
        if (key.type() == KeyType.RSA && key.bits() < DkimKey.MINIMUM_RSA_BITS) {
            throw new ProblemException(new Problem("dkim.sign.key-too-short", key.bits(), DkimKey.MINIMUM_RSA_BITS));
        }
        this.algorithm = DkimAlgorithm.forSigning(key.type());
    }

    /** The message with its new DKIM-Signature field on top, in CRLF form. */
    public byte[] sign(byte[] rawMessage) {
        MailMessage message = MailMessage.parse(rawMessage);
        return message.prepend(signatureField(message));
    }

    /**
     * The DKIM-Signature field for the message, folded, ending in CRLF.
     *
     * @throws ProblemException when the message has no From field ({@code dkim.sign.no-from}), or
     *     more fields to sign than a verifier takes ({@code dkim.sign.too-many-fields})
     */
    public String signatureField(MailMessage message) {
        if (message.headers("From").isEmpty()) {
            throw new ProblemException(new Problem("dkim.sign.no-from"));
        }
        List<String> signedHeaders = headerList(message);
        if (signedHeaders.size() > DkimVerifier.MAX_SIGNED_HEADERS) {
            throw new ProblemException(new Problem("dkim.sign.too-many-fields", signedHeaders.size(), DkimVerifier.MAX_SIGNED_HEADERS));
        }
        BodyHashes.BodyHash body = BodyHashes.of(message,
                new BodyHashes.Request(options.bodyCanonicalization(), algorithm.digestName(), OptionalLong.empty()));
        List<String> tags = new ArrayList<>();
        tags.add("v=1");
        tags.add("a=" + algorithm.tagValue());
        tags.add("c=" + options.headerCanonicalization().tagValue() + "/" + options.bodyCanonicalization().tagValue());
        tags.add("d=" + domain);
        tags.add("s=" + selector);
        options.identity().ifPresent(identity -> tags.add("i=" + identity));
        long now = clock.instant().getEpochSecond();
        tags.add("t=" + now);
        options.validity().ifPresent(validity -> tags.add("x=" + (now + validity.toSeconds())));
        if (options.bodyLength()) {
            tags.add("l=" + body.canonicalLength());
        }
        tags.add("h=" + String.join(":", signedHeaders));
        tags.add("bh=" + Base64.getEncoder().encodeToString(body.hash()));

        String unsigned = fold(tags) + " b=";
        byte[] unsignedField = (unsigned + "\r\n").getBytes(StandardCharsets.US_ASCII);
        HeaderField signatureField = new HeaderField(unsignedField);
        byte[] value;
        try {
            value = algorithm.sign(key.privateKey(), sink -> SignedData.writeHeaders(message, signedHeaders,
                    options.headerCanonicalization(), signatureField, unsignedField, sink));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The Java runtime could not sign with this " + key.type() + " key.", e);
        }
        return unsigned + foldBase64(Base64.getEncoder().encodeToString(value), lastLineLength(unsigned)) + "\r\n";
    }

    /** Each configured field the message has, as often as it has it; oversigned ones once more. */
    private List<String> headerList(MailMessage message) {
        List<String> names = new ArrayList<>();
        for (String name : options.headers()) {
            int count = message.headers(name).size();
            if (options.oversigned().contains(name)) {
                count++;
            }
            for (int i = 0; i < count; i++) {
                names.add(name);
            }
        }
        return names;
    }

    /** "DKIM-Signature: " and the tags, wrapped before LINE columns; h= may break after a colon. */
    private static String fold(List<String> tags) {
        StringBuilder out = new StringBuilder("DKIM-Signature:");
        int column = out.length();
        for (String tag : tags) {
            List<String> pieces = new ArrayList<>();
            if (tag.startsWith("h=")) {
                String[] names = tag.split(":");
                for (int i = 0; i < names.length; i++) {
                    pieces.add(names[i] + (i < names.length - 1 ? ":" : ";"));
                }
            } else {
                pieces.add(tag + ";");
            }
            for (int i = 0; i < pieces.size(); i++) {
                String piece = pieces.get(i);
                String separator = i == 0 ? " " : "";
                if (column + separator.length() + piece.length() > LINE) {
                    out.append("\r\n\t");
                    column = 8;
                    separator = "";
                }
                out.append(separator).append(piece);
                column += separator.length() + piece.length();
            }
        }
        return out.toString();
    }

    private static String foldBase64(String value, int column) {
        StringBuilder out = new StringBuilder();
        int position = 0;
        int room = Math.max(LINE - column, 8);
        while (position < value.length()) {
            int end = Math.min(value.length(), position + room);
            if (position > 0) {
                out.append("\r\n\t");
            }
            out.append(value, position, end);
            position = end;
            room = LINE - 8;
        }
        return out.toString();
    }

    private static int lastLineLength(String text) {
        int newline = text.lastIndexOf('\n');
        String last = text.substring(newline + 1);
        return last.startsWith("\t") ? 8 + last.length() - 1 : last.length();
    }
}
