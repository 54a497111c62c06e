package org.mailwright.ui.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.mailwright.check.DomainOverview;
import org.mailwright.check.DomainOverview.Aspect;
import org.mailwright.dns.Detail;
import org.mailwright.dns.DnsRecord;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.SpfFinding;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;

/** The overview's rows say in words what the core decided, in the user's language. */
class OverviewRowTest {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(AppContext.BUNDLE, Locale.ROOT);
    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final String SERVER = "127.0.0.1:5353";

    @Test
    void theSoaRowNamesTheSerial() {
        OverviewRow row = row(Aspect.SOA, ok("example.com", RecordType.SOA,
                "ns1.example.com. hostmaster.example.com. 2026112401 3600 600 86400 300"));

        assertEquals(CheckState.PASS, row.state());
        assertTrue(row.explanation().endsWith("The zone’s serial number is 2026112401."), row.explanation());
    }

    @Test
    void aMissingAddressIsOnlyInformation() {
        OverviewRow row = row(Aspect.AAAA, negative("example.com", RecordType.AAAA, Outcome.NODATA));

        assertEquals(CheckState.INFO, row.state());
        assertTrue(row.explanation().contains("Mail does not need it"), row.explanation());
    }

    @Test
    void noMxIsAWarningThatMentionsNullMx() {
        OverviewRow row = row(Aspect.MX, negative("example.com", RecordType.MX, Outcome.NODATA));

        assertEquals(CheckState.WARNING, row.state());
        assertTrue(row.explanation().contains("null MX"), row.explanation());
    }

    @Test
    void aNullMxSaysTheDomainTakesNoMail() {
        OverviewRow row = row(Aspect.MX, ok("example.com", RecordType.MX, "0 ."));

        assertEquals(CheckState.INFO, row.state());
        assertTrue(row.explanation().contains("it says it accepts no mail"), row.explanation());
    }

    @Test
    void aTimeoutLeavesTheStateUnknownAndSaysWhy() {
        LookupResult silent = new LookupResult("example.com", RecordType.NS, Outcome.TIMEOUT, List.of(), List.of(),
                LookupResult.NO_TTL, SERVER, new Detail("no-answer", List.of(750, 2)), false, Duration.ofMillis(1500));

        OverviewRow row = row(Aspect.NS, silent);

        assertEquals(CheckState.UNKNOWN, row.state());
        assertEquals(silent.explain(Locale.ROOT), row.explanation());
    }

    @Test
    void aServerFailureIsAnError() {
        assertEquals(CheckState.ERROR, row(Aspect.NS, negative("example.com", RecordType.NS, Outcome.SERVFAIL)).state());
    }

    @Test
    void aLintedRowCarriesTheFindingsAndItsWorstState() {
        DomainName name = DomainName.of("example.com");
        DomainOverview.Item item = new DomainOverview.Item(Aspect.SPF, name, ok("example.com", RecordType.TXT, "v=spf1 ptr -all"),
                Optional.of(org.mailwright.findings.Severity.WARNING), DomainOverview.Note.NONE, List.of("v=spf1 ptr -all"),
                List.of(SpfFinding.PTR_USED.of("ptr")));

        OverviewRow row = OverviewRow.of(item, ENGLISH, Locale.ENGLISH);

        assertEquals(CheckState.WARNING, row.state());
        assertEquals("", row.explanation(), "the findings say it");
        assertEquals(List.of("spf.ptr-used"), row.findings().stream().map(f -> f.id()).toList());
        assertEquals(300, row.ttl());
    }

    @Test
    void anInternationalDomainIsShownInItsOwnScript() {
        OverviewRow row = OverviewRow.of(DomainOverview.judge(Aspect.NS, DomainName.of("münchen.de"),
                negative("xn--mnchen-3ya.de", RecordType.NS, Outcome.NODATA)), ResourceBundle.getBundle(AppContext.BUNDLE, SPANISH), SPANISH);

        assertEquals("münchen.de", row.name());
        assertTrue(row.explanation().contains("münchen.de no tiene servidores de nombres propios"), row.explanation());
    }

    @Test
    void aRecordsControlCharactersAreShownAsTheCommandLineShowsThem() {
        OverviewRow row = row(Aspect.SPF, ok("example.com", RecordType.TXT, "v=spf1 include:\u202Eexample.net \u009B-all"));

        assertEquals(List.of("v=spf1 include:\uFFFDexample.net \uFFFD-all"), row.records());
    }

    private static OverviewRow row(Aspect aspect, LookupResult result) {
        return OverviewRow.of(DomainOverview.judge(aspect, DomainName.of(result.name()), result), ENGLISH, Locale.ROOT);
    }

    private static LookupResult ok(String name, RecordType type, String... values) {
        List<DnsRecord> records = java.util.Arrays.stream(values)
                .map(value -> new DnsRecord(name, type, 300, value, type == RecordType.TXT ? List.of(value) : List.of()))
                .toList();
        return new LookupResult(name, type, Outcome.OK, records, List.of(), 300, SERVER, Detail.NONE, false, Duration.ofMillis(3));
    }

    private static LookupResult negative(String name, RecordType type, Outcome outcome) {
        return new LookupResult(name, type, outcome, List.of(), List.of(), 60, SERVER, Detail.NONE, false, Duration.ofMillis(3));
    }
}
