package org.mailwright.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Records written from their parts, always in the same order. */
class DmarcRecordBuilderTest {

    @Test
    void writesOnlyWhatWasSetInAFixedOrder() {
        assertEquals("v=DMARC1; p=none", new DmarcRecordBuilder().policy(Policy.NONE).text());
        String everything = new DmarcRecordBuilder()
                .failureOptions("1:d")
                .failureReport(ReportUri.parse("mailto:f@example.com").orElseThrow())
                .aggregateReport(ReportUri.parse("mailto:a@example.com").orElseThrow())
                .aggregateReport(ReportUri.parse("mailto:b@example.net").orElseThrow())
                .percentage(25)
                .spfAlignment(AlignmentMode.STRICT)
                .dkimAlignment(AlignmentMode.RELAXED)
                .psd(PsdFlag.NO)
                .testing(true)
                .nonExistentPolicy(Policy.REJECT)
                .subdomainPolicy(Policy.QUARANTINE)
                .policy(Policy.REJECT)
                .text();
        assertEquals("v=DMARC1; p=reject; sp=quarantine; np=reject; t=y; psd=n; adkim=r; aspf=s; pct=25; "
                + "rua=mailto:a@example.com,mailto:b@example.net; ruf=mailto:f@example.com; fo=1:d", everything);
        DmarcRecord read = DmarcRecord.parse(everything);
        assertEquals(List.of(), read.problems());
        assertEquals(2, read.aggregateReportUris().size());
    }

    @Test
    void testModeOffIsTheDefaultAndNotWritten() {
        assertEquals("v=DMARC1; p=reject", new DmarcRecordBuilder().policy(Policy.REJECT).testing(false).text());
    }

    @Test
    void refusesWhatTheGrammarDoesNotAllow() {
        assertThrows(IllegalStateException.class, () -> new DmarcRecordBuilder().text());
        assertThrows(IllegalArgumentException.class, () -> new DmarcRecordBuilder().percentage(101));
        assertThrows(IllegalArgumentException.class, () -> new DmarcRecordBuilder().percentage(-1));
        assertThrows(IllegalArgumentException.class, () -> new DmarcRecordBuilder().failureOptions("0:1"));
    }

    @Test
    void keepsAnEscapedAddressEscaped() {
        ReportUri uri = ReportUri.parse(ReportUri.mailto("odd,name@example.com")).orElseThrow();
        String text = new DmarcRecordBuilder().policy(Policy.NONE).aggregateReport(uri).text();
        assertEquals("v=DMARC1; p=none; rua=mailto:odd%2Cname@example.com", text);
        assertEquals("odd,name@example.com", DmarcRecord.parse(text).aggregateReportUris().get(0).address());
    }
}
