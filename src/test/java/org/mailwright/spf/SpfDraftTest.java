package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Answers to records and records back to answers, without DNS. */
class SpfDraftTest {

    @Test
    void aPublishedRecordReadsBackIntoTheAnswersAndBuildsTheSameRecord() {
        SpfRecord published = SpfRecord.parse("v=spf1 +mx a ip4:192.0.2.0/24 ip6:2001:db8::/32 include:_spf.google.com "
                + "include:mailer.example.net ~all");

        SpfDraft draft = SpfDraft.fromRecord(published);

        assertTrue(draft.mx());
        assertTrue(draft.a());
        assertEquals(List.of("192.0.2.0/24", "2001:db8::/32"), draft.addresses());
        assertEquals(Set.of(SpfProvider.GOOGLE_WORKSPACE), draft.providers());
        assertEquals(List.of("mailer.example.net"), draft.customIncludes());
        assertEquals(Ending.SOFTFAIL, draft.ending());
        assertEquals("v=spf1 mx a ip4:192.0.2.0/24 ip6:2001:db8::/32 include:_spf.google.com include:mailer.example.net ~all",
                draft.record());
    }

    @Test
    void whatTheQuestionsDoNotCoverIsKeptAndWhatReceiversNeverReachIsDropped() {
        SpfDraft draft = SpfDraft.fromRecord(SpfRecord.parse("v=spf1 mx/24 a:relay.example.com ?include:maybe.example.net "
                + "exists:%{i}.rbl.example.com -all ip4:203.0.113.9 exp=why.example.com"));

        assertFalse(draft.mx());
        assertEquals(List.of("mx/24", "a:relay.example.com", "?include:maybe.example.net", "exists:%{i}.rbl.example.com",
                "exp=why.example.com"), draft.keptTerms());
        assertEquals("v=spf1 ?include:maybe.example.net mx/24 a:relay.example.com exists:%{i}.rbl.example.com -all exp=why.example.com",
                draft.record());
    }

    @Test
    void aRedirectWithoutAllKeepsDecidingAndANoAllRecordEndsNeutral() {
        SpfDraft redirected = SpfDraft.fromRecord(SpfRecord.parse("v=spf1 redirect=_spf.example.com"));

        assertEquals(Ending.REDIRECT, redirected.ending());
        assertTrue(redirected.keepsRedirect());
        assertEquals("v=spf1 redirect=_spf.example.com", redirected.record());
        assertEquals(Ending.NEUTRAL, SpfDraft.fromRecord(SpfRecord.parse("v=spf1 mx")).ending());
    }

    @Test
    void entriesAreTypedOnePerLineOrSeparatedByCommasWithOrWithoutTheirPrefix() {
        SpfDraft draft = SpfDraft.noMail().withAddresses(SpfDraft.entries(" ip4:192.0.2.1,2001:db8::1\n\n 198.51.100.0/24 "))
                .withCustomIncludes(SpfDraft.entries("include:Mailer.Example.NET."));

        assertEquals("v=spf1 ip4:192.0.2.1 ip4:198.51.100.0/24 ip6:2001:db8::1 include:mailer.example.net -all", draft.record());
        assertEquals(SpfRecipe.NO_MAIL, SpfDraft.noMail().record());
    }

    @Test
    void exclusionsMovedAheadOfWhatTheyFollowedAreNoticed() {
        assertTrue(SpfDraft.movesExclusions(SpfRecord.parse("v=spf1 ip4:192.0.2.0/24 -ip4:192.0.2.66 -all")));
        assertFalse(SpfDraft.movesExclusions(SpfRecord.parse("v=spf1 -ip4:192.0.2.66 ip4:192.0.2.0/24 -all")));
    }
}
