package org.mailwright.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailwright.dmarc.DmarcRecord.PolicyState;
import org.mailwright.dmarc.DmarcRecord.VersionStatus;
import org.mailwright.dmarc.SyntaxProblem.Kind;

/** The parser against the RFC 9989 grammar (section 4.8), its examples, and records seen in the wild. */
class DmarcRecordTest {

    @Test
    void readsTheMonitoringExampleOfAppendixB21() {
        DmarcRecord record = DmarcRecord.parse("v=DMARC1; p=none; rua=mailto:dmarc-feedback@example.com");
        assertTrue(record.isDmarc());
        assertEquals(List.of(), record.problems());
        assertEquals(Optional.of(Policy.NONE), record.policy());
        assertEquals(List.of("mailto:dmarc-feedback@example.com"),
                record.aggregateReportUris().stream().map(ReportUri::toString).toList());
        assertEquals("example.com", record.aggregateReportUris().get(0).host());
        assertEquals(AlignmentMode.RELAXED, record.dkimAlignment());
        assertEquals(AlignmentMode.RELAXED, record.spfAlignment());
        assertEquals(PsdFlag.UNSPECIFIED, record.psd());
        assertFalse(record.testing());
    }

    @Test
    void testModeAppliesOneLevelLessAsAppendixB25Describes() {
        DmarcRecord record = DmarcRecord.parse("v=DMARC1; p=quarantine; "
                + "rua=mailto:dmarc-feedback@example.com,mailto:tld-test@thirdparty.example.net; t=y");
        assertEquals(List.of(), record.problems());
        assertTrue(record.testing());
        assertEquals(2, record.aggregateReportUris().size());
        assertEquals("thirdparty.example.net", record.aggregateReportUris().get(1).host());
        assertEquals(Optional.of(Policy.QUARANTINE), record.requestedPolicy(PolicyScope.DOMAIN));
        assertEquals(Optional.of(Policy.NONE), record.appliedPolicy(PolicyScope.DOMAIN));
        assertEquals(Optional.of(Policy.QUARANTINE),
                DmarcRecord.parse("v=DMARC1; p=reject; t=y").appliedPolicy(PolicyScope.DOMAIN));
        assertEquals(Optional.of(Policy.REJECT),
                DmarcRecord.parse("v=DMARC1; p=reject; t=n").appliedPolicy(PolicyScope.DOMAIN));
    }

    @Test
    void subdomainPoliciesFallBackFromNpToSpToP() {
        DmarcRecord spOnly = DmarcRecord.parse("v=DMARC1; p=reject; sp=quarantine");
        assertEquals(Optional.of(Policy.QUARANTINE), spOnly.requestedPolicy(PolicyScope.SUBDOMAIN));
        assertEquals(Optional.of(Policy.QUARANTINE), spOnly.requestedPolicy(PolicyScope.NON_EXISTENT_SUBDOMAIN));
        DmarcRecord all = DmarcRecord.parse("v=DMARC1; p=none; sp=quarantine; np=reject");
        assertEquals(Optional.of(Policy.NONE), all.requestedPolicy(PolicyScope.DOMAIN));
        assertEquals(Optional.of(Policy.QUARANTINE), all.requestedPolicy(PolicyScope.SUBDOMAIN));
        assertEquals(Optional.of(Policy.REJECT), all.requestedPolicy(PolicyScope.NON_EXISTENT_SUBDOMAIN));
        assertEquals(DmarcTag.SP, spOnly.tagInEffect(PolicyScope.NON_EXISTENT_SUBDOMAIN));
        assertEquals(DmarcTag.NP, all.tagInEffect(PolicyScope.NON_EXISTENT_SUBDOMAIN));
        DmarcRecord pOnly = DmarcRecord.parse("v=DMARC1; p=quarantine");
        assertEquals(DmarcTag.P, pOnly.tagInEffect(PolicyScope.NON_EXISTENT_SUBDOMAIN));
        assertEquals(DmarcTag.P, pOnly.tagInEffect(PolicyScope.SUBDOMAIN));
        assertEquals(Optional.of(Policy.QUARANTINE), pOnly.requestedPolicy(PolicyScope.NON_EXISTENT_SUBDOMAIN));
    }

