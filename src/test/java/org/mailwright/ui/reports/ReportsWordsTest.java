package org.mailwright.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Every word of the Reports page exists in English and Spanish, and formats. */
class ReportsWordsTest {

    /** Names and figures that Spanish writes as English does. */
    private static final Set<String> SAME_IN_BOTH = Set.of("reports.import.error");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(ReportsWordsTest.class.getResourceAsStream("/org/mailwright/ui/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static Set<String> keys(Properties words) {
        Set<String> keys = new TreeSet<>();
        words.stringPropertyNames().stream()
                .filter(key -> key.startsWith("reports."))
                .forEach(keys::add);
        return keys;
    }

    @Test
    void everyKeyIsInBothLanguagesAndFormats() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");
        Set<String> keys = keys(english);

        assertTrue(keys.size() > 40, keys.toString());
        assertEquals(keys, keys(spanish));
        Object[] arguments = {3, 85, 7, 0.5, 2, 0.25};
        for (String key : keys) {
            for (Properties words : new Properties[] {english, spanish}) {
                String pattern = words.getProperty(key);
                new MessageFormat(pattern, Locale.ROOT).format(arguments);
                assertFalse(pattern.contains("'"), key + " writes an apostrophe as ’, which reads the same from FXML and from code");
            }
            if (!SAME_IN_BOTH.contains(key)) {
                assertNotEquals(english.getProperty(key), spanish.getProperty(key), key + " is translated");
            }
        }
    }
}
