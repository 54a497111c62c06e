package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.publish.RecordChange.Action;
import org.mailwright.publish.RecordChange.Intent;

class RecordChangeTest {

    private static final DomainName APEX = DomainName.of("example.com");
    private static final TxtData SPF = TxtData.of("v=spf1 mx -all");
    private static final TxtData VERIFICATION = TxtData.of("google-site-verification=abc");

    @Test
    void replacingTheSpfRecordKeepsTheSiteVerificationBesideIt() {
        RecordChange change = RecordChange.plan(APEX, 300, List.of(SPF, VERIFICATION), new Intent.Replace("v=spf1 mx a -all"));

        assertEquals(Action.REPLACE, change.action());
        assertEquals(List.of(SPF), change.removed());
        assertEquals(List.of(TxtData.of("v=spf1 mx a -all")), change.added());
        assertEquals(List.of(VERIFICATION, TxtData.of("v=spf1 mx a -all")), change.wanted());
    }

    @Test
    void theRecordKindIsItsVersionTagInAnyCaseAndSpacing() {
        RecordChange change = RecordChange.plan(DomainName.of("_dmarc.example.com"), 300,
                List.of(TxtData.of("V = dmarc1; p=none"), TxtData.of("unrelated note")),
                new Intent.Replace("v=DMARC1; p=reject"));

        assertEquals(List.of(TxtData.of("V = dmarc1; p=none")), change.removed());
    }

    @Test
    void aDkimKeyReplacesWhateverIsUnderItsSelectorEvenWithoutVersionTag() {
        RecordChange change = RecordChange.plan(DomainName.of("s1._domainkey.example.com"), 300,
                List.of(TxtData.of("k=rsa; p=OLD")), new Intent.Replace("v=DKIM1; k=ed25519; p=NEW"));

        assertEquals(List.of(TxtData.of("v=DKIM1; k=ed25519; p=NEW")), change.wanted());
    }

    @Test
    void addingAValueAlreadyPublishedChangesNothing() {
        RecordChange change = RecordChange.plan(APEX, 300, List.of(SPF), new Intent.Add("v=spf1 mx -all"));

        assertEquals(Action.NONE, change.action());
    }

    @Test
    void aRecordOnANameWithNothingIsCreatedAndAnotherBesideOthersIsAdded() {
        assertEquals(Action.CREATE, RecordChange.plan(APEX, 300, List.of(), new Intent.Add("x")).action());
        assertEquals(Action.ADD, RecordChange.plan(APEX, 300, List.of(SPF), new Intent.Add("y")).action());
    }

    @Test
    void deletingOneValueLeavesTheOthersAndDeletingAllEmptiesTheName() {
        RecordChange one = RecordChange.plan(APEX, 300, List.of(SPF, VERIFICATION), new Intent.Delete(Optional.of(SPF.value())));
        RecordChange all = RecordChange.plan(APEX, 300, List.of(SPF, VERIFICATION), new Intent.Delete(Optional.empty()));

        assertEquals(List.of(VERIFICATION), one.wanted());
        assertEquals(Action.DELETE, one.action());
        assertEquals(List.of(), all.wanted());
        assertEquals(Action.DELETE, all.action());
    }

    @Test
    void aChangeMadeAgainAgainstNewerRecordsNeverLeavesTwoSpfRecords() {
        RecordChange planned = RecordChange.plan(APEX, 300, List.of(SPF, VERIFICATION), new Intent.Replace("v=spf1 a -all"));
        TxtData changedBehindOurBack = TxtData.of("v=spf1 include:_spf.example.net -all");

        RecordChange again = planned.against(List.of(changedBehindOurBack, VERIFICATION));

        assertEquals(List.of(changedBehindOurBack, VERIFICATION), again.published());
        assertEquals(List.of(VERIFICATION, TxtData.of("v=spf1 a -all")), again.wanted());
    }

    @Test
    void anAdditionMadeAgainKeepsEverythingPublishedNow() {
        RecordChange planned = RecordChange.plan(APEX, 300, List.of(SPF), new Intent.Add("note"));

        RecordChange again = planned.against(List.of(SPF, VERIFICATION));

        assertEquals(List.of(SPF, VERIFICATION, TxtData.of("note")), again.wanted());
    }

