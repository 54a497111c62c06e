package org.mailwright.message;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user knows of the SMTP session beyond the message: each part given here is used in
 * place of what the message's Received and Return-Path fields say.
 *
 * @param client the address that connected to the receiver
 * @param helo the name it gave in HELO/EHLO
 * @param mailFrom the envelope sender (MAIL FROM); empty text for a bounce's null sender
 */
public record Envelope(Optional<InetAddress> client, Optional<String> helo, Optional<String> mailFrom) {

    public Envelope {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(helo, "helo");
        Objects.requireNonNull(mailFrom, "mailFrom");
    }

    /** Nothing given: everything is read from the message. */
    public static Envelope fromMessage() {
        return new Envelope(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
