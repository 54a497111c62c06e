package org.mailwright.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DnsRecord;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;

class PublishedStateTest {

    private static final String SPF_NEW = "v=spf1 mx ip4:192.0.2.1 -all";
    private static final String SPF_OLD = "v=spf1 mx ~all";

    @Test
    void theRecordWrittenIsLiveWhateverItsSpacingOrCase() {
        assertEquals(PublishedState.LIVE, state("corp.test", txt("corp.test", "v=spf1  MX +ip4:192.0.2.1 -all", "google-site-verification=x"),
                SPF_NEW, List.of(SPF_OLD)));
    }

    @Test
    void aDmarcPolicyWrittenInAnotherCaseAndOrderIsLive() {
        assertEquals(PublishedState.LIVE, state("_dmarc.corp.test",
                txt("_dmarc.corp.test", "v=DMARC1;rua=mailto:d@corp.test; p=Reject"),
                "v=DMARC1; p=reject; rua=mailto:d@corp.test", List.of("v=DMARC1; p=none; rua=mailto:d@corp.test")));
    }

    @Test
    void theRecordAlreadyPublishedIsUnchanged() {
        assertEquals(PublishedState.UNCHANGED, state("corp.test", txt("corp.test", SPF_NEW), SPF_NEW, List.of(SPF_NEW)));
    }

    @Test
    void theRecordReadBeforeIsOldAndAnyOtherIsDifferent() {
        assertEquals(PublishedState.OLD, state("corp.test", txt("corp.test", SPF_OLD), SPF_NEW, List.of(SPF_OLD)));
        assertEquals(PublishedState.DIFFERENT, state("corp.test", txt("corp.test", "v=spf1 a -all"), SPF_NEW, List.of(SPF_OLD)));
    }

    @Test
    void twoPoliciesAreMultipleAndNoneIsMissing() {
        assertEquals(PublishedState.MULTIPLE, state("corp.test", txt("corp.test", SPF_NEW, SPF_OLD), SPF_NEW, List.of()));
        assertEquals(PublishedState.MISSING, state("corp.test", txt("corp.test", "hello"), SPF_NEW, List.of()));
        assertEquals(PublishedState.MISSING, state("corp.test", negative("corp.test", Outcome.NXDOMAIN), SPF_NEW, List.of()));
    }

    @Test
    void aFailedLookupIsUnreadableNeverMissing() {
        for (Outcome failure : List.of(Outcome.SERVFAIL, Outcome.REFUSED, Outcome.TIMEOUT, Outcome.ERROR)) {
            assertEquals(PublishedState.UNREADABLE, state("corp.test", negative("corp.test", failure), SPF_NEW, List.of()));
        }
    }

    private static PublishedState state(String name, LookupResult answer, String expected, List<String> before) {
        return PublishedState.of(name, RecordType.TXT, answer, expected, before);
    }

    private static LookupResult txt(String name, String... values) {
        List<DnsRecord> records = java.util.Arrays.stream(values)
                .map(value -> new DnsRecord(name, RecordType.TXT, 300, value, List.of(value))).toList();
        return new LookupResult(name, RecordType.TXT, Outcome.OK, records, List.of(), 300, "192.0.2.53:53", null, false, Duration.ZERO);
    }

    private static LookupResult negative(String name, Outcome outcome) {
        return new LookupResult(name, RecordType.TXT, outcome, List.of(), List.of(), LookupResult.NO_TTL, "192.0.2.53:53", null,
                false, Duration.ZERO);
    }
}
