package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpfRecordTest {

    @Test
    void everyMechanismWithQualifiersAndDualCidrParses() {
        SpfRecord record = SpfRecord.parse("v=spf1 +a -mx:mail.example.com/24//64 ~ptr ?ip4:192.0.2.0/24 "
                + "ip6:2001:db8::/32 exists:%{ir}.%{v}._spf.%{d2} include:_spf.example.net redirect=example.org "
                + "exp=explain.%{d} moo.cow-far_out=man:dog/cat -all");

        List<Mechanism> mechanisms = record.mechanisms();
        assertEquals(List.of(MechanismType.A, MechanismType.MX, MechanismType.PTR, MechanismType.IP4, MechanismType.IP6,
                MechanismType.EXISTS, MechanismType.INCLUDE, MechanismType.ALL), mechanisms.stream().map(Mechanism::type).toList());
        assertEquals(List.of(Qualifier.PASS, Qualifier.FAIL, Qualifier.SOFTFAIL, Qualifier.NEUTRAL, Qualifier.PASS,
                Qualifier.PASS, Qualifier.PASS, Qualifier.FAIL), mechanisms.stream().map(Mechanism::qualifier).toList());
        Mechanism mx = mechanisms.get(1);
        assertEquals("mail.example.com", mx.domain().toString());
        assertEquals(24, mx.ip4Prefix());
        assertEquals(64, mx.ip6Prefix());
        assertNull(mechanisms.get(0).domain());
        assertEquals(32, mechanisms.get(0).ip4Prefix());
        assertEquals("ip4:192.0.2.0/24", mechanisms.get(3).network().term());
        assertEquals("ip6:2001:db8::/32", mechanisms.get(4).network().term());
        assertTrue(mechanisms.get(5).domain().hasMacros());
        assertEquals("example.org", record.redirect().orElseThrow().value().toString());
        assertEquals("explain.%{d}", record.explanation().orElseThrow().value().toString());
        assertEquals(3, record.modifiers().size());
        assertEquals(6, record.ownLookups(), "a, mx, ptr, exists, include and redirect query DNS");
        assertEquals(39, mechanisms.get(2).position());
    }

    @Test
    void theVersionIsCaseBlindAndMustEndWithASpaceOrTheRecord() {
        assertTrue(SpfRecord.isSpfRecord("V=SpF1 -all"));
        assertTrue(SpfRecord.isSpfRecord("v=spf1"));
        assertFalse(SpfRecord.isSpfRecord("v=spf10"));
        assertFalse(SpfRecord.isSpfRecord("v=spf1mx"));
        assertFalse(SpfRecord.isSpfRecord("google-site-verification=abc"));
        assertEquals(0, SpfRecord.parse("v=spf1  ").terms().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            v=spf1 ip4:1.2.3.4 -all moo          | 25 | moo                   | unknown-term
            v=spf1 -all.                          | 8  | -all.                 | no-argument
            v=spf1 a/24/64                        | 8  | a/24/64               | bad-dual-cidr
            v=spf1 a//129                         | 8  | a//129                | bad-cidr
            v=spf1 ip4:1.2.3.4/032                | 8  | ip4:1.2.3.4/032       | bad-cidr
            v=spf1 ip4:1.2.3                      | 8  | ip4:1.2.3             | bad-ip4
            v=spf1 ip4:192.0.2.1:8080             | 8  | ip4:192.0.2.1:8080    | bad-ip4
            v=spf1 ip4:2001:db8::1                | 8  | ip4:2001:db8::1       | wrong-ip-family
            v=spf1 ip6:192.0.2.1                  | 8  | ip6:192.0.2.1         | wrong-ip-family
            v=spf1 ip6::CAFE::BABE                | 8  | ip6::CAFE::BABE       | bad-ip6
            v=spf1 include                        | 8  | include               | missing-domain
            v=spf1 ptr/0                          | 8  | ptr/0                 | no-cidr
            v=spf1 a:foo-bar                      | 8  | a:foo-bar             | bad-domain
            v=spf1 a:abc.123                      | 8  | a:abc.123             | bad-domain
            v=spf1 mx:                            | 8  | mx:                   | empty-domain
            v=spf1 exists:%{x}.example.com        | 8  | exists:%{x}.example.com | macro-letter
            v=spf1 exists:%{d0}.example.com       | 8  | exists:%{d0}.example.com | macro-zero
            v=spf1 -all exp=%{r}.example.com      | 13 | exp=%{r}.example.com  | macro-exp-only
            v=spf1 -all foo=%abc                  | 13 | foo=%abc              | macro-percent
            v=spf1 redirect=a.com redirect=b.com  | 23 | redirect=b.com        | duplicate-modifier
            v=spf1 redirect:example.com           | 8  | redirect:example.com  | unknown-term
            v=spf1 1up=foo                        | 8  | 1up=foo               | unknown-term
            """)
    void aSyntaxErrorNamesThePositionTheTermAndTheReason(String record, int position, String term, String reason) {
        SpfSyntaxException error = assertThrows(SpfSyntaxException.class, () -> SpfRecord.parse(record));

        assertEquals(position, error.position());
        assertEquals(term, error.term());
        assertEquals(reason, error.reason());
        assertTrue(error.getMessage().startsWith("Term \"" + term + "\" at position " + position + ": "), error.getMessage());
        assertFalse(error.message(Locale.forLanguageTag("es")).contains("[spf."), error.message(Locale.forLanguageTag("es")));
        assertFalse(error.getMessage().contains("[spf."), error.getMessage());
    }

    @Test
    void nonAsciiAndControlCharactersAreRejected() {
        assertEquals("not-ascii", assertThrows(SpfSyntaxException.class,
                () -> SpfRecord.parse("v=spf1 a:\u00efgarbage.example.net -all")).reason());
        assertEquals("control-character", assertThrows(SpfSyntaxException.class,
                () -> SpfRecord.parse("v=spf1 a:ctrl.example.com\rptr -all")).reason());
    }

    @Test
    void wrongFamilyTellsWhichMechanismToUse() {
        SpfSyntaxException error = assertThrows(SpfSyntaxException.class, () -> SpfRecord.parse("v=spf1 ip4:2001:db8::1 -all"));

        assertEquals("Term \"ip4:2001:db8::1\" at position 8: 2001:db8::1 is an address of the other family: "
                + "write it as ip6:2001:db8::1, not ip4:2001:db8::1", error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:foo:bar/baz.example.com", "a:foo.example.xn--zckzah", "mx:%{d}", "exists:%{l}.%{d}.x.example.net."})
    void domainSpecsMayHoldAnyVisibleCharacterAndEndInAMacroOrTopLabel(String term) {
        assertEquals(term, SpfRecord.parse("v=spf1 " + term).terms().get(0).text());
    }

    @Test
    void aRecordWritesBackAsItWasRead() {
        String text = "v=spf1 a  mx:Mail.Example.com//64 ?all";
        assertEquals(text, SpfRecord.parse(text).toString());
    }
}
