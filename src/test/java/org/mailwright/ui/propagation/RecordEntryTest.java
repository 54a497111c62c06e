package org.mailwright.ui.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailwright.dns.RecordType;
import org.mailwright.propagation.ExpectedRecord;

class RecordEntryTest {

    @ParameterizedTest
    @CsvSource({
        "@, example.com, example.com",
        "_dmarc, example.com, _dmarc.example.com",
        "_dmarc.example.com, example.com, _dmarc.example.com",
        "MAIL.Example.COM, example.com, MAIL.Example.COM",
        "www.other.org., example.com, www.other.org.",
        "www.other.org, '', www.other.org",
    })
    void namesAreRelativeToTheDomainAsInDnsPanels(String typed, String domain, String whole) {
        assertEquals(whole, RecordEntry.wholeName(typed, domain));
    }

    @Test
    void txtPastedFromAZoneFileIsJoinedAsReceiversReadIt() {
        assertEquals("v=DKIM1; k=rsa; p=MIIB", RecordEntry.joinedStrings("( \"v=DKIM1; k=rsa; \" \"p=MIIB\" )"));
        assertEquals("say \"hi\"", RecordEntry.joinedStrings("\"say \\\"hi\\\"\""));
        assertEquals("v=spf1 -all", RecordEntry.joinedStrings("v=spf1 -all"));
        assertEquals("\"a\" b", RecordEntry.joinedStrings("\"a\" b"), "text outside quotes: taken as typed");
    }

    @Test
    void aSetIsSeparatedByBars() {
        RecordEntry.Result entry = RecordEntry.read("@", RecordType.A, "192.0.2.1 | 192.0.2.2", "example.com");
        assertEquals(ExpectedRecord.of("example.com", RecordType.A, "192.0.2.1", "192.0.2.2"), entry.record().orElseThrow());
    }

    @Test
    void selectorsAreSeparatedByCommasOrSpacesAndCountOnce() {
        assertEquals(List.of("s1", "2026-05", "mail.sel"), RecordEntry.selectors(" s1, 2026-05  mail.sel S1 ").selectors());
        assertEquals("-bad", RecordEntry.selectors("s1 -bad").problem().orElseThrow().arguments().get(0));
    }

    @Test
    void addressesAreCheckedForTheirType() {
        assertEquals("propagation.add.problem.a",
                RecordEntry.read("www", RecordType.A, "192.0.2.300", "example.com").problem().orElseThrow().key());
        assertEquals("propagation.add.problem.aaaa",
                RecordEntry.read("www", RecordType.AAAA, "192.0.2.3", "example.com").problem().orElseThrow().key());
        assertEquals("propagation.add.problem.name",
                RecordEntry.read(" ", RecordType.TXT, "", "example.com").problem().orElseThrow().key());
    }
}
