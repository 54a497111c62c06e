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

    @Test
    void aUriGivenWithASemicolonIsPercentEncodedSoReceiversReadNoExtraTag() {
        // Issue 11: dmarc build --rua "mailto:a;sp=none@x.y" printed a record receivers read with sp=none.
        ReportUri uri = ReportUri.fromUser("mailto:a;sp=none@x.y").orElseThrow();
        String text = new DmarcRecordBuilder().policy(Policy.REJECT).aggregateReport(uri).text();

        assertEquals("v=DMARC1; p=reject; rua=mailto:a%3Bsp=none@x.y", text);
        DmarcRecord read = DmarcRecord.parse(text);
        assertEquals(List.of("v", "p", "rua"), read.tags().stream().map(DmarcRecord.Tag::name).toList());
        assertEquals("a;sp=none@x.y", read.aggregateReportUris().get(0).address());
    }

    @Test
    void commasAndExclamationMarksAreEncodedAndASizeLimitAtTheEndIsKept() {
        assertEquals("mailto:a%2Cb%21c@example.com!10m", ReportUri.fromUser("mailto:a,b!c@example.com!10m").orElseThrow().toString());
        assertEquals("https://reports.example.com/in?a=1%3Bb=2", ReportUri.fromUser("https://reports.example.com/in?a=1;b=2")
                .orElseThrow().toString());
    }

    @Test
    void aUriWithASpaceOrNoUriAtAllIsRefused() {
        for (String refused : List.of("mailto:a b@example.com", "mailto:a@example.com\tx", "dmarc@example.com", "mailto:a@",
                "mailto:a@nodot", "mailto:a@" + "a.".repeat(3000) + "test")) {
            assertEquals(java.util.Optional.empty(), ReportUri.fromUser(refused), refused);
        }
    }

    @Test
    void aUriMadeUpInCodeThatWouldEndTheTagIsRefused() {
        ReportUri madeUp = new ReportUri("mailto:a;sp=none@x.y", "mailto", "a;sp=none@x.y", "x.y", "");

        assertThrows(IllegalArgumentException.class, () -> new DmarcRecordBuilder().policy(Policy.NONE).aggregateReport(madeUp));
        assertThrows(IllegalArgumentException.class, () -> new DmarcRecordBuilder().policy(Policy.NONE).failureReport(madeUp));
    }
}
