package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.testsupport.Conformance;

/**
 * The SPF conformance suites, each case evaluated over the wire against its own test DNS server:
 * the whole OpenSPF RFC 7208 suite, and the extra cases of pyspf and blitiri where they test
 * RFC 7208 behaviour.
 */
class SpfConformanceTest {

    /** Short, so the suite's TIMEOUT cases stay fast; no retries, as a silent name never answers. */
    private static final ResolverOptions OPTIONS = ResolverOptions.defaults().withTimeout(Duration.ofMillis(300)).withRetries(0);

    private static final String SINGLE_LABEL = "uses single-label domains, which RFC 7208 does not check "
            + "(section 4.3: the result is none; section 7.1: a domain-spec ends in a dotted top label)";

    /** Cases left out, each with the reason its expectation is not RFC 7208's. */
    private static final Map<String, String> NOT_RFC_7208 = Map.ofEntries(
            Map.entry("default-modifier", "expects pyspf's lax mode, which honours the obsolete default= modifier"),
            Map.entry("default-modifier-harsh", "expects pyspf's own \"ambiguous\" result, which RFC 7208 does not have"),
            Map.entry("resolution-with-10-lookups", SINGLE_LABEL),
            Map.entry("resolution-with-11-lookups", SINGLE_LABEL),
            Map.entry("mx-resolution-10-terms", SINGLE_LABEL),
            Map.entry("mx-resolution-11-terms", SINGLE_LABEL),
            Map.entry("one-mx-not-found", SINGLE_LABEL),
            Map.entry("all-mx-not-found", SINGLE_LABEL),
            Map.entry("domain-not-found", SINGLE_LABEL),
            Map.entry("include-not-found", SINGLE_LABEL),
            Map.entry("redirect-not-found", SINGLE_LABEL));

    @TestFactory
    Stream<DynamicNode> openspfRfc7208Suite() throws IOException {
        List<SpfSuite.Scenario> scenarios = SpfSuite.load(Conformance.path("spf/openspf/rfc7208-tests.yml"));
        assertEquals(203, scenarios.stream().mapToInt(s -> s.cases().size()).sum(), "the suite has 203 cases");
        return scenarios.stream().map(scenario -> container(scenario, false));
    }

    @TestFactory
    Stream<DynamicNode> pyspfExtraCases() throws IOException {
        return SpfSuite.load(Conformance.path("spf/pyspf-extra/pyspf-test.yml")).stream()
                .map(scenario -> container(scenario, true));
    }

    @TestFactory
    Stream<DynamicNode> blitiriExtraCases() throws IOException {
        return SpfSuite.load(Conformance.path("spf/blitiri/blitirispf-tests.yml")).stream()
                .map(scenario -> container(scenario, true));
    }

    private static DynamicContainer container(SpfSuite.Scenario scenario, boolean mayLeaveOut) {
        return DynamicContainer.dynamicContainer(scenario.description(), scenario.cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    if (mayLeaveOut && NOT_RFC_7208.containsKey(c.name())) {
                        Assumptions.abort("Not an RFC 7208 case: " + NOT_RFC_7208.get(c.name()));
                    }
                    run(scenario, c);
                })));
    }

    private static void run(SpfSuite.Scenario scenario, SpfSuite.Case c) {
        try (TestDnsServer dns = scenario.start(); ResolverService resolver = new ResolverService(OPTIONS)) {
            SpfRequest request = SpfRequest.of(c.host(), c.mailFrom(), c.helo());
            SpfEvaluation evaluation = new SpfEvaluator(resolver, dns.target()).evaluate(request).join();

            String trace = evaluation.trace().stream()
                    .map(step -> "  ".repeat(step.depth()) + step.text(Locale.ENGLISH))
                    .collect(Collectors.joining("\n"));
            String what = c.name() + " (" + c.spec() + ")\n" + trace;
            assertTrue(c.results().contains(evaluation.result().jsonName()),
                    () -> "expected " + c.results() + " but got " + evaluation.result() + " for " + what);
            if (c.explanation() != null) {
                String expected = "DEFAULT".equals(c.explanation()) ? defaultExplanation(request) : c.explanation();
                // Case-blind: v-macro-ip6 expects upper-case hex nibbles, RFC 7208 section 7.4 shows lower case.
                assertTrue(expected.equalsIgnoreCase(evaluation.explanation()),
                        () -> "expected explanation \"" + expected + "\" but got \"" + evaluation.explanation() + "\" for " + what);
            }
        }
    }

    private static String defaultExplanation(SpfRequest request) {
        MacroContext context = new MacroContext(request.sender(), request.localPart(), request.domain(), request.domain(),
                request.client(), request.helo(), null, 0, null);
        return MacroString.parse(SpfEvaluator.DEFAULT_EXPLANATION, MacroString.Use.EXPLANATION).expand(context);
    }
}
