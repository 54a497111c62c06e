package org.mailwright.check;

import java.util.Locale;
import org.mailwright.i18n.LocalizedText;
import org.mailwright.i18n.Problem;

/** A problem of the core's bundle as a finding's argument, said in the language the finding is shown in. */
record Words(Problem problem) implements LocalizedText {

    static Words of(String key, Object... arguments) {
        return new Words(new Problem(key, arguments));
    }

    @Override
    public String text(Locale locale) {
        return problem.text(locale);
    }
}
