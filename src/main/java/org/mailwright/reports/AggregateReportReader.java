package org.mailwright.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mailwright.i18n.Problem;
import org.mailwright.spf.IpText;

/**
 * Reads a DMARC aggregate report (RFC 7489 appendix C, RFC 9990 with or without its
 * {@code urn:ietf:params:xml:ns:dmarc-2.0} namespace) with a streaming tokenizer
 * ({@link XmlScanner}), handing the header and then each row to a {@link Sink} as they are read:
 * memory stays that of one row whatever the report's size.
 *
 * <p>Safe on hostile input: no DTD is accepted (so no external entity and no entity expansion),
 * nesting and text lengths are bounded ({@link ReportLimits}). Tolerant of what real reporters
 * write: element names are matched without their namespace or prefix; anything unknown is skipped;
 * keyword values are taken in any case; empty elements count as absent; timestamps may have a
 * fraction ({@code 1337270400.0}); a wrapper around {@code feedback} (a stray {@code xs:schema}) is
 * looked through, and whatever follows the end of {@code feedback}, even malformed, is ignored.
 */
public final class AggregateReportReader {

    /** Receives a report as it is read. */
    public interface Sink {

        /**
         * The report's metadata and policy, before its first row.
         *
         * @return false to skip the rest of the report (it is already archived)
         */
        boolean header(ReportHeader header);

        /** The next row. */
        void row(ReportRow row);
    }

    /** What a read found. */
    public record Result(ReportHeader header, long rows, long messages, boolean skipped) {
    }

    /**
     * The most messages one record may count: more than one address sends one receiver in a month, and
     * small enough that no archive's sums of them can overflow (a record claiming 2^63 - 1 messages,
     * twice, made every summary of the archive fail).
     */
    static final long MAX_COUNT = 0xFFFF_FFFFL;
    /**
     * The most records one report may hold: the archive keys each by its report and its number
     * ({@link Migrations#ROW_KEYS}). A report within the default limits has fewer anyway (a gigabyte of
     * the shortest records makes some 14 million); the largest real ones hold thousands.
     */
    static final long MAX_RECORDS = Migrations.ROW_KEYS - 1;
    /** The longest {@code org_name} and {@code report_id}, in characters: real ones are a few dozen. */
    static final int MAX_NAME = 256;
    /** The longest policy domain: 253 characters and a final dot. */
    static final int MAX_DOMAIN = 254;
    /** A count or a timestamp: digits and an optional fraction, never an exponent. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9]{1,19}(\\.[0-9]{0,9})?");
    /** The elements the reader looks for, by their local names; every other one is {@link #OTHER}. */
    private enum Element {
        FEEDBACK, VERSION, REPORT_METADATA, ORG_NAME, EMAIL, EXTRA_CONTACT_INFO, REPORT_ID, DATE_RANGE, BEGIN, END, ERROR,
        GENERATOR, POLICY_PUBLISHED, DOMAIN, ADKIM, ASPF, P, SP, NP, PCT, FO, TESTING, DISCOVERY_METHOD, RECORD, ROW,
        SOURCE_IP, COUNT, POLICY_EVALUATED, DISPOSITION, DKIM, SPF, REASON, TYPE, COMMENT, IDENTIFIERS, HEADER_FROM,
        ENVELOPE_FROM, ENVELOPE_TO, AUTH_RESULTS, SELECTOR, SCOPE, RESULT, HUMAN_RESULT, OTHER;

        private static final Element[] KNOWN = java.util.Arrays.copyOf(values(), values().length - 1);
        static final XmlScanner.Vocabulary NAMES = XmlScanner.Vocabulary.of(java.util.Arrays.stream(KNOWN)
                .map(element -> element.name().toLowerCase(Locale.ROOT)).toArray(String[]::new));

        /** The element a scanner's name number stands for. */
        static Element of(int id) {
            return id < 0 ? OTHER : KNOWN[id];
        }
    }

    /** How deep below the document's root {@code feedback} may start (inside a stray wrapper). */
    private static final int FEEDBACK_MAX_DEPTH = 3;

