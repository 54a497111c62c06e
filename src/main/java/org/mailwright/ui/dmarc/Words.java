package org.mailwright.ui.dmarc;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javafx.beans.value.ObservableValue;
import org.mailwright.dns.InvalidDomainNameException;
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

    /**
     * Background work that failed, in one sentence of the user's language: what a name typed is
     * missing, or that a file or the network let the work down; never an exception's own text.
     */
    String failure(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof InvalidDomainNameException invalid) {
            return invalid.problem().text(locale());
        }
        if (cause instanceof CancellationException) {
            return format("dmarc.failure.cancelled");
        }
        return format(cause instanceof IOException ? "dmarc.failure.file" : "dmarc.failure.other");
    }

    /** A date as people of the language write it: 25 Nov 2026, 25 nov 2026. */
    String date(LocalDate date) {
        Locale written = Locale.forLanguageTag(context.settings().languageProperty().get().id());
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(written));
    }
}
