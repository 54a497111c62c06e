package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordDataTest {

    @Test
    void mxDataIsTypedAndSortedByPreference() {
        LookupResult answer = answer(RecordType.MX, "20 Backup.Example.test.", "10 mail.example.test.", "bogus");
        assertEquals(List.of(new MxData(10, "mail.example.test"), new MxData(20, "backup.example.test")), answer.mx());
        assertEquals(Optional.of(DomainName.of("mail.example.test")), answer.mx().get(0).hostName());
    }

    @Test
    void theNullMxNamesNoHost() {
        MxData none = MxData.parse("0 .").orElseThrow();
        assertTrue(none.isNullMx());
        assertTrue(none.hostName().isEmpty());
    }

    @Test
    void aHostWithAnEscapedDotIsNoName() {
        MxData odd = MxData.parse("10 a\\.b.example.test.").orElseThrow();
        assertEquals("a\\.b.example.test", odd.host());
        assertTrue(odd.hostName().isEmpty());
    }

    @Test
    void soaDataIsTyped() {
        SoaData soa = answer(RecordType.SOA, "ns1.example.test. hostmaster.example.test. 2026120601 3600 600 86400 300").soa().orElseThrow();
        assertEquals(new SoaData("ns1.example.test", "hostmaster.example.test", 2026120601L, 3600, 600, 86400, 300), soa);
        assertTrue(SoaData.parse("ns1. host. 1 2 3").isEmpty());
        assertTrue(SoaData.parse("ns1. host. 99999999999 2 3 4 5").isEmpty());
    }

    private static LookupResult answer(RecordType type, String... values) {
        List<DnsRecord> records = java.util.Arrays.stream(values).map(v -> new DnsRecord("example.test", type, 300, v, List.of())).toList();
        return new LookupResult("example.test", type, Outcome.OK, records, List.of(), 300, "", null, false, Duration.ZERO);
    }
}