    private final ReportLimits limits;
    private final Sink sink;
    private final long maxRecords;

    private final Element[] stack;
    private int depth;
    private int feedbackDepth = -1;
    private boolean feedbackDone;
    private boolean dmarc2;
    private String rootName;

    private String version;
    private String orgName;
    private String email;
    private String extraContactInfo;
    private String reportId;
    private Instant begin;
    private Instant end;
    private final List<String> errors = new ArrayList<>();
    private String generator;
    private boolean metadataSeen;
    private String domain;
    private String adkim;
    private String aspf;
    private String p;
    private String sp;
    private String np;
    private Integer pct;
    private String fo;
    private String testing;
    private String discoveryMethod;

    private ReportHeader header;
    private boolean skipping;
    private long rows;
    private long messages;

    private boolean inRecord;
    private String sourceIp;
    private String count;
    private String disposition;
    private String dkimEvaluated;
    private String spfEvaluated;
    private List<PolicyOverride> reasons;
    private String reasonType;
    private String reasonComment;
    private String headerFrom;
    private String envelopeFrom;
    private String envelopeTo;
    private List<DkimAuthResult> dkim;
    private List<SpfAuthResult> spf;
    private String authDomain;
    private String authSelector;
    private String authScope;
    private String authResult;
    private String authHuman;

    private AggregateReportReader(ReportLimits limits, Sink sink, long maxRecords) {
        this.limits = limits;
        this.sink = sink;
        this.maxRecords = maxRecords;
        this.stack = new Element[limits.maxXmlDepth() + 1];
    }

    /**
     * Reads one report from {@code xml} (octets in any charset XML allows), handing it to {@code sink}.
     *
     * @throws ReportFormatException when it is not a report, not well-formed before its end, or past a limit
     * @throws IOException when {@code xml} cannot be read
     */
    public static Result read(InputStream xml, ReportLimits limits, Sink sink) throws IOException {
        return read(xml, limits, sink, MAX_RECORDS);
    }

    /** As {@link #read}, refusing a report of more than {@code maxRecords} records. */
    static Result read(InputStream xml, ReportLimits limits, Sink sink, long maxRecords) throws IOException {
        return new AggregateReportReader(limits, sink, maxRecords).run(new XmlScanner(XmlInput.utf8(xml), limits.maxXmlDepth(),
                limits.maxTextLength(), Element.NAMES));
    }

    /**
     * The whole report in memory, with at most {@code maxRows} rows.
     *
     * @throws ReportFormatException as {@link #read}, and when the report has more rows
     */
    public static AggregateReport parse(InputStream xml, ReportLimits limits, int maxRows) throws IOException {
        List<ReportRow> rows = new ArrayList<>();
        Result result = read(xml, limits, new Sink() {
            @Override
            public boolean header(ReportHeader header) {
                return true;
            }

            @Override
            public void row(ReportRow row) {
                if (rows.size() >= maxRows) {
                    throw new ReportFormatException("reports.error.too-many-rows", maxRows);
                }
                rows.add(row);
            }
        });
        return new AggregateReport(result.header(), rows);
    }

