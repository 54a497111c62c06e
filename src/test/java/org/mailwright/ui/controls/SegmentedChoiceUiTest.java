package org.mailwright.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SegmentedChoiceUiTest {

    private SegmentedChoice<Integer> sizes;

    @Start
    void start(Stage stage) {
        sizes = new SegmentedChoice<>();
        sizes.setItems(List.of(1024, 2048, 4096), bits -> bits + " bits");
        sizes.setValue(2048);
        stage.setScene(new Scene(new VBox(sizes), 400, 120));
        stage.show();
    }

    @Test
    void oneOptionIsAlwaysChosen(FxRobot robot) {
        assertEquals(List.of("1024 bits", "2048 bits", "4096 bits"),
                sizes.getChildren().stream().map(node -> ((ToggleButton) node).getText()).toList());
        assertTrue(button(1).isSelected());

        robot.clickOn("4096 bits");
        assertEquals(4096, sizes.getValue());
        robot.clickOn("4096 bits");
        assertEquals(4096, sizes.getValue(), "clicking the chosen option again keeps it chosen");
        assertTrue(button(2).isSelected());

        robot.interact(() -> sizes.setValue(1024));
        assertTrue(button(0).isSelected());
        assertEquals(1, sizes.getChildren().stream().filter(node -> ((ToggleButton) node).isSelected()).count());
    }

    @Test
    void leftAndRightMoveTheChoice(FxRobot robot) {
        robot.interact(sizes::requestFocus);
        assertTrue(button(1).isFocused(), "the chosen option takes the keyboard");

        robot.type(KeyCode.RIGHT);
        assertEquals(4096, sizes.getValue());
        robot.type(KeyCode.RIGHT);
        assertEquals(4096, sizes.getValue(), "the last option stays chosen");
        robot.type(KeyCode.LEFT, 2);
        assertEquals(1024, sizes.getValue());
    }

    private ToggleButton button(int index) {
        return (ToggleButton) sizes.getChildren().get(index);
    }
}
