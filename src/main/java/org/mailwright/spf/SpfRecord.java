package org.mailwright.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed SPF record: its text and its terms in order. Immutable; {@link #parse(String)} checks
 * the whole grammar of RFC 7208 (section 12), so a record that parses is one receivers accept.
 *
 * @param text the record as published
 * @param terms the mechanisms and modifiers, in order
 */
public record SpfRecord(String text, List<Term> terms) {

    /**
     * The longest record read, in characters: 32 times the 512 octets RFC 7208 section 3.4 asks a
     * record to fit in. Longer ones are refused, so a hostile answer costs little.
     */
    public static final int MAX_LENGTH = 16_384;
    /** The most terms read in one record: a hundred times the DNS-querying terms receivers allow. */
    public static final int MAX_TERMS = 1_000;

    private static final String VERSION = "v=spf1";
    private static final Pattern MODIFIER = Pattern.compile("([A-Za-z][A-Za-z0-9._-]*)=(.*)", Pattern.DOTALL);
    private static final Pattern MECHANISM = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(.*)", Pattern.DOTALL);
    /** Reluctant domain, then an optional ip4 length and an optional "//" ip6 length at the very end. */
    private static final Pattern DOMAIN_AND_CIDR = Pattern.compile("(.*?)(?:/([0-9]+))?(?://([0-9]+))?", Pattern.DOTALL);

    public SpfRecord {
        terms = List.copyOf(terms);
    }

    /**
     * True when {@code txt} is an SPF record by section 4.5: it starts with {@code v=spf1} (in any
     * case) followed by a space or nothing. Other TXT records of the domain are none of SPF's business.
     */
    public static boolean isSpfRecord(String txt) {
        return txt.regionMatches(true, 0, VERSION, 0, VERSION.length())
                && (txt.length() == VERSION.length() || txt.charAt(VERSION.length()) == ' ');
    }

    /**
     * Parses a whole record.
     *
     * @throws SpfSyntaxException naming the position, the term and the reason of the first error;
     *     a record over {@value #MAX_LENGTH} characters or {@value #MAX_TERMS} terms is refused
     */
    public static SpfRecord parse(String text) {
        if (!isSpfRecord(text)) {
            throw new SpfSyntaxException("not-spf").at(1, beginning(text));
        }
        if (text.length() > MAX_LENGTH) {
            throw new SpfSyntaxException("too-long", text.length(), MAX_LENGTH).at(1, beginning(text));
        }
        List<Term> terms = new ArrayList<>();
        int i = VERSION.length();
        boolean redirectSeen = false;
        boolean explanationSeen = false;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int end = text.indexOf(' ', i);
            end = end < 0 ? text.length() : end;
            String term = text.substring(i, end);
            int position = i + 1;
            if (terms.size() == MAX_TERMS) {
                throw new SpfSyntaxException("too-many-terms", MAX_TERMS).at(position, term);
            }
            try {
                Term parsed = term(term, position);
                if (parsed instanceof Modifier modifier) {
                    if (modifier.isRedirect() && redirectSeen || modifier.isExplanation() && explanationSeen) {
                        throw new SpfSyntaxException("duplicate-modifier", modifier.name());
                    }
                    redirectSeen |= modifier.isRedirect();
                    explanationSeen |= modifier.isExplanation();
                }
                terms.add(parsed);
            } catch (SpfSyntaxException e) {
                throw e.at(position, term);
            }
            i = end;
        }
        return new SpfRecord(text, terms);
    }

    /** The start of a record, for a problem about the whole of it. */
    private static String beginning(String text) {
        return text.length() > 12 ? text.substring(0, 12) + "…" : text;
    }

    private static Term term(String term, int position) {
        for (char c : term.toCharArray()) {
            if (c < 0x21 || c > 0x7e) {
                throw new SpfSyntaxException(c > 0x7e ? "not-ascii" : "control-character", String.format("U+%04X", (int) c));
            }
        }
        Matcher modifier = MODIFIER.matcher(term);
        if (modifier.matches()) {
            String name = modifier.group(1).toLowerCase(Locale.ROOT);
            boolean known = name.equals(Modifier.REDIRECT) || name.equals(Modifier.EXPLANATION);
            MacroString value = MacroString.parse(modifier.group(2),
                    known ? MacroString.Use.DOMAIN_SPEC : MacroString.Use.MODIFIER_VALUE);
            return new Modifier(name, value, term, position);
        }
        Qualifier qualifier = Qualifier.of(term.charAt(0));
        String body = qualifier == null ? term : term.substring(1);
        Matcher mechanism = MECHANISM.matcher(body);
        MechanismType type = mechanism.matches() ? MechanismType.byKeyword(mechanism.group(1)) : null;
        if (type == null) {
            throw new SpfSyntaxException("unknown-term", term);
        }
        return mechanism(qualifier == null ? Qualifier.PASS : qualifier, type, mechanism.group(2), term, position);
    }

    private static Mechanism mechanism(Qualifier qualifier, MechanismType type, String rest, String term, int position) {
        String keyword = type.keyword();
        boolean hasArgument = rest.startsWith(":");
        String argument = hasArgument ? rest.substring(1) : "";
        switch (type) {
            case ALL -> {
                if (!rest.isEmpty()) {
                    throw new SpfSyntaxException("no-argument", keyword);
                }
                return new Mechanism(qualifier, type, null, null, 32, 128, term, position);
            }
            case INCLUDE, EXISTS, PTR -> {
                if (!hasArgument) {
                    if (type == MechanismType.PTR && rest.isEmpty()) {
                        return new Mechanism(qualifier, type, null, null, 32, 128, term, position);
                    }
                    throw new SpfSyntaxException(rest.isEmpty() ? "missing-domain" : "no-cidr", keyword);
                }
                return new Mechanism(qualifier, type, MacroString.parse(argument, MacroString.Use.DOMAIN_SPEC),
                        null, 32, 128, term, position);
            }
            case A, MX -> {
                if (!hasArgument && !rest.isEmpty() && !rest.startsWith("/")) {
                    throw new SpfSyntaxException("unknown-term", term);
                }
                Matcher split = DOMAIN_AND_CIDR.matcher(hasArgument ? argument : rest);
                split.matches();
                String domain = split.group(1);
                if (!hasArgument && !domain.isEmpty()) {
                    throw new SpfSyntaxException("bad-dual-cidr", rest);
                }
                MacroString spec = hasArgument ? MacroString.parse(domain, MacroString.Use.DOMAIN_SPEC) : null;
                int ip4 = split.group(2) == null ? 32 : IpNetwork.prefixLength(split.group(2), 32);
                int ip6 = split.group(3) == null ? 128 : IpNetwork.prefixLength(split.group(3), 128);
                return new Mechanism(qualifier, type, spec, null, ip4, ip6, term, position);
            }
            case IP4, IP6 -> {
                if (!hasArgument || argument.isEmpty()) {
                    throw new SpfSyntaxException("missing-network", keyword);
                }
                IpNetwork network = IpNetwork.parse(argument, type == MechanismType.IP4);
                return new Mechanism(qualifier, type, null, network, 32, 128, term, position);
            }
            default -> throw new IllegalStateException("unhandled mechanism " + type);
        }
    }

    /** The mechanisms, in order. */
    public List<Mechanism> mechanisms() {
        return terms.stream().filter(Mechanism.class::isInstance).map(Mechanism.class::cast).toList();
    }

    /** The modifiers, in order. */
    public List<Modifier> modifiers() {
        return terms.stream().filter(Modifier.class::isInstance).map(Modifier.class::cast).toList();
    }

    public Optional<Modifier> redirect() {
        return modifiers().stream().filter(Modifier::isRedirect).findFirst();
    }

    public Optional<Modifier> explanation() {
        return modifiers().stream().filter(Modifier::isExplanation).findFirst();
    }

    /** How many terms of this record alone query DNS (mechanisms a, mx, ptr, exists, include and redirect). */
    public int ownLookups() {
        return (int) mechanisms().stream().filter(m -> m.type().queriesDns()).count() + (redirect().isPresent() ? 1 : 0);
    }

    @Override
    public String toString() {
        return text;
    }
}
