package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailwright.findings.Finding;
import org.mailwright.findings.DkimFinding;
import org.mailwright.i18n.Messages;

/** Every finding id and reason the dkim package can emit is described in English and Spanish. */
class DkimFindingsTest {

    private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    @Test
    void findingsReadNaturally() {
        Finding missing = DkimFinding.KEY_MISSING.of("s1._domainkey.corp.example", "127.0.0.1:53");

        assertEquals("Nothing is published at s1._domainkey.corp.example (127.0.0.1:53).", missing.message(Locale.ENGLISH));
        assertEquals("No hay nada publicado en s1._domainkey.corp.example (127.0.0.1:53).", missing.message(Locale.forLanguageTag("es")));
        assertEquals("The RSA key has 1024 bits, fewer than the 2048 recommended.",
                DkimFinding.KEY_SHORT.of(1024).message(Locale.ENGLISH));
    }

    @Test
    void everyReasonAndKeyFileProblemHasItsSentence() {
        for (Locale locale : LOCALES) {
            for (Reason reason : Reason.values()) {
                assertFalse(reason.text(locale, 1, 2).startsWith("["), reason + " in " + locale);
            }
            for (KeyFileException.Problem problem : KeyFileException.Problem.values()) {
                assertFalse(Messages.get(locale, "dkim.keyfile." + problem.id(), "x", "y").startsWith("["), problem + " in " + locale);
            }
            for (RotationPlan.Action action : RotationPlan.Action.values()) {
                assertFalse(Messages.get(locale, "dkim.rotation." + action.key() + ".title").startsWith("["), action + " " + locale);
            }
        }
    }
}
