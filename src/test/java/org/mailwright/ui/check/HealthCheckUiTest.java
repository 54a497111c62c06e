package org.mailwright.ui.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.mailwright.check.CheckArea;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.WindowUnderTest;
import org.mailwright.ui.controls.FindingCard;
import org.mailwright.ui.shell.Page;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Health check page in the real window, against the test DNS server: the scorecard, its fix buttons, the Domain page's summary. */
@ExtendWith(ApplicationExtension.class)
class HealthCheckUiTest {


    private WindowUnderTest app;
    @Start
    void start(Stage stage) {
        app = WindowUnderTest.open(stage, TestDnsServer.start(HealthCheckViewModelTest.SHOP, HealthCheckViewModelTest.REVERSE), settings -> {
            settings.timeoutProperty().set(Duration.ofMillis(750));
            settings.lastPageProperty().set(Page.HEALTH.id());
        });
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void thePageShowsTheScorecardAndAFixButtonOpensItsWizard(FxRobot robot) {
        Stage stage = (Stage) robot.window(0);
        robot.interact(() -> {
            stage.setWidth(800);
            stage.setHeight(600);
        });
        robot.clickOn("#domainField").write("shop.test").type(KeyCode.ENTER);
        waitForScorecard(robot);

        ShownScorecard card = app.window().model().health().scorecardProperty().get();
        assertEquals(card.grade().name(), robot.lookup(".scorecard-grade").queryAs(Label.class).getText());
        assertEquals(card.areas().size(), robot.lookup(".scorecard-area").queryAll().size());
        assertEquals(card.headline(), robot.lookup(".scorecard-headline").queryAs(Label.class).getText());
        assertTrue(robot.lookup(".health-changes .section-title").queryAs(Label.class).getText()
                .startsWith("This is the first check of shop.test here"));
        assertFalse(robot.lookup("#exportButton").query().isDisabled(), "a report can be exported");
        assertNothingClipped(robot, robot.lookup("#page-health").query());

        // Below the fold at 800 × 600: fired rather than clicked.
        robot.interact(robot.lookup(".scorecard-area." + CheckArea.DMARC.id() + " .scorecard-area-toggle").queryAs(Hyperlink.class)::fire);
        WaitForAsyncUtils.waitForFxEvents();
        Node dmarc = robot.lookup(".scorecard-area." + CheckArea.DMARC.id()).query();
        List<String> shownIds = robot.from(dmarc).lookup(".finding-card").queryAllAs(FindingCard.class).stream()
                .map(found -> found.finding().id()).toList();
        assertEquals(card.areas().stream().filter(area -> area.area() == CheckArea.DMARC).findFirst().orElseThrow()
                .findings().stream().map(line -> line.finding().id()).toList(), shownIds);
        assertTrue(FxWait.onFx(() -> dmarc.getLayoutBounds().getWidth() > 2 * ScorecardPane.AREA_WIDTH),
                "an open card takes the row");
        assertNothingClipped(robot, dmarc);

        Button fix = robot.from(dmarc).lookup(".scorecard-fix").queryAs(Button.class);
        assertEquals("Fix in the DMARC wizard", fix.getText());
        robot.interact(fix::fire);

        assertEquals(Page.DMARC, app.window().model().pageProperty().get());
        assertEquals("shop.test", app.window().model().dmarc().domainProperty().get());
    }

    @Test
    void theDomainPageShowsTheScorecardAndLeadsToItsDetails(FxRobot robot) {
        robot.interact(() -> app.window().model().pageProperty().set(Page.DOMAIN));
        robot.clickOn("#domainField").write("shop.test").type(KeyCode.ENTER);
        FxWait.until(15, () -> robot.lookup(".domain-scorecard .scorecard-area").queryAll().size() > 0,
                () -> String.valueOf(app.window().model().health().noteProperty().get()));

        ShownScorecard card = app.window().model().health().scorecardProperty().get();
        Node summary = robot.lookup(".domain-scorecard").query();
        assertEquals(card.grade().name(), robot.from(summary).lookup(".scorecard-grade").queryAs(Label.class).getText());
        Set<String> names = robot.from(summary).lookup(".scorecard-area-name").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("Name servers", "Mail hosts", "SPF", "DKIM", "DMARC")), names.toString());
        assertTrue(robot.from(summary).lookup(".scorecard-area-toggle").queryAll().isEmpty(), "the details are a page away");

        robot.clickOn("#detailsLink");

        assertEquals(Page.HEALTH, app.window().model().pageProperty().get());
        assertEquals("shop.test", robot.lookup("#page-health #domainField").queryAs(TextField.class).getText());
        assertEquals(card.grade().name(), robot.lookup("#page-health .scorecard-grade").queryAs(Label.class).getText());
    }

    private void waitForScorecard(FxRobot robot) {
        // Until the check is over, not only its scorecard shown: the progress row goes a moment later.
        FxWait.until(15, () -> app.window().model().health().scorecardProperty().get() != null
                        && !app.window().model().health().runningProperty().get()
                        && !robot.lookup(".scorecard-area").queryAll().isEmpty(),
                () -> String.valueOf(app.window().model().health().noteProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every label shown under {@code root} shows its whole text: nothing cut short with an ellipsis. */
    private static void assertNothingClipped(FxRobot robot, Node root) {
        List<String> clipped = FxWait.onFx(() -> robot.from(root).lookup((Node node) -> node instanceof Labeled && shown(node))
                .queryAllAs(Labeled.class).stream()
                .filter(labeled -> !labeled.getText().isEmpty() && shownText(labeled).map(shown -> !shown.equals(labeled.getText()))
                        .orElse(false))
                .map(Labeled::getText).toList());
        assertEquals(List.of(), clipped);
    }

    /**
     * Whether {@code node} is on screen: it and every node around it visible. A hidden row is not laid
     * out again, so its label's text, changed meanwhile (the progress line once the check ended), is
     * not what it last drew.
     */
    private static boolean shown(Node node) {
        for (Node around = node; around != null; around = around.getParent()) {
            if (!around.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> shownText(Labeled labeled) {
        // A graphic may be text too (an icon font): the label's words are the other text.
        return ((Parent) labeled).getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof Text && !(node instanceof FontIcon)).map(Text.class::cast)
                .map(Text::getText).findFirst();
    }
}
