package org.mailwright.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every word of the publish pane exists in English and Spanish, and every pattern formats. */
class PublishWordsTest {

    /** Names of forms and tools that Spanish writes as English does. */
    private static final Set<String> SAME_IN_BOTH = Set.of("publish.export.nsupdate", "publish.export.json");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(PublishWordsTest.class.getResourceAsStream("/org/mailwright/ui/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyKeyIsInBothLanguagesAndFormats() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");
        Set<String> publish = new TreeSet<>();
        english.stringPropertyNames().stream().filter(key -> key.startsWith("publish.")).forEach(publish::add);
        Set<String> publishSpanish = new TreeSet<>();
        spanish.stringPropertyNames().stream().filter(key -> key.startsWith("publish.")).forEach(publishSpanish::add);

        assertTrue(publish.size() > 50, publish.toString());
        assertEquals(publish, publishSpanish);
        Object[] arguments = {"example.test", "/tmp/key", "rw-------"};
        for (String key : publish) {
            new MessageFormat(english.getProperty(key), Locale.ROOT).format(arguments);
            new MessageFormat(spanish.getProperty(key), Locale.forLanguageTag("es")).format(arguments);
            assertTrue(!english.getProperty(key).contains("'") && !spanish.getProperty(key).contains("'"),
                    key + " writes an apostrophe as ’, which reads the same from FXML and from code");
            if (!SAME_IN_BOTH.contains(key)) {
                assertNotEquals(english.getProperty(key), spanish.getProperty(key), key + " is translated");
            }
        }
    }
}
