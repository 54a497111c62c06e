package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mailwright.dns.DomainName;

/**
 * The SPF record builder, as {@code spf build} and the SPF wizard use it, given any values. The
 * contract: the values are refused with {@link SpfSyntaxException}, or the record built parses
 * to exactly the terms asked for, in order: mx, a, one ip4 term per ip4 value with that network,
 * one ip6 term per ip6 value, one include per distinct include, and the all term. An input is a
 * line of flags ({@code m} mx, {@code a} a, {@code ~ ? -} the all qualifier), then lines of
 * {@code 4 VALUE}, {@code 6 VALUE} or {@code i VALUE}.
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=SpfRecipeFuzzTest} fuzzes.
 */
class SpfRecipeFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void build(byte[] data) {
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n", -1);
        String flags = lines[0];
        List<String> ip4 = new ArrayList<>();
        List<String> ip6 = new ArrayList<>();
        List<String> includes = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            String value = line.length() > 2 ? line.substring(2) : "";
            switch (line.isEmpty() ? ' ' : line.charAt(0)) {
                case '4' -> ip4.add(value);
                case '6' -> ip6.add(value);
                case 'i' -> includes.add(value);
                default -> {
                }
            }
        }
        Qualifier all = flags.contains("~") ? Qualifier.SOFTFAIL : flags.contains("?") ? Qualifier.NEUTRAL : Qualifier.FAIL;
        SpfRecipe recipe = new SpfRecipe(flags.contains("m"), flags.contains("a"), ip4, ip6, includes, all);
        String built;
        try {
            built = recipe.build();
        } catch (SpfSyntaxException refused) {
            return;
        }

        List<Term> terms = SpfRecord.parse(built).terms();
        List<String> expected = new ArrayList<>();
        if (recipe.mx()) {
            expected.add("mx");
        }
        if (recipe.a()) {
            expected.add("a");
        }
        ip4.forEach(value -> expected.add(IpNetwork.parse(value.strip(), true).term()));
        ip6.forEach(value -> expected.add(IpNetwork.parse(value.strip(), false).term()));
        Set<String> distinct = new LinkedHashSet<>();
        for (String include : includes) {
            String value = include.strip();
            distinct.add("include:" + (value.contains("%") ? value
                    : DomainName.parse(value).name().map(DomainName::ascii).orElseThrow(() -> new AssertionError(value))));
        }
        expected.addAll(distinct);
        expected.add(all.symbol() + "all");
        assertEquals(expected, terms.stream().map(SpfRecipeFuzzTest::normalized).toList(), built);
    }

    /** A term as the expectation writes it: ip4/ip6 as their network, others as written. */
    private static String normalized(Term term) {
        return term instanceof Mechanism m && m.network() != null ? m.network().term() : term.text();
    }
}
