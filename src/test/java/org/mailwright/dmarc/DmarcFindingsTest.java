package org.mailwright.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailwright.check.Finding;
import org.mailwright.check.FindingCatalogue;
import org.mailwright.check.Severity;

/** Every DMARC finding is described in English and Spanish, and every variant of its words renders. */
class DmarcFindingsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    /** Every id the dmarc package can emit. */
    static List<String> ids() {
        return List.of("dmarc.missing", "dmarc.multiple-records", "dmarc.syntax", "dmarc.not-first-v",
                "dmarc.policy-none", "dmarc.testing", "dmarc.no-rua", "dmarc.rua-not-mailto", "dmarc.ruf-not-mailto",
                "dmarc.rua-too-many", "dmarc.rua-unauthorized", "dmarc.ruf-unauthorized", "dmarc.rua-no-mx",
                "dmarc.ruf-no-mx", "dmarc.legacy-tag", "dmarc.at-apex", "dmarc.unknown-tag", "dmarc.inherited",
                "dmarc.sp-weaker", "dmarc.np-weaker", "dmarc.cname-and-txt", "dmarc.treated-as-none", "dmarc.ignored",
                "dmarc.lookup-failed", "dmarc.obsolete-size", "dmarc.fo-without-ruf", "dmarc.psd-yes");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void isDescribedInEnglishAndSpanish(String id) {
        assertTrue(FindingCatalogue.describes(id, Locale.ENGLISH), id);
        assertTrue(FindingCatalogue.describes(id, SPANISH), id);
        Finding finding = Finding.of(id, Severity.WARNING, 1, 1, 1, 1, 1);
        assertNotEquals(finding.message(Locale.ENGLISH), finding.message(SPANISH), id);
        assertNotEquals(finding.why(Locale.ENGLISH), finding.why(SPANISH), id);
        assertNotEquals(finding.fix(Locale.ENGLISH), finding.fix(SPANISH), id);
    }

    @Test
    void aSpanishMachineStillGetsEnglishWhenAskedForIt() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(SPANISH);
            assertTrue(Finding.of("dmarc.no-rua", Severity.WARNING).message(Locale.ENGLISH).startsWith("The record has no rua"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void bothBundlesHoldTheSameKeysAndNothingElse() throws IOException {
        Set<String> english = keys("findings-dmarc.properties");
        assertEquals(english, keys("findings-dmarc_es.properties"));
        Set<String> described = ids().stream()
                .flatMap(id -> List.of(id + ".message", id + ".why", id + ".fix").stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(described, english);
    }

    @Test
    void everySyntaxProblemReadsAsASentenceInBothLanguages() {
        for (SyntaxProblem.Kind kind : SyntaxProblem.Kind.values()) {
            Finding finding = Finding.of("dmarc.syntax", Severity.ERROR, 12, kind.code(), "p", "block", "none");
            for (Locale locale : List.of(Locale.ENGLISH, SPANISH)) {
                String message = finding.message(locale);
                assertFalse(message.contains("{") || message.contains("}"), message);
                assertTrue(message.contains(" 12: "), message);
                assertTrue(message.length() > 30, message);
            }
        }
    }

    @Test
    void everyReasonAMailboxCannotReceiveMailReadsInBothLanguages() {
        List<MailboxCheck.Status> failures = List.of(MailboxCheck.Status.values()).stream()
                .filter(MailboxCheck.Status::cannotReceive).toList();
        for (MailboxCheck.Status status : failures) {
            for (String id : List.of("dmarc.rua-no-mx", "dmarc.ruf-no-mx")) {
                Finding finding = Finding.of(id, Severity.ERROR, "mailto:d@x.test", "x.test", status.ordinal());
                for (Locale locale : List.of(Locale.ENGLISH, SPANISH)) {
                    assertFalse(finding.message(locale).contains("{"), finding.message(locale));
                }
            }
        }
        assertEquals(Set.of("null MX", "no MX record and no address", "does not exist"), failures.stream()
                .map(status -> Finding.of("dmarc.rua-no-mx", Severity.ERROR, "u", "x.test", status.ordinal())
                        .message(Locale.ENGLISH))
                .map(message -> message.contains("null MX") ? "null MX"
                        : message.contains("no MX record") ? "no MX record and no address" : "does not exist")
                .collect(Collectors.toSet()));
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FindingCatalogue.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
