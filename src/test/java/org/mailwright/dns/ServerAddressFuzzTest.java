package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * What users type as a server or a resolver (settings, {@code --server}): {@link ServerAddress#parse}
 * and {@link ResolverTarget#parse} give an address with a port from 1 to 65535, or refuse the text
 * with an {@link IllegalArgumentException} whose message is a sentence; nothing else is ever
 * thrown. {@code JAZZER_FUZZ=1 mvn test -Dtest=ServerAddressFuzzTest} fuzzes.
 */
class ServerAddressFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            check(ServerAddress.parse(text));
        } catch (IllegalArgumentException refused) {
            assertSentence(refused);
        }
        try {
            ResolverTarget target = ResolverTarget.parse(text);
            assertFalse(target.id().isEmpty());
            if (target instanceof ResolverTarget.Servers servers) {
                servers.servers().forEach(ServerAddressFuzzTest::check);
            }
        } catch (IllegalArgumentException refused) {
            assertSentence(refused);
        }
    }

    private static void check(ServerAddress address) {
        assertFalse(address.host().isBlank());
        assertTrue(address.port() >= 1 && address.port() <= 65535);
        address.isLoopback();
        assertFalse(address.toString().isEmpty());
    }

    private static void assertSentence(IllegalArgumentException refused) {
        assertTrue(refused.getMessage() != null && refused.getMessage().endsWith("."), String.valueOf(refused.getMessage()));
    }
}
