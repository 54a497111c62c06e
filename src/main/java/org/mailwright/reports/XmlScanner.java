package org.mailwright.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mailwright.i18n.Problem;

/**
 * A pull tokenizer for a report's XML, over its UTF-8 octets: start tags, text and end tags, each
 * document checked for well-formedness (XML 1.0 and Namespaces in XML) as it passes.
 *
 * <p>It reads what reports are: elements, attributes, text, CDATA sections, comments and processing
 * instructions. It refuses every document type declaration and every entity but XML's five and
 * character references, so nothing is ever fetched or expanded. It holds one buffer of octets, the
 * text of the element being read, the names of the open elements and the namespaces they declare:
 * every one bounded, whatever the document. Each octet is looked at once, text in ASCII (nearly all of a report) is
 * copied without decoding, and the names a reader looks for are matched as octets: the benchmark's
 * reports are read in less than half the time Woodstox, a general-purpose StAX parser, took over the
 * decoded characters (README, Performance).
 *
 * <p>Octets that are not valid UTF-8 become U+FFFD as the JDK's decoder makes them (each malformed
 * sequence, the longest start of a valid one or an encoded surrogate, one U+FFFD), and so do the
 * characters XML 1.0 forbids (control characters some reporters emit): a name with one bad byte is
 * still a name.
 */
final class XmlScanner {

    /** An element starts: {@link #localName()} and {@link #namespaceUri()} tell which. */
    static final int START = 1;
    /** The element last started and not ended ends (also right after the start of an empty element). */
    static final int END = 2;
    /** The input ended after the root element (ending sooner, or with no element at all, is an {@link EndedEarly}). */
    static final int EOF = 3;

    private static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    private static final int MAX_ATTRIBUTES = 100;
    /** Octets looked at ahead of the scan: the longest of {@code <![CDATA[} and the markup openers. */
    private static final int LOOKAHEAD = 9;
    /**
     * The longest reference read, in octets: XML allows a character reference any number of leading
     * zeros ({@code &#x00041;}), and other parsers read them; past this many it is refused.
     */
    private static final int LONGEST_REFERENCE = 1024;
    /** The longest element or attribute name: reports' are a few dozen characters. */
    static final int LONGEST_NAME = 1024;
    private static final String[] OPENERS = {"<!--", "<![CDATA[", "<!DOCTYPE", "<!ENTITY", "<!ELEMENT", "<!ATTLIST"};