    /** {@link #parse(InputStream, ReportLimits, int)} of octets in memory, with the default limits. */
    public static AggregateReport parse(byte[] xml) {
        try {
            return parse(new ByteArrayInputStream(xml), ReportLimits.DEFAULT, Integer.MAX_VALUE);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Result run(XmlScanner xml) throws IOException {
        try {
            while (!feedbackDone && !skipping) {
                int event = xml.next();
                if (event == XmlScanner.EOF) {
                    break;
                }
                if (event == XmlScanner.START) {
                    start(xml);
                } else {
                    end(xml);
                }
            }
        } catch (XmlScanner.EndedEarly early) {
            if (rootName == null) {
                throw new ReportFormatException("reports.error.no-xml");
            }
            if (feedbackDepth > 0) {
                throw new ReportFormatException("reports.error.truncated");
            }
            throw early;
        }
        if (skipping) {
            return new Result(header, 0, 0, true);
        }
        if (feedbackDepth < 0) {
            // The scanner ends only after a root element: without one, it said so above.
            throw new ReportFormatException("reports.error.not-a-report", rootName);
        }
        if (header == null) {
            emitHeader();
        }
        return new Result(header, rows, messages, skipping);
    }

    private void start(XmlScanner xml) {
        Element element = Element.of(xml.nameId());
        stack[depth++] = element;
        if (rootName == null) {
            rootName = xml.localName();
        }
        if (feedbackDepth < 0) {
            if (element == Element.FEEDBACK && depth <= FEEDBACK_MAX_DEPTH) {
                feedbackDepth = depth;
                dmarc2 = ReportHeader.DMARC2_NAMESPACE.equals(xml.namespaceUri());
            }
            return;
        }
        switch (element) {
            case RECORD -> {
                if (depth == feedbackDepth + 1) {
                    if (header == null) {
                        emitHeader();
                        if (skipping) {
                            return;
                        }
                    }
                    startRecord();
                }
            }
            case REPORT_METADATA -> {
                if (depth == feedbackDepth + 1) {
                    metadataSeen = true;
                }
            }
            case REASON -> {
                if (inRecord && parent() == Element.POLICY_EVALUATED) {
                    reasonType = null;
                    reasonComment = null;
                }
            }
            case DKIM, SPF -> {
                if (inRecord && parent() == Element.AUTH_RESULTS) {
                    authDomain = null;
                    authSelector = null;
                    authScope = null;
                    authResult = null;
                    authHuman = null;
                }
            }
            default -> {
                // a field, read at its end
            }
        }
    }

    private Element parent() {
        return depth >= 2 ? stack[depth - 2] : Element.OTHER;
    }

    private void end(XmlScanner xml) {
        if (feedbackDepth > 0) {
            if (depth == feedbackDepth) {
                feedbackDone = true;
            } else {
                field(stack[depth - 1], parent(), depth >= 3 ? stack[depth - 3] : Element.OTHER, xml);
            }
        }
        depth--;
    }

    /** The element's text, trimmed; null when empty. */
    private static String value(XmlScanner xml) {
        char[] text = xml.text();
        int from = 0;
        int to = xml.textLength();
        while (from < to && blank(text[from])) {
            from++;
        }
        while (to > from && blank(text[to - 1])) {
            to--;
        }
        return from == to ? null : new String(text, from, to - from);
    }

    /** {@link Character#isWhitespace}, asked only beyond ASCII: within it, the scanner leaves no other blank. */
    private static boolean blank(char c) {
        return c <= ' ' ? c == ' ' || c == '\n' || c == '\t' || c == '\r' || Character.isWhitespace(c)
                : c >= 0x80 && Character.isWhitespace(c);
    }

    /** The element's text as a keyword: trimmed, in lower case; null when empty. */
    private static String keyword(XmlScanner xml) {
        String value = value(xml);
        if (value == null) {
            return null;
        }
        // Nearly every keyword is written in lower case already: looked at, not copied.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 0x80) {
                return value.toLowerCase(Locale.ROOT);
            }
        }
        return value;
    }

