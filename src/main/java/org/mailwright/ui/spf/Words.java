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

    private static final System.Logger LOG = System.getLogger(Words.class.getName());

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

    /**
     * How a piece of background work that failed ended: cancelled (by the user, or because the
     * resolver changed), or failed. The page says a failure in its own plain words; what went
     * wrong goes to the log, never to the user.
     */
    static Progress ended(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CancellationException) {
            return Progress.CANCELLED;
        }
        LOG.log(System.Logger.Level.WARNING, "SPF page: background work failed", cause);
        return Progress.FAILED;
    }
}
