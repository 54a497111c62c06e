package org.mailwright.ui;

import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import org.mailwright.i18n.Messages;

/** Formats the window's words from a resource bundle. */
public final class Texts {

    private Texts() {
    }

    /**
     * The text for {@code key} with {@code arguments} put in. A missing key shows itself in
     * brackets rather than failing, so a gap is visible but harmless.
     */
    public static String format(ResourceBundle bundle, String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
        // With arguments, words among them (a reason, a problem) are said in the bundle's language too.
        return arguments.length == 0 ? pattern : Messages.format(bundle.getLocale(), pattern, arguments);
    }

    /**
     * {@code whenTrue} while {@code condition} holds, else {@code whenFalse}. Unlike
     * {@code Bindings.when}, which listens to its condition strongly, it lets a view that binds to a
     * view model's condition go when the window replaces the view.
     */
    public static StringBinding either(ObservableBooleanValue condition, String whenTrue, String whenFalse) {
        return Bindings.createStringBinding(() -> condition.get() ? whenTrue : whenFalse, condition);
    }
}
