package org.mailwright.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.ui.FxWait;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WrappingCellUiTest {

    private static final String LONG_IPV6 = "2001:db8:ffff:ffff:ffff:ffff:ffff:1234";

    private TableColumn<String, String> address;

    @Start
    void start(Stage stage) {
        TableView<String> table = new TableView<>();
        address = new TableColumn<>("Address");
        address.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        address.setCellFactory(shown -> new WrappingCell<>(address));
        address.setPrefWidth(110);
        table.getColumns().add(address);
        table.getItems().setAll(LONG_IPV6, "192.0.2.1");
        stage.setScene(new Scene(table, 300, 200));
        stage.show();
    }

    @Test
    void aLongAddressIsShownWholeOnLinesThatEndAtItsColons(FxRobot robot) {
        WrappingCell<?> cell = FxWait.onFx(() -> robot.lookup(".table-cell").queryAllAs(WrappingCell.class).stream()
                .filter(found -> LONG_IPV6.equals(found.getItem())).findFirst().orElseThrow());
        Text shown = FxWait.onFx(() -> (Text) cell.getGraphic());
        List<String> lines = Arrays.asList(FxWait.onFx(shown::getText).split("\n"));

        assertTrue(lines.size() > 1, "wrapped at 110 pixels: " + lines);
        assertEquals(LONG_IPV6, String.join("", lines), "every character is there");
        lines.subList(0, lines.size() - 1).forEach(line -> assertTrue(line.endsWith(":"), "a line breaks after a colon: " + lines));
        assertTrue(FxWait.onFx(() -> shown.getLayoutBounds().getHeight() <= cell.getHeight()), "the row grows to the lines");
        assertFalse(FxWait.onFx(() -> shown.getLayoutBounds().getWidth() > address.getWidth()), "no line passes the column");

        robot.interact(() -> address.setPrefWidth(290));
        FxWait.until(5, () -> FxWait.onFx(shown::getText).equals(LONG_IPV6));
    }
}
