package org.mailwright.reports;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.mailwright.i18n.Problem;

/**
 * Finds the reports in a file, whatever wraps them: plain XML, gzip, zip, a mail message (.eml, a
 * Maildir file) with the report attached (base64 or quoted-printable, gzip or zip inside, under
 * whatever content type the reporter chose), an mbox mailbox of such messages, and failure reports
 * (ARF). What the file is, is told by its first octets, never by its name.
 *
 * <p>Containers are walked with an explicit stack, never by recursion: a zip in a message in a
 * mailbox is three entries on the stack, and {@link ReportLimits#maxNesting()} bounds it. Every
 * decompressed octet counts against {@link ReportLimits#maxDecompressedBytes()} for the whole file,
 * and each stream's growth against {@link ReportLimits#maxCompressionRatio()}: a bomb is stopped
 * after a few megabytes, not read. Aggregate reports are streamed to the visitor, never held.
 */
public final class ReportExtractor {

    /** Receives what a file holds, in order. */
    public interface Visitor {

        /**
         * An aggregate report's XML, to be read before returning.
         *
         * @param where where in the file it is ({@link ReportPlace#FILE} for the file itself)
         * @throws ReportFormatException when it is not a readable report
         * @throws IOException when the file cannot be read
         */
        void aggregate(ReportPlace where, InputStream xml) throws IOException;

        /** A failure report. */
        void failure(ReportPlace where, FailureReport report);

        /** A part of the file (or the file itself) that holds no readable report, and why. */
        void problem(ReportPlace where, ReportFormatException problem);
    }

    private static final int SNIFF_OCTETS = 8192;
    /** The most characters of a file or entry name repeated in a place or message. */
    private static final int SHOWN_NAME = 120;
    /** A feedback element's start tag, with or without a namespace prefix. */
    private static final java.util.regex.Pattern FEEDBACK_ELEMENT = java.util.regex.Pattern.compile("<([A-Za-z_][\\w.-]*:)?feedback[\\s>/]");
    /**
     * The buffers of each layer. Most reports are a few kilobytes of gzip: making four 64 KiB buffers
     * per file, clearing memory mostly never used, showed among the reading thread's costs.
     */
    private static final int BUFFER = 16 * 1024;

    private enum Kind { EMPTY, GZIP, ZIP, EMPTY_ZIP, MBOX, MESSAGE, XML, OTHER }

    /** Something to look into: octets, where they are, how deep, and whether a message held them. */
    private record Source(ReportPlace where, InputStream in, int depth, boolean inMessage, ReportFormatException problem,
            boolean mailboxMessage) {
        Source(ReportPlace where, InputStream in, int depth, boolean inMessage) {
            this(where, in, depth, inMessage, null, false);
        }
    }

    private final ReportLimits limits;
    private final Visitor visitor;
    private long decompressed;
    private int found;
    private int problems;

    private ReportExtractor(ReportLimits limits, Visitor visitor) {
        this.limits = limits;
        this.visitor = visitor;
    }

    /**
     * Hands every report in {@code file} to {@code visitor}, and every part that holds none, with why.
     *
     * @throws ReportFormatException when the whole file must be given up: a bound for the file passed
     * @throws IOException when the file cannot be read
     */
    public static void extract(Path file, ReportLimits limits, Visitor visitor) throws IOException {
        // A pipe (a FIFO, or bash's <(command)) is read as a stream: the channel's own stream asks a
        // pipe for its position whenever it is read and fails with "Illegal seek".
        try (InputStream in = Files.isRegularFile(file) ? Files.newInputStream(file) : new java.io.FileInputStream(file.toFile())) {
            extract(in, limits, visitor);
        }
    }

    /** {@link #extract(Path, ReportLimits, Visitor)} of a stream, which the caller closes. */
    public static void extract(InputStream in, ReportLimits limits, Visitor visitor) throws IOException {
        new ReportExtractor(limits, visitor).run(in);
    }

