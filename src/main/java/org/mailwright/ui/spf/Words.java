package org.mailwright.ui.spf;

import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import javafx.beans.value.ObservableValue;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.Texts;

/** The page's words in the language chosen now, and that language as an observable to reword on. */
final class Words {

    private final AppContext context;

    Words(AppContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    String text(String key, Object... arguments) {
        return Texts.format(bundle(), key, arguments);
    }

    ResourceBundle bundle() {
        return context.bundle();
    }

    Locale locale() {
        return context.settings().languageProperty().get().locale();
    }

    ObservableValue<?> language() {
        return context.settings().languageProperty();
    }

    /** A failure as one sentence for the user: its own message, never a stack trace. */
    static String failure(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    static boolean cancelled(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof CancellationException;
    }
}
