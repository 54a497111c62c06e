package org.mailwright.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ScrollIntoViewUiTest {

    private Label result;
    private ScrollPane scroll;

    @Start
    void start(Stage stage) {
        result = new Label("Saved");
        scroll = new ScrollPane();
        Region tall = new Region();
        tall.setPrefHeight(900);
        result.setVisible(false);
        ScrollIntoView.whenShown(result);
        scroll.setContent(new VBox(tall, result));
        stage.setScene(new Scene(scroll, 300, 200));
        stage.show();
    }

    @Test
    void aResultThatAppearsBelowTheFoldIsScrolledIntoSight(FxRobot robot) {
        assertEquals(0, scroll.getVvalue());

        robot.interact(() -> result.setVisible(true));
        WaitForAsyncUtils.waitForFxEvents();

        Bounds shown = result.localToScene(result.getBoundsInLocal());
        assertTrue(shown.getMaxY() <= scroll.getScene().getHeight() + 0.5, "the result is on screen: " + shown);
        assertTrue(scroll.getVvalue() > 0.9, "scrolled to the bottom: " + scroll.getVvalue());
    }
}
