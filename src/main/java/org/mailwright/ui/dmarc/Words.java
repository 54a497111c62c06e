package org.mailwright.ui.dmarc;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.value.ObservableValue;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.Texts;
import org.mailwright.ui.settings.Language;

/** The page's words in the language chosen now; bindings that depend on {@link #language()} follow a switch. */
final class Words {

    private final AppContext context;

    Words(AppContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    ObservableValue<Language> language() {
        return context.settings().languageProperty();
    }

    Locale locale() {
        return context.settings().languageProperty().get().locale();
    }

    ResourceBundle bundle() {
        return context.bundle();
    }

    String format(String key, Object... arguments) {
        return Texts.format(bundle(), key, arguments);
    }

    /** A date as people of the language write it: 25 Nov 2026, 25 nov 2026. */
    String date(LocalDate date) {
        Locale written = Locale.forLanguageTag(context.settings().languageProperty().get().id());
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(written));
    }
}
