package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Report files are written by strangers: entities, DTDs, bombs, nesting and sizes are refused with
 * a reason, quickly, and nothing outside the file is ever read.
 */
class ReportHostileInputTest {

    private static final String REPORT = SampleReports.xml("example.net", "r-1", "example.com", 1_700_000_000L,
            List.of(SampleReports.row("192.0.2.1", 2, "pass", "fail")));

    /** What extracting {@code file} gave: reports read and problems, by their keys. */
    private record Outcome(List<AggregateReport> reports, List<FailureReport> failures, List<String> problems) {
    }

    private static Outcome extract(byte[] file) {
        return extract(file, ReportLimits.DEFAULT);
    }

    private static Outcome extract(byte[] file, ReportLimits limits) {
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try {
            ReportExtractor.extract(new ByteArrayInputStream(file), limits, new ReportExtractor.Visitor() {
                @Override
                public void aggregate(ReportPlace where, InputStream xml) throws IOException {
                    outcome.reports().add(AggregateReportReader.parse(xml, limits, 1_000_000));
                }

                @Override
                public void failure(ReportPlace where, FailureReport report) {
                    outcome.failures().add(report);
                }

                @Override
                public void problem(ReportPlace where, ReportFormatException problem) {
                    outcome.problems().add(problem.problem().key());
                }
            });
        } catch (ReportFormatException fileLevel) {
            outcome.problems().add(fileLevel.problem().key());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return outcome;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String problem(String xml) {
        ReportFormatException refused = assertThrows(ReportFormatException.class, () -> AggregateReportReader.parse(utf8(xml)));
        return refused.problem().key();
    }

    @Test
    void aFileThatIsNoReportIsToldFromGzipDataThatHoldsNone() {
        assertEquals(List.of("reports.error.unknown-content"), extract(utf8("garbage")).problems());
        assertEquals(List.of("reports.error.unknown-content-in-gzip"), extract(SampleReports.gzip("\0".repeat(1000))).problems());
        assertEquals(List.of(), extract(SampleReports.gzip(REPORT)).problems());
    }

    @Test
    void anExternalEntityIsRefusedAndNothingIsRead() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE feedback [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + REPORT.substring(REPORT.indexOf("<feedback>")).replace("<org_name>example.net", "<org_name>&xxe;");
        assertEquals("reports.error.dtd", problem(xxe));
        String external = "<?xml version=\"1.0\"?><!DOCTYPE feedback SYSTEM \"http://127.0.0.1:9/report.dtd\">"
                + REPORT.substring(REPORT.indexOf("<feedback>"));
        assertEquals("reports.error.dtd", problem(external));
    }

    @Test
    void billionLaughsIsRefusedAtOnce() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE feedback [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]><feedback><report_metadata><org_name>&lol9;</org_name></report_metadata></feedback>");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertEquals("reports.error.dtd", problem(dtd.toString())));
    }

    @Test
    void nestingTextAndNumbersAreBounded() {
        String deep = "<feedback>" + "<x>".repeat(100_000) + "</x>".repeat(100_000) + "</feedback>";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals("reports.error.too-deep", problem(deep)));
        String longText = REPORT.replace("<email>", "<email>" + "a".repeat(100_000));
        assertEquals("reports.error.text-too-long", problem(longText));
        assertEquals("reports.error.bad-count", problem(REPORT.replace("<count>2<", "<count>1e999999999<")));
        assertEquals("reports.error.bad-count", problem(REPORT.replace("<count>2<", "<count>-2<")));
        assertEquals("reports.error.bad-count", problem(REPORT.replace("<count>2<", "<count>99999999999999999999<")));
        // Counts whose sums would overflow: refused, though each is a number.
        assertEquals("reports.error.count-too-large", problem(REPORT.replace("<count>2<", "<count>9223372036854775807<")));
        assertEquals("reports.error.count-too-large", problem(REPORT.replace("<count>2<", "<count>4294967296<")));
        assertEquals(4_294_967_295L, AggregateReportReader.parse(utf8(REPORT.replace("<count>2<", "<count>4294967295<")))
                .rows().get(0).count());
        assertEquals("reports.error.no-count", problem(REPORT.replace("<count>2</count>", "")));
        // A timestamp with a huge exponent is no timestamp, and costs nothing.
        assertEquals(null, AggregateReportReader.parse(utf8(REPORT.replace("<begin>1700000000<", "<begin>1e-999999999<")))
                .header().metadata().begin());
    }

