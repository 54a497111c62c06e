package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.DomainName;

/**
 * check_host() and the linter against DNS data a fuzzer writes ({@link HostileZone}): records of
 * any size and syntax, loops, odd names in PTR and MX answers, failures. The contract: an
 * evaluation always ends in one of the seven results, never an exception, within the RFC's limits
 * (10 DNS-querying terms, 2 void lookups, {@link SpfEvaluator#MAX_QUERIES} questions); a lint
 * always ends in a report. The first line of an input is {@code IP<TAB>MAIL FROM<TAB>HELO}, the
 * others are the zone. The inputs beside this class run in every build;
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=SpfEvaluatorFuzzTest} fuzzes.
 */
class SpfEvaluatorFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void evaluate(byte[] data) {
        List<String> lines = Arrays.asList(new String(data, StandardCharsets.UTF_8).split("\n", -1));
        String[] request = lines.get(0).split("\t", -1);
        SpfRequest asked;
        try {
            asked = SpfRequest.of(request[0], request.length > 1 ? request[1] : "", request.length > 2 ? request[2] : "");
        } catch (IllegalArgumentException notAnAddress) {
            return;
        }
        List<String> zoneLines = lines.subList(1, lines.size());

        HostileZone zone = HostileZone.of(zoneLines);
        CompletableFuture<SpfEvaluation> evaluating =
                new SpfEvaluator(zone, "receiver.test", Clock.systemUTC(), Duration.ofSeconds(5)).evaluate(asked);
        assertTrue(evaluating.isDone(), "every answer is at hand, so the evaluation ends at once");
        SpfEvaluation evaluation = evaluating.join();
        assertNotNull(evaluation.result());
        assertTrue(evaluation.lookups() <= SpfEvaluator.MAX_DNS_TERMS + 1, "lookups " + evaluation.lookups());
        assertTrue(evaluation.voidLookups() <= SpfEvaluator.MAX_VOID_LOOKUPS + 1, "void lookups " + evaluation.voidLookups());
        assertTrue(zone.questions() <= SpfEvaluator.MAX_QUERIES, "questions " + zone.questions());
        evaluation.trace().forEach(step -> step.text(java.util.Locale.ENGLISH));

        DomainName.parse(asked.domain()).name().ifPresent(domain -> {
            CompletableFuture<SpfLintReport> linting = new SpfLinter(HostileZone.of(zoneLines), Duration.ofSeconds(5)).lint(domain.ascii());
            assertTrue(linting.isDone(), "every answer is at hand, so the lint ends at once");
            SpfLintReport report = linting.join();
            report.findings().forEach(finding -> finding.message(java.util.Locale.ENGLISH));
            report.lookupTree().ifPresent(tree -> tree.render(SpfEvaluator.MAX_DNS_TERMS));
        });
    }
}
