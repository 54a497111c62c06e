package org.mailwright.dkim;

import java.util.Locale;
import java.util.Optional;

/** The key types of DKIM key records ({@code k=}). */
public enum KeyType {
    RSA("rsa"),
    /** RFC 8463; many receivers do not check it yet, so it goes beside an RSA signature. */
    ED25519("ed25519");

    private final String tagValue;

    KeyType(String tagValue) {
        this.tagValue = tagValue;
    }

    /** The value of {@code k=}: {@code rsa} or {@code ed25519}. */
    public String tagValue() {
        return tagValue;
    }

    public static Optional<KeyType> fromTagValue(String value) {
        for (KeyType type : values()) {
            if (type.tagValue.equalsIgnoreCase(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return tagValue.toUpperCase(Locale.ROOT);
    }
}
