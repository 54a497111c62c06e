package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expansion examples of RFC 7208 section 7.4, and the escapes of section 7.1. */
class MacroStringTest {

    private static MacroContext context(String ip) {
        return new MacroContext("strong-bad@email.example.com", "strong-bad", "email.example.com", "email.example.com",
                IpText.parseAddress(ip), "mx.example.org", "receiver.example.net", 1_700_000_000L, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            %{s}                              | strong-bad@email.example.com
            %{o}                              | email.example.com
            %{d}                              | email.example.com
            %{d4}                             | email.example.com
            %{d3}                             | email.example.com
            %{d2}                             | example.com
            %{d1}                             | com
            %{dr}                             | com.example.email
            %{d2r}                            | example.email
            %{l}                              | strong-bad
            %{l-}                             | strong.bad
            %{lr}                             | strong-bad
            %{lr-}                            | bad.strong
            %{l1r-}                           | strong
            %{ir}.%{v}._spf.%{d2}             | 3.2.0.192.in-addr._spf.example.com
            %{lr-}.lp._spf.%{d2}              | bad.strong.lp._spf.example.com
            %{lr-}.lp.%{ir}.%{v}._spf.%{d2}   | bad.strong.lp.3.2.0.192.in-addr._spf.example.com
            %{ir}.%{v}.%{l1r-}.lp._spf.%{d2}  | 3.2.0.192.in-addr.strong.lp._spf.example.com
            %{d2}.trusted-domains.example.net | example.com.trusted-domains.example.net
            """)
    void rfcExamplesForIpv4(String macro, String expansion) {
        assertEquals(expansion, MacroString.parse(macro, MacroString.Use.DOMAIN_SPEC).expand(context("192.0.2.3")));
    }

    @Test
    void rfcExampleForIpv6() {
        assertEquals("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com",
                MacroString.parse("%{ir}.%{v}._spf.%{d2}", MacroString.Use.DOMAIN_SPEC).expand(context("2001:db8::cb01")));
    }

    @Test
    void escapesUpperCaseLettersAndExplanationOnlyLetters() {
        MacroString text = MacroString.parse("%{c} at %{t} via %{r}: %{L} 100%% %_%-", MacroString.Use.EXPLANATION);
        assertEquals("2001:db8::cb01 at 1700000000 via receiver.example.net: strong-bad 100%  %20",
                text.expand(context("2001:db8::cb01")));
        MacroContext odd = context("192.0.2.3").withDomain("x");
        MacroContext withLocal = new MacroContext("~jack&jill=up@x.example", "~jack&jill=up", "x.example", "x.example",
                odd.client(), "", null, 0, null);
        assertEquals("~jack%26jill%3Dup", MacroString.parse("%{L}", MacroString.Use.EXPLANATION).expand(withLocal));
    }

    @Test
    void aLongDomainIsCutFromTheLeftToAtMost253Characters() {
        String label = "a".repeat(60);
        MacroContext longDomain = context("192.0.2.3").withDomain(String.join(".", label, label, label, label, "example.com"));
        String expanded = MacroString.parse("x.%{d}", MacroString.Use.DOMAIN_SPEC).expandDomain(longDomain);

        assertEquals(String.join(".", label, label, label, label, "example.com").substring(61), expanded);
    }

    @Test
    void theValidatedNameIsUnknownUntilLookedUp() {
        assertEquals("unknown", MacroString.parse("%{p}", MacroString.Use.DOMAIN_SPEC).expand(context("192.0.2.3")));
        assertEquals("mx.example.com", MacroString.parse("%{p}", MacroString.Use.DOMAIN_SPEC)
                .expand(context("192.0.2.3").withValidatedName("mx.example.com")));
    }
}