    @Test
    void theStringsAsPublishedAreKeptSoTheDeletionMatchesTheServersRecord() {
        TxtData cutOddly = new TxtData(List.of("v=spf1 ", "mx -all"));
        RecordChange change = RecordChange.plan(APEX, 300, List.of(cutOddly), new Intent.Replace("v=spf1 a -all"));

        assertEquals(List.of(cutOddly), change.removed());
    }

    @Test
    void onlyTxtRecordsAndRealTtlsAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new RecordChange(APEX, RecordType.MX, 300, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RecordChange(APEX, RecordType.TXT, -1, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new RecordChange(APEX, RecordType.TXT, 2_147_483_648L, List.of(), List.of()));
    }

    @Test
    void aChangeSetRefusesNamesOutsideItsZoneAndNamesTwice() {
        RecordChange outside = RecordChange.plan(DomainName.of("example.net"), 300, List.of(), new Intent.Add("x"));
        RecordChange inside = RecordChange.plan(APEX, 300, List.of(), new Intent.Add("x"));

        assertThrows(IllegalArgumentException.class, () -> ChangeSet.of(APEX, outside));
        assertThrows(IllegalArgumentException.class, () -> ChangeSet.of(APEX, inside, inside));
        assertThrows(IllegalArgumentException.class, () -> ChangeSet.of(DomainName.of("ample.com"),
                RecordChange.plan(APEX, 300, List.of(), new Intent.Add("x"))));
    }

    @Test
    void theHostForAWebPanelIsRelativeToTheZone() {
        ChangeSet set = ChangeSet.of(APEX, RecordChange.plan(APEX, 300, List.of(), new Intent.Add("x")),
                RecordChange.plan(DomainName.of("s1._domainkey.example.com"), 300, List.of(), new Intent.Add("y")));

        assertEquals("@", set.relativeName(set.changes().get(0)));
        assertEquals("s1._domainkey", set.relativeName(set.changes().get(1)));
    }

    @Test
    void theDiffMarksEachRecordKeptRemovedOrAddedAndTheHeadingSaysWhatHappens() {
        RecordChange change = RecordChange.plan(APEX, 300, List.of(SPF, VERIFICATION), new Intent.Replace("v=spf1 mx a -all"));

        assertEquals(List.of(new RecordChange.DiffLine(RecordChange.Mark.REMOVED, SPF),
                new RecordChange.DiffLine(RecordChange.Mark.KEPT, VERIFICATION),
                new RecordChange.DiffLine(RecordChange.Mark.ADDED, TxtData.of("v=spf1 mx a -all"))), change.diff());
        assertEquals("-=+", change.diff().stream().map(line -> String.valueOf(line.mark().symbol())).reduce("", String::concat));
        assertEquals("example.com TXT (TTL 300): replaced", change.heading(Locale.ENGLISH));
        assertEquals("Zone example.com: 1 change(s)", ChangeSet.of(APEX, change).heading(Locale.ENGLISH));
    }

    @Test
    void aChangeSetMovesToAnotherZoneOnlyWhenEveryNameIsInIt() {
        ChangeSet set = ChangeSet.of(APEX, RecordChange.plan(DomainName.of("_dmarc.example.com"), 300, List.of(),
                new Intent.Add("v=DMARC1; p=none")));

        assertEquals(DomainName.of("_dmarc.example.com"), set.inZone(DomainName.of("_dmarc.example.com")).orElseThrow().zone());
        assertEquals("_dmarc", set.inZone(APEX).orElseThrow().relativeName(set.changes().get(0)));
        assertEquals(Optional.empty(), set.inZone(DomainName.of("example.org")));
    }

    @Test
    void aConflictSaysThenAndNowAsTheCommandLineDoes() {
        Publication.Conflict conflict = new Publication.Conflict(APEX, List.of(SPF), List.of());

        assertEquals("""
                The records at example.com changed since the change set was made:
                  then: v=spf1 mx -all
                  now:  (none)""", conflict.explain(Locale.ENGLISH));
    }
}
