package org.mailwright.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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
}