    @Test
    void aReportOfMoreRecordsThanTheArchiveKeysIsRefused() throws IOException {
        String three = SampleReports.xml("example.net", "r-1", "example.com", 1_700_000_000L, List.of(
                SampleReports.row("192.0.2.1", 2, "pass", "fail"), SampleReports.row("192.0.2.2", 1, "pass", "pass"),
                SampleReports.row("192.0.2.3", 1, "fail", "fail")));
        AggregateReportReader.Sink counting = new AggregateReportReader.Sink() {
            @Override
            public boolean header(ReportHeader header) {
                return true;
            }

            @Override
            public void row(ReportRow row) {
            }
        };
        assertEquals(3, AggregateReportReader.read(new ByteArrayInputStream(utf8(three)), ReportLimits.DEFAULT, counting, 3).rows());
        ReportFormatException refused = assertThrows(ReportFormatException.class,
                () -> AggregateReportReader.read(new ByteArrayInputStream(utf8(three)), ReportLimits.DEFAULT, counting, 2));
        assertEquals("reports.error.too-many-records", refused.problem().key());
        assertEquals("The report holds more than 2 records, more than the archive keeps of one report.", refused.getMessage());
        // The bound every import applies: each record's key in the archive is its report's and its own number.
        assertEquals(Migrations.ROW_KEYS - 1, AggregateReportReader.MAX_RECORDS);
    }

    @Test
    void aHugeNameOrAttributeIsRefusedAndAHugeCommentIsPassedOverInBoundedMemory() {
        String name = "n".repeat(XmlScanner.LONGEST_NAME + 1);
        assertEquals("reports.error.markup-too-long", problem(REPORT.replace("<email>", "<" + name + "/><email>")));
        assertEquals("reports.error.markup-too-long", problem(REPORT.replace("<email>", "<email a=\"" + "v".repeat(100_000) + "\">")));
        // A comment is never held: the scanner passes over it, whatever its length.
        String comment = "<!--" + "c".repeat(8 << 20) + "-->";
        assertEquals(1, AggregateReportReader.parse(utf8(REPORT.replace("<email>", comment + "<email>"))).rows().size());
        // A text as long as the text bound allows is still told apart as such.
        assertEquals("reports.error.text-too-long", problem(REPORT.replace("<email>", "<email>" + "a".repeat(200_000))));
        // The archive's keys are bounded: no index entry too large for PostgreSQL.
        assertEquals("reports.error.name-too-long", problem(REPORT.replace("<report_id>r-1<", "<report_id>" + "r".repeat(257) + "<")));
        assertEquals("reports.error.name-too-long", problem(REPORT.replace("<org_name>example.net<", "<org_name>" + "o".repeat(257) + "<")));
        assertEquals("reports.error.domain-too-long", problem(REPORT.replace("<domain>example.com</domain><adkim>",
                "<domain>" + "d".repeat(255) + "</domain><adkim>")));
        assertEquals(1, AggregateReportReader.parse(utf8(REPORT.replace("<report_id>r-1<", "<report_id>" + "r".repeat(256) + "<")))
                .rows().size());
    }

    @Test
    void aFailureReportKeepsTheReportedDomainsThatCanBeDomainsAndIndexed() {
        String domain = "d".repeat(200) + ".example";
        List<String> many = java.util.Collections.nCopies(50, domain);
        assertEquals(List.of(domain, domain), FailureReportReader.reportedDomains(many));
        assertEquals(List.of("example.com"), FailureReportReader.reportedDomains(List.of("x".repeat(300), "example.com")));
    }

