package org.mailwright.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailwright.dns.RecordType;

class RecordComparisonTest {

    private static boolean txt(String name, String expected, String... answer) {
        return RecordComparison.matches(name, RecordType.TXT, List.of(expected), List.of(answer));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "v=spf1 mx -all                  | v=spf1  mx   -all",
            "v=spf1 mx -all                  | V=SPF1 +MX -ALL",
            "v=spf1 include:_spf.Example.com ~all | v=spf1 include:_spf.example.com. ~all",
            "v=spf1 ip4:192.0.2.0/24 -all    | 'v=spf1 ip4:192.0.2.0/24 -all '",
            "v=spf1 ip6:2001:DB8:0:0::/32 -all | v=spf1 ip6:2001:db8::/32 -all",
            "v=spf1 a/24 mx:Mail.example.com//64 -all | v=spf1 A/24 MX:mail.example.com//64 -all",
            "v=spf1 redirect=_SPF.example.com | v=spf1 redirect=_spf.example.com",
    })
    void spfSpacingCaseAndTheDefaultQualifierDoNotCount(String expected, String published) {
        assertTrue(txt("example.test", expected, published));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "v=spf1 mx a -all         | v=spf1 a mx -all",
            "v=spf1 mx -all           | v=spf1 mx ~all",
            "v=spf1 exists:%{i}.x -all | v=spf1 exists:%{I}.x -all",
            "v=spf1 a/24 -all          | v=spf1 a/25 -all",
            "v=spf1 mx -all            | v=spf1 mx -al",
    })
    void spfTermOrderQualifiersAndMacroCaseCount(String expected, String published) {
        assertFalse(txt("example.test", expected, published));
    }

    @Test
    void aRecordReceiversDoNotTakeForSpfIsNotTheSpfRecord() {
        // RFC 7208 4.5: a record starting with a space is not an SPF record; receivers skip it.
        assertFalse(txt("example.test", "v=spf1 ip4:192.0.2.0/24 -all", " v=spf1 ip4:192.0.2.0/24 -all"));
        assertFalse(txt("example.test", "v=spf1 mx -all", "v=spf1\tmx -all"));
    }

    @Test
    void anOldSpfRecordBesideTheNewOneIsADifference() {
        assertFalse(txt("example.test", "v=spf1 mx -all", "v=spf1 mx -all", "v=spf1 mx ~all"));
    }

    @Test
    void unrelatedTxtRecordsBesideSpfDoNotCount() {
        assertTrue(txt("example.test", "v=spf1 mx -all", "google-site-verification=abc", "v=spf1 mx -all"));
    }

    @Test
    void dmarcTagOrderSpacingAndTagCaseDoNotCountButThePolicyDoes() {
        String expected = "v=DMARC1; p=reject; rua=mailto:a@example.test,mailto:b@example.test";
        assertTrue(txt("_dmarc.example.test", expected,
                "v=DMARC1;rua=mailto:a@example.test, mailto:b@example.test ;  P=reject;"));
        assertFalse(txt("_dmarc.example.test", expected,
                "v=DMARC1; p=quarantine; rua=mailto:a@example.test,mailto:b@example.test"));
        assertFalse(txt("_dmarc.example.test", expected, "v=DMARC1; p=reject; rua=mailto:a@example.test"));
    }

    @Test
    void dmarcKeywordsHaveNoCaseButTheVersionHas() {
        assertTrue(txt("_dmarc.corp.test", "v=DMARC1; p=reject; rua=mailto:d@corp.test",
                "v=DMARC1;rua=mailto:d@corp.test; p=Reject"));
        assertTrue(txt("_dmarc.corp.test", "v=DMARC1; p=quarantine; adkim=s; fo=1:d",
                "v=DMARC1; ADKIM=S; p=QUARANTINE; fo=1:D"));
        assertFalse(txt("_dmarc.corp.test", "v=DMARC1; p=reject", "v=dmarc1; p=reject"),
                "receivers take only v=DMARC1 for a policy");
        assertFalse(txt("_dmarc.corp.test", "v=DMARC1; p=reject; rua=mailto:d@corp.test",
                "v=DMARC1; p=reject; rua=mailto:D@corp.test"), "the mailbox of an address is written as given");
    }

    @Test
    void aDmarcRecordWithASyntaxErrorIsNeverTheRecordWritten() {
        assertFalse(txt("_dmarc.corp.test", "v=DMARC1; p=reject", "v=DMARC1; p=reject; rua"));
        assertFalse(txt("_dmarc.corp.test", "v=DMARC1; p=reject", "v=DMARC1; p=reject; p=none"));
        assertTrue(txt("_dmarc.corp.test", "v=DMARC1; p=rejected", "v=DMARC1; p=rejected"), "but it is itself");
    }

    @Test
    void dkimKeyWhitespaceAndTagOrderDoNotCountButAnotherKeyDoes() {
        String expected = "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA";
        assertTrue(txt("s1._domainkey.example.test", expected,
                "v=DKIM1; p=MIIBIjANBgkqhkiG9w0B AQEFAAOCAQ8AMIIBCgKCAQEA; k=rsa"));
        assertFalse(txt("s1._domainkey.example.test", expected,
                "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEB"));
        // Without v=DKIM1 the name still says it is a key record, compared as tags.
        assertTrue(txt("s1._domainkey.example.test", "k=rsa; p=AAAA", "p=AAAA; k=rsa"));
        assertTrue(txt("s1._domainkey.example.test", "v=DKIM1; k=rsa; p=AAAA", "v=DKIM1; p=AAAA"), "rsa is the default k=");
        assertTrue(txt("s1._domainkey.example.test", "v=DKIM1; p=AAAA", "v=DKIM1; p=AAAA; x=unknown"),
                "verifiers ignore tags they do not know");
        assertFalse(txt("s1._domainkey.example.test", "v=DKIM1; k=rsa; p=AAAA", "v=DKIM1; k=rsa; t=y; p=AAAA"));
        assertFalse(txt("s1._domainkey.example.test", "v=DKIM1; p=AAAA", "v=DKIM2; p=AAAA"));
    }

    @Test
    void plainTxtIsComparedAsItsJoinedStrings() {
        assertTrue(txt("example.test", "hello world", "other", "hello world"));
        assertFalse(txt("example.test", "hello world", "hello  world"));
    }

    @Test
    void otherTypesCompareNamesWithoutCaseOrFinalDotAndAddressesInAnySpelling() {
        assertTrue(RecordComparison.matches("example.test", RecordType.MX,
                List.of("10 Mail.example.test", "20 backup.example.test."),
                List.of("20 backup.example.test.", "10 mail.example.test.")));
        assertFalse(RecordComparison.matches("example.test", RecordType.MX,
                List.of("10 mail.example.test"), List.of("10 mail.example.test.", "20 backup.example.test.")));
        assertTrue(RecordComparison.matches("mail.example.test", RecordType.AAAA,
                List.of("2001:DB8:0:0::10"), List.of("2001:db8::10")));
        assertTrue(RecordComparison.matches("mail.example.test", RecordType.A,
                List.of("192.0.2.010"), List.of("192.0.2.10")));
    }

    @Test
    void answerKeyIsTheSameForTheSameRecordsInAnyOrderOrSpelling() {
        assertEquals(RecordComparison.answerKey("example.test", RecordType.TXT, List.of("v=spf1 mx -all", "x")),
                RecordComparison.answerKey("example.test", RecordType.TXT, List.of("x", "v=spf1  MX -all")));
        assertNotEquals(RecordComparison.answerKey("example.test", RecordType.TXT, List.of("v=spf1 mx -all")),
                RecordComparison.answerKey("example.test", RecordType.TXT, List.of("v=spf1 mx ~all")));
    }
}
