package org.mailwright.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A macro-string of RFC 7208 section 7: literal text with {@code %{...}} macros and the escapes
 * {@code %%}, {@code %_} and {@code %-}. It keeps its source text, so a record writes back exactly
 * as it was read, and expands against a {@link MacroContext}.
 */
public final class MacroString {

    /** Where a macro-string appears, which decides what it may contain. */
    public enum Use {
        /** A domain-spec (mechanism or redirect/exp target): no c, r, t; must end in a top label or macro. */
        DOMAIN_SPEC("slodiphv", false),
        /** The value of an unknown modifier: any macro letter, never expanded. */
        MODIFIER_VALUE("slodiphvcrt", false),
        /** The explanation text fetched by exp=: every letter, and spaces. */
        EXPLANATION("slodiphvcrt", true);

        private final String letters;
        private final boolean spaces;

        Use(String letters, boolean spaces) {
            this.letters = letters;
            this.spaces = spaces;
        }
    }

    private static final String DELIMITERS = ".-+,/_=";
    private static final String ALL_LETTERS = "slodiphvcrt";
    private static final Pattern TOP_LABEL =
            Pattern.compile("[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9]");
    /** RFC 7208 section 7.3: digit transformers must support at least 128; more than that means "all". */
    private static final int MAX_PARTS = 128;
    private static final int MAX_DOMAIN_LENGTH = 253;
    /** The longest explanation given: an SMTP reply line holds 512 octets (RFC 5321 section 4.5.3.1.5). */
    static final int MAX_EXPLANATION = 512;

    private sealed interface Part permits Literal, Macro {
    }

    private record Literal(String text) implements Part {
    }

    private record Macro(char letter, boolean escape, int rightParts, boolean reverse, String delimiters)
            implements Part {
    }

    private final String source;
    private final List<Part> parts;

