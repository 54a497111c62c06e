package org.mailwright.dkim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One header field exactly as it appears in a message: its name and its raw octets, continuation
 * lines and the final CRLF included, as simple canonicalization needs them.
 */
public final class HeaderField {

    private final String name;
    private final byte[] raw;

    /** A field over {@code raw}, which it takes as its own: the caller passes an array nobody else changes. */
    HeaderField(byte[] raw) {
        this.raw = raw;
        int colon = indexOf(raw, (byte) ':');
        String rawName = new String(raw, 0, colon < 0 ? trimmedLength(raw) : colon, StandardCharsets.ISO_8859_1);
        this.name = rawName.stripTrailing();
    }

    /** The field name as written (for example {@code DKIM-Signature}). */
    public String name() {
        return name;
    }

    /** True when this field has the given name, compared without case as RFC 5322 says. */
    public boolean hasName(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** The raw octets, continuation lines and the final CRLF included. */
    public byte[] raw() {
        return raw.clone();
    }

    /** {@link #raw()} without the copy, for reading only. */
    byte[] rawView() {
        return raw;
    }

    /** The value after the colon, unfolded and trimmed, read as UTF-8 (RFC 6532). */
    public String value() {
        int colon = indexOf(raw, (byte) ':');
        if (colon < 0) {
            return "";
        }
        String value = new String(raw, colon + 1, raw.length - colon - 1, StandardCharsets.UTF_8);
        return value.replace("\r\n", "").replace("\n", "").strip();
    }

    /** The value after the colon with folding kept, one char per octet, as tag lists are parsed. */
    String rawValue() {
        int colon = indexOf(raw, (byte) ':');
        return colon < 0 ? "" : new String(raw, colon + 1, trimmedLength(raw) - colon - 1, StandardCharsets.ISO_8859_1);
    }

    String lowerCaseName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The length without the final CRLF. */
    static int trimmedLength(byte[] raw) {
        int end = raw.length;
        if (end > 0 && raw[end - 1] == '\n') {
            end--;
        }
        if (end > 0 && raw[end - 1] == '\r') {
            end--;
        }
        return end;
    }

    static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeaderField field && Arrays.equals(raw, field.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return new String(raw, 0, trimmedLength(raw), StandardCharsets.UTF_8);
    }
}
