package org.mailwright.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Aggregate reports made up for tests, and the wrappers reporters send them in. */
public final class SampleReports {

    /** One record: the source, how many messages, and the aligned DKIM and SPF results. */
    public record Row(String ip, long count, String dkim, String spf) {
    }

    private SampleReports() {
    }

    public static Row row(String ip, long count, String dkim, String spf) {
        return new Row(ip, count, dkim, spf);
    }

    /** An RFC 7489 report from {@code org} with id {@code id} for {@code domain}, its period starting at {@code begin}. */
    public static String xml(String org, String id, String domain, long begin, List<Row> rows) {
        StringBuilder xml = new StringBuilder(256 + rows.size() * 600);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feedback>\n  <report_metadata>\n")
                .append("    <org_name>").append(org).append("</org_name>\n")
                .append("    <email>noreply@").append(org).append("</email>\n")
                .append("    <report_id>").append(id).append("</report_id>\n")
                .append("    <date_range><begin>").append(begin).append("</begin><end>").append(begin + 86399)
                .append("</end></date_range>\n  </report_metadata>\n")
                .append("  <policy_published><domain>").append(domain)
                .append("</domain><adkim>r</adkim><aspf>r</aspf><p>none</p><sp>none</sp><pct>100</pct></policy_published>\n");
        for (Row row : rows) {
            xml.append("  <record>\n    <row>\n      <source_ip>").append(row.ip()).append("</source_ip>\n")
                    .append("      <count>").append(row.count()).append("</count>\n")
                    .append("      <policy_evaluated><disposition>none</disposition><dkim>").append(row.dkim())
                    .append("</dkim><spf>").append(row.spf()).append("</spf></policy_evaluated>\n    </row>\n")
                    .append("    <identifiers><header_from>").append(domain).append("</header_from></identifiers>\n")
                    .append("    <auth_results>\n      <dkim><domain>").append(domain)
                    .append("</domain><selector>s1</selector><result>").append(row.dkim()).append("</result></dkim>\n")
                    .append("      <spf><domain>").append(domain).append("</domain><scope>mfrom</scope><result>")
                    .append(row.spf()).append("</result></spf>\n    </auth_results>\n  </record>\n");
        }
        return xml.append("</feedback>\n").toString();
    }

    /**
     * One record of a richer report: source, count, disposition, DKIM signatures written
     * "d/selector/result", and override reasons written "type" or "type/comment".
     */
    public static String record(String ip, long count, String disposition, List<String> signatures, List<String> reasons) {
        StringBuilder xml = new StringBuilder("<record><row><source_ip>" + ip + "</source_ip><count>" + count
                + "</count><policy_evaluated><disposition>" + disposition + "</disposition><dkim>pass</dkim><spf>fail</spf>");
        for (String reason : reasons) {
            String[] parts = reason.split("/", 2);
            xml.append("<reason><type>").append(parts[0]).append("</type>")
                    .append(parts.length > 1 ? "<comment>" + parts[1] + "</comment>" : "").append("</reason>");
        }
        xml.append("</policy_evaluated></row><identifiers><header_from>shop.test</header_from></identifiers><auth_results>");
        for (String signature : signatures) {
            String[] parts = signature.split("/");
            xml.append("<dkim><domain>").append(parts[0]).append("</domain><selector>").append(parts[1])
                    .append("</selector><result>").append(parts[2]).append("</result></dkim>");
        }
        return xml.append("<spf><domain>shop.test</domain><result>fail</result></spf></auth_results></record>").toString();
    }

    /** A report of {@link #record}s with id {@code id} for {@code domain}, its period the UTC day {@code day}. */
    public static String xml(String id, String domain, LocalDate day, String... records) {
        long begin = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        return "<feedback><report_metadata><org_name>receiver.example</org_name><email>r@receiver.example</email>"
                + "<report_id>" + id + "</report_id><date_range><begin>" + begin + "</begin><end>" + (begin + 86399)
                + "</end></date_range></report_metadata><policy_published><domain>" + domain
                + "</domain><p>none</p></policy_published>" + String.join("", records) + "</feedback>";
    }

