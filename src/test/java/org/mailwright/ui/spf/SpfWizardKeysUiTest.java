package org.mailwright.ui.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.WindowUnderTest;
import org.mailwright.ui.StyleWarnings;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.wizard.WizardViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The SPF wizard in the real window driven by its keys and its step strip: Enter, Alt+Left, Escape, the steps reached. */
@ExtendWith(ApplicationExtension.class)
class SpfWizardKeysUiTest {

    private WindowUnderTest app;
    private static final String SERVERS = "Which of your own servers send mail as example.test?";
    private static final String SERVICES = "Which services send mail as example.test for you?";

    private Stage stage;
    private StyleWarnings styleWarnings;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        styleWarnings = StyleWarnings.listen();
        app = WindowUnderTest.open(stage, TestDnsServer.start(SpfViewModelTest.ZONE, SpfViewModelTest.PROVIDERS, SpfViewModelTest.GOOGLE), settings -> {
            settings.timeoutProperty().set(Duration.ofMillis(1500));
            settings.lastDomainProperty().set("example.test");
            settings.lastPageProperty().set("spf");
        });
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        styleWarnings.close();
        assertEquals(List.of(), styleWarnings.first(), "every style of the theme resolved");
    }

    @Test
    void enterAdvancesAltLeftGoesBackAndTheStripGoesToTheStepsReachedOnly(FxRobot robot) {
        waitForTheDraft(robot);
        robot.clickOn("#domainField").type(KeyCode.ENTER);
        assertEquals(SERVERS, question(robot));
        robot.type(KeyCode.ENTER);
        assertEquals(SERVICES, question(robot));

        robot.push(KeyCode.ALT, KeyCode.LEFT);
        assertEquals(SERVERS, question(robot), "Alt+Left goes back one step");
        assertEquals(List.of(true, false, true, false, false, false, false), reachable(robot),
                "the domain and the services step were reached; the steps after them were not");

        robot.clickOn(stripStep(robot, 3));
        assertEquals(SERVERS, question(robot), "a step not reached yet goes nowhere");
        robot.clickOn(stripStep(robot, 2));
        assertEquals(SERVICES, question(robot), "a step reached before is one click away");
        robot.clickOn(stripStep(robot, 0));
        assertEquals("Which domain is this SPF record for?", question(robot));

        Button focused = tabBackToTheStrip(robot);
        robot.type(KeyCode.SPACE);
        assertEquals(focused.getText(), FxWait.onFx(() -> wizard().currentStepProperty().get().title()),
                "a step reached is chosen from the keyboard too");
    }

    @Test
    void escapeWithNothingRunningKeepsTheStepAndEveryAnswer(FxRobot robot) {
        waitForTheDraft(robot);
        robot.clickOn("#domainField").type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        assertEquals(SERVICES, question(robot));
        robot.clickOn("#provider-google_workspace");
        waitUntil(() -> "v=spf1 mx include:_spf.google.com include:_spf.provider.test ~all".equals(records(robot)));

        robot.type(KeyCode.ESCAPE);

        assertEquals(SERVICES, question(robot));
        assertEquals("v=spf1 mx include:_spf.google.com include:_spf.provider.test ~all", records(robot));
    }

    @Test
    void inSpanishAt800By600TheStripNamesEveryStepWhole(FxRobot robot) {
        waitForTheDraft(robot);
        robot.interact(() -> {
            app.context().settings().languageProperty().set(Language.SPANISH);
            stage.setWidth(800);
            stage.setHeight(600);
        });
        waitUntil(() -> robot.lookup(".wizard-step").queryAllAs(Button.class).stream().map(Button::getText).toList()
                .equals(List.of("Dominio", "Servidores", "Servicios", "Los demás", "Prueba", "Resumen", "Publicar")));

        for (Button step : robot.lookup(".wizard-step").queryAllAs(Button.class)) {
            assertTrue(step.isVisible(), step.getText());
            assertEquals(step.getText(), FxWait.onFx(() -> shownText(step)), "the whole name, never an ellipsis or a bare number");
            Node strip = step.getParent();
            assertTrue(step.getBoundsInParent().getMaxX() <= strip.getLayoutBounds().getMaxX() + 0.5, step.getText() + " inside the strip");
        }
    }

    private void waitForTheDraft(FxRobot robot) {
        waitUntil(() -> robot.lookup("#startPublished").queryAs(RadioButton.class).isSelected()
                && "v=spf1 mx include:_spf.provider.test ~all".equals(records(robot)));
    }

    /** Shift+Tab from the answer until a step of the strip has the keyboard; that is the last step reached. */
    private static Button tabBackToTheStrip(FxRobot robot) {
        for (int presses = 0; presses < 40; presses++) {
            robot.push(KeyCode.SHIFT, KeyCode.TAB);
            Node owner = FxWait.onFx(() -> robot.listTargetWindows().get(0).getScene().getFocusOwner());
            if (owner != null && owner.getStyleClass().contains("wizard-step")) {
                assertTrue(owner.getPseudoClassStates().stream().anyMatch(state -> state.getPseudoClassName().equals("reachable")));
                return (Button) owner;
            }
        }
        throw new AssertionError("Shift+Tab never reached the step strip");
    }

    private WizardViewModel wizard() {
        return app.window().model().spf().wizard();
    }

    private static List<Boolean> reachable(FxRobot robot) {
        return FxWait.onFx(() -> robot.lookup(".wizard-step").queryAllAs(Button.class).stream().map(Button::isFocusTraversable).toList());
    }

    private static Node stripStep(FxRobot robot, int position) {
        return robot.lookup(".wizard-step").nth(position).query();
    }

    /** What a labelled control draws: its text, or its text cut short with an ellipsis. */
    private static String shownText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(node -> ((Text) node).getText())
                .collect(Collectors.joining());
    }

    private static String question(FxRobot robot) {
        return robot.lookup("#question").queryAs(Label.class).getText();
    }

    private static String records(FxRobot robot) {
        return robot.lookup("#wizard-result").queryAs(RecordBox.class).getRecordsText();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        FxWait.until(10, condition);
    }
}
