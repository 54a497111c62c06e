package org.mailwright.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxEOFException;
import org.mailwright.i18n.Problem;
import org.mailwright.spf.IpText;

/**
 * Reads a DMARC aggregate report (RFC 7489 appendix C, RFC 9990 with or without its
 * {@code urn:ietf:params:xml:ns:dmarc-2.0} namespace) with a streaming StAX parser, handing the
 * header and then each row to a {@link Sink} as they are read: memory stays that of one row
 * whatever the report's size.
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

    private static final XMLInputFactory FACTORY = factory();
    /** A count or a timestamp: digits and an optional fraction, never an exponent. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9]{1,19}(\\.[0-9]{0,9})?");
    /** How deep below the document's root {@code feedback} may start (inside a stray wrapper). */
    private static final int FEEDBACK_MAX_DEPTH = 3;

    private final ReportLimits limits;
    private final Sink sink;

    private final String[] stack;
    private int depth;
    private int feedbackDepth = -1;
    private boolean feedbackDone;
    private boolean dmarc2;
    private String rootName;
    private final StringBuilder text = new StringBuilder();

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

    private AggregateReportReader(ReportLimits limits, Sink sink) {
        this.limits = limits;
        this.sink = sink;
        this.stack = new String[limits.maxXmlDepth() + 1];
    }

    /**
     * Reads one report from {@code xml} (octets in any charset XML allows), handing it to {@code sink}.
     *
     * @throws ReportFormatException when it is not a report, not well-formed before its end, or past a limit
     * @throws IOException when {@code xml} cannot be read
     */
    public static Result read(InputStream xml, ReportLimits limits, Sink sink) throws IOException {
        return new AggregateReportReader(limits, sink).run(XmlInput.reader(xml));
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

    private static XMLInputFactory factory() {
        // Woodstox, named rather than looked up, so no other parser on the class path is chosen instead.
        XMLInputFactory factory = new com.ctc.wstx.stax.WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Text comes in pieces, so a long one is refused at the text bound before it is all in memory.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        // Reports carry no attributes worth more than a few characters; the parser's own bounds, well inside its defaults.
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 100);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, ReportLimits.DEFAULT.maxTextLength());
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("External resources are not read.");
        });
        return factory;
    }

    private Result run(Reader in) throws IOException {
        XMLStreamReader xml;
        try {
            synchronized (FACTORY) {
                xml = FACTORY.createXMLStreamReader(in);
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
        try {
            while (!feedbackDone && !skipping && xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new ReportFormatException("reports.error.dtd");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ReportFormatException("reports.error.dtd");
                    case XMLStreamConstants.START_ELEMENT -> start(xml);
                    case XMLStreamConstants.END_ELEMENT -> end();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> characters(xml);
                    default -> {
                        // comments, processing instructions: nothing to read
                    }
                }
            }
        } catch (XMLStreamException e) {
            failUnlessRead(e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            // Woodstox finds some faults in a text only when the text is asked for, and throws those unchecked.
            if (!(e.getCause() instanceof XMLStreamException lazy)) {
                throw e;
            }
            failUnlessRead(lazy);
        }
        if (skipping) {
            return new Result(header, 0, 0, true);
        }
        if (feedbackDepth < 0 && !feedbackDone) {
            if (rootName == null) {
                throw new ReportFormatException("reports.error.no-xml");
            }
            throw new ReportFormatException("reports.error.not-a-report", rootName);
        }
        if (!feedbackDone) {
            throw new ReportFormatException("reports.error.truncated");
        }
        if (header == null) {
            emitHeader();
        }
        return new Result(header, rows, messages, skipping);
    }

    /** What a fault of the XML means, unless it comes after the whole report was read or while it is skipped. */
    private void failUnlessRead(XMLStreamException e) throws IOException {
        if (feedbackDone || skipping) {
            return;
        }
        if (e.getNestedException() instanceof IOException io) {
            throw io;
        }
        if (e instanceof WstxEOFException && rootName == null) {
            throw new ReportFormatException("reports.error.no-xml");
        }
        if (e instanceof WstxEOFException && feedbackDepth > 0) {
            throw new ReportFormatException("reports.error.truncated");
        }
        throw notWellFormed(e);
    }

    private static ReportFormatException notWellFormed(XMLStreamException e) {
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        Problem reason = XmlFault.reason(e);
        return line > 0 ? new ReportFormatException("reports.error.xml-at", line, reason)
                : new ReportFormatException("reports.error.xml", reason);
    }

    private void start(XMLStreamReader xml) {
        if (depth >= limits.maxXmlDepth()) {
            throw new ReportFormatException("reports.error.too-deep", limits.maxXmlDepth());
        }
        String name = xml.getLocalName();
        stack[depth++] = name;
        text.setLength(0);
        if (rootName == null) {
            rootName = name;
        }
        if (feedbackDepth < 0) {
            if ("feedback".equals(name) && depth <= FEEDBACK_MAX_DEPTH) {
                feedbackDepth = depth;
                dmarc2 = ReportHeader.DMARC2_NAMESPACE.equals(xml.getNamespaceURI());
            }
            return;
        }
        String parent = parent();
        switch (name) {
            case "record" -> {
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
            case "report_metadata" -> {
                if (depth == feedbackDepth + 1) {
                    metadataSeen = true;
                }
            }
            case "reason" -> {
                if (inRecord && "policy_evaluated".equals(parent)) {
                    reasonType = null;
                    reasonComment = null;
                }
            }
            case "dkim", "spf" -> {
                if (inRecord && "auth_results".equals(parent)) {
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

    private String parent() {
        return depth >= 2 ? stack[depth - 2] : "";
    }

    private void characters(XMLStreamReader xml) {
        if (feedbackDepth < 0) {
            return;
        }
        int length = xml.getTextLength();
        if (text.length() + length > limits.maxTextLength()) {
            throw new ReportFormatException("reports.error.text-too-long", limits.maxTextLength());
        }
        text.append(xml.getTextCharacters(), xml.getTextStart(), length);
    }

    private void end() {
        String name = stack[depth - 1];
        String parent = parent();
        String grandparent = depth >= 3 ? stack[depth - 3] : "";
        if (feedbackDepth > 0) {
            if (depth == feedbackDepth) {
                feedbackDone = true;
            } else {
                field(name, parent, grandparent, value());
            }
        }
        depth--;
        text.setLength(0);
    }

    /** The element's text, trimmed; null when empty. */
    private String value() {
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return from == to ? null : text.substring(from, to);
    }

    private static String keyword(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private void field(String name, String parent, String grandparent, String value) {
        int level = depth - feedbackDepth;
        switch (parent) {
            case "feedback" -> {
                if (level == 1) {
                    switch (name) {
                        case "version" -> version = value;
                        case "record" -> endRecord();
                        default -> {
                            // report_metadata, policy_published, extensions: containers
                        }
                    }
                }
            }
            case "report_metadata" -> {
                if (level == 2) {
                    switch (name) {
                        case "org_name" -> orgName = value;
                        case "email" -> email = value;
                        case "extra_contact_info" -> extraContactInfo = value;
                        case "report_id" -> reportId = value;
                        case "error" -> {
                            if (value != null && errors.size() < 100) {
                                errors.add(value);
                            }
                        }
                        case "generator" -> generator = value;
                        default -> {
                            // unknown: skipped
                        }
                    }
                }
            }
            case "date_range" -> {
                if (level == 3 && "report_metadata".equals(grandparent)) {
                    if ("begin".equals(name)) {
                        begin = timestamp(value);
                    } else if ("end".equals(name)) {
                        end = timestamp(value);
                    }
                }
            }
            case "policy_published" -> {
                if (level == 2) {
                    switch (name) {
                        case "domain" -> domain = keyword(value);
                        case "adkim" -> adkim = keyword(value);
                        case "aspf" -> aspf = keyword(value);
                        case "p" -> p = keyword(value);
                        case "sp" -> sp = keyword(value);
                        case "np" -> np = keyword(value);
                        case "pct" -> pct = percent(value);
                        case "fo" -> fo = keyword(value);
                        case "testing" -> testing = keyword(value);
                        case "discovery_method" -> discoveryMethod = keyword(value);
                        default -> {
                            // unknown: skipped
                        }
                    }
                }
            }
            case "row" -> {
                if (inRecord && level == 3) {
                    if ("source_ip".equals(name)) {
                        sourceIp = value;
                    } else if ("count".equals(name)) {
                        count = value;
                    }
                }
            }
            case "policy_evaluated" -> {
                if (inRecord && level == 4) {
                    switch (name) {
                        case "disposition" -> disposition = keyword(value);
                        case "dkim" -> dkimEvaluated = keyword(value);
                        case "spf" -> spfEvaluated = keyword(value);
                        case "reason" -> {
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
            case "reason" -> {
                if (inRecord && level == 5) {
                    if ("type".equals(name)) {
                        reasonType = keyword(value);
                    } else if ("comment".equals(name)) {
                        reasonComment = value;
                    }
                }
            }
            case "identifiers" -> {
                if (inRecord && level == 3) {
                    switch (name) {
                        case "header_from" -> headerFrom = keyword(value);
                        case "envelope_from" -> envelopeFrom = keyword(value);
                        case "envelope_to" -> envelopeTo = keyword(value);
                        default -> {
                            // unknown: skipped
                        }
                    }
                }
            }
            case "auth_results" -> {
                if (inRecord && level == 3) {
                    if ("dkim".equals(name) && dkim.size() < 100) {
                        dkim.add(new DkimAuthResult(authDomain, authSelector, authResult, authHuman));
                    } else if ("spf".equals(name) && spf.size() < 100) {
                        spf.add(new SpfAuthResult(authDomain, authScope, authResult, authHuman));
                    }
                }
            }
            case "dkim", "spf" -> {
                if (inRecord && level == 4 && "auth_results".equals(grandparent)) {
                    switch (name) {
                        case "domain" -> authDomain = keyword(value);
                        case "selector" -> authSelector = value;
                        case "scope" -> authScope = keyword(value);
                        case "result" -> authResult = keyword(value);
                        case "human_result" -> authHuman = value;
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
