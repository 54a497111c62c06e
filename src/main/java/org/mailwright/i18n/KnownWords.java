package org.mailwright.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The words a library or the system uses, in English only, for the failures people meet, each with
 * the code Mailwright says it by in the reader's language: the first whose words a message contains.
 * The order is the table's, so a more specific wording goes before a shorter one it contains.
 */
public final class KnownWords {

    private record Known(String words, String code) {
    }

    private final List<Known> known;

    private KnownWords(List<Known> known) {
        this.known = List.copyOf(known);
    }

    /**
     * A table written as pairs: the words, then their code.
     *
     * @throws IllegalArgumentException when a pair is not whole
     */
    public static KnownWords of(String... wordsThenCode) {
        if (wordsThenCode.length % 2 != 0) {
            throw new IllegalArgumentException("Words without a code: " + wordsThenCode[wordsThenCode.length - 1]);
        }
        List<Known> known = new ArrayList<>();
        for (int i = 0; i < wordsThenCode.length; i += 2) {
            known.add(new Known(wordsThenCode[i], wordsThenCode[i + 1]));
        }
        return new KnownWords(known);
    }

    /** The code of the first known words {@code message} contains, matched as written. */
    public Optional<String> codeIn(String message) {
        for (Known words : known) {
            if (message.contains(words.words())) {
                return Optional.of(words.code());
            }
        }
        return Optional.empty();
    }
}
