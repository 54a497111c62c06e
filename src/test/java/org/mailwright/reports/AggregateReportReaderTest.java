package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The aggregate reader on reports written here (the conformance samples are read in
 * {@link ReportSamplesTest}): RFC 7489 and RFC 9990 fields into the typed model, and the quirks of
 * real reporters.
 */
class AggregateReportReaderTest {

    private static final String RFC9990 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feedback xmlns="urn:ietf:params:xml:ns:dmarc-2.0">
              <version>1.0</version>
              <report_metadata>
                <org_name>Example Reporter</org_name>
                <email>dmarc@reporter.example</email>
                <extra_contact_info>https://reporter.example/dmarc</extra_contact_info>
                <report_id>r-9990</report_id>
                <date_range><begin>1700000000</begin><end>1700172800</end></date_range>
                <error>one DNS lookup timed out</error>
                <generator>Reporter 2.0</generator>
              </report_metadata>
              <policy_published>
                <domain>Example.COM</domain><adkim>s</adkim><aspf>r</aspf><p>reject</p><sp>quarantine</sp>
                <np>reject</np><testing>y</testing><discovery_method>treewalk</discovery_method><fo>1</fo>
              </policy_published>
              <record>
                <row>
                  <source_ip>2001:DB8:0:0:0:0:0:10</source_ip>
                  <count>7</count>
                  <policy_evaluated>
                    <disposition>pass</disposition><dkim>pass</dkim><spf>fail</spf>
                    <reason><type>policy_test_mode</type><comment>t=y</comment></reason>
                    <reason><type>trusted_forwarder</type></reason>
                  </policy_evaluated>
                </row>
                <identifiers><envelope_to>example.net</envelope_to><envelope_from>lists.example.org</envelope_from>
                  <header_from>example.com</header_from></identifiers>
                <auth_results>
                  <dkim><domain>example.com</domain><selector>rsa2026</selector><result>pass</result><human_result>2048-bit</human_result></dkim>
                  <dkim><domain>example.com</domain><selector>ed2026</selector><result>pass</result></dkim>
                  <spf><domain>lists.example.org</domain><scope>mfrom</scope><result>fail</result><human_result>not listed</human_result></spf>
                </auth_results>
              </record>
              <extensions><extension name="x"><data>ignored</data></extension></extensions>
            </feedback>
            """;

    @Test
    void rfc9990ReportIntoTheModel() {
        AggregateReport report = AggregateReportReader.parse(RFC9990.getBytes(StandardCharsets.UTF_8));
        ReportHeader header = report.header();
        assertTrue(header.dmarc2Namespace());
        assertEquals("1.0", header.version());
        assertEquals(new ReportMetadata("Example Reporter", "dmarc@reporter.example", "https://reporter.example/dmarc", "r-9990",
                Instant.ofEpochSecond(1700000000), Instant.ofEpochSecond(1700172800), List.of("one DNS lookup timed out"),
                "Reporter 2.0"), header.metadata());
        assertEquals(new PolicyPublished("example.com", "s", "r", "reject", "quarantine", "reject", null, "1", "y", "treewalk"),
                header.policy());
        assertEquals(List.of(new ReportRow("2001:db8::10", 7,
                new PolicyEvaluated("pass", "pass", "fail", List.of(new PolicyOverride("policy_test_mode", "t=y"),
                        new PolicyOverride("trusted_forwarder", null))),
                new Identifiers("example.com", "lists.example.org", "example.net"),
                List.of(new DkimAuthResult("example.com", "rsa2026", "pass", "2048-bit"), new DkimAuthResult("example.com", "ed2026", "pass", null)),
                List.of(new SpfAuthResult("lists.example.org", "mfrom", "fail", "not listed")))), report.rows());
        assertTrue(report.rows().get(0).evaluated().dmarcPass());
    }

    @Test
    void withoutTheNamespaceAndWithAPrefixTheSameFieldsAreRead() {
        String plain = RFC9990.replace(" xmlns=\"urn:ietf:params:xml:ns:dmarc-2.0\"", "");
        AggregateReport report = AggregateReportReader.parse(plain.getBytes(StandardCharsets.UTF_8));
        assertFalse(report.header().dmarc2Namespace());
        assertEquals("treewalk", report.header().policy().discoveryMethod());
        String prefixed = plain.replace("<feedback>", "<d:feedback xmlns:d=\"http://dmarc.org/dmarc-xml/0.1\">")
                .replace("</feedback>", "</d:feedback>");
        assertEquals(report.rows(), AggregateReportReader.parse(prefixed.getBytes(StandardCharsets.UTF_8)).rows());
    }

    @Test
    void realReportersQuirksAreTolerated() {
        String quirky = "<?xml version=\"1.0\"?> <xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
                + SampleReports.xml("Mail.Example", "q-1", "example.com", 1337270400L, List.of(SampleReports.row("192.0.2.1", 27, "PASS", "Fail")))
                        .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "").replace("\n", "")
                        .replace("<begin>1337270400</begin>", "<begin>1337270400.0</begin>")
                        .replace("<end>1337356799</end>", "<end>1338000000.75</end>")
                        .replace("</policy_evaluated>", "<reason><type></type><comment></comment></reason><reason/></policy_evaluated>")
                        .replace("<pct>100</pct>", "<pct>abc</pct>")
                + "<!-- no </xs:schema> follows";
        AggregateReport report = AggregateReportReader.parse(quirky.getBytes(StandardCharsets.UTF_8));
        assertEquals(Instant.ofEpochSecond(1337270400), report.header().metadata().begin());
        assertEquals(Instant.ofEpochSecond(1338000000), report.header().metadata().end());
        assertNull(report.header().policy().pct());
        PolicyEvaluated evaluated = report.rows().get(0).evaluated();
        assertEquals("pass", evaluated.dkim());
        assertEquals("fail", evaluated.spf());
        assertEquals(List.of(), evaluated.reasons());
        assertEquals(27, report.messages());
    }

    @Test
    void bytesThatAreNotTheirCharsetAreReplacedNotFatal() throws IOException {
        byte[] latin1 = SampleReports.xml("café.example", "c-1", "example.com", 1L, List.of(SampleReports.row("192.0.2.1", 1, "pass", "pass")))
                .replace("encoding=\"UTF-8\"", "encoding=\"windows-1252\"").getBytes(Charset.forName("windows-1252"));
        assertEquals("café.example", parse(latin1).header().metadata().orgName());
        byte[] undeclared = SampleReports.xml("café.example", "c-1", "example.com", 1L, List.of(SampleReports.row("192.0.2.1", 1, "pass", "pass")))
                .getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("caf\uFFFD.example", parse(undeclared).header().metadata().orgName());
        byte[] bom = ("\uFEFF" + RFC9990.strip()).getBytes(StandardCharsets.UTF_8);
        assertEquals("r-9990", parse(bom).header().metadata().reportId());
        byte[] control = RFC9990.replace("Reporter 2.0", "Reporter\u0001 2.0").getBytes(StandardCharsets.UTF_8);
        assertEquals("Reporter\uFFFD 2.0", parse(control).header().metadata().generator());
    }

    @Test
    void rowsAreHandedOverOneByOneAndADuplicateIsSkippedAtItsHeader() throws IOException {
        List<Long> counts = new ArrayList<>();
        String twoRows = SampleReports.xml("o", "d-1", "example.com", 1L,
                List.of(SampleReports.row("192.0.2.1", 4, "pass", "pass"), SampleReports.row("192.0.2.2", 6, "fail", "fail")));
        AggregateReportReader.Result read = AggregateReportReader.read(stream(twoRows), ReportLimits.DEFAULT, new AggregateReportReader.Sink() {
            @Override
            public boolean header(ReportHeader header) {
                assertTrue(counts.isEmpty(), "the header comes first");
                return true;
            }

            @Override
            public void row(ReportRow row) {
                counts.add(row.count());
            }
        });
        assertEquals(List.of(4L, 6L), counts);
        assertEquals(2, read.rows());
        assertEquals(10, read.messages());
        AggregateReportReader.Result skipped = AggregateReportReader.read(stream(twoRows), ReportLimits.DEFAULT, new AggregateReportReader.Sink() {
            @Override
            public boolean header(ReportHeader header) {
                return false;
            }

            @Override
            public void row(ReportRow row) {
                throw new AssertionError("no row of a skipped report");
            }
        });
        assertTrue(skipped.skipped());
    }

    private static AggregateReport parse(byte[] xml) throws IOException {
        return AggregateReportReader.parse(new ByteArrayInputStream(xml), ReportLimits.DEFAULT, 100);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
