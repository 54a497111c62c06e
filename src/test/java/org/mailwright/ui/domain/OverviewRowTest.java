package org.mailwright.ui.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DnsRecord;
import org.mailwright.dns.Detail;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.controls.CheckState;

class OverviewRowTest {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(AppContext.BUNDLE, Locale.ROOT);
    private static final String SERVER = "127.0.0.1:5353";

    @Test
    void oneSpfRecordPassesAndOnlyItIsShown() {
        OverviewRow row = assess(Aspect.SPF, ok("example.com", RecordType.TXT,
                "google-site-verification=abc", "v=spf1 mx -all"));

        assertEquals(CheckState.PASS, row.state());
        assertEquals(List.of("v=spf1 mx -all"), row.records());
        assertEquals(300, row.ttl());
    }

    @Test
    void twoSpfRecordsAreAnError() {
        OverviewRow row = assess(Aspect.SPF, ok("example.com", RecordType.TXT, "v=spf1 mx -all", "V=SPF1 a ~all"));

        assertEquals(CheckState.ERROR, row.state());
        assertEquals("There are 2 SPF records at example.com; receivers treat more than one as an error (permerror). Merge them into one.",
                row.explanation());
        assertEquals(2, row.records().size());
    }

    @Test
    void txtRecordsWithoutSpfAreAWarning() {
        OverviewRow row = assess(Aspect.SPF, ok("example.com", RecordType.TXT, "v=spf10 is not spf", "hello"));

        assertEquals(CheckState.WARNING, row.state());
        assertTrue(row.explanation().startsWith("None of the TXT records at example.com starts with v=spf1"), row.explanation());
        assertTrue(row.records().isEmpty());
    }

    @Test
    void noDmarcRecordIsAWarningThatSaysWhatIsLost() {
        OverviewRow row = assess(Aspect.DMARC, negative("_dmarc.example.com", RecordType.TXT, Outcome.NXDOMAIN));
        assertEquals(CheckState.ERROR, row.state(), "NXDOMAIN is what the server said; the name does not exist");

        OverviewRow nodata = assess(Aspect.DMARC, negative("_dmarc.example.com", RecordType.TXT, Outcome.NODATA));
        assertEquals(CheckState.WARNING, nodata.state());
        assertTrue(nodata.explanation().contains("receivers apply no DMARC policy"), nodata.explanation());
    }

    @Test
    void aDmarcRecordPasses() {
        OverviewRow row = assess(Aspect.DMARC, ok("_dmarc.example.com", RecordType.TXT, "v=DMARC1; p=none"));

        assertEquals(CheckState.PASS, row.state());
        assertEquals(List.of("v=DMARC1; p=none"), row.records());
    }

    @Test
    void theSoaRowNamesTheSerial() {
        OverviewRow row = assess(Aspect.SOA, ok("example.com", RecordType.SOA,
                "ns1.example.com. hostmaster.example.com. 2026112401 3600 600 86400 300"));

        assertEquals(CheckState.PASS, row.state());
        assertTrue(row.explanation().endsWith("The zone’s serial number is 2026112401."), row.explanation());
    }

    @Test
    void aMissingAddressIsOnlyInformation() {
        OverviewRow row = assess(Aspect.AAAA, negative("example.com", RecordType.AAAA, Outcome.NODATA));

        assertEquals(CheckState.INFO, row.state());
        assertTrue(row.explanation().contains("Mail does not need it"), row.explanation());
    }

    @Test
    void noMxIsAWarningThatMentionsNullMx() {
        OverviewRow row = assess(Aspect.MX, negative("example.com", RecordType.MX, Outcome.NODATA));

        assertEquals(CheckState.WARNING, row.state());
        assertTrue(row.explanation().contains("null MX"), row.explanation());
    }

    @Test
    void aTimeoutLeavesTheStateUnknownAndSaysWhy() {
        LookupResult silent = new LookupResult("example.com", RecordType.NS, Outcome.TIMEOUT, List.of(), List.of(),
                LookupResult.NO_TTL, SERVER, Detail.unexplained("no answer within 750 ms (2 attempts)"), false, Duration.ofMillis(1500));

        OverviewRow row = assess(Aspect.NS, silent);

        assertEquals(CheckState.UNKNOWN, row.state());
        assertEquals(silent.explain(Locale.ROOT), row.explanation());
    }

    @Test
    void aServerFailureIsAnError() {
        OverviewRow row = assess(Aspect.NS, negative("example.com", RecordType.NS, Outcome.SERVFAIL));

        assertEquals(CheckState.ERROR, row.state());
    }

    private static OverviewRow assess(Aspect aspect, LookupResult result) {
        return OverviewRow.assess(aspect, result, ENGLISH, Locale.ROOT);
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
