package org.mailwright.ui.controls;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

/**
 * A choice of a few options as joined toggle buttons (a segmented control): every option is in
 * sight, one is always chosen, and Left and Right move the choice.
 *
 * @param <T> the options' type
 */
public final class SegmentedChoice<T> extends HBox {

    private final ObjectProperty<T> value = new SimpleObjectProperty<>(this, "value");
    private final ToggleGroup group = new ToggleGroup();
    private List<T> items = List.of();
    private boolean showing;

    public SegmentedChoice() {
        getStyleClass().add("segmented-choice");
        setFillHeight(true);
        group.selectedToggleProperty().addListener((observable, old, now) -> {
            if (showing) {
                return;
            }
            if (now == null && old != null) {
                // Clicking the chosen option again must not leave nothing chosen.
                old.setSelected(true);
            } else if (now != null) {
                value.set(itemOf(now));
            }
        });
        value.addListener((observable, old, now) -> showValue());
        addEventFilter(KeyEvent.KEY_PRESSED, this::arrowsMove);
    }

    /** Shows {@code options}, each named by {@code label}. */
    public void setItems(List<T> options, Function<T, String> label) {
        Objects.requireNonNull(label, "label");
        items = List.copyOf(options);
        showing = true;
        group.getToggles().clear();
        getChildren().clear();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            ToggleButton button = new ToggleButton(label.apply(item));
            button.setUserData(item);
            button.setToggleGroup(group);
            button.setMinWidth(USE_PREF_SIZE);
            button.getStyleClass().add(items.size() == 1 ? "only" : i == 0 ? Styles.LEFT_PILL
                    : i == items.size() - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            getChildren().add(button);
        }
        showing = false;
        showValue();
    }

    public List<T> getItems() {
        return items;
    }

    /** The option chosen. */
    public ObjectProperty<T> valueProperty() {
        return value;
    }

    public T getValue() {
        return value.get();
    }

    public void setValue(T chosen) {
        value.set(chosen);
    }

    /** The chosen option's button takes the keyboard. */
    @Override
    public void requestFocus() {
        int at = items.indexOf(value.get());
        if (at >= 0) {
            getChildren().get(at).requestFocus();
        } else if (!getChildren().isEmpty()) {
            getChildren().get(0).requestFocus();
        }
    }

    private void showValue() {
        showing = true;
        group.getToggles().forEach(toggle -> toggle.setSelected(Objects.equals(itemOf(toggle), value.get())));
        showing = false;
    }

    private void arrowsMove(KeyEvent event) {
        int step = event.getCode() == KeyCode.RIGHT ? 1 : event.getCode() == KeyCode.LEFT ? -1 : 0;
        // With a modifier the arrow is a shortcut (Alt+Left goes back in a wizard), not a move between options.
        if (step == 0 || event.isAltDown() || event.isShortcutDown() || event.isControlDown() || event.isMetaDown()) {
            return;
        }
        // Taken here even at either end: the toggle group's own arrow keys would wrap around.
        event.consume();
        int at = items.indexOf(value.get());
        if (at < 0 || at + step < 0 || at + step >= items.size()) {
            return;
        }
        value.set(items.get(at + step));
        getChildren().get(at + step).requestFocus();
    }

    @SuppressWarnings("unchecked")
    private T itemOf(Toggle toggle) {
        return (T) toggle.getUserData();
    }
}