    private void run(InputStream file) throws IOException {
        Deque<Container> stack = new ArrayDeque<>();
        try {
            handle(new Source(ReportPlace.FILE, file, 0, false), stack);
            while (!stack.isEmpty()) {
                Container top = stack.peek();
                Source next;
                try {
                    next = top.hasNext() ? top.next() : null;
                } catch (ReportFormatException e) {
                    problem(top.where, e);
                    next = null;
                }
                if (next == null) {
                    stack.pop().finish();
                    continue;
                }
                handle(next, stack);
            }
        } finally {
            for (Container container : stack) {
                container.close();
            }
        }
    }

    private void problem(ReportPlace where, ReportFormatException e) {
        problems++;
        visitor.problem(where, e);
    }

    /** Looks at one source: a report is handed over, a container goes on the stack. */
    private void handle(Source source, Deque<Container> stack) throws IOException {
        if (source.problem() != null) {
            problem(source.where(), source.problem());
            return;
        }
        try {
            InputStream in = source.in();
            int depth = source.depth();
            while (true) {
                BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, BUFFER);
                Kind kind = sniff(buffered, source.inMessage());
                if (kind != Kind.OTHER && kind != Kind.EMPTY && kind != Kind.EMPTY_ZIP && depth >= limits.maxNesting()) {
                    throw new ReportFormatException("reports.error.too-nested", limits.maxNesting());
                }
                switch (kind) {
                    case EMPTY -> {
                        if (!source.inMessage()) {
                            // A message of a mailbox is not a file of its own.
                            throw new ReportFormatException(source.mailboxMessage() ? "reports.error.empty-message" : "reports.error.empty");
                        }
                        return;
                    }
                    case EMPTY_ZIP -> throw new ReportFormatException("reports.error.empty-zip");
                    case OTHER -> {
                        if (!source.inMessage()) {
                            // Past a gzip layer the file's own kind was known: what it holds is not.
                            throw new ReportFormatException(depth > source.depth() ? "reports.error.unknown-content-in-gzip"
                                    : "reports.error.unknown-content");
                        }
                        return;
                    }
                    case GZIP -> {
                        in = gunzip(buffered);
                        depth++;
                    }
                    case ZIP -> {
                        stack.push(new ZipEntries(source.where(), buffered, depth + 1, source.inMessage()));
                        return;
                    }
                    case MBOX -> {
                        stack.push(new Mailbox(source.where(), buffered, depth + 1));
                        return;
                    }
                    case MESSAGE -> {
                        message(source.where(), buffered, depth + 1, stack);
                        return;
                    }
                    case XML -> {
                        count();
                        visitor.aggregate(source.where(), buffered);
                        return;
                    }
                    default -> throw new IllegalStateException(kind.name());
                }
            }
        } catch (ReportFormatException e) {
            if (e instanceof FileBoundException) {
                throw e;
            }
            problem(source.where(), e);
        }
    }

    private void count() {
        if (++found > limits.maxReportsPerFile()) {
            throw new FileBoundException("reports.error.too-many-reports", limits.maxReportsPerFile());
        }
    }

    /** What the octets are, from the first few thousand. */
    private static Kind sniff(BufferedInputStream in, boolean inMessage) throws IOException {
        in.mark(SNIFF_OCTETS);
        byte[] head = in.readNBytes(SNIFF_OCTETS);
        in.reset();
        if (head.length == 0) {
            return Kind.EMPTY;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Kind.GZIP;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K') {
            if (head[2] == 3 && head[3] == 4) {
                return Kind.ZIP;
            }
            if (head[2] == 5 && head[3] == 6) {
                return Kind.EMPTY_ZIP;
            }
        }
        int first = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            first = 3;
        }
        if (!inMessage && startsWith(head, first, "From ")) {
            return Kind.MBOX;
        }
        while (first < head.length && (head[first] == ' ' || head[first] == '\t' || head[first] == '\r' || head[first] == '\n')) {
            first++;
        }
        if (first == head.length) {
            return inMessage ? Kind.OTHER : Kind.EMPTY;
        }
        if (head[first] == '<' || (head[0] & 0xff) == 0xFE || (head[0] & 0xff) == 0xFF) {
            // In a message, HTML and other markup are not reports: only XML that names a feedback element.
            if (!inMessage || FEEDBACK_ELEMENT.matcher(new String(head, StandardCharsets.ISO_8859_1)).find()) {
                return Kind.XML;
            }
            return Kind.OTHER;
        }
        if (!inMessage && looksLikeHeader(head)) {
            return Kind.MESSAGE;
        }
        return Kind.OTHER;
    }

    private static boolean startsWith(byte[] data, int from, String prefix) {
        if (data.length - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A first line "Name: value" with a field name of RFC 5322 characters. */
    private static boolean looksLikeHeader(byte[] head) {
        for (int i = 0; i < head.length && i < 100; i++) {
            byte b = head[i];
            if (b == ':') {
                return i > 0;
            }
            if (b <= ' ' || b > '~') {
                return false;
            }
        }
        return false;
    }

    /**
     * Compressed data that cannot be inflated, said in the reader's words: the JDK's reason
     * ("invalid stored block lengths") is English and names the decoder's state, not the file's.
     */
    private static ReportFormatException damaged(Exception e) {
        return new ReportFormatException(e instanceof java.io.EOFException ? "reports.error.compressed-cut" : "reports.error.compressed");
    }

    private InputStream gunzip(InputStream compressed) throws IOException {
        Counting counted = new Counting(compressed);
        InputStream gzip;
        try {
            gzip = new GZIPInputStream(counted, BUFFER);
        } catch (IOException e) {
            throw damaged(e);
        }
        return new Inflated(gzip, counted);
    }

    /** A mail message: its parts, failure reports read at once, the other parts looked into in turn. */
    private void message(ReportPlace where, InputStream in, int depth, Deque<Container> stack) throws IOException {
        byte[] octets = in.readNBytes(limits.maxMessageBytes() + 1);
        if (octets.length > limits.maxMessageBytes()) {
            throw new ReportFormatException("reports.error.message-too-large", limits.maxMessageBytes());
        }
        List<Mime.Part> parts = Mime.parts(octets, limits);
        int foundBefore = found;
        int problemsBefore = problems;
        Set<Integer> used = new HashSet<>();
        for (Mime.Part part : parts) {
            boolean topLevelFeedback = part.type().equals("message/feedback-report") && (part.parent() < 0
                    || !parts.get(part.parent()).isMultipart());
            if (!part.isMultipart() && !topLevelFeedback) {
                continue;
            }
            Mime.Part feedback = topLevelFeedback ? part : null;
            Mime.Part original = null;
            for (Mime.Part child : parts) {
                if (child.parent() != part.index() || feedback == part) {
                    continue;
                }
                if (child.type().equals("message/feedback-report") && feedback == null) {
                    feedback = child;
                } else if (original == null && (child.type().equals("message/rfc822")
                        || child.type().equals("text/rfc822-headers") || child.type().equals("message/rfc822-headers"))) {
                    original = child;
                }
            }
            if (feedback == null || used.contains(feedback.index())) {
                continue;
            }
            used.add(feedback.index());
            ReportPlace at = where.part(feedback.index() + 1, null);
            try {
                count();
                FailureReport report = FailureReportReader.read(feedback.content(), original == null ? null : original.content());
                if (original != null) {
                    used.add(original.index());
                    // The original message's own parts are the sender's, not reports.
                    markInside(parts, original.index(), used);
                }
                visitor.failure(at, report);
            } catch (ReportFormatException e) {
                if (e instanceof FileBoundException) {
                    throw e;
                }
                problem(at, e);
            }
        }
        List<Source> leaves = new ArrayList<>();
        for (Mime.Part part : parts) {
            if (part.isMultipart() || used.contains(part.index()) || part.type().equals("message/rfc822")
                    || part.type().equals("message/feedback-report")) {
                continue;
            }
            String name = name(part);
            ReportPlace at = where.part(part.index() + 1, name);
            leaves.add(new Source(at, new ByteArrayInputStream(part.content()), depth, true));
        }
        stack.push(new Leaves(where, leaves, foundBefore, problemsBefore));
    }

    private static void markInside(List<Mime.Part> parts, int container, Set<Integer> used) {
        Set<Integer> inside = new HashSet<>();
        inside.add(container);
        for (Mime.Part part : parts) {
            if (inside.contains(part.parent())) {
                inside.add(part.index());
                used.add(part.index());
            }
        }
    }

    private static String name(Mime.Part part) {
        String name = part.parameters().get("name");
        if (name == null) {
            String disposition = part.header("Content-Disposition");
            if (disposition != null) {
                java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();
                Mime.mediaType(disposition, parameters);
                name = parameters.get("filename");
            }
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        name = Mime.decodeWords(name);
        return Problem.shown(name, SHOWN_NAME);
    }

    /** A container on the stack: yields sources, and is told when it has no more. */
    private abstract class Container implements Iterator<Source>, Closeable {
        final ReportPlace where;

        Container(ReportPlace where) {
            this.where = where;
        }

        /** Called once the container has yielded its last source. */
        void finish() throws IOException {
            close();
        }

        @Override
        public void close() throws IOException {
        }
    }

    /** The parts of a message; when none held a report (or a problem), says so. */
    private final class Leaves extends Container {
        private final Iterator<Source> sources;
        private final int foundBefore;
        private final int problemsBefore;

        Leaves(ReportPlace where, List<Source> sources, int foundBefore, int problemsBefore) {
            super(where);
            this.sources = sources.iterator();
            this.foundBefore = foundBefore;
            this.problemsBefore = problemsBefore;
        }

        @Override
        public boolean hasNext() {
            return sources.hasNext();
        }

        @Override
        public Source next() {
            return sources.next();
        }

        @Override
        void finish() {
            if (found == foundBefore && problems == problemsBefore) {
                problem(where, new ReportFormatException("reports.error.no-report-in-message"));
            }
        }
    }

    /** The entries of a zip archive, read as a stream, each bounded like a gzip stream. */
    private final class ZipEntries extends Container {
        private final Counting counted;
        private final ZipInputStream zip;
        private final int depth;
        private final boolean inMessage;
        private int entries;
        private Source pending;

        ZipEntries(ReportPlace where, InputStream in, int depth, boolean inMessage) {
            super(where);
            this.counted = new Counting(in);
            // Names not flagged as UTF-8 are read as ISO-8859-1, which never fails.
            this.zip = new ZipInputStream(counted, StandardCharsets.ISO_8859_1);
            this.depth = depth;
            this.inMessage = inMessage;
        }

        @Override
        public boolean hasNext() {
            if (pending != null) {
                return true;
            }
            try {
                ZipEntry entry = zip.getNextEntry();
                while (entry != null && entry.isDirectory()) {
                    entry = zip.getNextEntry();
                }
                if (entry == null) {
                    return false;
                }
                if (++entries > limits.maxZipEntries()) {
                    throw new ReportFormatException("reports.error.too-many-entries", limits.maxZipEntries());
                }
                String name = Problem.shown(entry.getName(), SHOWN_NAME);
                pending = new Source(where.entry(name), new Inflated(new Unclosed(zip), counted), depth, inMessage);
                return true;
            } catch (ReportFormatException e) {
                throw e;
            } catch (IOException | IllegalArgumentException e) {
                // A damaged archive, or an entry name that is not the UTF-8 its flag promises.
                throw damaged(e);
            }
        }

        @Override
        public Source next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Source next = pending;
            pending = null;
            return next;
        }

        @Override
        void finish() throws IOException {
            if (entries == 0) {
                problem(where, new ReportFormatException("reports.error.empty-zip"));
            }
        }
    }

    /** The messages of an mbox mailbox, split at its "From " lines, each bounded in size. */
    private final class Mailbox extends Container {
        private final InputStream in;
        private final int depth;
        private int messages;
        private byte[] line;
        private boolean ended;

        Mailbox(ReportPlace where, InputStream in, int depth) {
            super(where);
            this.in = in;
            this.depth = depth;
        }

        @Override
        public boolean hasNext() {
            try {
                if (line == null && !ended) {
                    line = readLine();
                }
                return line != null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public Source next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                messages++;
                ReportPlace at = where.message(messages);
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                boolean tooLarge = false;
                boolean previousBlank = false;
                // The "From " line itself is the separator, not part of the message.
                line = readLine();
                while (line != null) {
                    boolean blank = line.length == 0 || line.length == 1 && line[0] == '\r';
                    if (previousBlank && startsWith(line, 0, "From ")) {
                        break;
                    }
                    if (!tooLarge) {
                        int skip = escapedFrom(line) ? 1 : 0;
                        message.write(line, skip, line.length - skip);
                        message.write('\n');
                        tooLarge = message.size() > limits.maxMessageBytes();
                        if (tooLarge) {
                            message = new ByteArrayOutputStream();
                        }
                    }
                    previousBlank = blank;
                    line = readLine();
                }
                if (line == null) {
                    ended = true;
                }
                if (tooLarge) {
                    return new Source(at, InputStream.nullInputStream(), depth, true,
                            new ReportFormatException("reports.error.message-too-large", limits.maxMessageBytes()), true);
                }
                return new Source(at, new ByteArrayInputStream(message.toByteArray()), depth, false, null, true);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** mboxrd: ">From " (any number of '>') stands for one '>' less. */
        private static boolean escapedFrom(byte[] line) {
            int i = 0;
            while (i < line.length && line[i] == '>') {
                i++;
            }
            return i > 0 && startsWith(line, i, "From ");
        }

        /** The next line without its LF, or null at the end; a line is cut at the message bound. */
        private byte[] readLine() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    return out.toByteArray();
                }
                if (out.size() <= limits.maxMessageBytes()) {
                    out.write(b);
                }
            }
            return out.size() == 0 ? null : out.toByteArray();
        }
    }

    /** Bounds raised for the whole file: the file is given up, not only the part. */
    private static final class FileBoundException extends ReportFormatException {
        private static final long serialVersionUID = 1L;

        FileBoundException(String key, Object... arguments) {
            super(key, arguments);
        }
    }

    /** Counts the octets read through it: the compressed side of a decompressor. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += Math.max(0, skipped);
            return skipped;
        }
    }

    /** A zip entry's stream, which must not close the archive's stream when the entry is done. */
    private static final class Unclosed extends FilterInputStream {
        Unclosed(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    /**
     * The decompressed side: counts what it produces against the file's budget and its own ratio
     * to the compressed octets read, and says a damaged stream is damaged rather than unreadable.
     */
    private final class Inflated extends FilterInputStream {
        private final Counting compressed;
        private final long compressedAtStart;
        private long produced;

        Inflated(InputStream in, Counting compressed) {
            super(in);
            this.compressed = compressed;
            this.compressedAtStart = compressed.count;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read;
            try {
                read = super.read(buffer, offset, length);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw damaged(e);
            }
            if (read > 0) {
                produced += read;
                decompressed += read;
                if (decompressed > limits.maxDecompressedBytes()) {
                    throw new FileBoundException("reports.error.too-large-decompressed", limits.maxDecompressedBytes());
                }
                long input = Math.max(1, compressed.count - compressedAtStart);
                if (produced > ReportLimits.RATIO_FLOOR && produced / input > limits.maxCompressionRatio()) {
                    throw new FileBoundException("reports.error.ratio", limits.maxCompressionRatio());
                }
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(0, read);
        }
    }
}
