package org.mailwright.reports;

import com.ctc.wstx.exc.WstxEOFException;
import com.ctc.wstx.exc.WstxUnexpectedCharException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.mailwright.i18n.KnownWords;
import org.mailwright.i18n.Problem;

/**
 * Why a report's XML is not well-formed, in the reader's language: the XML parser words its faults
 * in English only ("Unexpected close tag </b>; expected </a>."), so the faults real broken reports
 * have are recognised and said by Mailwright. Any other is passed on, marked as the parser's words.
 */
final class XmlFault {

    private static final int SHOWN_NAME = 40;
    private static final int SHOWN_WORDS = 200;
    private static final Pattern CLOSE_TAG = Pattern.compile("Unexpected close tag </([^>]{0,200})>; expected </([^>]{0,200})>");
    private static final Pattern DUPLICATE_ATTRIBUTE = Pattern.compile("Duplicate attribute '([^']{0,200})'");
    private static final Pattern UNDECLARED_PREFIX = Pattern.compile("Undeclared namespace prefix \"([^\"]{0,200})\"");
    private static final Pattern ATTRIBUTE_LIMIT = Pattern.compile("Attribute limit \\((\\d{1,9})\\) exceeded");

    /** Where in the XML an unexpected character was met, by the words the parser uses for it. */
    private static final KnownWords PLACES = KnownWords.of(
            "in start tag", "start-tag",
            "expected space, or '>'", "start-tag",
            "in attribute value", "attribute-value",
            "in epilog", "after-root",
            "in prolog", "before-root",
            "after '<'", "after-lt",
            "in end tag", "end-tag");

    private XmlFault() {
    }

    /** The fault's reason, without the position the parser appends (the line is said apart). */
    static Problem reason(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("\n at [");
        String words = (at >= 0 ? message.substring(0, at) : message).strip();
        if (e instanceof WstxUnexpectedCharException unexpected) {
            String key = PLACES.codeIn(words).map(place -> "reports.xml.unexpected-character." + place)
                    .orElse("reports.xml.unexpected-character");
            return new Problem(key, character(unexpected.getChar()));
        }
        if (e instanceof WstxEOFException) {
            return new Problem("reports.xml.ends-inside");
        }
        Matcher close = CLOSE_TAG.matcher(words);
        if (close.find()) {
            return new Problem("reports.xml.close-tag", name(close.group(1)), name(close.group(2)));
        }
        Matcher duplicate = DUPLICATE_ATTRIBUTE.matcher(words);
        if (duplicate.find()) {
            return new Problem("reports.xml.duplicate-attribute", name(duplicate.group(1)));
        }
        Matcher prefix = UNDECLARED_PREFIX.matcher(words);
        if (prefix.find()) {
            return new Problem("reports.xml.undeclared-prefix", name(prefix.group(1)));
        }
        Matcher attributes = ATTRIBUTE_LIMIT.matcher(words);
        if (attributes.find()) {
            return new Problem("reports.xml.too-many-attributes", Long.parseLong(attributes.group(1)));
        }
        if (words.startsWith("Illegal to have multiple roots")) {
            return new Problem("reports.xml.second-root");
        }
        if (words.startsWith("String '--' not allowed in comment")) {
            return new Problem("reports.xml.dashes-in-comment");
        }
        if (words.startsWith("String ']]>' not allowed")) {
            return new Problem("reports.xml.cdata-end-in-text");
        }
        if (words.startsWith("Invalid character reference") || words.startsWith("Illegal character entity")) {
            return new Problem("reports.xml.forbidden-character-reference");
        }
        if (words.startsWith("Illegal processing instruction target (\"xml\")")) {
            return new Problem("reports.xml.declaration-not-first");
        }
        if (words.startsWith("Invalid XML pseudo-attribute 'version'")) {
            return new Problem("reports.xml.version");
        }
        return new Problem("reports.xml.parser-words", Problem.shown(words, SHOWN_WORDS));
    }

    /** A character as people can find it in the file: itself in quotes when it can be seen, and its code point. */
    private static String character(char c) {
        String code = String.format(Locale.ROOT, "U+%04X", (int) c);
        return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSurrogate(c) ? code : "‘" + c + "’ (" + code + ")";
    }

    private static String name(String name) {
        return Problem.shown(name, SHOWN_NAME);
    }
}
