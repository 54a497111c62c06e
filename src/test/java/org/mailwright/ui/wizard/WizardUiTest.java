package org.mailwright.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.controls.RecordBox;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard framework driven through a small sample wizard, as a user would. */
@ExtendWith(ApplicationExtension.class)
class WizardUiTest {

    private SampleWizard wizard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wizard = new SampleWizard();
        ResourceBundle english = ResourceBundle.getBundle(AppContext.BUNDLE, Locale.ROOT);
        Scene scene = new Scene(WizardView.load(wizard.model, wizard.contents(), english, new ViewLifetime()), 960, 560);
        scene.getStylesheets().add(WizardUiTest.class.getResource("/org/mailwright/ui/mailwright.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aNarrowWindowShowsTheQuestionAndTheRecordInOneColumnAndAWideOneSideBySide(FxRobot robot) {
        assertEquals(0, robot.lookup(".wizard-one-column").queryAll().size(), "side by side at 960 px");

        robot.interact(() -> stage.setWidth(600));
        WaitForAsyncUtils.waitForFxEvents();
        Node column = robot.lookup(".wizard-one-column").query();
        assertTrue(robot.from(column).lookup("#question").tryQuery().isPresent());
        assertTrue(robot.from(column).lookup("#resultPane").tryQuery().isPresent(), "the record under the question");

        FxWait.resize(stage, 960, stage.getHeight());
        assertEquals(0, robot.lookup(".wizard-one-column").queryAll().size(), "side by side again");
        assertEquals("Which domain signs its mail?", label(robot, "#question"));
    }

    @Test
    void nextWaitsForAValidAnswerAndSaysWhy(FxRobot robot) {
        assertEquals("Which domain signs its mail?", label(robot, "#question"));
        assertEquals("Step 1 of 3", label(robot, "#stepOf"));
        assertTrue(next(robot).isDisabled());
        assertEquals("Enter the domain that signs its mail.", label(robot, "#problem"));

        robot.write("example");
        assertTrue(next(robot).isDisabled());
        assertEquals("A domain has a dot, as in example.com.", label(robot, "#problem"));
        robot.type(KeyCode.ENTER);
        assertEquals("Which domain signs its mail?", label(robot, "#question"), "Enter does not pass an invalid answer");

        robot.write(".com");
        assertFalse(next(robot).isDisabled());
        assertFalse(robot.lookup("#problem").query().isVisible());
    }

    @Test
    void enterAdvancesAndBackKeepsTheAnswers(FxRobot robot) {
        robot.write("example.com").type(KeyCode.ENTER);

        assertEquals("What should this key be called?", label(robot, "#question"));
        assertEquals("Step 2 of 3", label(robot, "#stepOf"));
        assertTrue(stripStep(robot, 0).getPseudoClassStates().contains(PseudoClass.getPseudoClass("done")));
        assertTrue(stripStep(robot, 1).getPseudoClassStates().contains(PseudoClass.getPseudoClass("current")));
        assertTrue(wizard.selector.isFocused(), "the answer's control takes the keyboard");

        robot.clickOn("#back");

        assertEquals("Which domain signs its mail?", label(robot, "#question"));
        assertEquals("example.com", wizard.domain.getText());
        assertTrue(robot.lookup("#back").query().isDisabled());
    }

    @Test
    void theLiveResultFollowsTheAnswers(FxRobot robot) {
        assertEquals("Answer the questions to see the record.", label(robot, "#resultEmpty"));

        robot.write("example.com");

        RecordBox result = robot.lookup("#wizard-result").queryAs(RecordBox.class);
        assertTrue(result.isVisible());
        assertTrue(result.getRecordsText().startsWith("s1._domainkey.example.com TXT \"v=DKIM1;"), result.getRecordsText());
        assertFalse(robot.lookup("#resultEmpty").query().isVisible());
    }

    @Test
    void theSummaryListsEveryAnswerAndFinishEnds(FxRobot robot) {
        robot.write("example.com").type(KeyCode.ENTER);
        robot.doubleClickOn("#sample-selector").write("mail2026").type(KeyCode.ENTER);

        assertEquals("Check your answers", label(robot, "#question"));
        assertEquals("Finish", next(robot).getText());
        List<String> summary = robot.lookup(".wizard-summary .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertEquals(List.of("Domain", "example.com", "Selector", "mail2026"), summary);

        robot.clickOn("#next");

        assertEquals(1, wizard.finished.get());
        assertTrue(next(robot).isDisabled());
        assertTrue(robot.lookup("#back").query().isDisabled());
    }

    @Test
    void aStepMadeInvalidOnTheWayBackBlocksNextAgain(FxRobot robot) {
        robot.write("example.com").type(KeyCode.ENTER);
        robot.doubleClickOn("#sample-selector").write("Bad Name");

        assertTrue(next(robot).isDisabled());
        assertEquals("Use lower-case letters, digits and hyphens.", label(robot, "#problem"));
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static Button next(FxRobot robot) {
        return robot.lookup("#next").queryAs(Button.class);
    }

    private static Node stripStep(FxRobot robot, int position) {
        return robot.lookup(".wizard-step").nth(position).query();
    }
}
