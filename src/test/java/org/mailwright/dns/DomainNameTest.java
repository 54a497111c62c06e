package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailwright.i18n.Problem;

class DomainNameTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void namesAreLowerCaseWithoutTheFinalDot() {
        assertEquals("example.com", DomainName.of("  Example.COM. ").ascii());
        assertEquals(DomainName.of("example.com"), DomainName.of("EXAMPLE.com."));
    }

    @Test
    void internationalNamesBecomeALabels() {
        DomainName name = DomainName.of("Bücher.test");
        assertEquals("xn--bcher-kva.test", name.ascii());
        assertEquals("bücher.test", name.unicode());
        assertEquals(name, DomainName.of("xn--bcher-kva.test"));
    }

    @Test
    void serviceLabelsWithUnderscoresAreNames() {
        assertEquals("s1._domainkey.example.com", DomainName.of("s1._domainkey.example.com").ascii());
        assertEquals("_dmarc.example.com", DomainName.of("example.com").prefixed("_dmarc").ascii());
    }

    @Test
    void theLimitsOfRfc1035AreHeldExactly() {
        String label63 = "a".repeat(63);
        String name253 = label63 + "." + label63 + "." + label63 + "." + "b".repeat(61);
        assertEquals(253, name253.length());
        assertTrue(DomainName.isValid(name253));
        assertTrue(DomainName.isValid(name253 + "."));
        assertEquals("too-long", problem(name253 + "c"));
        assertTrue(DomainName.isValid(label63 + ".test"));
        assertEquals("label-too-long", problem(label63 + "a.test"));
        assertEquals("The part “" + label63 + "a” has 64 characters; a part of a domain name has at most 63.",
                DomainName.parse(label63 + "a.test").problem().orElseThrow().text(Locale.ENGLISH));
    }

    @Test
    void aRunawayNameIsRefusedWithoutConvertingAllOfIt() {
        String huge = "ä.".repeat(200_000) + "test";
        assertEquals("too-long", problem(huge));
    }

    @Test
    void eachProblemIsNamed() {
        assertEquals("empty", problem(""));
        assertEquals("empty", problem(null));
        assertEquals("spaces", problem("exa mple.com"));
        assertEquals("empty-label", problem("a..b"));
        assertEquals("empty-label", problem(".example.com"));
        assertEquals("character", problem("exa$mple.com"));
        assertEquals("character", problem("a\\.b.example.com"));
        assertEquals("hyphen", problem("-example.com"));
    }

    @Test
    void aSingleLabelIsANameButNotAMailDomain() {
        assertTrue(DomainName.isValid("com"));
        assertEquals("dns.name.no-dot", DomainName.parseDomain("example").problem().orElseThrow().key());
        assertEquals("Escriba el dominio completo con su terminación, por ejemplo example.com.",
                DomainName.parseDomain("example").problem().orElseThrow().text(SPANISH));
    }

    @Test
    void aPastedAddressOrUrlIsExplained() {
        Problem email = DomainName.parseDomain("postmaster@corp.example").problem().orElseThrow();
        assertEquals("Enter only the domain, the part after the @: corp.example.", email.text(Locale.ENGLISH));
        Problem url = DomainName.parseDomain("https://corp.example/login").problem().orElseThrow();
        assertEquals("Enter only the domain name, without http:// or a path: corp.example.", url.text(Locale.ENGLISH));
    }

    @Test
    void ofThrowsWithTheProblem() {
        InvalidDomainNameException problem = assertThrows(InvalidDomainNameException.class, () -> DomainName.of("a..b"));
        assertEquals("dns.name.empty-label", problem.problem().key());
        assertFalse(problem.getMessage().contains("Exception"));
    }

    @Test
    void ancestorsAndLabels() {
        DomainName name = DomainName.of("a.b.example.com");
        assertEquals(DomainName.of("example.com"), name.lastLabels(2));
        assertEquals(DomainName.of("b.example.com"), name.parent().orElseThrow());
        assertTrue(name.isAtOrBelow(DomainName.of("example.com")));
        assertFalse(DomainName.of("badexample.com").isAtOrBelow(DomainName.of("example.com")));
        assertTrue(DomainName.of("com").parent().isEmpty());
    }

    private static String problem(String text) {
        return DomainName.parse(text).problem().orElseThrow().key().substring("dns.name.".length());
    }
}
