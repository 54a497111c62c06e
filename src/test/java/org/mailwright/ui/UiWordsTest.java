package org.mailwright.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every word of the window, page by page alike: in English and in Spanish, a pattern MessageFormat
 * can read (one it cannot would show a blank where a sentence should be), translated unless it is
 * a name or a figure, and no ASCII apostrophe, which MessageFormat swallows from a pattern with
 * arguments but shows from one without: the window writes ’ instead.
 */
class UiWordsTest {

    /** Names, formats and figures that Spanish writes as English does. */
    private static final Set<String> SAME_IN_BOTH = Set.of("app.title", "badge.error", "nav.dkim", "nav.dmarc", "nav.spf",
            "nav.tooltip", "resolver.cloudflare", "resolver.google", "resolver.quad9", "settings.dns", "domain.ttl",
            "dkim.format.ed25519_base64", "dkim.format.pkcs1", "dkim.format.pkcs8", "dkim.key.answer", "dkim.key.bits",
            "dkim.name.selector", "dkim.server.amavisd", "dkim.server.opendkim", "dkim.server.postfix", "dkim.server.rspamd",
            "dkim.title", "dkim.verify.bits", "dmarc.plan.option", "dmarc.senders.dkim", "dmarc.senders.spf",
            "dmarc.step.plan.title", "dmarc.walk.step", "health.area.score", "health.changes.line", "health.export.json",
            "health.export.markdown", "propagation.cell.ttl", "propagation.kind.dkim", "propagation.kind.dmarc",
            "propagation.kind.mx", "propagation.kind.spf", "propagation.pick.dkim.placeholder", "propagation.pick.dkim.prompt",
            "propagation.pick.dmarc", "propagation.pick.mx", "propagation.pick.spf", "propagation.server.cloudflare",
            "propagation.server.google", "propagation.server.quad9", "propagation.wait.hours", "propagation.wait.minutes",
            "propagation.wait.seconds", "publish.export.json", "publish.export.nsupdate", "spf.servers.addresses.prompt",
            "spf.servers.host", "spf.test.answer", "reports.import.error", "reports.rows.spf");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(UiWordsTest.class.getResourceAsStream("/org/mailwright/ui/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyWordIsInBothLanguagesFormatsAndIsTranslated() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");
        Set<String> keys = new TreeSet<>(english.stringPropertyNames());
        assertEquals(keys, new TreeSet<>(spanish.stringPropertyNames()));

        Object[] arguments = {3, 2, 1, 4, 5, 6, 7};
        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            for (Properties words : List.of(english, spanish)) {
                String pattern = words.getProperty(key);
                try {
                    new MessageFormat(pattern, Locale.ROOT).format(arguments);
                } catch (IllegalArgumentException unreadable) {
                    problems.add(key + " does not format: " + unreadable.getMessage());
                }
                if (pattern.contains("'")) {
                    problems.add(key + " has an ASCII apostrophe: write ’");
                }
            }
            if (!SAME_IN_BOTH.contains(key) && english.getProperty(key).equals(spanish.getProperty(key))) {
                problems.add(key + " is not translated");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
