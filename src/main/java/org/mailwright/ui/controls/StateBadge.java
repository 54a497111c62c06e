package org.mailwright.ui.controls;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** A small pill that says a {@link CheckState} three ways: an icon, a word and a colour. */
public final class StateBadge extends HBox {

    private final ObjectProperty<CheckState> state = new SimpleObjectProperty<>(this, "state");
    private final FontIcon icon = new FontIcon();
    private final Label word = new Label();
    private final Function<CheckState, String> words;

    /** @param words the word for each state, in the user's language */
    public StateBadge(CheckState initial, Function<CheckState, String> words) {
        this.words = Objects.requireNonNull(words, "words");
        getStyleClass().add("state-badge");
        icon.getStyleClass().add("state-icon");
        word.getStyleClass().add("state-word");
        word.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(icon, word);
        setFillHeight(false);
        setMinWidth(USE_PREF_SIZE);
        setMaxWidth(USE_PREF_SIZE);
        state.addListener((observable, old, value) -> show(value));
        state.set(Objects.requireNonNull(initial, "initial"));
    }

    private void show(CheckState value) {
        value.colour(this);
        icon.setIconCode(iconOf(value));
        word.setText(words.apply(value));
        setAccessibleText(word.getText());
    }

    /** The icon that stands for {@code state}, for other controls that show a state. */
    public static Ikon iconOf(CheckState state) {
        return switch (state) {
            case PASS -> Material2AL.CHECK_CIRCLE;
            case INFO -> Material2AL.INFO;
            case WARNING -> Material2MZ.WARNING;
            case ERROR -> Material2AL.ERROR;
            case PENDING -> Material2AL.HOURGLASS_EMPTY;
            case UNKNOWN -> Material2AL.HELP;
        };
    }

    public ObjectProperty<CheckState> stateProperty() {
        return state;
    }

    public CheckState getState() {
        return state.get();
    }

    public void setState(CheckState value) {
        state.set(Objects.requireNonNull(value, "value"));
    }

    /** The word shown, as a user reads it. */
    public String getWord() {
        return word.getText();
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(StateBadge.class.getResource("state-badge.css")).toExternalForm();
    }
}
