package org.mailwright.reports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parts of a mail message (RFC 2045, 2046), as report mail needs them: every part's type, its
 * parent, and the decoded content of the parts that are not multiparts. Multiparts and attached
 * messages are walked with an explicit stack, never by recursion, and bounded in depth and count.
 * Lenient where mail is sloppy: LF or CRLF line ends, base64 with stray characters, a missing
 * closing boundary, an unknown transfer encoding taken as is.
 */
final class Mime {

    /** Header fields kept per part; the rest are skipped (the body is still found). */
    private static final int MAX_FIELDS = 1000;
    /** A type and a subtype, neither empty ("/multipart/mixed" is neither). */
    private static final Pattern MEDIA_TYPE = Pattern.compile("[^\\s/]+/[^\\s/]+");

    /**
     * One part of a message.
     *
     * @param index its place in {@link #parts}, in document order
     * @param parent the index of the multipart or message it is in, or -1 for the message itself
     * @param depth how many multiparts and messages are around it
     * @param type the media type in lower case, e.g. {@code application/gzip}
     * @param parameters the Content-Type parameters, names in lower case
     * @param headers the header fields, unfolded, in order
     * @param content the decoded content; empty for a multipart
     */
    record Part(int index, int parent, int depth, String type, Map<String, String> parameters, List<Field> headers,
            byte[] content) {

        boolean isMultipart() {
            return type.startsWith("multipart/");
        }

        /** The first field of that name, unfolded, or null. */
        String header(String name) {
            for (Field field : headers) {
                if (field.name().equalsIgnoreCase(name)) {
                    return field.value();
                }
            }
            return null;
        }
    }

    /** A header field: its name as written and its value unfolded, without the leading space. */
    record Field(String name, String value) {
    }

    /** Where the header of an entity ends: its fields and the offset of its body. */
    record Head(List<Field> fields, int bodyStart) {
    }

    /** A stretch of octets still to be read as a part: of the message, or of a message attached in it. */
    private record Entity(byte[] data, int start, int end, int depth, int parent, String defaultType) {
    }

    private Mime() {
    }

    /**
     * Every part of {@code message}, the message itself first, in document order.
     *
     * @throws ReportFormatException past {@link ReportLimits#maxMimeParts()} or {@link ReportLimits#maxNesting()}
     */
    static List<Part> parts(byte[] message, ReportLimits limits) {
        List<Part> parts = new ArrayList<>();
        Deque<Entity> work = new ArrayDeque<>();
        work.push(new Entity(message, 0, message.length, 0, -1, "text/plain"));
        while (!work.isEmpty()) {
            Entity entity = work.pop();
            if (parts.size() >= limits.maxMimeParts()) {
                throw new ReportFormatException("reports.error.too-many-parts", limits.maxMimeParts());
            }
            if (entity.depth() > limits.maxNesting()) {
                throw new ReportFormatException("reports.error.too-nested", limits.maxNesting());
            }
            byte[] data = entity.data();
            Head head = head(data, entity.start(), entity.end());
            String contentType = field(head.fields(), "Content-Type");
            Map<String, String> parameters = new LinkedHashMap<>();
            String type = contentType == null ? entity.defaultType() : mediaType(contentType, parameters);
            if (!MEDIA_TYPE.matcher(type).matches()) {
                type = "application/octet-stream";
            }
            int index = parts.size();
            String boundary = parameters.get("boundary");
            if (type.startsWith("multipart/") && boundary != null && !boundary.isEmpty()) {
                parts.add(new Part(index, entity.parent(), entity.depth(), type, parameters, head.fields(), new byte[0]));
                String childDefault = type.equals("multipart/digest") ? "message/rfc822" : "text/plain";
                List<int[]> children = split(data, head.bodyStart(), entity.end(), boundary);
                for (int i = children.size() - 1; i >= 0; i--) {
                    int[] child = children.get(i);
                    work.push(new Entity(data, child[0], child[1], entity.depth() + 1, index, childDefault));
                }
                continue;
            }
            String encoding = field(head.fields(), "Content-Transfer-Encoding");
            byte[] content = decode(data, head.bodyStart(), entity.end(), encoding);
            parts.add(new Part(index, entity.parent(), entity.depth(), type, parameters, head.fields(), content));
            // A forwarded message is looked into, as one more entity on the stack; the original
            // message inside a failure report is not (its attachments are the sender's, not reports).
            boolean insideReport = entity.parent() >= 0 && parts.get(entity.parent()).type().equals("multipart/report");
            if (type.equals("message/rfc822") && !insideReport) {
                work.push(new Entity(content, 0, content.length, entity.depth() + 1, index, "text/plain"));
            }
        }
        return parts;
    }