    private MacroString(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses {@code text} for the given use.
     *
     * @throws SpfSyntaxException when it does not follow the grammar (not yet placed in a record)
     */
    public static MacroString parse(String text, Use use) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int afterLastMacro = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                if (!(c >= 0x21 && c <= 0x7e || c == ' ' && use.spaces)) {
                    throw new SpfSyntaxException(c > 0x7e ? "not-ascii" : "control-character",
                            String.format("U+%04X", (int) c));
                }
                literal.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new SpfSyntaxException("macro-percent", text.substring(i));
            }
            char next = text.charAt(i + 1);
            switch (next) {
                case '%' -> literal.append('%');
                case '_' -> literal.append(' ');
                case '-' -> literal.append("%20");
                case '{' -> {
                    int close = text.indexOf('}', i + 2);
                    if (close < 0) {
                        throw new SpfSyntaxException("macro-unclosed", text.substring(i));
                    }
                    if (literal.length() > 0) {
                        parts.add(new Literal(literal.toString()));
                        literal.setLength(0);
                    }
                    parts.add(macro(text.substring(i, close + 1), use));
                    i = close + 1;
                    afterLastMacro = i;
                    continue;
                }
                default -> throw new SpfSyntaxException("macro-percent", text.substring(i, i + 2));
            }
            i += 2;
            afterLastMacro = i;
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        if (use == Use.DOMAIN_SPEC) {
            checkDomainEnd(text, afterLastMacro);
        }
        return new MacroString(text, parts);
    }

    /** Parses %{...}: a letter, an optional digit count, an optional r, then delimiters. */
    private static Macro macro(String token, Use use) {
        String body = token.substring(2, token.length() - 1);
        if (body.isEmpty() || ALL_LETTERS.indexOf(Character.toLowerCase(body.charAt(0))) < 0) {
            throw new SpfSyntaxException("macro-letter", token);
        }
        char letter = body.charAt(0);
        char lower = Character.toLowerCase(letter);
        if (use.letters.indexOf(lower) < 0) {
            throw new SpfSyntaxException("macro-exp-only", token, lower);
        }
        int i = 1;
        while (i < body.length() && Character.isDigit(body.charAt(i)) && body.charAt(i) < 0x80) {
            i++;
        }
        int rightParts = 0;
        if (i > 1) {
            String digits = body.substring(1, i).replaceFirst("^0+(?=\\d)", "");
            rightParts = digits.length() > 3 ? MAX_PARTS : Math.min(MAX_PARTS, Integer.parseInt(digits));
            if (rightParts == 0) {
                throw new SpfSyntaxException("macro-zero", token);
            }
        }
        boolean reverse = false;
        if (i < body.length() && Character.toLowerCase(body.charAt(i)) == 'r') {
            reverse = true;
            i++;
        }
        String delimiters = body.substring(i);
        for (char d : delimiters.toCharArray()) {
            if (DELIMITERS.indexOf(d) < 0) {
                throw new SpfSyntaxException("macro-delimiter", token, String.valueOf(d));
            }
        }
        return new Macro(lower, Character.isUpperCase(letter), rightParts, reverse, delimiters);
    }

    /** domain-end = ( "." toplabel [ "." ] ) / macro-expand, checked on the text after the last macro. */
    private static void checkDomainEnd(String text, int afterLastMacro) {
        if (text.isEmpty()) {
            throw new SpfSyntaxException("empty-domain");
        }
        if (afterLastMacro == text.length()) {
            return;
        }
        String tail = text.substring(afterLastMacro);
        if (tail.endsWith(".")) {
            tail = tail.substring(0, tail.length() - 1);
        }
        int dot = tail.lastIndexOf('.');
        if (dot < 0 || !TOP_LABEL.matcher(tail.substring(dot + 1)).matches()) {
            throw new SpfSyntaxException("bad-domain", text);
        }
    }

    /** The text as written. */
    @Override
    public String toString() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MacroString that && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    /** True when there is at least one %{...} macro, so the value depends on the message. */
    public boolean hasMacros() {
        return parts.stream().anyMatch(Macro.class::isInstance);
    }

    /**
     * The domain this spec names when it has no macros (escapes expanded, final dot removed), so it
     * can be looked up without a message; empty when it depends on macros.
     */
    public Optional<String> literalDomain() {
        if (hasMacros()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(((Literal) part).text()));
        String name = text.toString();
        return Optional.of(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
    }

    /** True when a macro uses {@code letter} (lower case), for example {@code 'p'}, which needs DNS. */
    public boolean uses(char letter) {
        return parts.stream().anyMatch(part -> part instanceof Macro macro && macro.letter() == letter);
    }

    /**
     * The expansion as plain text (section 7.3), as explanation text needs it, cut at
     * {@value #MAX_EXPLANATION} characters: it ends up in one SMTP reply line, and a text of
     * macros that each give a long sender must not build megabytes.
     */
    public String expand(MacroContext context) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (out.length() >= MAX_EXPLANATION) {
                break;
            }
            out.append(text(part, context));
        }
        return out.length() > MAX_EXPLANATION ? out.substring(0, MAX_EXPLANATION) : out.toString();
    }

    /**
     * The expansion as a domain name to query: without a final dot, and cut from the left, label by
     * label, to at most 253 characters (section 7.3). Only the tail that can survive the cut is
     * built, so macros that each give a long value cost no more than the name they end in.
     */
    public String expandDomain(MacroContext context) {
        Deque<String> tail = new ArrayDeque<>();
        int length = 0;
        // One character more than a name may keep shows whether a label boundary falls at the cut.
        for (int i = parts.size() - 1; i >= 0 && length <= MAX_DOMAIN_LENGTH + 1; i--) {
            String text = text(parts.get(i), context);
            tail.addFirst(text);
            length += text.length();
        }
        String name = String.join("", tail);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.length() > MAX_DOMAIN_LENGTH) {
            int cut = name.indexOf('.', name.length() - MAX_DOMAIN_LENGTH - 1);
            name = cut < 0 ? name : name.substring(cut + 1);
        }
        return name;
    }

    private static String text(Part part, MacroContext context) {
        return part instanceof Literal literal ? literal.text() : expand((Macro) part, context);
    }

    private static String expand(Macro macro, MacroContext context) {
        String value = context.value(macro.letter());
        if (macro.rightParts() > 0 || macro.reverse() || !macro.delimiters().isEmpty()) {
            List<String> labels = split(value, macro.delimiters().isEmpty() ? "." : macro.delimiters());
            if (macro.reverse()) {
                Collections.reverse(labels);
            }
            if (macro.rightParts() > 0 && macro.rightParts() < labels.size()) {
                labels = labels.subList(labels.size() - macro.rightParts(), labels.size());
            }
            value = String.join(".", labels);
        }
        return macro.escape() ? urlEscape(value) : value;
    }

    /** Splits on any of the delimiters, keeping empty parts (String.split would drop trailing ones). */
    private static List<String> split(String value, String delimiters) {
        List<String> labels = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (delimiters.indexOf(value.charAt(i)) >= 0) {
                labels.add(value.substring(start, i));
                start = i + 1;
            }
        }
        labels.add(value.substring(start));
        return labels;
    }

    /** Upper-case macro letters: every character outside the URI unreserved set becomes %XX. */
    private static String urlEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