    private void field(Element name, Element parent, Element grandparent, XmlScanner xml) {
        int level = depth - feedbackDepth;
        switch (parent) {
            case FEEDBACK -> {
                if (level == 1) {
                    switch (name) {
                        case VERSION -> version = value(xml);
                        case RECORD -> endRecord();
                        default -> {
                            // report_metadata, policy_published, extensions: containers
                        }
                    }
                }
            }
            case REPORT_METADATA -> {
                if (level == 2) {
                    switch (name) {
                        case ORG_NAME -> orgName = value(xml);
                        case EMAIL -> email = value(xml);
                        case EXTRA_CONTACT_INFO -> extraContactInfo = value(xml);
                        case REPORT_ID -> reportId = value(xml);
                        case ERROR -> {
                            String error = value(xml);
                            if (error != null && errors.size() < 100) {
                                errors.add(error);
                            }
                        }
                        case GENERATOR -> generator = value(xml);
                        default -> {
                            // unknown: skipped
                        }
                    }
                }
            }
            case DATE_RANGE -> {
                if (level == 3 && grandparent == Element.REPORT_METADATA) {
                    if (name == Element.BEGIN) {
                        begin = timestamp(value(xml));
                    } else if (name == Element.END) {
                        end = timestamp(value(xml));
                    }
                }
            }
            case POLICY_PUBLISHED -> {
                if (level == 2) {
                    switch (name) {
                        case DOMAIN -> domain = keyword(xml);
                        case ADKIM -> adkim = keyword(xml);
                        case ASPF -> aspf = keyword(xml);
                        case P -> p = keyword(xml);
                        case SP -> sp = keyword(xml);
                        case NP -> np = keyword(xml);
                        case PCT -> pct = percent(value(xml));
                        case FO -> fo = keyword(xml);
                        case TESTING -> testing = keyword(xml);
                        case DISCOVERY_METHOD -> discoveryMethod = keyword(xml);
                        default -> {
                            // unknown: skipped
                        }
                    }
                }
            }
            case ROW -> {
                if (inRecord && level == 3) {
                    if (name == Element.SOURCE_IP) {
                        sourceIp = value(xml);
                    } else if (name == Element.COUNT) {
                        count = value(xml);
                    }
                }
            }
            case POLICY_EVALUATED -> {
                if (inRecord && level == 4) {
                    switch (name) {
                        case DISPOSITION -> disposition = keyword(xml);
                        case DKIM -> dkimEvaluated = keyword(xml);
                        case SPF -> spfEvaluated = keyword(xml);
                        case REASON -> {
                            if (reasonType != null && reasons.size() < 100) {
                                reasons.add(new PolicyOverride(reasonType, reasonComment));
                            }
                        }
                        default -> {
                            // unknown: skipped
                        }
                    }
                }
            }
            case REASON -> {
                if (inRecord && level == 5) {
                    if (name == Element.TYPE) {
                        reasonType = keyword(xml);
                    } else if (name == Element.COMMENT) {
                        reasonComment = value(xml);
                    }
                }
            }
            case IDENTIFIERS -> {
                if (inRecord && level == 3) {
                    switch (name) {
                        case HEADER_FROM -> headerFrom = keyword(xml);
                        case ENVELOPE_FROM -> envelopeFrom = keyword(xml);
                        case ENVELOPE_TO -> envelopeTo = keyword(xml);
                        default -> {
                            // unknown: skipped
                        }
                    }
                }
            }
            case AUTH_RESULTS -> {
                if (inRecord && level == 3) {
                    if (name == Element.DKIM && dkim.size() < 100) {
                        dkim.add(new DkimAuthResult(authDomain, authSelector, authResult, authHuman));
                    } else if (name == Element.SPF && spf.size() < 100) {
                        spf.add(new SpfAuthResult(authDomain, authScope, authResult, authHuman));
                    }
                }
            }
            case DKIM, SPF -> {
                if (inRecord && level == 4 && grandparent == Element.AUTH_RESULTS) {
                    switch (name) {
                        case DOMAIN -> authDomain = keyword(xml);
                        case SELECTOR -> authSelector = value(xml);
                        case SCOPE -> authScope = keyword(xml);
                        case RESULT -> authResult = keyword(xml);
                        case HUMAN_RESULT -> authHuman = value(xml);
                        default -> {
                            // unknown: skipped
                        }
                    }
                }
            }
            default -> {
                // extensions and unknown elements: skipped
            }
        }
    }

