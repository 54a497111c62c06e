package org.mailwright.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import org.mailwright.dns.DomainName;

/**
 * An MTA-STS policy is whatever a stranger's web server sends: {@link MtaStsPolicy#parse} reads
 * it or says why not in words, never throws, and what it keeps is within RFC 8461's bounds. The
 * inputs beside this class run as regression tests in every build;
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=MtaStsPolicyFuzzTest} fuzzes.
 */
class MtaStsPolicyFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        MtaStsPolicy.Parsed parsed = MtaStsPolicy.parse(data);

        assertTrue(parsed.policy().isPresent() != parsed.problem().isPresent());
        parsed.problem().ifPresent(problem -> {
            assertFalse(problem.text(Locale.ENGLISH).startsWith("["), problem.key());
            assertFalse(problem.text(Locale.forLanguageTag("es")).startsWith("["), problem.key());
        });
        parsed.policy().ifPresent(policy -> {
            assertEquals(MtaStsPolicy.VERSION, policy.version());
            assertTrue(policy.maxAge() >= 0 && policy.maxAge() <= MtaStsPolicy.MAX_AGE_LIMIT, "max_age " + policy.maxAge());
            assertTrue(policy.mode() == MtaStsPolicy.Mode.NONE || !policy.mx().isEmpty());
            assertTrue(policy.mx().size() <= data.length / 4);
            for (MtaStsPolicy.MxPattern pattern : policy.mx()) {
                String written = pattern.toString();
                assertEquals(written, DomainName.parse(written.replace("*.", "")).name()
                        .map(name -> (pattern.wildcard() ? "*." : "") + name.ascii()).orElseThrow());
                if (!pattern.wildcard()) {
                    assertTrue(policy.matches(pattern.domain()));
                }
            }
        });
    }
}
