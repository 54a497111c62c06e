package org.mailwright.ui.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailwright.dns.RecordType;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.ui.AppContext;

class RecordEntryTest {

    private static final Words WORDS = new Words(ResourceBundle.getBundle(AppContext.BUNDLE, Locale.ENGLISH),
            Locale.ENGLISH, ZoneOffset.UTC);

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
        assertEquals(List.of("mail_2026"), RecordEntry.selectors("mail_2026").selectors(), "as the command line takes it");
        assertEquals("“-bad” is not a selector: use letters, digits, hyphens and underscores, for example s1 or 2026-05.",
                RecordEntry.selectors("s1 -bad").problem().orElseThrow().in(WORDS));
    }

    @Test
    void addressesAreCheckedForTheirType() {
        assertEquals("“192.0.2.300” is not an IPv4 address such as 192.0.2.10.",
                RecordEntry.read("www", RecordType.A, "192.0.2.300", "example.com").problem().orElseThrow().in(WORDS));
        assertEquals("“192.0.2.3” is not an IPv6 address such as 2001:db8::10.",
                RecordEntry.read("www", RecordType.AAAA, "192.0.2.3", "example.com").problem().orElseThrow().in(WORDS));
        assertEquals("Write the record’s name: relative to the domain (_mta-sts), @ for the domain itself, or a whole name ending in a dot.",
                RecordEntry.read(" ", RecordType.TXT, "", "example.com").problem().orElseThrow().in(WORDS));
    }

    @Test
    void namesAreCheckedAsEveryNameIsAndWrittenAsTheyAreAsked() {
        assertEquals("There is an empty part between two dots, or a dot at the start.",
                RecordEntry.read("a..b", RecordType.TXT, "", "example.com").problem().orElseThrow().in(WORDS));
        assertEquals(ExpectedRecord.asPublished("xn--mnchen-3ya.example.com", RecordType.A),
                RecordEntry.read("MÜNCHEN", RecordType.A, "", "example.com").record().orElseThrow());
    }
}
