package org.mailwright.check;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one catalogue of findings: for every id, its message, why it matters and how to fix it, in
 * English and Spanish. Each area keeps its entries in its own bundle,
 * {@code org/mailwright/check/findings-<area>.properties} (plus {@code _en} and {@code _es}), so
 * areas grow without touching each other; the window, the CLI and exports all read from here.
 */
public final class FindingCatalogue {

    private FindingCatalogue() {
    }

    /** True when the catalogue has all three texts for {@code id} in {@code locale}. */
    public static boolean describes(String id, Locale locale) {
        try {
            ResourceBundle bundle = bundle(id.substring(0, id.indexOf('.')), locale);
            return bundle.containsKey(id + ".message") && bundle.containsKey(id + ".why") && bundle.containsKey(id + ".fix");
        } catch (MissingResourceException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }

    static String text(Locale locale, Finding finding, String part) {
        String pattern;
        try {
            pattern = bundle(finding.area(), locale).getString(finding.id() + "." + part);
        } catch (MissingResourceException e) {
            return "[" + finding.id() + "." + part + "]";
        }
        Object[] arguments = finding.arguments().stream()
                .map(argument -> argument instanceof LocalizedText words ? words.text(locale) : argument)
                .toArray();
        return new MessageFormat(pattern, locale).format(arguments);
    }

    private static ResourceBundle bundle(String area, Locale locale) {
        return ResourceBundle.getBundle("org.mailwright.check.findings-" + area, locale, FindingCatalogue.class.getModule());
    }
}