    private void emitHeader() {
        if (!metadataSeen) {
            throw new ReportFormatException("reports.error.no-metadata");
        }
        if (reportId == null) {
            throw new ReportFormatException("reports.error.no-report-id");
        }
        // The archive's keys: PostgreSQL refuses an index entry of more than some 2,700 octets, and the
        // import stopped there, every file after it left out.
        if (orgName != null && orgName.length() > MAX_NAME) {
            throw new ReportFormatException("reports.error.name-too-long", "org_name", orgName.length(), MAX_NAME);
        }
        if (reportId.length() > MAX_NAME) {
            throw new ReportFormatException("reports.error.name-too-long", "report_id", reportId.length(), MAX_NAME);
        }
        if (domain != null && domain.length() > MAX_DOMAIN) {
            throw new ReportFormatException("reports.error.domain-too-long", domain.length());
        }
        header = new ReportHeader(version, dmarc2,
                new ReportMetadata(orgName == null ? "" : orgName, email, extraContactInfo, reportId, begin, end, errors,
                        generator),
                new PolicyPublished(domain, adkim, aspf, p, sp, np, pct, fo, testing, discoveryMethod));
        skipping = !sink.header(header);
    }

    private void startRecord() {
        inRecord = true;
        sourceIp = null;
        count = null;
        disposition = null;
        dkimEvaluated = null;
        spfEvaluated = null;
        reasons = new ArrayList<>(1);
        headerFrom = null;
        envelopeFrom = null;
        envelopeTo = null;
        dkim = new ArrayList<>(2);
        spf = new ArrayList<>(1);
    }

    private void endRecord() {
        if (!inRecord) {
            return;
        }
        inRecord = false;
        long row = rows + 1;
        if (row > maxRecords) {
            throw new ReportFormatException("reports.error.too-many-records", maxRecords);
        }
        if (sourceIp == null) {
            throw new ReportFormatException("reports.error.no-source-ip", row);
        }
        long messagesOfRow = count(count, row);
        rows = row;
        messages += messagesOfRow;
        sink.row(new ReportRow(address(sourceIp), messagesOfRow,
                new PolicyEvaluated(disposition, dkimEvaluated, spfEvaluated, reasons),
                new Identifiers(headerFrom, envelopeFrom, envelopeTo), dkim, spf));
    }

    /** An address in its canonical form (IPv6 compressed), or the text as written when it is none. */
    static String address(String text) {
        if (canonicalIpv4(text)) {
            return text;
        }
        try {
            return IpText.format(IpText.parseAddress(text));
        } catch (IllegalArgumentException notAnAddress) {
            return text;
        }
    }

    /** Four decimal numbers 0-255 without leading zeros: already the canonical form, kept as it is. */
    private static boolean canonicalIpv4(String text) {
        int length = text.length();
        if (length < 7 || length > 15) {
            return false;
        }
        int dots = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (digits == 0 || ++dots > 3) {
                    return false;
                }
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    return false;
                }
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0;
    }

    private static long count(String text, long row) {
        long count = anyCount(text, row);
        if (count > MAX_COUNT) {
            throw new ReportFormatException("reports.error.count-too-large", row, shown(text), MAX_COUNT);
        }
        return count;
    }

    private static long anyCount(String text, long row) {
        if (text == null) {
            throw new ReportFormatException("reports.error.no-count", row);
        }
        long plain = plainCount(text);
        if (plain >= 0) {
            return plain;
        }
        // Digits, and a fraction of zeros some reporters add ("27.0"); no exponent, which could be costly.
        if (!NUMBER.matcher(text).matches() || text.indexOf('.') >= 0 && !text.matches("[0-9]+\\.0*")) {
            throw new ReportFormatException("reports.error.bad-count", row, shown(text));
        }
        try {
            return new BigDecimal(text).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ReportFormatException("reports.error.bad-count", row, shown(text));
        }
    }

    /** The count of nearly every record, up to 18 digits alone, without a pattern or a BigDecimal; -1 for any other text. */
    private static long plainCount(String text) {
        int length = text.length();
        if (length == 0 || length > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Seconds since 1970, with a fraction or not; null when missing or not a number. */
    private static Instant timestamp(String text) {
        if (text == null || !NUMBER.matcher(text).matches()) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(text);
            long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
            // Instant's own range, and nothing before 1970 or after 9999 that a report could mean.
            if (whole < 0 || whole > 253_402_300_799L) {
                return null;
            }
            return Instant.ofEpochSecond(whole);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Integer percent(String text) {
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            return value >= 0 && value <= 100 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String shown(String text) {
        return Problem.shown(text, 40);
    }
}
