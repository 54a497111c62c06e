package org.mailwright.message;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.mailwright.dkim.ArcReport;
import org.mailwright.dkim.ArcVerifier;
import org.mailwright.dkim.DkimVerifier;
import org.mailwright.dkim.KeyAndMessage;
import org.mailwright.dkim.KeySource;
import org.mailwright.dkim.MailMessage;
import org.mailwright.dkim.MessageLimitException;
import org.mailwright.dkim.VerificationRules;

/**
 * What the message checker reads from a stranger's header: the From field's authors, the Received
 * hops, the Authentication-Results fields and the ARC chain (the first line of an input is the
 * key record every selector publishes, the rest is the message). Each is read without throwing,
 * within its bounds and in linear time; {@code JAZZER_FUZZ=1 mvn test -Dtest=MessageHeadersFuzzTest} fuzzes.
 */
class MessageHeadersFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private static final long HANG_NANOS = 5_000_000_000L;

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) {
        KeyAndMessage input = KeyAndMessage.split(data);
        long start = System.nanoTime();
        MailMessage message;
        try {
            message = MailMessage.parse(input.message());
        } catch (MessageLimitException refused) {
            return;
        }
        Author author = Author.of(message);
        assertTrue(author.domain().isPresent() != author.problem().isPresent(), "a domain or a reason, never both");
        assertTrue(author.addresses().size() <= Author.MAX_ADDRESSES);
        assertTrue(ReceivedHop.of(message).size() <= ReceivedHop.MAX_HOPS);
        StampedResults.of(message).forEach(stamped -> assertTrue(stamped.results().size() <= StampedResults.MAX_RESULTS));
        MessageChecker.returnPath(message);

        KeySource keys = input.keys();
        ArcReport arc = new ArcVerifier(new DkimVerifier(keys, CLOCK, VerificationRules.standard())).verify(message).join();
        assertTrue(arc.sets().size() <= ArcVerifier.MAX_INSTANCES);
        assertTrue(arc.problem().isPresent() == (arc.result() == org.mailwright.dkim.ArcResult.FAIL));
        arc.problemText(Locale.ENGLISH);
        assertTrue(System.nanoTime() - start < HANG_NANOS, "read in linear time");
    }
}
