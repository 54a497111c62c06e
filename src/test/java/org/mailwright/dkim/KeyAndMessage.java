package org.mailwright.dkim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * A fuzz input that carries a key record and a message: its first line is the record every
 * selector publishes, the rest is the message as it arrived.
 *
 * @param record the key record, read as Latin-1 so that every octet stays one character
 * @param message the raw message, empty when the input has no line break
 */
public record KeyAndMessage(String record, byte[] message) {

    public static KeyAndMessage split(byte[] data) {
        int newline = 0;
        while (newline < data.length && data[newline] != '\n') {
            newline++;
        }
        return new KeyAndMessage(new String(data, 0, newline, StandardCharsets.ISO_8859_1),
                newline < data.length ? Arrays.copyOfRange(data, newline + 1, data.length) : new byte[0]);
    }

    /** Answers every key lookup with {@link #record}. */
    public KeySource keys() {
        return name -> CompletableFuture.completedFuture(KeyLookup.given(name, record));
    }
}