    @Test
    void theThirdPartyAuthorizationRecordIsDmarcButCarriesNoPolicy() {
        DmarcRecord record = DmarcRecord.parse("v=DMARC1;");
        assertTrue(record.isDmarc());
        assertEquals(List.of(), record.problems());
        assertEquals(PolicyState.IGNORED, record.policyState());
        assertEquals(Optional.empty(), record.requestedPolicy(PolicyScope.DOMAIN));
    }

    @Test
    void aMissingOrInvalidPolicyCountsAsNoneWhenThereIsARuaAndIsIgnoredOtherwise() {
        assertEquals(PolicyState.TREATED_AS_NONE,
                DmarcRecord.parse("v=DMARC1; rua=mailto:d@example.com").policyState());
        DmarcRecord badSp = DmarcRecord.parse("v=DMARC1; p=reject; sp=bogus; rua=mailto:d@example.com");
        assertEquals(PolicyState.TREATED_AS_NONE, badSp.policyState());
        assertEquals(Optional.of(Policy.NONE), badSp.requestedPolicy(PolicyScope.DOMAIN));
        assertEquals(PolicyState.IGNORED, DmarcRecord.parse("v=DMARC1; p=block").policyState());
        assertEquals(PolicyState.IGNORED,
                DmarcRecord.parse("v=DMARC1; p=reject; np=never; rua=dmarc@example.com").policyState());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v=DMARC1;p=reject;pct=100;rua=mailto:dmarc_agg@b.example;ruf=mailto:dmarc_fr@b.example;fo=1",
        "v = DMARC1 ;  p = reject ; rua = mailto:a@b.example , mailto:c@d.example ;",
        "v=DMARC1;\tp=reject;\trua=mailto:a@b.example",
        "v=DMARC1; P=Reject; RUA=MAILTO:A@B.EXAMPLE",
        "v=DMARC1; p=reject; rua=mailto:a@b.example;",
        "v=DMARC1; p=reject; rua=mailto:a@b.example; ",
    })
    void toleratesWhatTheGrammarAllows(String text) {
        DmarcRecord record = DmarcRecord.parse(text);
        assertTrue(record.isDmarc(), text);
        assertEquals(List.of(), record.problems(), text);
        assertEquals(Optional.of(Policy.REJECT), record.policy(), text);
        assertEquals("b.example", record.aggregateReportUris().get(0).host(), text);
    }

    @Test
    void keepsEveryTagAsPublishedWithItsPosition() {
        DmarcRecord record = DmarcRecord.parse("v=DMARC1;  P = none ;x-y=1");
        assertEquals(List.of(new DmarcRecord.Tag("v", "DMARC1", 1), new DmarcRecord.Tag("p", "none", 12)),
                record.tags());
        assertEquals(List.of(new SyntaxProblem(Kind.BAD_TAG_NAME, 22, "", "x-y", "")), record.problems());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            v=dmarc1; p=reject         | WRONG_VALUE   | VERSION_VALUE   | 1 | v=dmarc1
            v=DMARC1, p=reject         | WRONG_VALUE   | VERSION_VALUE   | 1 | v=DMARC1, p=reject
            v=DMARC2; p=reject         | WRONG_VALUE   | VERSION_VALUE   | 1 | v=DMARC2
            ' v=DMARC1; p=reject'      | LEADING_SPACE | LEADING_SPACE   | 1 | ''
            p=reject; rua=mailto:a@b.c | MISSING       | VERSION_MISSING | 1 | ''
            ''                         | MISSING       | VERSION_MISSING | 1 | ''
            """)
    void aRecordThatDoesNotStartWithExactlyVEqualsDmarc1IsNotUsed(String text, VersionStatus status, Kind kind,
                                                                  int position, String offending) {
        DmarcRecord record = DmarcRecord.parse(text);
        assertFalse(record.isDmarc());
        assertEquals(status, record.version());
        SyntaxProblem problem = record.problems().get(0);
        assertEquals(kind, problem.kind());
        assertEquals(position, problem.position());
        assertEquals(offending, problem.text());
        assertTrue(problem.voidsRecord());
        assertFalse(problem.tolerated());
    }

    @Test
    void aVersionTagLaterInTheRecordIsNotFirst() {
        DmarcRecord record = DmarcRecord.parse("p=reject; v=DMARC1");
        assertEquals(VersionStatus.NOT_FIRST, record.version());
        assertFalse(record.isDmarc());
        assertEquals(List.of(), record.problems());
        assertEquals(VersionStatus.NOT_FIRST, DmarcRecord.parse(";v=DMARC1; p=none").version());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " ~ ", textBlock = """
            v=DMARC1; p=block ~ INVALID_VALUE ~ 11 ~ p ~ block ~ none | quarantine | reject
            v=DMARC1; p=none; sp=all ~ INVALID_VALUE ~ 19 ~ sp ~ all ~ none | quarantine | reject
            v=DMARC1; p=none; adkim=strict ~ INVALID_VALUE ~ 19 ~ adkim ~ strict ~ r | s
            v=DMARC1; p=none; t=yes ~ INVALID_VALUE ~ 19 ~ t ~ yes ~ y | n
            v=DMARC1; p=none; psd=x ~ INVALID_VALUE ~ 19 ~ psd ~ x ~ y | n | u
            v=DMARC1; p=none; fo=0:1 ~ INVALID_VALUE ~ 19 ~ fo ~ 0:1 ~ 0 | 1 | d | s, joined by colons (fo=1:d)
            v=DMARC1; p=none; fo=1:1 ~ INVALID_VALUE ~ 19 ~ fo ~ 1:1 ~ 0 | 1 | d | s, joined by colons (fo=1:d)
            v=DMARC1; p= ~ MISSING_VALUE ~ 11 ~ p ~ '' ~ ''
            v=DMARC1; p ~ MISSING_EQUALS ~ 11 ~ '' ~ p ~ ''
            v=DMARC1; p=none; rua=dmarc@example.com ~ BAD_URI ~ 23 ~ rua ~ dmarc@example.com ~ mailto:dmarc@example.com
            v=DMARC1; p=none; rua=mailto:a@b.example, ops ~ BAD_URI ~ 43 ~ rua ~ ops ~ mailto:ADDRESS
            v=DMARC1; p=none; ruf=mailto: ~ BAD_URI ~ 23 ~ ruf ~ mailto: ~ mailto:ADDRESS
            v=DMARC1; p=none; p=reject ~ DUPLICATE_TAG ~ 19 ~ p ~ reject ~ ''
            v=DMARC1; p=none; rua=mailto:d@año.example ~ BAD_CHARACTER ~ 33 ~ rua ~ U+00F1 ~ ''
            """)
    void namesWhereAndWhatIsWrong(String text, Kind kind, int position, String tag, String offending, String expected) {
        SyntaxProblem problem = DmarcRecord.parse(text).problems().get(0);
        assertEquals(new SyntaxProblem(kind, position, tag, offending, expected), problem);
        assertFalse(problem.tolerated());
        assertFalse(problem.voidsRecord());
    }

    @Test
    void theFirstOfTwoDuplicateTagsIsTheOneRead() {
        assertEquals(Optional.of(Policy.NONE), DmarcRecord.parse("v=DMARC1; p=none; p=reject").policy());
    }

    @Test
    void anEmptyTagIsOnlyAWarning() {
        DmarcRecord record = DmarcRecord.parse("v=DMARC1;; p=none;;");
        assertTrue(record.isDmarc());
        assertEquals(List.of(new SyntaxProblem(Kind.EMPTY_TAG, 10, "", "", ""),
                new SyntaxProblem(Kind.EMPTY_TAG, 19, "", "", "")), record.problems());
        assertTrue(record.problems().get(0).tolerated());
        assertEquals(Optional.of(Policy.NONE), record.policy());
    }

    @Test
    void failureOptionsFollowTheDmarcFoRule() {
        for (String valid : List.of("0", "1", "d", "s", "1:d", "0:s", "d:s", "d:0:s", "s:d:1", "D")) {
            assertEquals(Optional.of(valid), DmarcRecord.parse("v=DMARC1; p=none; fo=" + valid).failureOptions(), valid);
        }
        for (String invalid : List.of("0:1", "2", "d:d", "1:", ":1", "1 : d", "x")) {
            assertEquals(Optional.empty(), DmarcRecord.parse("v=DMARC1; p=none; fo=" + invalid).failureOptions(), invalid);
        }
    }

    @Test
    void legacyTagsAreReadAndSetApart() {
        DmarcRecord record = DmarcRecord.parse(
                "v=DMARC1; p=quarantine; pct=25; rf=afrf; ri=86400; rua=mailto:d@example.com");
        assertEquals(List.of(), record.problems());
        assertEquals(List.of("pct", "rf", "ri"), record.legacyTags().stream().map(DmarcRecord.Tag::name).toList());
        assertEquals(OptionalInt.of(25), record.percentage());
        assertEquals(List.of(), record.unknownTags());
    }

    @Test
    void aBadValueOfARemovedTagIsOnlyAWarning() {
        SyntaxProblem problem = DmarcRecord.parse("v=DMARC1; p=none; pct=150").problems().get(0);
        assertEquals(Kind.INVALID_VALUE, problem.kind());
        assertEquals("0 to 100", problem.expected());
        assertTrue(problem.tolerated());
        assertEquals(OptionalInt.empty(), DmarcRecord.parse("v=DMARC1; p=none; pct=150").percentage());
    }

    @Test
    void unknownTagsAreKeptButIgnored() {
        DmarcRecord record = DmarcRecord.parse("v=DMARC1; p=reject; foo=bar; auth=dmarcian");
        assertEquals(List.of(), record.problems());
        assertEquals(List.of("foo", "auth"), record.unknownTags().stream().map(DmarcRecord.Tag::name).toList());
        assertEquals(PolicyState.USABLE, record.policyState());
    }

    @Test
    void theObsoleteSizeLimitIsSetApartFromTheUri() {
        ReportUri uri = DmarcRecord.parse("v=DMARC1; p=none; rua=mailto:d@example.com!10M").aggregateReportUris().get(0);
        assertEquals("mailto:d@example.com", uri.uri());
        assertEquals("10m", uri.sizeLimit());
        assertEquals("mailto:d@example.com!10m", uri.toString());
        assertTrue(uri.hasSizeLimit());
    }

    @Test
    void reportUrisOtherThanMailtoAreKeptWithTheirHost() {
        ReportUri https = ReportUri.parse("https://reports.example.net/dmarc").orElseThrow();
        assertFalse(https.isMailto());
        assertEquals("https", https.scheme());
        assertEquals("reports.example.net", https.host());
        ReportUri escaped = ReportUri.parse("mailto:dmarc%2Breports@Example.NET?subject=x").orElseThrow();
        assertEquals("dmarc+reports@Example.NET", escaped.address());
        assertEquals("example.net", escaped.host());
    }

    @Test
    void mailtoEscapesWhatARecordCannotHold() {
        assertEquals("mailto:a%2Cb%21c@example.com", ReportUri.mailto("a,b!c@example.com"));
        assertEquals("a,b!c@example.com", ReportUri.parse(ReportUri.mailto("a,b!c@example.com")).orElseThrow().address());
    }

    @Test
    void aZoneLineQuotesTheRecordAndSplitsItEvery255Characters() {
        assertEquals("_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=none\"",
                DmarcRecord.parse("v=DMARC1; p=none").zoneLine("Example.COM.", 3600));
        String longRecord = "v=DMARC1; p=none; rua=" + "mailto:a@example.com,".repeat(14) + "mailto:b@example.com";
        String line = DmarcRecord.parse(longRecord).zoneLine("example.com", 7200);
        assertEquals("_dmarc.example.com. 7200 IN TXT \"" + longRecord.substring(0, 255) + "\" \"" + longRecord.substring(255) + "\"",
                line);
        assertEquals("_dmarc.example.com. 300 IN TXT \"v=DMARC1; x=\\\"\\\\\"",
                DmarcRecord.parse("v=DMARC1; x=\"\\").zoneLine("example.com", 300));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=DMARC1; p=reject                              | V=DMARC1;P=Reject",
        "v=DMARC1; p=none; rua=mailto:d@example.com       | v=DMARC1; rua=mailto:d@EXAMPLE.com ; p=NONE;",
        "v=DMARC1; p=none; rua=mailto:d@example.com       | v=DMARC1; p=none; rua=MAILTO:d@example.com.",
        "v=DMARC1; p=quarantine; adkim=s; aspf=r; t=y     | v=DMARC1; t=Y; aspf=R; adkim=S; p=Quarantine",
        "v=DMARC1; p=none; fo=1:d                         | v=DMARC1; p=none; fo=D:1",
        "v=DMARC1; p=none; pct=50; ri=86400               | v=DMARC1; p=none; pct=050; ri=0086400",
        "v=DMARC1; p=none; psd=n; np=reject               | v=DMARC1; P=none; PSD=N; NP=REJECT",
        "v=DMARC1; p=none; x=1; y=Two                     | v=DMARC1; p=none; y=Two; X=1",
    })
    void recordsThatReceiversReadAlikeHaveTheSameMeaning(String one, String other) {
        assertTrue(DmarcRecord.parse(one).sameMeaning(DmarcRecord.parse(other)),
                () -> DmarcRecord.parse(one).canonical() + " vs " + DmarcRecord.parse(other).canonical());
        assertEquals(DmarcRecord.parse(one).canonical(), DmarcRecord.parse(other).canonical());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=DMARC1; p=reject                                 | v=dmarc1; p=reject",
        "v=DMARC1; p=reject                                 | ' v=DMARC1; p=reject'",
        "v=DMARC1; p=reject                                 | v=DMARC1; p=quarantine",
        "v=DMARC1; p=none                                   | v=DMARC1; p=none; adkim=r",
        "v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@example.com | v=DMARC1; p=none; rua=mailto:b@example.com,mailto:a@example.com",
        "v=DMARC1; p=none; rua=mailto:d@example.com         | v=DMARC1; p=none; rua=mailto:D@example.com",
        "v=DMARC1; p=none; rua=mailto:d@example.com         | v=DMARC1; p=none; rua=mailto:d@example.com!10m",
        "v=DMARC1; p=none; x=value                          | v=DMARC1; p=none; x=Value",
        "v=DMARC1; p=bogus                                  | v=DMARC1; p=Bogus",
        "v=DMARC1; p=none                                   | v=DMARC1; p=none; junk",
        "v=DMARC1; p=none                                   | v=DMARC1;; p=none",
        "v=DMARC1; p=none                                   | v=DMARC1; p=none; p=reject",
    })
    void recordsThatReceiversReadDifferentlyDoNot(String one, String other) {
        assertFalse(DmarcRecord.parse(one).sameMeaning(DmarcRecord.parse(other)),
                () -> "both read as " + DmarcRecord.parse(one).canonical());
    }

    @Test
    void aRecordEndingInAnEmptyTagHasACanonicalFormThatReadsBackAsItself() {
        // Found by DmarcRecordFuzzTest: "x=1;;" gave "x=1; ", whose last semicolon reads as the final separator.
        String canonical = DmarcRecord.parse("v=DMARC1; p=none;;").canonical();

        assertEquals("v=DMARC1; p=none; ;", canonical);
        assertEquals(canonical, DmarcRecord.parse(canonical).canonical());
        assertFalse(DmarcRecord.parse(canonical).sameMeaning(DmarcRecord.parse("v=DMARC1; p=none")));
    }

    @Test
    void aMailtoWithAnEscapedCharacterAURICannotHoldKeepsItEscapedInItsCanonicalForm() {
        // Found by ReportUriFuzzTest: %7C and %3C were written back as | and <, which no URI may hold.
        ReportUri uri = ReportUri.parse("mailto:a%7Cb%3Cc@Example.com").orElseThrow();

        assertEquals("mailto:a%7Cb%3Cc@example.com", uri.canonical());
        assertEquals(Optional.of(uri.canonical()), ReportUri.parse(uri.canonical()).map(ReportUri::toString));
    }

    @Test
    void aMailtoWhoseLocalPartIsAnEscapedControlCharacterKeepsItInItsCanonicalForm() {
        // Found by ReportUriFuzzTest: %1C decoded to a character Java counts as white space, which strip() removed.
        ReportUri uri = ReportUri.parse("mailto:%1C@example.com").orElseThrow();

        assertEquals("mailto:%1C@example.com", uri.canonical());
        assertTrue(ReportUri.parse(uri.canonical()).isPresent());
    }

    @Test
    void aMailtoWhoseEscapesAreNoUtf8IsNoUri() {
        // Found by DmarcRecordFuzzTest: %C3e decoded to a replacement character, which names another mailbox.
        assertEquals(Optional.empty(), ReportUri.parse("mailto:a%C3e@example.com"));
        assertEquals("bücher@example.com", ReportUri.parse("mailto:b%C3%BCcher@example.com").orElseThrow().address());
    }

    @Test
    void theCanonicalFormIsARecordInOneOrder() {
        assertEquals("v=DMARC1; p=reject; sp=none; rua=mailto:d@example.com,bad; x=Y; 2z=1",
                DmarcRecord.parse("v=DMARC1; x=Y; RUA=Mailto:d@Example.Com, bad; SP=None; 2z=1; p=REJECT").canonical());
        assertEquals("v=DMARC1; p=none; rua=mailto:a%2Cb@example.com?subject=x",
                DmarcRecord.parse("v=DMARC1; p=none; rua=mailto:a%2cb@EXAMPLE.com?subject=x").canonical());
    }
}
