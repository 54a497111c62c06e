package org.mailwright.ui.planned;

import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.Ikon;
import org.mailwright.ui.Texts;

/**
 * A page whose feature is not built yet: what it will do and what to do meanwhile, in the user's
 * language, so no page of the window is blank.
 */
public final class PlannedViewModel {

    private final String feature;
    private final Ikon icon;
    private final Supplier<ResourceBundle> words;
    private final Runnable openDomain;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper what = new ReadOnlyStringWrapper(this, "what");
    private final ReadOnlyStringWrapper meanwhile = new ReadOnlyStringWrapper(this, "meanwhile");

    /**
     * @param feature the feature's key in the bundle ({@code planned.<feature>.title} and so on)
     * @param words the window's bundle in the current language
     * @param language changes when the user picks another language
     * @param openDomain shows the Domain page, where most of these features can be seen meanwhile
     */
    public PlannedViewModel(String feature, Ikon icon, Supplier<ResourceBundle> words,
                            ObservableValue<?> language, Runnable openDomain) {
        this.feature = Objects.requireNonNull(feature, "feature");
        this.icon = Objects.requireNonNull(icon, "icon");
        this.words = Objects.requireNonNull(words, "words");
        this.openDomain = Objects.requireNonNull(openDomain, "openDomain");
        language.addListener((observable, old, value) -> reword());
        reword();
    }

    private void reword() {
        ResourceBundle bundle = words.get();
        title.set(Texts.format(bundle, "planned." + feature + ".title"));
        what.set(Texts.format(bundle, "planned." + feature + ".what"));
        meanwhile.set(Texts.format(bundle, "planned." + feature + ".meanwhile"));
    }

    public Ikon icon() {
        return icon;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Two or three sentences on what the page will do. */
    public ReadOnlyStringProperty whatProperty() {
        return what.getReadOnlyProperty();
    }

    /** How to get the same information today. */
    public ReadOnlyStringProperty meanwhileProperty() {
        return meanwhile.getReadOnlyProperty();
    }

    public void openDomain() {
        openDomain.run();
    }
}
