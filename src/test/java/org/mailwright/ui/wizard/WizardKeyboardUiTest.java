package org.mailwright.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
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
    private ComboBox<String> policy;
    private Parent root;

    @Start
    void start(Stage stage) {
        testing = new CheckBox("Testing mode");
        strict = new CheckBox("No subdomains");
        policy = new ComboBox<>(FXCollections.observableArrayList("none", "quarantine", "reject"));
        policy.setValue("none");
        WizardStep first = new WizardStep("Options for the record as published", "Which options?", "They change the record.",
                WizardStep.noProblem(), Bindings.createStringBinding(() -> testing.isSelected() ? "t=y" : "none", testing.selectedProperty()));
        WizardStep second = new WizardStep("Subdomains and other long titles", "Subdomains too?", "Most keys allow them.",
                WizardStep.noProblem(), Bindings.createStringBinding(() -> strict.isSelected() ? "t=s" : "none", strict.selectedProperty()));
        WizardViewModel model = new WizardViewModel(List.of(first, second), null, () -> { });
        ResourceBundle english = ResourceBundle.getBundle(AppContext.BUNDLE, Locale.ROOT);
        root = WizardView.load(model, Map.of(
                first, WizardView.StepContent.focusing(new VBox(testing), testing),
                second, new WizardView.StepContent(new VBox(strict, policy), strict)), english, new ViewLifetime());
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
    void aLongStripNamesEveryStepOnRowsOfItsOwnInsteadOfWideningTheWindow(FxRobot robot) {
        assertTrue(root.getLayoutBounds().getWidth() <= 420.5, "the wizard fits its column: " + root.getLayoutBounds());
        List<Button> steps = robot.lookup(".wizard-step").queryAllAs(Button.class).stream().toList();
        assertEquals(List.of("Options for the record as published", "Subdomains and other long titles", "Summary"),
                steps.stream().map(Button::getText).toList());
        for (Button step : steps) {
            assertTrue(step.isVisible());
            assertEquals(step.getText(), shownText(step), "the whole name is shown, never cut short");
        }
        assertTrue(steps.stream().map(step -> step.getBoundsInParent().getMinY()).distinct().count() > 1, "the steps wrap onto rows");
    }

    @Test
    void altLeftGoesBackFromACheckBox(FxRobot robot) {
        robot.type(KeyCode.ENTER);
        assertEquals("Subdomains too?", robot.lookup("#question").queryAs(Label.class).getText());
        assertTrue(strict.isFocused());

        robot.push(KeyCode.ALT, KeyCode.LEFT);

        assertEquals("Which options?", robot.lookup("#question").queryAs(Label.class).getText());
        assertFalse(testing.isSelected(), "going back answers nothing");
    }

    @Test
    void enterInAnOpenListChoosesAndStaysOnTheStep(FxRobot robot) {
        robot.type(KeyCode.ENTER);
        robot.interact(() -> {
            policy.requestFocus();
            policy.show();
        });

        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

        assertEquals("quarantine", policy.getValue());
        assertFalse(policy.isShowing());
        assertEquals("Subdomains too?", robot.lookup("#question").queryAs(Label.class).getText(), "Enter chose; it did not also go on");
        robot.type(KeyCode.ENTER);
        assertEquals("Check your answers", robot.lookup("#question").queryAs(Label.class).getText(), "with the list closed, Enter goes on");
    }

    /** What a labelled control draws: its text, or its text cut short with an ellipsis. */
    private static String shownText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(node -> ((Text) node).getText())
                .collect(Collectors.joining());
    }
}
