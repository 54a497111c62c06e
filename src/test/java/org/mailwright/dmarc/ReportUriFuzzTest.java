package org.mailwright.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.mailwright.dns.DomainName;

/**
 * Report URIs of {@code rua} and {@code ruf}, from a record ({@link ReportUri#parse}) and from a
 * person ({@link ReportUri#fromUser}). The contract: never an exception; a URI read reads back as
 * itself and its host is empty or a domain name in A-labels; a URI from a person, once in a
 * record, is that one destination and nothing more (no tag, no second URI).
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=ReportUriFuzzTest} fuzzes (one method at a time with
 * {@code -Dtest=ReportUriFuzzTest#parse}).
 */
class ReportUriFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        Optional<ReportUri> read = ReportUri.parse(new String(data, StandardCharsets.UTF_8));
        read.ifPresent(uri -> {
            assertEquals(Optional.of(uri), ReportUri.parse(uri.toString()), "reads back as itself");
            assertTrue(uri.host().isEmpty() || !uri.isMailto() || DomainName.parse(uri.host()).name()
                    .map(DomainName::ascii).equals(Optional.of(uri.host())), () -> "a host that is no domain name: " + uri.host());
            assertTrue(ReportUri.parse(uri.canonical()).isPresent(), () -> "a canonical form that does not read: " + uri.canonical());
        });
    }

    @FuzzTest(maxDuration = "10m")
    void fromUser(byte[] data) {
        ReportUri.fromUser(new String(data, StandardCharsets.UTF_8)).ifPresent(uri -> {
            String record = new DmarcRecordBuilder().policy(Policy.NONE).aggregateReport(uri).text();
            DmarcRecord read = DmarcRecord.parse(record);
            assertEquals(List.of(), read.problems(), record);
            assertEquals(List.of("v", "p", "rua"), read.tags().stream().map(DmarcRecord.Tag::name).toList(), record);
            assertEquals(List.of(uri), read.aggregateReportUris(), record);
        });
    }
}
