package org.mailwright.findings;

import java.util.Locale;

/**
 * A finding argument that is itself words (a reason, a state), said in the language the finding
 * is shown in rather than fixed when the finding is made.
 */
public interface LocalizedText {

    String text(Locale locale);
}