    @Test
    void brokenReportsSayWhy() {
        assertEquals("reports.error.truncated", problem(REPORT.substring(0, REPORT.indexOf("</record>"))));
        assertEquals("reports.error.not-a-report", problem("<html><body/></html>"));
        assertEquals("reports.error.no-report-id", problem(REPORT.replaceAll("<report_id>[^<]*</report_id>", "")));
        assertEquals("reports.error.no-metadata", problem(REPORT.replaceAll("(?s)<report_metadata>.*</report_metadata>", "")));
        assertEquals("reports.error.no-source-ip", problem(REPORT.replaceAll("<source_ip>[^<]*</source_ip>", "")));
        assertEquals("reports.error.xml-at", problem(REPORT.replace("<email>", "<email><bad@x>")));
        assertEquals("reports.error.no-xml", problem("   "));
        // A fault inside a text the parser reports only when the text is read (found by the fuzzer: it escaped unchecked).
        assertEquals("reports.error.xml-at", problem(REPORT.replace("<org_name>example.net", "<org_name>example&0;net")));
    }

    @Test
    void aGzipBombIsStoppedByItsRatio() throws IOException {
        byte[] bomb = gzip(REPORT.substring(0, REPORT.indexOf("<report_metadata>")), 50 << 20);
        long start = System.nanoTime();
        Outcome outcome = extract(bomb);
        assertEquals(List.of("reports.error.ratio"), outcome.problems());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "stopped early");
    }

    @Test
    void theDecompressedTotalIsBounded() {
        ReportLimits small = ReportLimits.DEFAULT.withMaxDecompressedBytes(4096);
        byte[] big = SampleReports.gzip(REPORT.replace("<email>", "<email>" + "x".repeat(10_000)));
        assertEquals(List.of("reports.error.too-large-decompressed"), extract(big, small).problems());
        assertEquals(1, extract(SampleReports.gzip(REPORT), small).reports().size());
    }

    @Test
    void zipArchivesAreBoundedInEntriesAndRatio() throws IOException {
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(many)) {
            for (int i = 0; i < 100; i++) {
                zip.putNextEntry(new ZipEntry("r" + i + ".xml"));
                zip.write(utf8(REPORT.replace("r-1", "r-" + i)));
            }
        }
        Outcome outcome = extract(many.toByteArray());
        assertEquals(64, outcome.reports().size());
        assertEquals(List.of("reports.error.too-many-entries"), outcome.problems());

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("bomb.xml"));
            zip.write(utf8("<feedback>"));
            byte[] filler = filler();
            for (int i = 0; i < 50; i++) {
                zip.write(filler);
            }
        }
        assertEquals(List.of("reports.error.ratio"), extract(bomb.toByteArray()).problems());
    }

    @Test
    void nestingOfContainersIsBoundedWithoutRecursion() {
        byte[] layers = utf8(REPORT);
        for (int i = 0; i < 20; i++) {
            layers = gzipOctets(layers);
        }
        assertEquals(List.of("reports.error.too-nested"), extract(layers).problems());

        // Messages forwarded inside messages, 1000 deep: refused at the bound, no stack overflow.
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            message.append("Subject: fwd ").append(i).append("\r\nContent-Type: message/rfc822\r\n\r\n");
        }
        message.append("Content-Type: text/xml\r\n\r\n").append(REPORT);
        assertEquals(List.of("reports.error.too-nested"), extract(utf8(message.toString())).problems());

        // Multiparts inside multiparts, 1000 deep.
        StringBuilder nested = new StringBuilder("Subject: deep\r\n");
        for (int i = 0; i < 1000; i++) {
            nested.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
        }
        assertEquals(List.of("reports.error.too-nested"), extract(utf8(nested.toString())).problems());
    }

    private static byte[] gzipOctets(byte[] octets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(octets);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void aMessageIsBoundedInPartsAndSize() {
        StringBuilder parts = new StringBuilder("Subject: parts\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (int i = 0; i < 300; i++) {
            parts.append("--b\r\nContent-Type: text/plain\r\n\r\nunused\r\n");
        }
        parts.append("--b--\r\n");
        assertEquals(List.of("reports.error.too-many-parts"), extract(utf8(parts.toString())).problems());

        String message = SampleReports.message("big", "application/gzip", "r.xml.gz", SampleReports.gzip(REPORT));
        assertEquals(List.of("reports.error.message-too-large"),
                extract(utf8(message), ReportLimits.DEFAULT.withMaxMessageBytes(200)).problems());
        assertEquals(1, extract(utf8(message)).reports().size());
    }

    @Test
    void oddWrappersAreReadByTheirContentNotTheirName() {
        // An octet-stream attachment that is gzip, a text/xml part that is plain XML in quoted-printable,
        // a zip holding a gzip, and the whole report on one line.
        String oneLine = REPORT.replace("\n", "");
        String quotedPrintable = oneLine.replace("=", "=3D").replaceAll("(.{70})", "$1=\r\n");
        String mail = "Subject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nunused\r\n"
                + "--b\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + quotedPrintable + "\r\n--b--\r\n";
        assertEquals(2, extract(utf8(mail)).reports().get(0).messages());
        assertEquals(1, extract(utf8(SampleReports.message("x", "application/octet-stream", "r.bin", SampleReports.gzip(REPORT))))
                .reports().size());
        assertEquals(1, extract(SampleReports.zip("r.xml.gz", SampleReports.gzip(REPORT))).reports().size());
        // A mailbox of two report mails and one that is not a report.
        String mbox = "From a@b Sat Jan  3 01:05:34 2026\n" + SampleReports.message("1", "application/gzip", "1.gz", SampleReports.gzip(REPORT))
                .replace("\r\n", "\n") + "\nFrom a@b Sat Jan  3 01:05:35 2026\nSubject: hello\n\njust mail\n\n"
                + "From a@b Sat Jan  3 01:05:36 2026\n" + SampleReports.message("2", "application/zip", "2.zip",
                        SampleReports.zip("2.xml", utf8(REPORT.replace("r-1", "r-2")))).replace("\r\n", "\n");
        Outcome mailbox = extract(utf8(mbox));
        assertEquals(2, mailbox.reports().size());
        assertEquals(List.of("reports.error.no-report-in-message"), mailbox.problems());
        assertEquals(List.of("reports.error.empty-message"), extract(utf8("From a@b Sat Jan  3 01:05:34 2026\n\n")).problems());
    }

    @Test
    void aStreamedReportOfAHundredMegabytesIsReadRowByRow() throws IOException {
        int rows = 180_000;
        long[] seen = new long[2];
        AggregateReportReader.Result result = AggregateReportReader.read(new GeneratedReport(rows), ReportLimits.DEFAULT,
                new AggregateReportReader.Sink() {
                    @Override
                    public boolean header(ReportHeader header) {
                        return true;
                    }

                    @Override
                    public void row(ReportRow row) {
                        seen[0]++;
                        seen[1] += row.count();
                    }
                });
        assertEquals(rows, result.rows());
        assertEquals(rows, seen[0]);
        assertEquals(3L * rows, seen[1]);
        assertTrue(GeneratedReport.size(rows) > 100_000_000L, "at least 100 MB: " + GeneratedReport.size(rows));
    }

    private static byte[] gzip(String start, int octets) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(utf8(start));
            byte[] filler = filler();
            for (int i = 0; i < octets >> 20; i++) {
                gzip.write(filler);
            }
        }
        return bytes.toByteArray();
    }

    /**
     * A mebibyte of empty elements, which compresses as well as blanks: a bomb made of one huge name
     * or text is stopped sooner, at its own bound, before its ratio shows.
     */
    private static byte[] filler() {
        return utf8("<x/>".repeat(1 << 18));
    }
}