    /** ASCII octets that end a run of plain text: markup, references, line ends to normalise, the CDATA end, control characters. */
    private static final boolean[] TEXT_STOP = new boolean[128];
    /** ASCII octets that may go on a name, and those that may start one (the colon is split apart later). */
    private static final boolean[] NAME_CHAR = new boolean[128];
    private static final boolean[] NAME_START = new boolean[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            TEXT_STOP[c] = c != '\t';
        }
        TEXT_STOP['<'] = true;
        TEXT_STOP['&'] = true;
        TEXT_STOP[']'] = true;
        for (int c = 'a'; c <= 'z'; c++) {
            NAME_START[c] = true;
            NAME_START[c - 'a' + 'A'] = true;
        }
        NAME_START['_'] = true;
        NAME_START[':'] = true;
        System.arraycopy(NAME_START, 0, NAME_CHAR, 0, 128);
        for (int c = '0'; c <= '9'; c++) {
            NAME_CHAR[c] = true;
        }
        NAME_CHAR['-'] = true;
        NAME_CHAR['.'] = true;
    }

    /** A qualified name as written (its octets when it is ASCII), its parts, and its local name's number in the vocabulary (-1: none). */
    private record Name(byte[] octets, String qualified, String prefix, String local, int id) {

        /** Whether the name is the {@code length} octets at {@code from} in {@code buffer}. */
        boolean is(byte[] buffer, int from, int length) {
            if (octets == null || octets.length != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (octets[i] != buffer[from + i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The names a reader looks for, made into strings once for every document: a report's names are
     * matched as octets and given as these very strings, without a string made per tag.
     */
    static final class Vocabulary {
        private final Name[] names;
        private final Map<String, Integer> ids;

        private Vocabulary(Name[] names, Map<String, Integer> ids) {
            this.names = names;
            this.ids = ids;
        }

        /** ASCII names without a prefix, numbered in the order given from 0. */
        static Vocabulary of(String... names) {
            Name[] table = new Name[Integer.highestOneBit(Math.max(1, names.length) * 4) * 2];
            Map<String, Integer> ids = new HashMap<>();
            for (int id = 0; id < names.length; id++) {
                String name = names[id];
                byte[] octets = name.getBytes(StandardCharsets.US_ASCII);
                int slot = hash(octets, 0, octets.length) & (table.length - 1);
                while (table[slot] != null) {
                    slot = (slot + 1) & (table.length - 1);
                }
                table[slot] = new Name(octets, name, null, name, id);
                ids.put(name, id);
            }
            return new Vocabulary(table, Map.copyOf(ids));
        }

        /** The number of a local name, or -1. */
        int id(String local) {
            return ids.getOrDefault(local, -1);
        }

        private static int hash(byte[] octets, int from, int to) {
            int hash = 0;
            for (int i = from; i < to; i++) {
                hash = hash * 31 + octets[i];
            }
            return hash;
        }

        /** The known name that is these octets, or null. */
        Name find(byte[] buffer, int from, int to, int hash) {
            int mask = names.length - 1;
            for (int slot = hash & mask; names[slot] != null; slot = (slot + 1) & mask) {
                if (names[slot].is(buffer, from, to - from)) {
                    return names[slot];
                }
            }
            return null;
        }
    }

    private final InputStream in;
    private final int maxDepth;
    private final int maxValue;

    private final byte[] octets = new byte[16 * 1024];
    private int position;
    private int limit;
    private boolean inputEnded;
    /** The line at the position, from 1: a line feed, a carriage return and both together each end one. */
    private int line = 1;

    /** The text since the last tag: at an end tag, the element's own text (what comments and CDATA sections split, joined). */
    private char[] text = new char[1024];
    private int textLength;

    private final Vocabulary vocabulary;

    private final Name[] open;
    private int depth;
    private boolean rootSeen;
    private boolean pendingEnd;
    private boolean started;
    private Name name;
    private String namespaceUri;

    private String[] boundPrefixes = new String[8];
    private String[] boundUris = new String[8];
    private int bindings;
    private final int[] bindingsAt;

    private final Name[] attributes = new Name[MAX_ATTRIBUTES];
    private int attributeCount;
    private final StringBuilder attributeValue = new StringBuilder();

    /**
     * @param in the document in UTF-8, without a byte order mark
     * @param maxDepth how deep elements may nest
     * @param maxValue the longest text or attribute value accepted, in characters
     * @param vocabulary the names the reader looks for
     */
    XmlScanner(InputStream in, int maxDepth, int maxValue, Vocabulary vocabulary) {
        this.in = in;
        this.vocabulary = vocabulary;
        this.maxDepth = maxDepth;
        this.maxValue = maxValue;
        this.open = new Name[maxDepth + 1];
        this.bindingsAt = new int[maxDepth + 1];
    }

    String localName() {
        return name.local();
    }

    /** The started element's local name's number in the vocabulary, or -1 when it is none of its names. */
    int nameId() {
        return name.id();
    }

    /** The namespace of the element just started; empty when it has none. */
    String namespaceUri() {
        if (namespaceUri == null) {
            namespaceUri = resolve(null, true);
        }
        return namespaceUri;
    }

    /** The text before the tag just read, up to {@link #textLength()}: after an end tag, the element's text when it has no children. */
    char[] text() {
        return text;
    }

    int textLength() {
        return textLength;
    }

    /** The line being read, from 1. */
    int line() {
        return line;
    }

    /**
     * The next event.
     *
     * @throws EndedEarly when the input ends inside markup or with elements open
     * @throws ReportFormatException when the document is not well-formed there, declares a DTD, or passes a bound
     * @throws IOException when the octets cannot be read
     */
    int next() throws IOException {
        textLength = 0;
        if (pendingEnd) {
            pendingEnd = false;
            return closeElement();
        }
        if (!started) {
            started = true;
            declaration();
        }
        while (true) {
            if (!available(1)) {
                if (depth > 0 || !rootSeen) {
                    throw endedInside();
                }
                return EOF;
            }
            if (octets[position] != '<') {
                if (depth == 0) {
                    outsideRoot();
                    continue;
                }
                readText();
                continue;
            }
            if (!available(2)) {
                throw endedInside();
            }
            byte second = octets[position + 1];
            if (second == '/') {
                position += 2;
                return endTag();
            }
            if (second == '!') {
                bang();
                continue;
            }
            if (second == '?') {
                position += 2;
                processingInstruction();
                continue;
            }
            position++;
            return startTag();
        }
    }

    // ---- the document's parts

    /** Whitespace before or after the root element: nothing else may be there but markup. */
    private void outsideRoot() throws IOException {
        while (available(1)) {
            byte octet = octets[position];
            if (octet == '<') {
                return;
            }
            if (!isSpace(octet)) {
                throw unexpected(peekCodePoint(), rootSeen ? "after-root" : "before-root");
            }
            pass();
        }
    }

    private int startTag() throws IOException {
        if (rootSeen && depth == 0) {
            throw fault(new Problem("reports.xml.second-root"));
        }
        Name element = requiredName("after-lt");
        if (depth >= maxDepth) {
            throw new ReportFormatException("reports.error.too-deep", maxDepth);
        }
        bindingsAt[depth] = bindings;
        attributeCount = 0;
        boolean empty = false;
        while (true) {
            // A tag without attributes, nearly every one: nothing to pass over.
            if (position < limit && octets[position] == '>') {
                position++;
                break;
            }
            boolean spaced = skipSpace();
            if (!available(1)) {
                throw endedInside();
            }
            byte octet = octets[position];
            if (octet == '>') {
                position++;
                break;
            }
            if (octet == '/') {
                if (!available(2)) {
                    throw endedInside();
                }
                if (octets[position + 1] != '>') {
                    position++;
                    throw unexpected(peekCodePoint(), "start-tag");
                }
                position += 2;
                empty = true;
                break;
            }
            if (!spaced || !startsName()) {
                throw unexpected(peekCodePoint(), "start-tag");
            }
            attribute();
        }
        open[depth++] = element;
        rootSeen = true;
        // An element's prefix must be declared; its default namespace is looked up only when asked for.
        namespaceUri = element.prefix() == null ? null : resolve(element.prefix(), true);
        if (attributeCount > 0) {
            checkAttributes();
        }
        name = element;
        pendingEnd = empty;
        return START;
    }

    /** An attribute, at its name. */
    private void attribute() throws IOException {
        Name attribute = name();
        expect('=', "start-tag");
        skipSpace();
        if (!available(1)) {
            throw endedInside();
        }
        byte quote = octets[position];
        if (quote != '"' && quote != '\'') {
            throw unexpected(peekCodePoint(), "start-tag");
        }
        position++;
        for (int i = 0; i < attributeCount; i++) {
            if (attributes[i].qualified().equals(attribute.qualified())) {
                throw fault(new Problem("reports.xml.duplicate-attribute", shown(attribute.qualified())));
            }
        }
        if (attributeCount == MAX_ATTRIBUTES) {
            throw fault(new Problem("reports.xml.too-many-attributes", MAX_ATTRIBUTES));
        }
        attributes[attributeCount++] = attribute;
        attributeValue.setLength(0);
        while (!closingQuote(quote)) {
            byte octet = octets[position];
            if (octet == '<') {
                throw unexpected('<', "attribute-value");
            }
            int c;
            if (octet == '&') {
                c = reference();
            } else {
                // Whitespace in a value is normalised to spaces (XML 1.0 section 3.3.3), a line end once.
                c = lineEnd(character());
                if (c == '\t' || c == '\n') {
                    c = ' ';
                }
            }
            if (attributeValue.length() >= maxValue) {
                throw new ReportFormatException("reports.error.markup-too-long", maxValue);
            }
            attributeValue.appendCodePoint(c);
        }
        if (attribute.qualified().equals("xmlns")) {
            bind("", attributeValue.toString());
        } else if ("xmlns".equals(attribute.prefix())) {
            if (attributeValue.isEmpty()) {
                throw fault(new Problem("reports.xml.undeclared-prefix", shown(attribute.local())));
            }
            bind(attribute.local(), attributeValue.toString());
        }
    }

    /** Every attribute's prefix declared, and no two naming the same attribute once their prefixes are resolved. */
    private void checkAttributes() {
        for (int i = 0; i < attributeCount; i++) {
            Name attribute = attributes[i];
            String prefix = attribute.prefix();
            if (prefix == null || prefix.equals("xmlns")) {
                continue;
            }
            String uri = resolve(prefix, false);
            for (int j = 0; j < i; j++) {
                Name other = attributes[j];
                if (other.prefix() != null && !other.prefix().equals("xmlns") && other.local().equals(attribute.local())
                        && resolve(other.prefix(), false).equals(uri)) {
                    throw fault(new Problem("reports.xml.duplicate-attribute", shown(attribute.qualified())));
                }
            }
        }
    }

    private void bind(String prefix, String uri) {
        if (bindings == boundPrefixes.length) {
            if (bindings >= MAX_ATTRIBUTES * 4) {
                throw fault(new Problem("reports.xml.too-many-attributes", MAX_ATTRIBUTES));
            }
            boundPrefixes = Arrays.copyOf(boundPrefixes, bindings * 2);
            boundUris = Arrays.copyOf(boundUris, bindings * 2);
        }
        boundPrefixes[bindings] = prefix;
        boundUris[bindings++] = uri;
    }

    /** The namespace a prefix (null: none) stands for; an element without a prefix is in the default namespace, an attribute in none. */
    private String resolve(String prefix, boolean element) {
        String wanted = prefix == null ? "" : prefix;
        if (prefix == null && !element) {
            return "";
        }
        for (int i = bindings - 1; i >= 0; i--) {
            if (boundPrefixes[i].equals(wanted)) {
                return boundUris[i];
            }
        }
        if (prefix == null) {
            return "";
        }
        if (prefix.equals("xml")) {
            return XML_NAMESPACE;
        }
        throw fault(new Problem("reports.xml.undeclared-prefix", shown(prefix)));
    }

    private int endTag() throws IOException {
        if (!available(1)) {
            throw endedInside();
        }
        if (depth == 0) {
            throw unexpected('/', rootSeen ? "after-root" : "before-root");
        }
        Name expected = open[depth - 1];
        byte[] name = expected.octets();
        if (name != null && available(name.length + 1) && expected.is(octets, position, name.length)
                && octets[position + name.length] >= 0 && !NAME_CHAR[octets[position + name.length]]) {
            // The name of the element open, as nearly every end tag is: passed without being read as a name.
            position += name.length;
            expect('>', "end-tag");
            return closeElement();
        }
        Name closing = requiredName("end-tag");
        expect('>', "end-tag");
        if (closing != expected && !closing.qualified().equals(expected.qualified())) {
            throw fault(new Problem("reports.xml.close-tag", shown(closing.qualified()), shown(expected.qualified())));
        }
        return closeElement();
    }

    private int closeElement() {
        depth--;
        bindings = bindingsAt[depth];
        return END;
    }

    /** What follows {@code <!}: a comment, a CDATA section, or a refused DTD. */
    private void bang() throws IOException {
        available(LOOKAHEAD);
        if (startsWith("<!--")) {
            position += 4;
            comment();
            return;
        }
        if (startsWith("<![CDATA[")) {
            if (depth == 0) {
                position += 2;
                throw unexpected('[', rootSeen ? "after-root" : "before-root");
            }
            position += 9;
            cdata();
            return;
        }
        for (String opener : OPENERS) {
            if (startsWith(opener)) {
                throw new ReportFormatException("reports.error.dtd");
            }
            if (inputEnded && opener.startsWith(ascii(position, limit))) {
                throw endedInside();
            }
        }
        position += 2;
        throw unexpected(peekCodePoint(), "after-lt");
    }

    /** A comment's text, passed over: the only sequence to look for is {@code --}, which no multi-octet character holds. */
    private void comment() throws IOException {
        while (true) {
            if (!available(3)) {
                throw endedInside();
            }
            if (octets[position] == '-' && octets[position + 1] == '-') {
                if (octets[position + 2] != '>') {
                    throw fault(new Problem("reports.xml.dashes-in-comment"));
                }
                position += 3;
                return;
            }
            pass();
        }
    }

    private void processingInstruction() throws IOException {
        Name target = requiredName("after-lt");
        if (target.qualified().equalsIgnoreCase("xml")) {
            throw fault(new Problem("reports.xml.declaration-not-first"));
        }
        if (target.prefix() != null) {
            // A target is a name without a colon (Namespaces in XML, section 7).
            throw fault(new Problem("reports.xml.bad-name", shown(target.qualified())));
        }
        if (!available(2)) {
            throw endedInside();
        }
        if (!skipSpace() && !(octets[position] == '?' && octets[position + 1] == '>')) {
            throw unexpected(peekCodePoint(), "after-lt");
        }
        while (true) {
            if (!available(2)) {
                throw endedInside();
            }
            if (octets[position] == '?' && octets[position + 1] == '>') {
                position += 2;
                return;
            }
            pass();
        }
    }

    /**
     * The XML declaration, when the document starts with one: its version 1.0 or 1.1, and its
     * encoding and standalone well-formed (the encoding itself was seen to before the octets came here).
     */
    private void declaration() throws IOException {
        available(LOOKAHEAD);
        if (!startsWith("<?xml") || limit - position < 6 || !isSpace(octets[position + 5]) && octets[position + 5] != '?') {
            return;
        }
        position += 5;
        List<String> fields = List.of("version", "encoding", "standalone");
        int next = 0;
        while (true) {
            boolean spaced = skipSpace();
            if (!available(2)) {
                throw endedInside();
            }
            if (octets[position] == '?' && octets[position + 1] == '>') {
                if (next == 0) {
                    throw fault(new Problem("reports.xml.version"));
                }
                position += 2;
                return;
            }
            int field = spaced ? fields.indexOf(declarationName()) : -1;
            if (next == 0 && field != 0) {
                throw fault(new Problem("reports.xml.version"));
            }
            if (field < next) {
                throw fault(new Problem("reports.xml.declaration"));
            }
            next = field + 1;
            String value = declarationValue();
            boolean valid = switch (field) {
                case 0 -> value.equals("1.0") || value.equals("1.1");
                // The encoding was seen to before (XmlInput); its name is taken as written, as other parsers take it.
                case 1 -> !value.isEmpty();
                default -> value.equals("yes") || value.equals("no");
            };
            if (!valid) {
                throw fault(new Problem(field == 0 ? "reports.xml.version" : "reports.xml.declaration"));
            }
        }
    }

    private String declarationName() throws IOException {
        StringBuilder field = new StringBuilder();
        while (available(1) && octets[position] >= 'a' && octets[position] <= 'z' && field.length() < 16) {
            field.append((char) octets[position++]);
        }
        return field.toString();
    }

    /** {@code = "value"} of the declaration. */
    private String declarationValue() throws IOException {
        skipSpace();
        if (!available(1)) {
            throw endedInside();
        }
        if (octets[position] != '=') {
            throw fault(new Problem("reports.xml.declaration"));
        }
        position++;
        skipSpace();
        if (!available(1)) {
            throw endedInside();
        }
        byte quote = octets[position];
        if (quote != '"' && quote != '\'') {
            throw fault(new Problem("reports.xml.declaration"));
        }
        position++;
        StringBuilder value = new StringBuilder();
        while (!closingQuote(quote)) {
            if (value.length() > LONGEST_NAME) {
                throw fault(new Problem("reports.xml.declaration"));
            }
            value.appendCodePoint(character());
        }
        return value.toString();
    }

    /** Whether a quoted value ends here, passing its closing {@code quote} if so. */
    private boolean closingQuote(byte quote) throws IOException {
        if (!available(1)) {
            throw endedInside();
        }
        if (octets[position] == quote) {
            position++;
            return true;
        }
        return false;
    }

    // ---- text

    /** Text up to the next markup, added to the text since the last tag. */
    private void readText() throws IOException {
        while (true) {
            if (position >= limit && !available(1)) {
                // The input ends inside the root element: the next call says so.
                return;
            }
            // The run of plain ASCII first: nearly every octet of a report.
            byte[] in = octets;
            int at = position;
            int stop = Math.min(limit, at + room());
            char[] out = text;
            int n = textLength;
            int lines = 0;
            while (at < stop) {
                byte octet = in[at];
                if (octet < 0 || TEXT_STOP[octet]) {
                    if (octet != '\n') {
                        break;
                    }
                    lines++;
                }
                out[n++] = (char) octet;
                at++;
            }
            line += lines;
            position = at;
            textLength = n;
            if (n > maxValue) {
                throw new ReportFormatException("reports.error.text-too-long", maxValue);
            }
            if (at == stop) {
                continue;
            }
            byte octet = in[at];
            if (octet == '<') {
                return;
            }
            if (octet == '&') {
                put(reference());
            } else if (octet == ']') {
                available(3);
                if (limit - position >= 3 && octets[position + 1] == ']' && octets[position + 2] == '>') {
                    throw fault(new Problem("reports.xml.cdata-end-in-text"));
                }
                position++;
                put(']');
            } else {
                put(lineEnd(character()));
            }
        }
    }

    /** A CDATA section's text, added to the text since the last tag. */
    private void cdata() throws IOException {
        while (true) {
            if (!available(3)) {
                throw endedInside();
            }
            if (octets[position] == ']' && octets[position + 1] == ']' && octets[position + 2] == '>') {
                position += 3;
                return;
            }
            put(lineEnd(character()));
        }
    }

    /**
     * {@code c}, just read, as text has it: a line end counted and made a line feed (a carriage
     * return and the line feed after it are one), any other character as it is.
     */
    private int lineEnd(int c) throws IOException {
        if (c != '\n' && c != '\r') {
            return c;
        }
        line++;
        if (c == '\r' && available(1) && octets[position] == '\n') {
            position++;
        }
        return '\n';
    }

    /**
     * Characters the text can take, growing it when it is full: at least one, with room for a
     * surrogate pair after them.
     *
     * @throws ReportFormatException when the text is already longer than a text may be
     */
    private int room() {
        int free = text.length - 2 - textLength;
        if (free > 0) {
            return free;
        }
        if (text.length >= maxValue + 3) {
            throw new ReportFormatException("reports.error.text-too-long", maxValue);
        }
        text = Arrays.copyOf(text, (int) Math.min(text.length * 2L, maxValue + 3L));
        return text.length - 2 - textLength;
    }

    private void put(int c) {
        room();
        if (c < 0x10000) {
            text[textLength++] = (char) c;
        } else {
            text[textLength++] = Character.highSurrogate(c);
            text[textLength++] = Character.lowSurrogate(c);
        }
        if (textLength > maxValue) {
            throw new ReportFormatException("reports.error.text-too-long", maxValue);
        }
    }

    /**
     * The character the reference at {@code &} stands for: one of XML's five entities or a character reference.
     *
     * @throws ReportFormatException for any other entity (only a DTD could declare it) or a malformed reference
     */
    private int reference() throws IOException {
        available(LONGEST_REFERENCE);
        int from = position + 1;
        int end = Math.min(limit, position + LONGEST_REFERENCE);
        int at = from;
        while (at < end && octets[at] != ';' && (octets[at] == '#' || octets[at] < 0 || NAME_CHAR[octets[at]])) {
            at++;
        }
        if (at == end && end == limit && inputEnded) {
            throw endedInside();
        }
        boolean named = at > from && octets[from] != '#' && (octets[from] < 0 || NAME_START[octets[from]]);
        if (at == end && named) {
            throw new ReportFormatException("reports.error.dtd");
        }
        if (at == end || octets[at] != ';' || at == from) {
            throw fault(new Problem("reports.xml.bad-reference"));
        }
        String name = ascii(from, at);
        position = at + 1;
        return switch (name) {
            case "lt" -> '<';
            case "gt" -> '>';
            case "amp" -> '&';
            case "apos" -> '\'';
            case "quot" -> '"';
            default -> {
                if (named) {
                    throw new ReportFormatException("reports.error.dtd");
                }
                yield characterReference(name);
            }
        };
    }

    /** {@code #N} or {@code #xH}, the character allowed in XML. */
    private int characterReference(String name) {
        boolean hex = name.startsWith("#x");
        String digits = name.substring(hex ? 2 : 1).replaceFirst("^0+(?=.)", "");
        if (!name.startsWith("#") || digits.isEmpty() || !digits.chars().allMatch(c -> hex ? c < 0x80 && Character.digit(c, 16) >= 0
                : c >= '0' && c <= '9')) {
            throw fault(new Problem("reports.xml.bad-reference"));
        }
        long value = digits.length() > 7 ? -1 : Long.parseLong(digits, hex ? 16 : 10);
        boolean allowed = value == 0x9 || value == 0xA || value == 0xD || value >= 0x20 && value <= 0xD7FF
                || value >= 0xE000 && value <= 0xFFFD || value >= 0x10000 && value <= 0x10FFFF;
        if (!allowed) {
            throw fault(new Problem("reports.xml.forbidden-character-reference"));
        }
        return (int) value;
    }

    // ---- names

    /** The name that must start here, in a tag ({@code place}). */
    private Name requiredName(String place) throws IOException {
        if (!available(1)) {
            throw endedInside();
        }
        if (!startsName()) {
            throw unexpected(peekCodePoint(), place);
        }
        return name();
    }

    private boolean startsName() throws IOException {
        byte octet = octets[position];
        return octet >= 0 && !replaced(octet) ? NAME_START[octet] : nameStart(peekCodePoint());
    }

    /** A control character XML 1.0 forbids: read as U+FFFD, so in a name as a name character. */
    private static boolean replaced(byte octet) {
        return octet < 0x20 && octet >= 0 && octet != '\t' && octet != '\n' && octet != '\r';
    }

    /** The name at the position, which starts one, as a qualified name checked against Namespaces in XML. */
    private Name name() throws IOException {
        int start = position;
        int hash = 0;
        // Nearly every name is ASCII and whole in the buffer.
        int at = start;
        int end = Math.min(limit, start + LONGEST_NAME);
        while (at < end) {
            byte octet = octets[at];
            if (octet < 0 || !NAME_CHAR[octet]) {
                break;
            }
            // Vocabulary.hash, computed on the way.
            hash = hash * 31 + octet;
            at++;
        }
        if (at < end && octets[at] >= 0 && !replaced(octets[at])) {
            position = at;
            return symbol(start, at, hash);
        }
        boolean ascii = true;
        while (true) {
            if (limit - position < 4 && !inputEnded) {
                // The name's octets stay in the buffer while more are read: it is far shorter than the buffer.
                int kept = position - start;
                compact(start);
                start = position - kept;
                fill(4);
            }
            if (position >= limit) {
                break;
            }
            byte octet = octets[position];
            if (octet >= 0 && !replaced(octet)) {
                if (!NAME_CHAR[octet]) {
                    break;
                }
                position++;
            } else {
                int before = position;
                if (!nameChar(decode())) {
                    position = before;
                    break;
                }
                ascii = false;
            }
            if (position - start > LONGEST_NAME) {
                throw new ReportFormatException("reports.error.markup-too-long", LONGEST_NAME);
            }
        }
        return ascii ? symbol(start, position, Vocabulary.hash(octets, start, position)) : newName(decoded(start, position), null);
    }

    private Name symbol(int from, int to, int hash) {
        Name known = vocabulary.find(octets, from, to, hash);
        return known != null ? known : newName(ascii(from, to), Arrays.copyOfRange(octets, from, to));
    }

    private Name newName(String qualified, byte[] octets) {
        int colon = qualified.indexOf(':');
        if (colon < 0) {
            return new Name(octets, qualified, null, qualified, vocabulary.id(qualified));
        }
        if (colon == 0 || colon == qualified.length() - 1 || qualified.indexOf(':', colon + 1) >= 0
                || !nameStart(qualified.codePointAt(colon + 1))) {
            throw fault(new Problem("reports.xml.bad-name", shown(qualified)));
        }
        String local = qualified.substring(colon + 1);
        return new Name(octets, qualified, qualified.substring(0, colon), local, vocabulary.id(local));
    }

    /** XML 1.0 (fifth edition) NameStartChar, U+FFFD included: a replaced octet is still part of a name. */
    private static boolean nameStart(int c) {
        if (c < 0x80) {
            return NAME_START[c];
        }
        return c >= 0xC0 && c <= 0xD6 || c >= 0xD8 && c <= 0xF6 || c >= 0xF8 && c <= 0x2FF || c >= 0x370 && c <= 0x37D
                || c >= 0x37F && c <= 0x1FFF || c == 0x200C || c == 0x200D || c >= 0x2070 && c <= 0x218F
                || c >= 0x2C00 && c <= 0x2FEF || c >= 0x3001 && c <= 0xD7FF || c >= 0xF900 && c <= 0xFDCF
                || c >= 0xFDF0 && c <= 0xFFFD || c >= 0x10000 && c <= 0xEFFFF;
    }

    private static boolean nameChar(int c) {
        if (c < 0x80) {
            return NAME_CHAR[c];
        }
        return nameStart(c) || c == 0xB7 || c >= 0x300 && c <= 0x36F || c == 0x203F || c == 0x2040;
    }

    // ---- octets and characters

    /** Whether {@code count} octets are in the buffer from the position, reading more when not; false when the input ends first. */
    private boolean available(int count) throws IOException {
        if (limit - position >= count) {
            return true;
        }
        compact(position);
        return fill(count);
    }

    /** Drops the octets before {@code keepFrom}. */
    private void compact(int keepFrom) {
        if (keepFrom == 0) {
            return;
        }
        System.arraycopy(octets, keepFrom, octets, 0, limit - keepFrom);
        limit -= keepFrom;
        position -= keepFrom;
    }

    private boolean fill(int count) throws IOException {
        while (limit - position < count && !inputEnded && limit < octets.length) {
            int read = in.read(octets, limit, octets.length - limit);
            if (read < 0) {
                inputEnded = true;
            } else {
                limit += read;
            }
        }
        return limit - position >= count;
    }

    private boolean startsWith(String ascii) {
        if (limit - position < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (octets[position + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String ascii(int from, int to) {
        return new String(octets, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The characters of octets in the buffer, which are all there. */
    private String decoded(int from, int to) {
        int end = position;
        position = from;
        StringBuilder decoded = new StringBuilder(to - from);
        while (position < to) {
            decoded.appendCodePoint(decode());
        }
        position = end;
        return decoded.toString();
    }

    /** The character at the position, which it passes: decoded, and U+FFFD for what XML 1.0 forbids. */
    private int character() throws IOException {
        wholeSequence();
        return decode();
    }

    /** The character at the position without passing it. */
    private int peekCodePoint() throws IOException {
        wholeSequence();
        int before = position;
        int c = decode();
        position = before;
        return c;
    }

    /** Reads on until the buffer holds the whole UTF-8 sequence that starts at the position, if the input has it. */
    private void wholeSequence() throws IOException {
        if (octets[position] < 0 && limit - position < 4) {
            available(4);
        }
    }

    /**
     * The character at the position, which it passes, from the octets in the buffer: U+FFFD for what
     * XML 1.0 forbids and for a malformed sequence, after the longest start of a valid sequence (at
     * least one octet), as the JDK's decoder replaces it.
     */
    private int decode() {
        int lead = octets[position];
        if (lead >= 0) {
            position++;
            return lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r' ? lead : 0xFFFD;
        }
        lead &= 0xff;
        int needed;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            needed = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            needed = 2;
            low = lead == 0xE0 ? 0xA0 : 0x80;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            needed = 3;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            position++;
            return 0xFFFD;
        }
        int c = lead & (0x3F >> needed);
        int at = position + 1;
        for (int i = 0; i < needed; i++, at++) {
            int next = at < limit ? octets[at] & 0xff : -1;
            if (next < low || next > high) {
                position = at;
                return 0xFFFD;
            }
            c = c << 6 | next & 0x3F;
            low = 0x80;
            high = 0xBF;
        }
        position = at;
        // An encoded surrogate is one malformed sequence of three octets, as the JDK decodes it.
        return c >= 0xD800 && c <= 0xDFFF || c == 0xFFFE || c == 0xFFFF ? 0xFFFD : c;
    }

    /** Passes any whitespace, then {@code wanted}, which must come next in a tag ({@code place}). */
    private void expect(char wanted, String place) throws IOException {
        skipSpace();
        if (!available(1)) {
            throw endedInside();
        }
        if (octets[position] != wanted) {
            throw unexpected(peekCodePoint(), place);
        }
        position++;
    }

    private boolean skipSpace() throws IOException {
        boolean skipped = false;
        while (available(1) && isSpace(octets[position])) {
            pass();
            skipped = true;
        }
        return skipped;
    }

    /** Passes an octet that is passed over, not read: counts the line it ends, if any. */
    private void pass() {
        byte octet = octets[position++];
        if (octet == '\n' || octet == '\r' && (position >= limit || octets[position] != '\n')) {
            line++;
        }
    }

    private static boolean isSpace(byte octet) {
        return octet == ' ' || octet == '\n' || octet == '\t' || octet == '\r';
    }

    // ---- faults

    /** The input ended inside markup or with elements open: the reader says what that means (a cut report, or no XML at all). */
    static final class EndedEarly extends ReportFormatException {
        private static final long serialVersionUID = 1L;

        EndedEarly(int line) {
            super("reports.error.xml-at", line, new Problem("reports.xml.ends-inside"));
        }
    }

    private EndedEarly endedInside() {
        return new EndedEarly(line());
    }

    private ReportFormatException fault(Problem reason) {
        return new ReportFormatException("reports.error.xml-at", line(), reason);
    }

    private ReportFormatException unexpected(int c, String place) {
        return fault(new Problem("reports.xml.unexpected-character." + place, shownCharacter(c)));
    }

    /** A character as people can find it in the file: itself in quotes when it can be seen, and its code point. */
    private static String shownCharacter(int c) {
        String code = String.format(Locale.ROOT, "U+%04X", c);
        return Character.isISOControl(c) || Character.isWhitespace(c) || c == 0xFFFD ? code
                : "‘" + new String(Character.toChars(c)) + "’ (" + code + ")";
    }

    private static String shown(String name) {
        return Problem.shown(name, 40);
    }
}