    /**
     * Reports of shop.test from 2026-11-01 to 11-20, by id, where selector "old" (dual signing
     * with "ed" on 11-05) is replaced by "new" from 11-10, "gone" signs once on 11-12, esp.test's
     * "s1" once on 11-10; with every disposition and several override reasons, one with a
     * 300-character comment. And one report of other.test on 11-30, much newer than shop.test's.
     * All in the past: a report dated after its import does not set where "newest" is.
     */
    public static Map<String, String> ledgerHistory() {
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("a", xml("a", "shop.test", LocalDate.of(2026, 11, 1),
                record("192.0.2.1", 10, "none", List.of("shop.test/old/pass"), List.of()),
                record("192.0.2.2", 5, "quarantine", List.of("shop.test/old/fail"),
                        List.of("forwarded/via   list\n server", "forwarded/fourth"))));
        reports.put("b", xml("b", "shop.test", LocalDate.of(2026, 11, 5),
                record("192.0.2.1", 20, "none", List.of("shop.test/old/pass", "shop.test/ed/pass"), List.of())));
        reports.put("c", xml("c", "shop.test", LocalDate.of(2026, 11, 10),
                record("192.0.2.1", 40, "pass", List.of("shop.test/new/pass", "esp.test/s1/pass"),
                        List.of("trusted_forwarder/" + "x".repeat(300)))));
        reports.put("d", xml("d", "shop.test", LocalDate.of(2026, 11, 12),
                record("192.0.2.3", 3, "reject", List.of("shop.test/gone/fail"), List.of("local_policy", "policy_test_mode"))));
        reports.put("e", xml("e", "shop.test", LocalDate.of(2026, 11, 20),
                record("192.0.2.1", 7, "none", List.of("shop.test/new/pass"), List.of("forwarded/other comment", "forwarded/again"))));
        reports.put("f", xml("f", "other.test", LocalDate.of(2026, 11, 30),
                record("198.51.100.1", 2, "none", List.of("other.test/x/pass"), List.of())));
        return reports;
    }

    public static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A report mail as Google sends it: a text part, and the report as a base64 attachment of {@code type}. */
    public static String message(String subject, String type, String fileName, byte[] attachment) {
        String base64 = Base64.getMimeEncoder().encodeToString(attachment);
        return "From: noreply-dmarc-support@google.com\r\nTo: dmarc@example.com\r\nSubject: " + subject + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nunused\r\n"
                + "--b1\r\nContent-Type: " + type + "; name=\"" + fileName + "\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\n\r\n" + base64 + "\r\n--b1--\r\n";
    }

    /**
     * A DMARC failure report (RFC 6591): an ARF report about one message to {@code domain}, with
     * the message's headers; {@code arrival} (an RFC 5322 date) or {@code subject} null to leave it out.
     */
    public static String failure(String domain, String sourceIp, String arrival, String authFailure, String delivery,
            String from, String subject) {
        return ("From: reporter@receiver.example\nTo: ruf@" + domain + "\nSubject: DMARC failure report\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=feedback-report; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\nA message failed DMARC.\n"
                + "--b\nContent-Type: message/feedback-report\n\nFeedback-Type: auth-failure\nUser-Agent: Receiver/1.0\nVersion: 1\n"
                + (arrival == null ? "" : "Arrival-Date: " + arrival + "\n")
                + "Source-IP: " + sourceIp + "\nReported-Domain: " + domain + "\nAuth-Failure: " + authFailure + "\n"
                + "Delivery-Result: " + delivery + "\n\n"
                + "--b\nContent-Type: text/rfc822-headers\n\nFrom: " + from + "\n"
                + (subject == null ? "" : "Subject: " + subject + "\n") + "Message-ID: <" + sourceIp + "." + arrival + "@" + domain + ">\n\n"
                + "--b--\n").replace("\n", "\r\n");
    }
}
