package org.mailwright.ui.dkim;

import java.util.List;
import java.util.Locale;
import org.mailwright.dkim.KeyTestReport.ServerCheck;
import org.mailwright.dkim.KeyTestReport.Source;
import org.mailwright.dkim.KeyTestResult;
import org.mailwright.i18n.ControlCharacters;
import org.mailwright.ui.controls.CheckState;

/**
 * What one server publishes for the selector, compared with the key, as a row of the check.
 *
 * @param state the badge's state
 * @param word the result in a word: match, missing...
 * @param server the name server's host name, or the resolver's name
 * @param role resolver or name server
 * @param address the address that answered
 * @param detail what that means, in a sentence
 * @param records the TXT values it answered
 */
record ServerRow(CheckState state, String word, String server, String role, String address, String detail,
                 List<String> records) {

    /** The records are what the server answered: their control characters as the command line shows them. */
    ServerRow {
        detail = ControlCharacters.shown(detail);
        records = ControlCharacters.shownAll(records);
    }

    static ServerRow of(ServerCheck check, Words words) {
        Locale locale = words.locale();
        String result = check.result().jsonName();
        String role = words.text(check.source() == Source.RESOLVER ? "dkim.check.role.resolver" : "dkim.check.role.nameServer");
        String detail = switch (check.result()) {
            case MATCH -> check.lookup().hasTtl()
                    ? words.text("dkim.check.detail.matchTtl", check.lookup().ttl())
                    : words.text("dkim.check.detail.match");
            case MISMATCH -> words.text("dkim.check.detail.mismatch");
            case OTHER_OPTIONS -> words.text("dkim.check.detail.otherOptions");
            case REVOKED -> words.text("dkim.check.detail.revoked");
            case MALFORMED -> words.text("dkim.check.detail.malformed", check.problem().map(why -> why.text(locale)).orElse(""));
            case MISSING, ERROR -> check.lookup().explain(locale);
        };
        return new ServerRow(stateOf(check.result()), words.text("dkim.check.result." + result), check.nameServer(), role,
                check.lookup().server(), detail, check.lookup().values());
    }

    static CheckState stateOf(KeyTestResult result) {
        return switch (result) {
            case MATCH -> CheckState.PASS;
            // Right after publishing, "not there yet" is the normal state, not a mistake.
            case MISSING -> CheckState.WARNING;
            // The key verifies; what differs is what receivers are asked to do with it.
            case OTHER_OPTIONS -> CheckState.WARNING;
            case MISMATCH, MALFORMED, REVOKED -> CheckState.ERROR;
            case ERROR -> CheckState.UNKNOWN;
        };
    }
}