    /** The header fields from {@code start} to the first empty line (or {@code end}). */
    static Head head(byte[] data, int start, int end) {
        List<Field> fields = new ArrayList<>();
        int at = start;
        StringBuilder current = null;
        while (at < end) {
            int lineEnd = lineEnd(data, at, end);
            int next = nextLine(data, lineEnd, end);
            if (lineEnd == at) {
                at = next;
                break;
            }
            byte first = data[at];
            if ((first == ' ' || first == '\t') && current != null) {
                current.append(' ').append(latin1(data, at, lineEnd).strip());
            } else {
                if (current != null && fields.size() < MAX_FIELDS) {
                    fields.add(field(current.toString()));
                }
                current = new StringBuilder(latin1(data, at, lineEnd));
            }
            at = next;
        }
        if (current != null && fields.size() < MAX_FIELDS) {
            fields.add(field(current.toString()));
        }
        return new Head(fields, Math.min(at, end));
    }

    private static Field field(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? new Field("", line.strip()) : new Field(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }

    static String field(List<Field> fields, String name) {
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return field.value();
            }
        }
        return null;
    }

    /** The type of a Content-Type value, lower case, with its parameters put in {@code parameters}. */
    static String mediaType(String value, Map<String, String> parameters) {
        List<String> pieces = splitParameters(value);
        String type = pieces.get(0).strip().toLowerCase(Locale.ROOT);
        for (int i = 1; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            int equals = piece.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = piece.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String parameter = piece.substring(equals + 1).strip();
            if (parameter.length() >= 2 && parameter.startsWith("\"") && parameter.endsWith("\"")) {
                parameter = parameter.substring(1, parameter.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            if (name.endsWith("*")) {
                // RFC 2231: charset'language'percent-encoded; the plain name is what matters here.
                name = name.substring(0, name.length() - 1);
                int quote = parameter.lastIndexOf('\'');
                parameter = quote >= 0 ? parameter.substring(quote + 1) : parameter;
            }
            parameters.putIfAbsent(name, parameter);
        }
        return type;
    }

    /** Splits at semicolons outside quotes. */
    private static List<String> splitParameters(String value) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                pieces.add(piece.toString());
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        pieces.add(piece.toString());
        return pieces;
    }

    /**
     * The parts of a multipart body between {@code start} and {@code end}: offsets of each part's
     * first octet and of the end of its last line before the next boundary. The preamble and
     * epilogue are left out; a missing closing boundary ends the last part at {@code end}.
     */
    static List<int[]> split(byte[] data, int start, int end, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<int[]> parts = new ArrayList<>();
        int partStart = -1;
        int at = start;
        int previousLineEnd = start;
        while (at < end) {
            int lineEnd = lineEnd(data, at, end);
            int next = nextLine(data, lineEnd, end);
            if (startsWith(data, at, lineEnd, delimiter)) {
                int after = at + delimiter.length;
                boolean closing = after + 2 <= lineEnd && data[after] == '-' && data[after + 1] == '-';
                if (blankFrom(data, closing ? after + 2 : after, lineEnd)) {
                    if (partStart >= 0) {
                        parts.add(new int[] {partStart, Math.max(partStart, previousLineEnd)});
                    }
                    if (closing) {
                        return parts;
                    }
                    partStart = next;
                }
            }
            previousLineEnd = lineEnd;
            at = next;
        }
        if (partStart >= 0 && partStart < end) {
            parts.add(new int[] {partStart, end});
        }
        return parts;
    }

    private static boolean blankFrom(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] != ' ' && data[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] data, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The offset of the line break (CR LF, LF or a lone CR) ending the line at {@code at}, or {@code end}. */
    static int lineEnd(byte[] data, int at, int end) {
        for (int i = at; i < end; i++) {
            if (data[i] == '\n' || data[i] == '\r') {
                return i;
            }
        }
        return end;
    }

    /** The offset after the line break at {@code lineEnd}. */
    static int nextLine(byte[] data, int lineEnd, int end) {
        if (lineEnd >= end) {
            return end;
        }
        if (data[lineEnd] == '\r' && lineEnd + 1 < end && data[lineEnd + 1] == '\n') {
            return lineEnd + 2;
        }
        return lineEnd + 1;
    }

    private static String latin1(byte[] data, int from, int to) {
        return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The content between {@code from} and {@code to} with its transfer encoding undone. */
    static byte[] decode(byte[] data, int from, int to, String encoding) {
        String name = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "base64" -> base64(data, from, to);
            case "quoted-printable" -> quotedPrintable(data, from, to);
            default -> java.util.Arrays.copyOfRange(data, from, to);
        };
    }

    /** Base64, skipping whatever is not in its alphabet (line breaks, spaces, stray characters). */
    static byte[] base64(byte[] data, int from, int to) {
        byte[] clean = new byte[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            byte b = data[i];
            if (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/') {
                clean[length++] = b;
            } else if (b == '=') {
                break;
            }
        }
        // Whole groups of four only; a dangling character or two of a cut message are dropped.
        int usable = length - length % 4;
        if (length % 4 >= 2) {
            usable = length;
        }
        byte[] text = java.util.Arrays.copyOf(clean, usable);
        try {
            return Base64.getDecoder().decode(pad(text));
        } catch (IllegalArgumentException cutShort) {
            // Only a final group can be wrong after the cleaning: keep the whole groups before it.
            return Base64.getDecoder().decode(java.util.Arrays.copyOf(text, text.length - text.length % 4 - (text.length % 4 == 0 ? 4 : 0)));
        }
    }

    private static byte[] pad(byte[] text) {
        int missing = (4 - text.length % 4) % 4;
        if (missing == 0) {
            return text;
        }
        byte[] padded = java.util.Arrays.copyOf(text, text.length + missing);
        for (int i = text.length; i < padded.length; i++) {
            padded[i] = '=';
        }
        return padded;
    }

    static byte[] quotedPrintable(byte[] data, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            byte b = data[i];
            if (b == '=') {
                if (i + 1 < to && (data[i + 1] == '\n' || data[i + 1] == '\r')) {
                    i = nextLine(data, i + 1, to);
                    continue;
                }
                int high = i + 2 < to ? Character.digit(data[i + 1], 16) : -1;
                int low = i + 2 < to ? Character.digit(data[i + 2], 16) : -1;
                if (high >= 0 && low >= 0) {
                    out.write(high << 4 | low);
                    i += 3;
                    continue;
                }
            }
            out.write(b);
            i++;
        }
        return out.toByteArray();
    }

    /**
     * A header value as a person reads it: read octet for octet ({@link #head} keeps them as ISO
     * 8859-1), its octets taken for the UTF-8 they are when they are that (RFC 6532, as mail with a
     * raw {@code señor} in its Subject writes it), then its RFC 2047 words decoded.
     */
    static String headerText(String value) {
        if (value == null || value.chars().allMatch(c -> c < 0x80)) {
            return decodeWords(value);
        }
        try {
            return decodeWords(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString());
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return decodeWords(value);
        }
    }

    /** An RFC 2047 header value decoded ({@code =?utf-8?B?...?=}); anything it cannot decode is kept as written. */
    static String decodeWords(String value) {
        if (value == null || !value.contains("=?")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        boolean lastWasWord = false;
        while (at < value.length()) {
            int open = value.indexOf("=?", at);
            if (open < 0) {
                out.append(value, at, value.length());
                break;
            }
            int q1 = value.indexOf('?', open + 2);
            int q2 = q1 < 0 ? -1 : value.indexOf('?', q1 + 1);
            int close = q2 < 0 ? -1 : value.indexOf("?=", q2 + 1);
            if (close < 0) {
                out.append(value, at, value.length());
                break;
            }
            String between = value.substring(at, open);
            if (!(lastWasWord && between.isBlank())) {
                out.append(between);
            }
            String decoded = word(value.substring(open + 2, q1), value.substring(q1 + 1, q2), value.substring(q2 + 1, close));
            if (decoded == null) {
                out.append(value, open, close + 2);
                lastWasWord = false;
            } else {
                out.append(decoded);
                lastWasWord = true;
            }
            at = close + 2;
        }
        return out.toString();
    }

    private static String word(String charsetName, String encoding, String text) {
        try {
            int star = charsetName.indexOf('*');
            Charset charset = Charset.forName(star >= 0 ? charsetName.substring(0, star) : charsetName);
            byte[] octets = text.getBytes(StandardCharsets.ISO_8859_1);
            if (encoding.equalsIgnoreCase("B")) {
                return new String(base64(octets, 0, octets.length), charset);
            }
            if (encoding.equalsIgnoreCase("Q")) {
                byte[] spaced = text.replace('_', ' ').getBytes(StandardCharsets.ISO_8859_1);
                return new String(quotedPrintable(spaced, 0, spaced.length), charset);
            }
            return null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
