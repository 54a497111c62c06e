package org.mailwright.ui.controls;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

/**
 * Table headers that wrap between words and never cut one short: a narrow window gives a column
 * two lines for "DKIM aligned" rather than "DKI…", and never less than its longest word.
 */
public final class ColumnHeaders {

    /** Style class whose header labels wrap (in mailwright.css). */
    private static final String STYLE = "whole-word-headers";
    /** What rounding and the skin's own gaps take beside the measured word. */
    private static final double SLACK = 2;

    private ColumnHeaders() {
    }

    /** Keeps every column of {@code table} at least as wide as its header's longest word. */
    public static void keepWordsWhole(TableView<?> table) {
        table.getStyleClass().add(STYLE);
        // The headers and their font exist once the table is styled and laid out.
        ChangeListener<Number> measure = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> observable, Number old, Number width) {
                if (fitToWords(table)) {
                    table.widthProperty().removeListener(this);
                }
            }
        };
        table.widthProperty().addListener(measure);
    }

    private static boolean fitToWords(TableView<?> table) {
        boolean any = false;
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.lookup(".label") instanceof Label label && label.getText() != null) {
                TableColumnBase<?, ?> column = header.getTableColumn();
                Insets around = label.getInsets();
                double widest = 0;
                for (String word : label.getText().split("\\s+")) {
                    Text measured = new Text(word);
                    measured.setFont(label.getFont());
                    widest = Math.max(widest, measured.getLayoutBounds().getWidth());
                }
                double least = Math.ceil(widest + around.getLeft() + around.getRight()
                        + header.getInsets().getLeft() + header.getInsets().getRight() + SLACK);
                column.setMinWidth(Math.max(column.getMinWidth(), least));
                any = true;
            }
        }
        return any;
    }
}
