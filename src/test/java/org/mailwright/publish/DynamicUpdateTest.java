package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DomainName;
import org.mailwright.publish.RecordChange.Intent;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

class DynamicUpdateTest {

    private static final DomainName ZONE = DomainName.of("example.com");

    @Test
    void aReplacementIsGuardedByTheRecordsReadAndTouchesOnlyWhatChanges() {
        TxtData verification = TxtData.of("google-site-verification=abc");
        ChangeSet set = ChangeSet.of(ZONE, RecordChange.plan(ZONE, 300,
                List.of(TxtData.of("v=spf1 -all"), verification), new Intent.Replace("v=spf1 mx -all")));

        Update update = DynamicUpdate.message(set);

        assertEquals(Opcode.UPDATE, update.getHeader().getOpcode());
        List<Record> prerequisites = update.getSection(Section.PREREQ);
        assertEquals(2, prerequisites.size());
        prerequisites.forEach(record -> {
            assertEquals(DClass.IN, record.getDClass());
            assertEquals(0, record.getTTL());
        });
        List<Record> changes = update.getSection(Section.UPDATE);
        assertEquals(2, changes.size());
        assertEquals(DClass.NONE, changes.get(0).getDClass());
        assertEquals(List.of("v=spf1 -all"), ((TXTRecord) changes.get(0)).getStrings());
        assertEquals(DClass.IN, changes.get(1).getDClass());
        assertEquals(300, changes.get(1).getTTL());
    }

    @Test
    void aNewRecordRequiresThatNoneWasThereAndUnchangedNamesAreLeftOut() {
        ChangeSet set = new ChangeSet(ZONE, List.of(
                RecordChange.plan(DomainName.of("_dmarc.example.com"), 300, List.of(), new Intent.Add("v=DMARC1; p=none")),
                RecordChange.plan(ZONE, 300, List.of(TxtData.of("v=spf1 -all")), new Intent.Add("v=spf1 -all"))));

        Update update = DynamicUpdate.message(set);

        List<Record> prerequisites = update.getSection(Section.PREREQ);
        assertEquals(1, prerequisites.size());
        assertEquals(DClass.NONE, prerequisites.get(0).getDClass());
        assertEquals(Type.TXT, prerequisites.get(0).getType());
        assertEquals(1, update.getSection(Section.UPDATE).size());
    }

    @Test
    void theOctetsSentAreTheValuesOwnNeverReadAsEscapes() {
        String value = "a\\065\"b ü";
        ChangeSet set = ChangeSet.of(ZONE, RecordChange.plan(ZONE, 300, List.of(), new Intent.Add(value)));

        TXTRecord added = (TXTRecord) DynamicUpdate.message(set).getSection(Section.UPDATE).get(0);

        assertEquals(value, new String(added.getStringsAsByteArrays().get(0), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aDeletionOfEverythingRemovesEachRecordAsRead() {
        ChangeSet set = ChangeSet.of(ZONE, RecordChange.plan(ZONE, 300,
                List.of(TxtData.of("a"), TxtData.of("b")), new Intent.Delete(Optional.empty())));

        assertEquals(2, DynamicUpdate.message(set).getSection(Section.UPDATE).size());
    }
}
