package org.mailwright.dmarc;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailwright.dns.DomainName;

/**
 * One report destination from {@code rua} or {@code ruf}: a URI (RFC 3986), usually
 * {@code mailto:}. RFC 7489 allowed a size limit after it ({@code !10m}); RFC 9989 keeps that only
 * as obsolete syntax that reporters ignore, so it is kept apart here.
 *
 * @param uri the URI without any size limit, as written
 * @param scheme the scheme, lower case ({@code mailto}, {@code https}...)
 * @param address for {@code mailto:}, the mailbox with percent-escapes decoded; otherwise empty
 * @param host the destination host, lower case: the mailbox's domain for {@code mailto:}, the
 *     URI's host otherwise (empty if it has none)
 * @param sizeLimit the obsolete size limit without its {@code !} ({@code 10m}), or empty
 */
public record ReportUri(String uri, String scheme, String address, String host, String sizeLimit) {

    private static final Pattern SIZE_LIMIT = Pattern.compile("(.*)!(\\d+[kmgtKMGT]?)");
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.+");
    /** The octets besides letters and digits a mailto: URI written here keeps as they are. */
    private static final String MAILTO_PLAIN = "-._~$&'()*+=:@/";
    /** What ends a URI in a record: a comma ends the list entry, a semicolon the tag, an exclamation mark the URI. */
    private static final String RECORD_DELIMITERS = ",;!";

    /** The text as it belongs in a record, with the size limit if there was one. */
    @Override
    public String toString() {
        return sizeLimit.isEmpty() ? uri : uri + "!" + sizeLimit;
    }

    /**
     * The URI as a receiver reads it, for comparing two records: the scheme in lower case and,
     * for {@code mailto:}, the mail domain in lower case too (domain names are case-insensitive;
     * the local part is kept as written); the size limit kept, as RFC 7489 reporters honour it.
     */
    public String canonical() {
        String rest = uri.substring(uri.indexOf(':') + 1);
        if (isMailto()) {
            int query = rest.indexOf('?');
            String mailbox = address.substring(0, address.lastIndexOf('@') + 1) + host;
            rest = mailto(mailbox).substring("mailto:".length()) + (query >= 0 ? rest.substring(query) : "");
        }
        return new ReportUri(scheme + ":" + rest, scheme, address, host, sizeLimit).toString();
    }

    public boolean isMailto() {
        return scheme.equals("mailto");
    }

    public boolean hasSizeLimit() {
        return !sizeLimit.isEmpty();
    }

    /**
     * Reads one URI of a {@code rua} or {@code ruf} list (without the commas that separate them).
     * A {@code mailto:} URI must name one mailbox at a plausible domain.
     *
     * @return empty when the text is not such a URI, for example a bare address
     *     {@code dmarc@example.com} without {@code mailto:}
     */
    public static Optional<ReportUri> parse(String text) {
        String trimmed = text.strip();
        String sizeLimit = "";
        Matcher size = SIZE_LIMIT.matcher(trimmed);
        if (size.matches()) {
            trimmed = size.group(1);
            sizeLimit = size.group(2).toLowerCase(Locale.ROOT);
        }
        Matcher scheme = SCHEME.matcher(trimmed);
        if (!scheme.matches() || trimmed.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || RECORD_DELIMITERS.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        URI parsed;
        try {
            parsed = new URI(trimmed);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String schemeName = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!schemeName.equals("mailto")) {
            String host = parsed.getHost() == null ? "" : parsed.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(new ReportUri(trimmed, schemeName, "", host, sizeLimit));
        }
        String mailbox = trimmed.substring(trimmed.indexOf(':') + 1);
        int query = mailbox.indexOf('?');
        if (query >= 0) {
            mailbox = mailbox.substring(0, query);
        }
        Optional<String> decoded = percentDecoded(mailbox);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        String address = decoded.get();
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        Optional<DomainName> host = DomainName.parse(address.substring(at + 1)).name().filter(name -> name.labelCount() > 1);
        return host.isEmpty() ? Optional.empty()
                : Optional.of(new ReportUri(trimmed, schemeName, address, host.get().ascii(), sizeLimit));
    }

    /**
     * A report URI as a person gives it ({@code dmarc build --rua}, the DMARC wizard), written so
     * the record says exactly this one destination: a comma, a semicolon or an exclamation mark
     * in it would end the list entry, the tag or the URI, so each is percent-encoded (RFC 9989
     * section 4.7: {@code %2C}, {@code %3B}, {@code %21}), except a size limit at the very end
     * ({@code !10m}), which stays one. {@code mailto:a;sp=none@example.com} is
     * {@code mailto:a%3Bsp=none@example.com}, never a second tag.
     *
     * @return empty when the text holds a space or a control character (no URI does), or is no
     *     report URI even so, for example a bare address without {@code mailto:}
     */
    public static Optional<ReportUri> fromUser(String text) {
        String trimmed = text.strip();
        if (trimmed.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        String sizeLimit = "";
        Matcher size = SIZE_LIMIT.matcher(trimmed);
        if (size.matches()) {
            trimmed = size.group(1);
            sizeLimit = "!" + size.group(2);
        }
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (RECORD_DELIMITERS.indexOf(c) >= 0) {
                encoded.append('%').append(String.format("%02X", (int) c));
            } else {
                encoded.append(c);
            }
        }
        return parse(encoded + sizeLimit);
    }

    /** True when {@code text} holds a space or a control character, which no URI may. */
    public static boolean hasSpace(String text) {
        return text.strip().chars().anyMatch(c -> c <= 0x20 || c == 0x7f);
    }

    /**
     * Writes a mailbox as a {@code mailto:} URI: every octet a URI path may hold as it is
     * (RFC 3986: letters, digits, {@code -._~$&'()*+=:@/}) stays, every other one is
     * percent-encoded, among them what a DMARC URI must not contain unescaped (commas and
     * exclamation marks, RFC 9989 section 4.8), the semicolon that would end the tag and the
     * question mark that would start header fields. The address is written whole, as given: a
     * caller with typed text strips it first.
     */
    public static String mailto(String address) {
        StringBuilder uri = new StringBuilder("mailto:");
        for (byte b : address.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || MAILTO_PLAIN.indexOf(c) >= 0;
            if (plain) {
                uri.append((char) c);
            } else {
                uri.append('%').append(String.format("%02X", c));
            }
        }
        return uri.toString();
    }

    private static Optional<String> percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= text.length()) {
                return Optional.empty();
            }
            int high = Character.digit(text.charAt(i + 1), 16);
            int low = Character.digit(text.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            // Strictly: octets that are no UTF-8 name no mailbox, and a replacement character would name another.
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
