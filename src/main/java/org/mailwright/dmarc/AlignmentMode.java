package org.mailwright.dmarc;

import java.util.Optional;

/** The value of {@code adkim} and {@code aspf}: relaxed (the default) or strict identifier alignment. */
public enum AlignmentMode {
    RELAXED("r"),
    STRICT("s");

    private final String tagValue;

    AlignmentMode(String tagValue) {
        this.tagValue = tagValue;
    }

    public String tagValue() {
        return tagValue;
    }

    public static Optional<AlignmentMode> parse(String value) {
        for (AlignmentMode mode : values()) {
            if (mode.tagValue.equalsIgnoreCase(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
