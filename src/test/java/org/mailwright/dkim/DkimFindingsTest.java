package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mailwright.check.Finding;
import org.mailwright.check.FindingCatalogue;
import org.mailwright.check.Severity;
import org.mailwright.i18n.Messages;

/** Every finding id and reason the dkim package can emit is described in English and Spanish. */
class DkimFindingsTest {

    private static final Pattern EMITTED = Pattern.compile("\"(dkim\\.[a-z0-9]+(?:-[a-z0-9]+)*)\"\\s*,\\s*Severity\\.");
    private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

    @Test
    void everyEmittedFindingIsDescribedInBothLanguages() throws IOException {
        Set<String> ids = emittedIds();

        assertTrue(ids.size() >= 20, ids.toString());
        for (String id : ids) {
            for (Locale locale : LOCALES) {
                assertTrue(FindingCatalogue.describes(id, locale), id + " in " + locale);
            }
        }
    }

    @Test
    void findingsReadNaturally() {
        Finding missing = Finding.of("dkim.key-missing", Severity.ERROR, "s1._domainkey.corp.example", "127.0.0.1:53");

        assertEquals("Nothing is published at s1._domainkey.corp.example (127.0.0.1:53).", missing.message(Locale.ENGLISH));
        assertEquals("No hay nada publicado en s1._domainkey.corp.example (127.0.0.1:53).", missing.message(Locale.forLanguageTag("es")));
        assertEquals("The RSA key has 1024 bits, fewer than the 2048 recommended.",
                Finding.of("dkim.key-short", Severity.WARNING, 1024).message(Locale.ENGLISH));
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

    private static Set<String> emittedIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/org/mailwright/dkim"))) {
            for (Path source : sources.toList()) {
                Matcher matcher = EMITTED.matcher(Files.readString(source));
                while (matcher.find()) {
                    ids.add(matcher.group(1));
                }
            }
        }
        return ids;
    }
}
