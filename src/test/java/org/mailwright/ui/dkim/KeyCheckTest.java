package org.mailwright.ui.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dkim.DkimDnsRecord;
import org.mailwright.dkim.KeyTest;
import org.mailwright.dkim.KeyTestReport;
import org.mailwright.dkim.KeyTestResult;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.BackgroundJobs;
import org.mailwright.ui.work.BackgroundWork;
import org.mailwright.ui.work.DirectJobs;

/** "Check DNS" worded from real key tests against the test DNS server, as resolver and both name servers. */
class KeyCheckTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:15:30Z"), ZoneOffset.UTC);

    private final ThrowawayPreferences preferences = new ThrowawayPreferences();
    private final AppSettings settings = AppSettings.load(preferences.node());
    private final AppContext context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
    private final ResolverService resolver = new ResolverService(ResolverOptions.defaults().withCache(false)
            .withTimeout(Duration.ofMillis(300)).withRetries(0));
    private final KeyCheck check;
    private TestDnsServer dns;

    KeyCheckTest() {
        settings.languageProperty().set(Language.ENGLISH);
        check = new KeyCheck(context, new Words(context), new DirectJobs(), CLOCK);
    }

    @AfterEach
    void close() throws Exception {
        resolver.close();
        dns.close();
        context.close();
        preferences.close();
    }

    private KeyTestReport test() {
        return new KeyTest(resolver, CLOCK, dns.port()).run("corp.example", "202611a", DkimWizardViewModelTest.RSA, dns.target()).join();
    }

    @Test
    void aPublishedKeyMatchesOnEveryServer() {
        dns = TestDnsServer.start(DkimZone.corpExample(DkimZone.keyRecord(DkimWizardViewModelTest.RSA)));

        check.accept(test(), dns.address().toString());

        assertEquals("Asked " + dns.address() + " and the 2 name servers of corp.example at 10:15:30.",
                new Words(context).say(check.statusProperty().get()));
        List<ServerRow> rows = check.servers();
        assertEquals(3, rows.size());
        assertTrue(rows.stream().allMatch(row -> row.state() == CheckState.PASS && row.word().equals("Match")));
        assertEquals(List.of("Your resolver", "Name server", "Name server"), rows.stream().map(ServerRow::role).toList());
        assertEquals("Publishes this key (TTL 300 s).", rows.get(1).detail());
        assertEquals(List.of("dkim.key-match", "dkim.sample-passed"), check.findings().stream().map(Finding::id).toList());
        assertTrue(check.findings().stream().allMatch(finding -> finding.severity() == Severity.PASS));
    }

    @Test
    void aRecordNotYetPublishedIsMissingNotBroken() {
        dns = TestDnsServer.start(DkimZone.corpExample(""));

        check.accept(test(), "Quad9");

        assertEquals(CheckState.WARNING, check.servers().get(0).state());
        assertEquals("Missing", check.servers().get(0).word());
        assertTrue(check.servers().get(0).detail().contains("does not exist"), check.servers().get(0).detail());
        assertEquals(Severity.ERROR, check.findings().get(0).severity());
        assertTrue(check.findings().get(0).fix(Locale.ENGLISH).startsWith("Publish the TXT record at 202611a._domainkey.corp.example"));

        settings.languageProperty().set(Language.SPANISH);

        assertEquals("Falta", check.servers().get(0).word());
        assertEquals("Su resolutor", check.servers().get(0).role());
    }

    @Test
    void anotherKeyAndABrokenRecordAreSaidInTheUsersWords() {
        dns = TestDnsServer.start(DkimZone.corpExample(DkimZone.keyRecord(DkimWizardViewModelTest.ED25519)));

        check.accept(test(), "Quad9");

        assertEquals("Mismatch", check.servers().get(0).word());
        assertEquals(CheckState.ERROR, check.servers().get(0).state());

        dns.replaceZones(DkimZone.corpExample("202611a._domainkey 300 IN TXT \"v=DKIM1; k=rsa; p=MIGfMA0GCSq\"\n"));
        check.accept(test(), "Quad9");

        assertEquals("Malformed", check.servers().get(0).word());
        assertTrue(check.servers().get(0).detail().startsWith("Publishes a record receivers cannot use: The p= of the key record is not a valid key"),
                check.servers().get(0).detail());
    }

    @Test
    void aServersControlCharactersAreShownAsTheCommandLineShowsThem() {
        // A right-to-left override (U+202E, in UTF-8) in what the servers publish.
        dns = TestDnsServer.start(DkimZone.corpExample("202611a._domainkey 300 IN TXT \"v=DKIM1; k=rsa; p=\\226\\128\\174MIGf\"\n"));

        check.accept(test(), "Quad9");

        assertEquals(List.of("v=DKIM1; k=rsa; p=\uFFFDMIGf"), check.servers().get(0).records());
    }

    @Test
    void checkAgainAsksTheServersNowNotTheCacheOfTheLastCheck() {
        dns = TestDnsServer.start(DkimZone.corpExample(""));
        settings.useCustomResolver(dns.address().toString());
        settings.nameServerPortProperty().set(dns.port());
        DkimDnsRecord written = new DkimDnsRecord("202611a", "corp.example", DkimWizardViewModelTest.RSA.record());

        check.run(written, DkimWizardViewModelTest.RSA);
        assertEquals(KeyTestResult.MISSING, check.reportProperty().get().result());

        dns.replaceZones(DkimZone.corpExample(DkimZone.keyRecord(DkimWizardViewModelTest.RSA)));
        check.run(written, DkimWizardViewModelTest.RSA);

        assertEquals(List.of("Match", "Match", "Match"), check.servers().stream().map(ServerRow::word).toList(),
                "the resolver row no longer keeps the no-such-name the last check cached");
        assertTrue(check.findings().stream().noneMatch(finding -> finding.id().equals("dkim.servers-disagree")));
    }

    @Test
    void aCheckThatFailsSaysWhatToDoNotWhatTheExceptionSaid() {
        KeyCheck failing = new KeyCheck(context, new Words(context), new BackgroundJobs() {
            @Override
            public <T> Job start(String message, Supplier<CompletableFuture<T>> work, BiConsumer<T, Throwable> done) {
                done.accept(null, new IllegalStateException("java.util.concurrent.RejectedExecutionException: pool closed"));
                return () -> { };
            }
        }, CLOCK);
        dns = TestDnsServer.start(DkimZone.corpExample(""));

        failing.run(new DkimDnsRecord("202611a", "corp.example", DkimWizardViewModelTest.RSA.record()), DkimWizardViewModelTest.RSA);

        assertEquals("The check could not finish. Choose Check again; if it fails again, look at the resolver chosen in Settings.",
                new Words(context).say(failing.statusProperty().get()));
        assertFalse(failing.runningProperty().get());
    }

    @Test
    void clearingForgetsTheLastCheck() {
        dns = TestDnsServer.start(DkimZone.corpExample(""));
        check.accept(test(), "Quad9");

        check.clear();

        assertEquals(null, check.reportProperty().get());
        assertTrue(check.servers().isEmpty());
        assertTrue(check.findings().isEmpty());
    }
}
