package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailwright.findings.SpfFinding;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;

class SpfRecipeAndFlattenerTest {

    @Test
    void aRecipeBuildsTheRecordCheapTermsFirst() {
        SpfRecipe recipe = SpfRecipe.nothing().withMx(true).withIp4(List.of("192.0.2.0/24")).withIp6(List.of("2001:db8::/32"))
                .withIncludes(List.of(SpfProvider.GOOGLE_WORKSPACE.include(), "_spf.google.com.", "sendgrid.net"))
                .withAll(Qualifier.SOFTFAIL);

        assertEquals("v=spf1 mx ip4:192.0.2.0/24 ip6:2001:db8::/32 include:_spf.google.com include:sendgrid.net ~all", recipe.build());
        assertEquals(3, recipe.ownLookups());
        assertEquals(SpfRecipe.NO_MAIL, SpfRecipe.nothing().build());
        assertEquals(SpfProvider.SENDGRID, SpfProvider.byInclude("SendGrid.net.").orElseThrow());
    }

    @Test
    void aValueThatWouldSmuggleAnotherTermIsRefusedNotWritten() {
        // Issue 11: spf build --ip4 "192.0.2.1 +all" printed v=spf1 ip4:192.0.2.1 +all -all.
        SpfSyntaxException ip4 = assertThrows(SpfSyntaxException.class,
                () -> SpfRecipe.nothing().withIp4(List.of("192.0.2.1 +all")).build());
        assertEquals("\"192.0.2.1 +all\" holds a space, so it is not one ip4 value: in a record the space would start another term",
                ip4.getMessage());
        for (SpfRecipe smuggling : List.of(
                SpfRecipe.nothing().withIp6(List.of("2001:db8::1 +all")),
                SpfRecipe.nothing().withIncludes(List.of("_spf.example.net -all")),
                SpfRecipe.nothing().withIncludes(List.of("_spf.example.net redirect=evil.test")),
                SpfRecipe.nothing().withIncludes(List.of("%{d}.example.net +all")),
                SpfRecipe.nothing().withIncludes(List.of("a=b.example.net")))) {
            assertThrows(SpfSyntaxException.class, smuggling::build, smuggling.toString());
        }
        assertEquals("v=spf1 include:%{d}._spf.example.net include:xn--bcher-kva.test -all",
                SpfRecipe.nothing().withIncludes(List.of("%{d}._spf.example.net", "Bücher.test.")).build(),
                "a macro domain-spec and an international domain are each one include");
    }

    @Test
    void aWrongValueIsRefusedWithTheReasonAlone() {
        SpfSyntaxException error = assertThrows(SpfSyntaxException.class,
                () -> SpfRecipe.nothing().withIp4(List.of("2001:db8::1")).build());

        assertEquals("2001:db8::1 is an address of the other family: write it as ip6:2001:db8::1, not ip4:2001:db8::1",
                error.getMessage());
        assertThrows(SpfSyntaxException.class, () -> SpfRecipe.nothing().withIncludes(List.of("not a domain")).build());
    }

    @Test
    void aLongRecordIsSplitIntoStringsOfAtMost255InItsZoneLine() {
        String record = "v=spf1 " + "ip4:192.0.2.1 ".repeat(30) + "-all";
        List<String> strings = SpfRecipe.strings(record);

        assertEquals(2, strings.size());
        assertEquals(255, strings.get(0).length());
        assertEquals(record, String.join("", strings));
        assertEquals("example.com. 3600 IN TXT \"" + strings.get(0) + "\" \"" + strings.get(1) + "\"",
                SpfRecipe.zoneLine("example.com", record, 3600));
    }

    @Test
    void includesThatOnlyAuthorizeAddressesAreFlattenedAndTheOthersKept() {
        try (TestDnsServer dns = TestDnsServer.start(SpfLinterTest.PROVIDER, """
                $ORIGIN other.test.
                @    300 TXT "v=spf1 a:host.other.test/24 ip6:2001:db8:5::/48 -all"
                host 120 A   198.51.100.77
                """);
             ResolverService resolver = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(500)))) {
            SpfFlattener.Result result = new SpfFlattener(resolver, dns.target())
                    .flatten("example.test", "v=spf1 mx include:_spf.mail.test include:big.mail.test include:other.test -all").join();

            assertEquals("v=spf1 mx ip4:203.0.113.0/25 ip4:203.0.113.128/25 ip4:203.0.113.200 include:big.mail.test "
                    + "ip4:198.51.100.0/24 ip6:2001:db8:5::/48 -all", result.flattened());
            assertEquals(List.of("include:_spf.mail.test", "include:other.test"), result.flattenedIncludes());
            assertEquals(List.of("include:big.mail.test"), result.keptIncludes());
            assertEquals(120, result.refreshSeconds());
            assertTrue(result.warning().message(Locale.ENGLISH).contains("valid for about 120 seconds"), result.warning().message(Locale.ENGLISH));
            assertEquals(SpfFinding.FLATTENED, result.warning().type());
        }
    }
}
