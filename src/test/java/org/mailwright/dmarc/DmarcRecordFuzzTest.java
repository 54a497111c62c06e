package org.mailwright.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The DMARC record parser takes any TXT record a DNS server returns. The contract: it never
 * throws (what the grammar does not allow is listed as problems); every accessor and the
 * linter's record checks answer; {@link DmarcRecord#canonical()}, the key two records are
 * compared by, is a fixed point (the canonical form of the canonical form is itself) and means
 * what the record means. {@code JAZZER_FUZZ=1 mvn test -Dtest=DmarcRecordFuzzTest} fuzzes.
 */
class DmarcRecordFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        DmarcRecord record = DmarcRecord.parse(new String(data, StandardCharsets.UTF_8));

        for (PolicyScope scope : PolicyScope.values()) {
            record.appliedPolicy(scope);
            record.tagInEffect(scope);
            DmarcLinter.recordFindings(record, scope).forEach(finding -> finding.message(Locale.ENGLISH));
        }
        record.aggregateReportUris().forEach(uri -> assertTrue(ReportUri.parse(uri.toString()).isPresent(), uri.toString()));
        record.failureReportUris().forEach(ReportUri::canonical);
        record.percentage();
        record.failureOptions();
        record.legacyTags();
        record.unknownTags();
        record.problems().forEach(problem -> assertTrue(problem.position() >= 1 && problem.position() <= record.text().length() + 1,
                () -> "a problem placed outside the record: " + problem));

        String canonical = record.canonical();
        DmarcRecord again = DmarcRecord.parse(canonical);
        assertEquals(canonical, again.canonical(), "the canonical form is a fixed point");
        assertTrue(record.sameMeaning(again));
        if (record.isDmarc()) {
            assertEquals(record.policyState(), again.policyState());
            for (PolicyScope scope : PolicyScope.values()) {
                assertEquals(record.appliedPolicy(scope), again.appliedPolicy(scope), scope.toString());
            }
            assertEquals(record.aggregateReportUris().size(), again.aggregateReportUris().size());
        }
    }
}
