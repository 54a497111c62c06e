package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A source's rows as the Reports page drills down to them: the same on SQLite and on PostgreSQL. */
class SourceRowsTest {

    private static final long DECEMBER_1 = LocalDate.of(2026, 12, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    private static final long DECEMBER_2 = DECEMBER_1 + 86_400;

    /** A forwarded row: quarantined by policy but delivered, with two signatures and the forwarder's SPF. */
    private static final String FORWARDED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feedback>
              <report_metadata><org_name>Mail.example</org_name><email>r@mail.example</email><report_id>fw-1</report_id>
                <date_range><begin>%d</begin><end>%d</end></date_range></report_metadata>
              <policy_published><domain>shop.test</domain><p>quarantine</p></policy_published>
              <record>
                <row><source_ip>192.0.2.1</source_ip><count>4</count>
                  <policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>fail</spf>
                    <reason><type>forwarded</type><comment>list.example</comment></reason>
                    <reason><type>local_policy</type></reason>
                  </policy_evaluated></row>
                <identifiers><header_from>shop.test</header_from><envelope_from>list.example</envelope_from></identifiers>
                <auth_results>
                  <dkim><domain>shop.test</domain><selector>rsa1</selector><result>pass</result></dkim>
                  <dkim><domain>shop.test</domain><selector>ed1</selector><result>pass</result></dkim>
                  <spf><domain>list.example</domain><scope>mfrom</scope><result>softfail</result></spf>
                </auth_results>
              </record>
              <record>
                <row><source_ip>192.0.2.9</source_ip><count>2</count>
                  <policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated></row>
                <identifiers><header_from>shop.test</header_from></identifiers>
                <auth_results><spf><domain>shop.test</domain><result>pass</result></spf></auth_results>
              </record>
            </feedback>
            """.formatted(DECEMBER_2, DECEMBER_2 + 86_399);

    @TempDir
    Path folder;

    private ReportArchive open(String kind) {
        return kind.equals("postgresql") ? ReportArchive.open(TestPostgres.newDatabase(), folder)
                : ReportArchive.open(folder.resolve("archive.db").toString(), folder);
    }

    private void importAll(ReportArchive archive) throws IOException {
        Files.writeString(folder.resolve("older.xml"), SampleReports.xml("google.com", "g1", "shop.test", DECEMBER_1,
                List.of(SampleReports.row("192.0.2.1", 30, "pass", "fail"), SampleReports.row("192.0.2.1", 3, "fail", "fail"),
                        SampleReports.row("192.0.2.1", 1, "pass", "pass"))));
        Files.writeString(folder.resolve("forwarded.xml"), FORWARDED);
        Files.writeString(folder.resolve("other.xml"), SampleReports.xml("google.com", "o1", "other.test", DECEMBER_2,
                List.of(SampleReports.row("192.0.2.1", 7, "pass", "pass"))));
        for (String name : List.of("older.xml", "forwarded.xml", "other.xml")) {
            assertTrue(archive.importFile(folder.resolve(name), ReportLimits.DEFAULT).error(java.util.Locale.ENGLISH).isEmpty(), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aSourcesRowsComeNewestReportFirstWithTheirReasonsAndResults(String kind) throws Exception {
        try (ReportArchive archive = open(kind)) {
            importAll(archive);

            ReportArchive.SourceRows found = archive.rows(new SummaryQuery("shop.test", null, null), "192.0.2.1", 1000);

            assertFalse(found.more());
            assertEquals(List.of(4L, 30L, 3L, 1L), found.rows().stream().map(row -> row.row().count()).toList(),
                    "the newest report first, then the rows in the report's order; other domains' and sources' rows left out");
            ArchivedRow forwarded = found.rows().get(0);
            assertEquals("Mail.example", forwarded.reporter());
            assertEquals("fw-1", forwarded.reportId());
            assertEquals(Optional.of(Instant.ofEpochSecond(DECEMBER_2)), forwarded.begin());
            assertEquals(Optional.of(Instant.ofEpochSecond(DECEMBER_2 + 86_399)), forwarded.end());
            assertEquals(new PolicyEvaluated("none", "pass", "fail",
                    List.of(new PolicyOverride("forwarded", "list.example"), new PolicyOverride("local_policy", null))),
                    forwarded.row().evaluated());
            assertEquals(new Identifiers("shop.test", "list.example", null), forwarded.row().identifiers());
            assertEquals(List.of(new DkimAuthResult("shop.test", "rsa1", "pass", null), new DkimAuthResult("shop.test", "ed1", "pass", null)),
                    forwarded.row().dkim());
            assertEquals(List.of(new SpfAuthResult("list.example", "mfrom", "softfail", null)), forwarded.row().spf());
            ArchivedRow older = found.rows().get(2);
            assertEquals("google.com", older.reporter());
            assertEquals(List.of(new DkimAuthResult("shop.test", "s1", "fail", null)), older.row().dkim());
            assertEquals(List.of(), older.row().evaluated().reasons());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theRowsAreBoundedAndSayWhenMoreAreArchived(String kind) throws Exception {
        try (ReportArchive archive = open(kind)) {
            importAll(archive);
            SummaryQuery shop = new SummaryQuery("shop.test", null, null);

            ReportArchive.SourceRows two = archive.rows(shop, "192.0.2.1", 2);
            assertTrue(two.more());
            assertEquals(List.of(4L, 30L), two.rows().stream().map(row -> row.row().count()).toList());
            assertEquals(2, two.rows().get(0).row().dkim().size(), "the listed rows keep all their results");
            assertFalse(archive.rows(shop, "192.0.2.1", 4).more());
            assertThrows(IllegalArgumentException.class, () -> archive.rows(shop, "192.0.2.1", 0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theRowsFollowTheSummarysDomainAndPeriod(String kind) throws Exception {
        try (ReportArchive archive = open(kind)) {
            importAll(archive);

            assertEquals(List.of(30L, 3L, 1L), archive.rows(new SummaryQuery("shop.test", null, LocalDate.of(2026, 12, 1)), "192.0.2.1", 10)
                    .rows().stream().map(row -> row.row().count()).toList());
            assertEquals(5, archive.rows(SummaryQuery.ALL, "192.0.2.1", 10).rows().size());
            assertEquals(List.of(), archive.rows(new SummaryQuery("shop.test", null, null), "198.51.100.1", 10).rows());
        }
    }
}
