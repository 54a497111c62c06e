package org.mailwright.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.TxtStrings;

/**
 * What an admin says about the domain's mail, as the wizard and {@code spf build} ask it: which of
 * its own hosts send, which addresses, which services, and what happens to everyone else. Builds
 * the record with the cheap terms first (mx and a, then addresses, then includes).
 *
 * @param mx the domain's MX hosts send mail
 * @param a the domain's own A/AAAA addresses send mail
 * @param ip4 IPv4 addresses or networks ({@code 192.0.2.10}, {@code 192.0.2.0/24})
 * @param ip6 IPv6 addresses or networks
 * @param includes domains whose SPF records authorize their senders for us (a provider's include)
 * @param all what the record says about every other sender: FAIL (-all, recommended), SOFTFAIL
 *     (~all, while testing), NEUTRAL (?all) or PASS (+all, never wise)
 */
public record SpfRecipe(boolean mx, boolean a, List<String> ip4, List<String> ip6, List<String> includes, Qualifier all) {

    /** The record of a domain that sends no mail at all. */
    public static final String NO_MAIL = "v=spf1 -all";

    public SpfRecipe {
        ip4 = List.copyOf(ip4);
        ip6 = List.copyOf(ip6);
        includes = List.copyOf(includes);
        Objects.requireNonNull(all, "all");
    }

    /** Nothing sends yet, everything else fails: builds {@link #NO_MAIL}. */
    public static SpfRecipe nothing() {
        return new SpfRecipe(false, false, List.of(), List.of(), List.of(), Qualifier.FAIL);
    }

    public SpfRecipe withMx(boolean value) {
        return new SpfRecipe(value, a, ip4, ip6, includes, all);
    }

    public SpfRecipe withA(boolean value) {
        return new SpfRecipe(mx, value, ip4, ip6, includes, all);
    }

    public SpfRecipe withIp4(List<String> value) {
        return new SpfRecipe(mx, a, value, ip6, includes, all);
    }

    public SpfRecipe withIp6(List<String> value) {
        return new SpfRecipe(mx, a, ip4, value, includes, all);
    }

    public SpfRecipe withIncludes(List<String> value) {
        return new SpfRecipe(mx, a, ip4, ip6, value, all);
    }

    public SpfRecipe withAll(Qualifier value) {
        return new SpfRecipe(mx, a, ip4, ip6, includes, value);
    }

    /**
     * The record text. Each value is checked as the one term it must become, as receivers will
     * read it: an address or network for ip4 and ip6, a domain (or a macro domain-spec) for
     * include. A value that would change the record's meaning (a space that starts another term,
     * as in {@code 192.0.2.1 +all}) is refused, never written.
     *
     * @throws SpfSyntaxException saying why the first invalid value is not valid (for example an
     *     IPv6 address given as ip4, or an include that is not a domain)
     */
    public String build() {
        List<String> terms = new ArrayList<>();
        terms.add("v=spf1");
        if (mx) {
            terms.add("mx");
        }
        if (a) {
            terms.add("a");
        }
        ip4.forEach(value -> terms.add(term(MechanismType.IP4, value.strip())));
        ip6.forEach(value -> terms.add(term(MechanismType.IP6, value.strip())));
        includes.stream()
                .map(SpfRecipe::includeTarget)
                .distinct()
                .forEach(domain -> terms.add(term(MechanismType.INCLUDE, domain)));
        terms.add(all == Qualifier.PASS ? "+all" : all.symbol() + "all");
        return String.join(" ", terms);
    }

    /**
     * An include's domain as DNS names it (lower case, A-labels, no final dot), or a macro
     * domain-spec as written ({@code %{d}.spf.example.net}).
     *
     * @throws SpfSyntaxException when it is neither
     */
    private static String includeTarget(String domain) {
        String value = domain.strip();
        if (value.contains("%")) {
            return value;
        }
        refuseSpaces(MechanismType.INCLUDE, value);
        return DomainName.parse(value).name().map(DomainName::ascii)
                .orElseThrow(() -> new SpfSyntaxException("not-a-domain", value));
    }

    /** {@code type:value} when that is exactly one term of that type, as a receiver parses it. */
    private static String term(MechanismType type, String value) {
        refuseSpaces(type, value);
        String term = type.keyword() + ":" + value;
        try {
            SpfRecord.parse("v=spf1 " + term);
        } catch (SpfSyntaxException e) {
            // The position would point into a record the user never wrote; the reason alone is clearer.
            throw new SpfSyntaxException(e.reason(), e.arguments().toArray());
        }
        return term;
    }

    /** Spaces separate terms: a value holding one would smuggle another term into the record. */
    private static void refuseSpaces(MechanismType type, String value) {
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw new SpfSyntaxException("spaces", value, type.keyword());
        }
    }

    /** How many DNS-querying terms the record itself has, before counting what the includes hold. */
    public int ownLookups() {
        return SpfRecord.parse(build()).ownLookups();
    }

    /** The character-strings to publish: the record cut every 255 characters (receivers join them). */
    public static List<String> strings(String record) {
        return TxtStrings.split(record);
    }

    /**
     * The zone-file line that publishes {@code record} at {@code domain}, long records split into strings.
     *
     * @throws org.mailwright.dns.InvalidDomainNameException when {@code domain} is no domain name
     */
    public static String zoneLine(String domain, String record, long ttl) {
        return TxtStrings.zoneLine(DomainName.of(domain).ascii(), ttl, record);
    }
}
