package org.mailwright.ui.dkim;

import java.util.List;
import java.util.Locale;
import org.mailwright.i18n.ControlCharacters;
import org.mailwright.ui.controls.CheckState;

/**
 * One protocol's part of a message's verdict (SPF, DMARC or ARC) as the page shows it.
 *
 * @param state the badge's state
 * @param word the result in the user's words
 * @param title what the card is about
 * @param sentence what the result means or why it came out so; empty when the facts say it all
 * @param facts what the result was decided on, as label and value
 * @param lines further lines, one per item (the ARC sets)
 */
record VerdictCard(CheckState state, String word, String title, String sentence, List<SignatureRow.Tag> facts,
                   List<String> lines) {

    /** A stranger's control characters (from the message or the DNS) as the command line shows them. */
    VerdictCard {
        word = ControlCharacters.shown(word);
        title = ControlCharacters.shown(title);
        sentence = ControlCharacters.shown(sentence);
        facts = List.copyOf(facts);
        lines = ControlCharacters.shownAll(lines);
    }

    /** How a result word of RFC 8601 reads as a state: the protocols share their words. */
    static CheckState stateOf(String result) {
        switch (result.toLowerCase(Locale.ROOT)) {
            case "pass":
                return CheckState.PASS;
            case "fail":
            case "permerror":
                return CheckState.ERROR;
            case "softfail":
            case "temperror":
                return CheckState.WARNING;
            default:
                return CheckState.INFO;
        }
    }
}
