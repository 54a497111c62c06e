package org.mailwright.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The core's words as a whole: every sentence in both languages, and no apostrophe that
 * MessageFormat would swallow ("the anchor's keys" printed as "the anchors keys").
 */
class MessagesBundleTest {

    /** A lone apostrophe: not doubled (braces quoted as in '{' are taken out before looking). */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/org/mailwright/i18n/" + resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everySentenceIsInBothLanguages() throws IOException {
        assertEquals(new TreeSet<>(bundle("messages.properties").stringPropertyNames()),
                new TreeSet<>(bundle("messages_es.properties").stringPropertyNames()));
    }

    @Test
    void noApostropheIsSwallowed() throws IOException {
        List<String> swallowed = new ArrayList<>();
        for (String resource : List.of("messages.properties", "messages_es.properties")) {
            Properties words = bundle(resource);
            for (String key : words.stringPropertyNames()) {
                // picocli's help texts are no MessageFormat patterns: a single ' is right there.
                String text = words.getProperty(key).replace("'{'", "").replace("'}'", "");
                if (!key.startsWith("cli.help.") && LONE_APOSTROPHE.matcher(text).find()) {
                    swallowed.add(resource + " " + key);
                }
            }
        }
        assertTrue(swallowed.isEmpty(), String.join("\n", swallowed));
    }
}
