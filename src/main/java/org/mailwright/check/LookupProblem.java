package org.mailwright.check;

import java.util.Locale;
import org.mailwright.dns.LookupResult;
import org.mailwright.i18n.LocalizedText;

/**
 * How a lookup failed, in the words of the language a finding is shown in: the outcome's name
 * ("no answer", "server failure"), and what the reply showed, when it showed more.
 */
record LookupProblem(LookupResult lookup) implements LocalizedText {

    @Override
    public String text(Locale locale) {
        return lookup.failure(locale);
    }
}
