package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.Finding;
import org.mailwright.testdns.TestDnsServer;

/** The suggestions a domain's reports lead to, each source judged against the SPF record published now. */
class SourceAdviceTest {

    private final TestDnsServer dns = TestDnsServer.start("$ORIGIN corp.test.\n@ TXT \"v=spf1 ip4:192.0.2.50 -all\"\n");
    private final ResolverService resolver = new ResolverService(ResolverOptions.defaults().withTimeout(Duration.ofMillis(300))
            .withRetries(0));

    @AfterEach
    void close() {
        resolver.close();
        dns.close();
    }

    @Test
    void aProviderLeftOutForwardedMailAndTheAuthorizingTermAreTold() {
        Summary summary = new Summary(3, 60, 40, 20, List.of(
                new Summary.Source("192.0.2.50", 30, 30, 0, 30, 30),
                new Summary.Source("192.0.2.10", 20, 10, 10, 0, 10),
                new Summary.Source("192.0.2.60", 10, 10, 0, 0, 10)), List.of(), Map.of(), List.of());
        Map<String, SourceNames.Named> names = Map.of(
                "192.0.2.10", new SourceNames.Named(Optional.of("o1.mail.sendgrid.net"), Optional.of("SendGrid")),
                "192.0.2.60", new SourceNames.Named(Optional.of("lists.university.test"), Optional.empty()));

        SourceAdvice.Advice advice = new SourceAdvice(resolver, dns.target()).advise("corp.test", summary, names, SourceHistory.NONE).join();

        assertEquals(Optional.of("ip4:192.0.2.50"), advice.spfTerms().get("192.0.2.50"));
        assertEquals(Optional.empty(), advice.spfTerms().get("192.0.2.10"));
        assertEquals(List.of("reports.provider-not-in-spf", "reports.forwarded"),
                advice.suggestions().stream().map(Finding::id).toList());
        assertEquals("If SendGrid is yours, add include:sendgrid.net to the SPF record of corp.test (the SPF wizard does it, "
                + "counting the lookups), and set up DKIM signing there too.", advice.suggestions().get(0).fix(Locale.ENGLISH));
    }

    @Test
    void aRecordThatCannotBeReadNowGivesNoAdviceButAWarningThatSaysWhy() {
        dns.setBehaviour(TestDnsServer.Behaviour.SERVFAIL);
        Summary summary = new Summary(1, 5, 0, 5, List.of(new Summary.Source("192.0.2.99", 5, 0, 5, 0, 0)), List.of(), Map.of(), List.of());

        SourceAdvice.Advice advice = new SourceAdvice(resolver, dns.target()).advise("corp.test", summary, Map.of(), SourceHistory.NONE).join();

        assertEquals(List.of("reports.spf-unanswered"), advice.suggestions().stream().map(Finding::id).toList(),
                "no advice on the source, which would be built on nothing");
        assertEquals(Optional.empty(), advice.spfTerms().get("192.0.2.99"));
        assertEquals("The SPF record of corp.test could not be evaluated now for some sources; they have no SPF term and no SPF advice: "
                + "The TXT lookup of corp.test failed, so the result is temperror (try again later).",
                advice.suggestions().get(0).message(Locale.ENGLISH));
        assertEquals("El registro SPF de corp.test no se pudo evaluar ahora para algunas fuentes; no tienen término SPF ni consejo SPF: "
                + "La consulta TXT de corp.test falló, así que el resultado es temperror (vuelva a intentarlo más tarde).",
                advice.suggestions().get(0).message(Locale.forLanguageTag("es")));
    }
}
