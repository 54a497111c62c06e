package org.mailwright.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ViewLifetime;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A wizard of many steps with long titles in a narrow window, answered with check boxes. */
@ExtendWith(ApplicationExtension.class)
class WizardKeyboardUiTest {

    private CheckBox testing;
    private CheckBox strict;
    private Parent root;

    @Start
    void start(Stage stage) {
        testing = new CheckBox("Testing mode");
        strict = new CheckBox("No subdomains");
        WizardStep first = new WizardStep("Options for the record as published", "Which options?", "They change the record.",
                WizardStep.noProblem(), Bindings.createStringBinding(() -> testing.isSelected() ? "t=y" : "none", testing.selectedProperty()));
        WizardStep second = new WizardStep("Subdomains and other long titles", "Subdomains too?", "Most keys allow them.",
                WizardStep.noProblem(), Bindings.createStringBinding(() -> strict.isSelected() ? "t=s" : "none", strict.selectedProperty()));
        WizardViewModel model = new WizardViewModel(List.of(first, second), null, () -> { });
        ResourceBundle english = ResourceBundle.getBundle(AppContext.BUNDLE, Locale.ROOT);
        root = WizardView.load(model, Map.of(
                first, WizardView.StepContent.focusing(new VBox(testing), testing),
                second, new WizardView.StepContent(new VBox(strict), strict)), english, new ViewLifetime());
        // A column as narrow as a page beside the navigation can be; its parent lets it be no wider than the wizard allows.
        StackPane column = new StackPane(root);
        column.setPrefWidth(420);
        column.setMaxWidth(420);
        Scene scene = new Scene(new HBox(column), 800, 400);
        scene.getStylesheets().add(WizardKeyboardUiTest.class.getResource("/org/mailwright/ui/mailwright.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void spaceAnswersACheckBoxAndEnterGoesOn(FxRobot robot) {
        assertTrue(testing.isFocused());

        robot.type(KeyCode.SPACE);
        assertTrue(testing.isSelected());
        robot.type(KeyCode.ENTER);

        assertTrue(testing.isSelected(), "Enter does not toggle the box");
        assertEquals("Subdomains too?", robot.lookup("#question").queryAs(Label.class).getText());
        robot.type(KeyCode.ENTER);
        assertEquals("Check your answers", robot.lookup("#question").queryAs(Label.class).getText());
        assertFalse(strict.isSelected());
    }

    @Test
    void aLongStripFoldsItsTitlesInsteadOfWideningTheWindow(FxRobot robot) {
        assertTrue(root.getLayoutBounds().getWidth() <= 420.5, "the wizard fits its column: " + root.getLayoutBounds());
        assertTrue(robot.lookup(".wizard-step-title").queryAllAs(Label.class).stream().filter(Label::isVisible).count() < 3,
                "only the current step keeps its title");
    }
}
