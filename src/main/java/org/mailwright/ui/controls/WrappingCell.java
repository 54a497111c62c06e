package org.mailwright.ui.controls;

import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/**
 * A table cell whose text wraps to its column's width instead of ending in "...": a value that is
 * the row's name (a full IPv6 address) is shown whole on two lines in a narrow window. A cell wraps
 * only through a text node bound to its column's width; the row grows to the wrapped height. A
 * name without spaces breaks after its separators (an address's colons, a name's dots) rather than
 * inside a group, which JavaFX's own wrapping, at spaces or else anywhere, does not do.
 *
 * @param <S> the table's row type
 */
public final class WrappingCell<S> extends TableCell<S, String> {

    /** Where a name may break: after each of its separators. */
    private static final Pattern AFTER_SEPARATOR = Pattern.compile("(?<=[:.])");

    /** Rounding and the cell's border beside its padding. */
    private static final double SLACK = 1;

    private final Text text = new Text();
    private final Text measure = new Text();

    public WrappingCell(TableColumn<S, String> column) {
        text.wrappingWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, column.getWidth() - snappedLeftInset() - snappedRightInset() - SLACK),
                column.widthProperty(), paddingProperty()));
        // The theme colours and sizes a cell's own text in every state (selected, focused, dark): the node follows.
        text.fillProperty().bind(textFillProperty());
        text.fontProperty().bind(fontProperty());
        measure.fontProperty().bind(fontProperty());
        text.wrappingWidthProperty().addListener((observable, old, now) -> show());
        fontProperty().addListener((observable, old, now) -> show());
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        show();
        setGraphic(isEmpty() || getItem() == null ? null : text);
    }

    private void show() {
        String item = isEmpty() ? null : getItem();
        text.setText(item == null ? "" : lines(item, text.getWrappingWidth()));
    }

    /** {@code item} with a line break wherever the next group after a separator would pass {@code width}. */
    private String lines(String item, double width) {
        if (width <= 0 || widthOf(item) <= width) {
            return item;
        }
        StringBuilder lines = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String group : AFTER_SEPARATOR.split(item)) {
            if (!line.isEmpty() && widthOf(line + group) > width) {
                lines.append(line).append('\n');
                line.setLength(0);
            }
            line.append(group);
        }
        return lines.append(line).toString();
    }

    private double widthOf(String shown) {
        measure.setText(shown);
        return measure.getLayoutBounds().getWidth();
    }
}
