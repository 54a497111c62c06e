package org.mailwright.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads the key fields of an ARF failure report from its {@code message/feedback-report} part and
 * the part beside it that quotes the original message ({@code message/rfc822},
 * {@code text/rfc822-headers} or {@code message/rfc822-headers}).
 */
final class FailureReportReader {

    /** Values kept per repeated field (recipients, Authentication-Results, reported domains). */
    private static final int MAX_VALUES = 50;
    /** Characters kept of one value. */
    private static final int MAX_VALUE = 2000;
    /** Characters of the reported domains together, as the archive keeps and indexes them. */
    static final int MAX_REPORTED_DOMAINS = 600;

    private FailureReportReader() {
    }

    /**
     * The report of {@code feedback} (the decoded feedback-report part) and {@code original} (the
     * decoded part quoting the original message, or null when the report has none).
     *
     * @throws ReportFormatException when the part has no Feedback-Type, which every ARF report has
     */
    static FailureReport read(byte[] feedback, byte[] original) {
        Mime.Head head = Mime.head(feedback, 0, feedback.length);
        List<Mime.Field> fields = head.fields();
        String feedbackType = keyword(one(fields, "Feedback-Type"));
        if (feedbackType == null) {
            throw new ReportFormatException("reports.error.no-feedback-type");
        }
        FailureReport.OriginalMessage quoted = FailureReport.OriginalMessage.NONE;
        byte[] originalHeader = new byte[0];
        if (original != null) {
            Mime.Head originalHead = Mime.head(original, 0, original.length);
            List<Mime.Field> o = originalHead.fields();
            quoted = new FailureReport.OriginalMessage(Mime.headerText(one(o, "From")), Mime.headerText(one(o, "To")),
                    Mime.headerText(one(o, "Subject")), one(o, "Message-ID"), one(o, "Date"));
            originalHeader = java.util.Arrays.copyOf(original, originalHead.bodyStart());
        }
        String sourceIp = one(fields, "Source-IP");
        return new FailureReport(feedbackType, one(fields, "User-Agent"), one(fields, "Version"),
                one(fields, "Original-Envelope-Id"), one(fields, "Original-Mail-From"), all(fields, "Original-Rcpt-To"),
                date(one(fields, "Arrival-Date")), one(fields, "Reporting-MTA"),
                sourceIp == null ? null : AggregateReportReader.address(address(sourceIp)), incidents(one(fields, "Incidents")),
                all(fields, "Authentication-Results"), reportedDomains(lower(all(fields, "Reported-Domain"))),
                keyword(one(fields, "Delivery-Result")), keyword(one(fields, "Auth-Failure")), keyword(one(fields, "DKIM-Domain")),
                one(fields, "DKIM-Identity"), one(fields, "DKIM-Selector"), keyword(one(fields, "Identity-Alignment")),
                one(fields, "SPF-DNS"), quoted, digest(feedback, originalHeader));
    }

    /** The address of a Source-IP field, without the comment some reporters add ("192.0.2.1 (mx.example)"). */
    private static String address(String value) {
        String bare = value.replaceAll("\\([^)]*\\)", " ").strip();
        int space = bare.indexOf(' ');
        return space < 0 ? bare : bare.substring(0, space);
    }

    private static String one(List<Mime.Field> fields, String name) {
        String value = Mime.field(fields, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value;
    }

    private static List<String> all(List<Mime.Field> fields, String name) {
        List<String> values = new ArrayList<>();
        for (Mime.Field field : fields) {
            if (field.name().equalsIgnoreCase(name) && !field.value().isBlank() && values.size() < MAX_VALUES) {
                String value = field.value();
                values.add(value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
            }
        }
        return values;
    }

    /**
     * The reported domains the archive indexes: those that can be domain names (at most 253
     * characters and a final dot), while they come to at most {@value #MAX_REPORTED_DOMAINS}
     * characters together. A report names one or two; PostgreSQL refuses an index entry of more than
     * some 2,700 octets, and the import stopped there.
     */
    static List<String> reportedDomains(List<String> values) {
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String value : values) {
            if (value.length() <= AggregateReportReader.MAX_DOMAIN && length + value.length() + 1 <= MAX_REPORTED_DOMAINS) {
                kept.add(value);
                length += value.length() + 1;
            }
        }
        return kept;
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(FailureReportReader::keyword).toList();
    }

    private static String keyword(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static long incidents(String value) {
        if (value == null) {
            return 1;
        }
        try {
            long incidents = Long.parseLong(value.strip());
            return incidents >= 1 ? incidents : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** An RFC 5322 date, or null; a trailing comment such as "(CEST)" is dropped first. */
    static Instant date(String value) {
        if (value == null) {
            return null;
        }
        String text = value.replaceAll("\\([^)]*\\)", "").strip().replaceAll("\\s+", " ");
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** SHA-256 of the feedback part and the original header, line ends made LF first. */
    private static String digest(byte[] feedback, byte[] originalHeader) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(withLf(feedback));
            sha.update((byte) 0);
            sha.update(withLf(originalHeader));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] withLf(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace('\r', '\n').strip();
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
