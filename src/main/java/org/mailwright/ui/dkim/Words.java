package org.mailwright.ui.dkim;

import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import org.mailwright.i18n.Messages;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.Texts;
import org.mailwright.ui.settings.Language;

/** The page's words in the language chosen now, and texts that follow it when it changes. */
final class Words {

    private final AppContext context;

    Words(AppContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    ObservableValue<Language> language() {
        return context.settings().languageProperty();
    }

    ResourceBundle bundle() {
        return context.bundle();
    }

    /** The locale of the core's sentences (findings, reasons, DNS outcomes). */
    Locale locale() {
        return context.settings().languageProperty().get().locale();
    }

    String text(String key, Object... arguments) {
        return Texts.format(bundle(), key, arguments);
    }

    /** A text of the core's bundle: what the command line says of the same thing, word for word. */
    String core(String key, Object... arguments) {
        return Messages.get(locale(), key, arguments);
    }

    /** A protocol's result word (pass, softfail...) in the user's words; a word the window does not know is shown as written. */
    String result(String protocolWord) {
        String key = "message.result." + protocolWord;
        return bundle().containsKey(key) ? text(key) : protocolWord;
    }

    String say(Phrase phrase) {
        return phrase.in(bundle(), locale());
    }

    /** {@code key}'s text, following the language. */
    StringBinding binding(String key) {
        return Bindings.createStringBinding(() -> text(key), language());
    }

    /** The phrase held by {@code phrase}, worded in the language chosen now. */
    StringBinding shown(ObservableValue<Phrase> phrase) {
        return Bindings.createStringBinding(() -> say(phrase.getValue()), phrase, language());
    }

    /** A text made by {@code wording}, made again when the language or any of {@code dependencies} change. */
    StringBinding follow(Callable<String> wording, Observable... dependencies) {
        Observable[] all = new Observable[dependencies.length + 1];
        all[0] = language();
        System.arraycopy(dependencies, 0, all, 1, dependencies.length);
        return Bindings.createStringBinding(wording, all);
    }
}
