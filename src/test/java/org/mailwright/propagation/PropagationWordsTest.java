package org.mailwright.propagation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every state and role of propagation has its word (both languages: see {@code MessagesBundleTest}). */
class PropagationWordsTest {

    private static final String[] PREFIXES = {"propagation.", "cli.propagation.", "cli.help.propagation.",
            "cli.help.mailwright.propagation.", "cli.error.interval", "cli.error.max-wait"};

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PropagationWordsTest.class.getResourceAsStream("/org/mailwright/i18n/" + resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames().stream()
                .filter(key -> Arrays.stream(PREFIXES).anyMatch(key::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyStateAndRoleHasAWord() throws IOException {
        Set<String> english = keys("messages.properties");
        for (CellState state : CellState.values()) {
            assertTrue(english.contains("propagation.state." + state.jsonName()), state.name());
        }
        for (Role role : Role.values()) {
            assertTrue(english.contains("propagation.role." + role.jsonName()), role.name());
        }
    }
}
