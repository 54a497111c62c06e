package org.mailwright.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mailwright.dns.Detail;
import org.mailwright.dns.DnsRecord;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.Finding;

/**
 * The TXT records the health check reads besides SPF, DKIM and DMARC (TLS-RPT, BIMI) are whatever
 * a domain publishes: {@link TaggedRecord} reads them within its bounds, and the TLS-RPT verdict
 * is one finding whose words are whole in both languages, never an exception. The inputs beside
 * this class run in every build; {@code JAZZER_FUZZ=1 mvn test -Dtest=PolicyRecordFuzzTest} fuzzes.
 */
class PolicyRecordFuzzTest {

    private static final DomainName DOMAIN = DomainName.of("example.test");
    private static final DomainName NAME = DomainName.of("_smtp._tls.example.test");

    @FuzzTest(maxDuration = "10m")
    void tlsRptRecords(FuzzedDataProvider data) {
        List<DnsRecord> records = new ArrayList<>();
        int count = data.consumeInt(0, 3);
        for (int i = 0; i < count; i++) {
            String value = data.consumeString(2_000);
            records.add(new DnsRecord(NAME.ascii(), RecordType.TXT, 300, value, List.of(value)));
        }
        String rest = data.consumeRemainingAsString();

        TaggedRecord parsed = TaggedRecord.parse(rest);
        assertTrue(parsed.tags().size() <= TaggedRecord.MAX_TAGS);

        LookupResult txt = new LookupResult(NAME.ascii(), RecordType.TXT, records.isEmpty() ? Outcome.NODATA : Outcome.OK,
                records, List.of(), 300, "127.0.0.1:53", Detail.NONE, false, Duration.ZERO);
        List<Finding> findings = TlsRptProbe.judge(DOMAIN, NAME, txt);
        assertEquals(1, findings.size());
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
            String message = findings.get(0).message(locale);
            assertFalse(message.isBlank() || message.startsWith("["), message);
        }
    }
}
