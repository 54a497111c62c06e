package org.mailwright.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A raw RFC 5322 message split into its header fields and body, octet for octet. Messages saved
 * with bare LF line ends (as most .eml files on Unix are) are read with CRLF, the form DKIM signs;
 * an mbox {@code From } separator line at the top is dropped.
 */
public final class MailMessage {

    private final List<HeaderField> headers;
    private final byte[] body;

    private MailMessage(List<HeaderField> headers, byte[] body) {
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    public static MailMessage parse(byte[] raw) {
        byte[] text = withCrlf(raw);
        int position = 0;
        if (startsWith(text, 0, "From ")) {
            position = lineEnd(text, 0);
        }
        List<HeaderField> headers = new ArrayList<>();
        while (position < text.length) {
            int end = lineEnd(text, position);
            if (end - position == 2 && text[position] == '\r') {
                position = end;
                return new MailMessage(headers, Arrays.copyOfRange(text, position, text.length));
            }
            // A field runs on over the lines that start with white space (folding).
            while (end < text.length && (text[end] == ' ' || text[end] == '\t')) {
                end = lineEnd(text, end);
            }
            headers.add(new HeaderField(Arrays.copyOfRange(text, position, end)));
            position = end;
        }
        return new MailMessage(headers, new byte[0]);
    }

    /** Every header field, top to bottom. */
    public List<HeaderField> headers() {
        return headers;
    }

    /** The body, from just after the empty line that ends the header (empty when there is none). */
    public byte[] body() {
        return body.clone();
    }

    byte[] bodyView() {
        return body;
    }

    /** The fields with this name, top to bottom. */
    public List<HeaderField> headers(String name) {
        return headers.stream().filter(field -> field.hasName(name)).toList();
    }

    /** The whole message in CRLF form, with {@code field} added above the existing header. */
    public byte[] prepend(String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(field.getBytes(StandardCharsets.UTF_8));
        headers.forEach(header -> out.writeBytes(header.raw()));
        out.writeBytes(new byte[] {'\r', '\n'});
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Position just after the next CRLF (or the end). */
    private static int lineEnd(byte[] text, int from) {
        for (int i = from; i < text.length - 1; i++) {
            if (text[i] == '\r' && text[i + 1] == '\n') {
                return i + 2;
            }
        }
        return text.length;
    }

    private static boolean startsWith(byte[] text, int from, String prefix) {
        if (text.length - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Every LF not preceded by CR becomes CRLF; a message already in CRLF form is returned as is. */
    static byte[] withCrlf(byte[] raw) {
        int bare = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                bare++;
            }
        }
        if (bare == 0) {
            return raw;
        }
        byte[] out = new byte[raw.length + bare];
        int o = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                out[o++] = '\r';
            }
            out[o++] = raw[i];
        }
        return out;
    }
}
