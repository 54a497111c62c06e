package org.mailwright.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.RecordType;

class RecordKindTest {

    @Test
    void aRecordIsKnownByItsNameOrItsValue() {
        assertEquals(RecordKind.DMARC, RecordKind.of(ExpectedRecord.asPublished("_dmarc.corp.test", RecordType.TXT)));
        assertEquals(RecordKind.DKIM, RecordKind.of(ExpectedRecord.asPublished("s1._domainkey.corp.test", RecordType.TXT)));
        assertEquals(RecordKind.SPF, RecordKind.of(ExpectedRecord.of("corp.test", RecordType.TXT, "v=spf1 mx -all")));
        assertEquals(RecordKind.MX, RecordKind.of(ExpectedRecord.of("corp.test", RecordType.MX, "10 mail.corp.test.")));
        assertEquals(RecordKind.OTHER, RecordKind.of(ExpectedRecord.of("corp.test", RecordType.TXT, "hello")));
    }

    @Test
    void whatReceiversDoNotTakeForSpfIsNotNamedSpf() {
        assertEquals(RecordKind.OTHER, RecordKind.of(ExpectedRecord.of("corp.test", RecordType.TXT, "v=spf10 mx -all")));
    }

    @Test
    void theSelectorAndTheDomainComeFromTheName() {
        assertEquals(Optional.of("s1.eu"), RecordKind.selectorOf("s1.eu._domainkey.corp.test"));
        assertEquals("corp.test", RecordKind.domainOf("s1.eu._domainkey.corp.test"));
        assertEquals("corp.test", RecordKind.domainOf("_dmarc.corp.test"));
        assertEquals(Optional.empty(), RecordKind.selectorOf("_domainkey.corp.test"));
        assertEquals("corp.test", RecordKind.domainOf("corp.test"));
    }
}
