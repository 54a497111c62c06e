package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.testdns.TestDnsServer;

/** Who a report's sources are: forward-confirmed reverse names, and the provider by name or by SPF. */
class SourceNamesTest {

    private final TestDnsServer dns = TestDnsServer.start("""
            $ORIGIN 2.0.192.in-addr.arpa.
            10 PTR o1.mail.sendgrid.net.
            20 PTR relay.example.test.
            30 PTR liar.example.test.
            """, """
            $ORIGIN sendgrid.net.
            o1.mail A 192.0.2.10
            @ TXT "v=spf1 -all"
            """, """
            $ORIGIN example.test.
            relay A 192.0.2.20
            liar A 198.51.100.1
            """, """
            $ORIGIN google.com.
            _spf TXT "v=spf1 ip4:192.0.2.20/32 -all"
            """);
    private final ResolverService resolver = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(300))
            .withRetries(0));

    @AfterEach
    void close() {
        resolver.close();
        dns.close();
    }

    @Test
    void eachSourceIsNamedByItsConfirmedReverseNameAndItsProvider() {
        Map<String, SourceNames.Named> names = new SourceNames(resolver, dns.target())
                .name(List.of("192.0.2.10", "192.0.2.20", "192.0.2.30", "192.0.2.40", "not an address")).join();

        assertEquals(new SourceNames.Named(Optional.of("o1.mail.sendgrid.net"), Optional.of("SendGrid")), names.get("192.0.2.10"));
        assertEquals(new SourceNames.Named(Optional.of("relay.example.test"), Optional.of("Google Workspace")),
                names.get("192.0.2.20"), "no known reverse name, but Google's SPF include passes it");
        assertEquals(new SourceNames.Named(Optional.empty(), Optional.empty()), names.get("192.0.2.30"),
                "a reverse name that does not lead back is no name");
        assertEquals(new SourceNames.Named(Optional.empty(), Optional.empty()), names.get("192.0.2.40"));
        assertEquals(new SourceNames.Named(Optional.empty(), Optional.empty()), names.get("not an address"));
        assertEquals(Optional.empty(), SourceNames.unanswered(names), "every lookup was answered");
    }

    @Test
    void aNameWhoseLookupFailedIsUnknownNotAbsentAndTheSummarySaysHowMany() {
        dns.failName("40.2.0.192.in-addr.arpa");
        dns.failName("relay.example.test");

        Map<String, SourceNames.Named> names = new SourceNames(resolver, dns.target())
                .name(List.of("192.0.2.10", "192.0.2.20", "192.0.2.30", "192.0.2.40")).join();

        assertEquals(new SourceNames.Named(Optional.of("o1.mail.sendgrid.net"), Optional.of("SendGrid")), names.get("192.0.2.10"));
        assertEquals(new SourceNames.Named(Optional.empty(), Optional.empty()), names.get("192.0.2.30"),
                "a name that leads elsewhere is answered: the address has no confirmed name");
        LookupResult forward = names.get("192.0.2.20").unanswered().orElseThrow(
                () -> new AssertionError("its name could not be followed back: " + names.get("192.0.2.20")));
        assertEquals("relay.example.test", forward.name());
        assertEquals(Optional.empty(), names.get("192.0.2.20").ptr());
        assertEquals(Optional.of("Google Workspace"), names.get("192.0.2.20").label(), "the label by SPF is still found");
        LookupResult reverse = names.get("192.0.2.40").unanswered().orElseThrow();
        assertEquals(Outcome.SERVFAIL, reverse.outcome());
        assertEquals("40.2.0.192.in-addr.arpa", reverse.name());

        Finding finding = SourceNames.unanswered(names).orElseThrow();
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals("The reverse names of 2 of the 4 sources looked up are not known: the lookups failed (server failure from "
                + forward.server() + ").", finding.message(Locale.ENGLISH));
        assertEquals("No se conocen los nombres inversos de 2 de las 4 fuentes consultadas: las consultas fallaron (fallo del servidor"
                + " desde " + forward.server() + ").", finding.message(Locale.forLanguageTag("es")));
    }

    @Test
    void aKnownProvidersOwnNamesAreRecognisedBySuffixOnly() {
        assertEquals(Optional.of("Microsoft 365"), SourceNames.providerOf("mail-db8eur05on2100.outbound.protection.outlook.com"));
        assertEquals(Optional.empty(), SourceNames.providerOf("notgoogle.com"));
        assertEquals(Optional.of("Google Workspace"), SourceNames.providerOf("MAIL-SOR-F41.GOOGLE.COM"));
    }
}
