package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailwright.dns.DomainName;

/** RFC 6376 3.1 selectors, the one rule the CLI and the window share. */
class SelectorTest {

    private static final DomainName CORP = DomainName.of("corp.example");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "202611a        | 202611a",
        "' Mail-2026 '  | mail-2026",
        "eu.s1          | eu.s1",
        "bücher         | xn--bcher-kva"})
    void selectorsAreLowerCaseALabels(String typed, String selector) {
        assertEquals(selector, Selector.of(typed, CORP).value());
        assertEquals(selector + "._domainkey.corp.example", Selector.of(typed, CORP).recordName(CORP).ascii());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''          | Enter a selector: letters, digits and hyphens, for example 202611a.",
        "mail_2026   | Underscores are not allowed in selectors; use a hyphen instead: mail-2026.",
        "mail 2026   | A selector cannot contain spaces; use a hyphen instead: mail-2026.",
        "_mail       | “_” cannot appear in a selector; use letters, digits, hyphens and dots.",
        "mail/2026   | “/” cannot appear in a selector; use letters, digits, hyphens and dots.",
        "-mail       | The part “-mail” starts or ends with a hyphen, which a selector cannot.",
        "a..b        | There is an empty part between two dots, or a dot at the start or the end.",
        "s1.         | There is an empty part between two dots, or a dot at the start or the end."})
    void whatIsNotASelectorIsSaidInOneSentence(String typed, String problem) {
        Selector.Parsed parsed = Selector.parse(typed, CORP);

        assertEquals(problem, parsed.problem().orElseThrow().text(Locale.ENGLISH));
        assertEquals(problem, assertThrows(InvalidSelectorException.class, parsed::orElseThrow).getMessage());
    }

    @Test
    void theRecordNameMustFitInDns() {
        String label = "a".repeat(63);
        DomainName longDomain = DomainName.of(label + "." + label + "." + label + "." + "b".repeat(35) + ".example");

        assertEquals("The part “" + "b".repeat(64) + "” has 64 characters; a part of a selector has at most 63.",
                Selector.parse("b".repeat(64)).problem().orElseThrow().text(Locale.ENGLISH));
        assertEquals("With this selector the record’s name would have 255 characters; DNS allows 253.",
                Selector.parse("s1234567", longDomain).problem().orElseThrow().text(Locale.ENGLISH));
        assertEquals("s12345", Selector.of("s12345", longDomain).value());
    }

    @Test
    void theSentencesSpeakSpanish() {
        assertEquals("Los selectores no admiten guiones bajos; use un guion en su lugar: mail-2026.",
                Selector.parse("mail_2026").problem().orElseThrow().text(Locale.forLanguageTag("es")));
    }

    @Test
    void aKeyRecordAndASignerRefuseWhatIsNoSelector() {
        DkimKey key = KeyGenerator.generate(KeySpec.ed25519());

        assertThrows(InvalidSelectorException.class, () -> new DkimDnsRecord("mail_2026", "corp.example", key.record()));
        assertThrows(InvalidSelectorException.class, () -> new DkimSigner(key, "corp.example", "mail_2026",
                SigningOptions.defaults(), java.time.Clock.systemUTC()));
    }
}
