package org.mailwright.ui.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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

/** Every word of the DKIM page exists in English and Spanish, and every pattern formats. */
class DkimWordsTest {

    /** Names, formats and numbers that Spanish writes as English does. */
    private static final Set<String> SAME_IN_BOTH = Set.of("dkim.title", "dkim.name.selector", "dkim.key.bits",
            "dkim.key.answer", "dkim.verify.bits", "dkim.format.pkcs8", "dkim.format.pkcs1", "dkim.format.ed25519_base64",
            "dkim.server.opendkim", "dkim.server.rspamd", "dkim.server.amavisd", "dkim.server.postfix");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(DkimWordsTest.class.getResourceAsStream("/org/mailwright/ui/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyKeyIsInBothLanguagesAndFormats() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");
        Set<String> dkim = new TreeSet<>();
        english.stringPropertyNames().stream().filter(key -> key.startsWith("dkim.")).forEach(dkim::add);
        Set<String> dkimSpanish = new TreeSet<>();
        spanish.stringPropertyNames().stream().filter(key -> key.startsWith("dkim.")).forEach(dkimSpanish::add);

        assertEquals(dkim, dkimSpanish);
        Object[] arguments = {3, 2, 1, 4, 5};
        for (String key : dkim) {
            // A pattern that MessageFormat cannot read would show a blank where a sentence should be.
            new MessageFormat(english.getProperty(key), Locale.ROOT).format(arguments);
            new MessageFormat(spanish.getProperty(key), Locale.forLanguageTag("es")).format(arguments);
            if (!SAME_IN_BOTH.contains(key)) {
                assertNotEquals(english.getProperty(key), spanish.getProperty(key), key + " is translated");
            }
        }
    }
}
