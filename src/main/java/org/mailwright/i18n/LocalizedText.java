package org.mailwright.i18n;

import java.util.Locale;

/**
 * An argument that is itself words (an outcome, a reason, a problem), said in the language of the
 * sentence it is put in rather than fixed when it is made: {@link Messages} says it so for every sentence.
 */
public interface LocalizedText {

    String text(Locale locale);
}
