package org.mailwright.findings;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.mailwright.i18n.ControlCharacters;
import org.mailwright.i18n.Messages;

/**
 * The words of every finding: its message, why it matters and how to fix it, in English and
 * Spanish. Each catalogue ({@link FindingType#catalogue()}) keeps its entries in its own bundle,
 * {@code org/mailwright/findings/findings-<catalogue>.properties} (plus {@code _en} and {@code _es}),
 * so areas grow without touching each other; the window, the CLI and exports all read from here.
 */
public final class FindingCatalogue {

    /** The three texts every finding has. */
    public enum Part {
        MESSAGE("message"), WHY("why"), FIX("fix");

        private final String key;

        Part(String key) {
            this.key = key;
        }

        /** The key suffix in the bundles, and the JSON field name. */
        public String key() {
            return key;
        }
    }

    private FindingCatalogue() {
    }

    /** True when the catalogue has all three texts for {@code type} in {@code locale}'s own bundle. */
    public static boolean describes(FindingType type, Locale locale) {
        try {
            ResourceBundle bundle = bundle(type.catalogue(), locale);
            for (Part part : Part.values()) {
                bundle.getString(type.id() + "." + part.key());
            }
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    static String text(Locale locale, Finding finding, Part part) {
        String pattern = pattern(finding.type(), locale, part);
        if (pattern == null) {
            return "[" + finding.id() + "." + part.key() + "]";
        }
        // The values come from strangers (a report's comment, a DNS answer): shown safe, as the CLI writes them.
        return ControlCharacters.shown(Messages.format(locale, pattern, finding.arguments().toArray()));
    }

    /**
     * The words of {@code type} with each placeholder shown as its argument's name in angle
     * quotes ({@code ‹lookups›}), for a catalogue listing where no finding has values yet.
     */
    public static String template(FindingType type, Locale locale, Part part) {
        String pattern = pattern(type, locale, part);
        if (pattern == null) {
            return "[" + type.id() + "." + part.key() + "]";
        }
        MessageFormat format = new MessageFormat(pattern, locale);
        Object[] names = new Object[type.argumentNames().size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = "‹" + type.argumentNames().get(i) + "›";
            // A number or choice format cannot show a name: the placeholder stands for the whole of it.
            if (i < format.getFormatsByArgumentIndex().length) {
                format.setFormatByArgumentIndex(i, null);
            }
        }
        return format.format(names);
    }

    private static String pattern(FindingType type, Locale locale, Part part) {
        try {
            return bundle(type.catalogue(), locale).getString(type.id() + "." + part.key());
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static ResourceBundle bundle(String catalogue, Locale locale) {
        return ResourceBundle.getBundle("org.mailwright.findings.findings-" + catalogue, locale, FindingCatalogue.class.getModule());
    }
}
