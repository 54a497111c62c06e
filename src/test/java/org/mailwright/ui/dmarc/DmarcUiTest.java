package org.mailwright.ui.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.dmarc.PlanStore;
import org.mailwright.dmarc.ReportUri;
import org.mailwright.dmarc.RolloutPlan;
import org.mailwright.dmarc.SavedPlan;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.controls.StateBadge;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.shell.Page;
import org.mailwright.ui.shell.ShellWindow;
import org.mailwright.ui.work.BackgroundWork;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The DMARC wizard in the real window, against the test DNS server, with a plan folder of its own. */
@ExtendWith(ApplicationExtension.class)
class DmarcUiTest {

    private TestDnsServer dns;
    private ThrowawayPreferences preferences;
    private AppContext context;
    private ShellWindow window;
    private Stage own;
    private Path data;

    @Start
    void start(Stage stage) throws Exception {
        dns = TestDnsServer.start(DmarcZone.ZONE);
        preferences = new ThrowawayPreferences();
        data = Files.createTempDirectory("mailwright-dmarc-ui");
        // A plan whose next stage is due, so the window says so when it opens.
        List<ReportUri> rua = List.of(ReportUri.parse("mailto:dmarc@fresh.test").orElseThrow());
        new PlanStore(data.resolve("plans")).save(SavedPlan.started(
                RolloutPlan.create("fresh.test", rua, LocalDate.now().minusDays(40), false)));
        AppSettings settings = preferences.settingsAsking(dns);
        settings.timeoutProperty().set(Duration.ofMillis(750));
        settings.lastDomainProperty().set("corp.test");
        settings.lastPageProperty().set("dmarc");
        context = new AppContext(settings, new BackgroundWork(), data);
        // A stage of its own, closed afterwards: the window's listeners must not outlive this test's settings.
        own = new Stage();
        window = ShellWindow.open(own, context);
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(own::close);
        context.close();
        dns.close();
        preferences.close();
    }

    @Test
    void theWizardWritesAPlanAndChecksItLive(FxRobot robot) throws Exception {
        waitUntil(() -> "corp.test publishes its own DMARC record at _dmarc.corp.test.".equals(text(robot, "#publishedHeadline")));
        assertEquals("v=DMARC1; p=quarantine; t=y; rua=mailto:dmarc@corp.test,mailto:corp@reports.vendor.test",
                robot.lookup("#publishedRecordHost .record-box").queryAs(RecordBox.class).getRecordsText());
        assertEquals("v=DMARC1; p=quarantine; np=reject; t=y; rua=mailto:dmarc@corp.test,mailto:corp@reports.vendor.test",
                robot.lookup("#wizard-result").queryAs(RecordBox.class).getRecordsText());
        assertTrue(robot.lookup("#wizard-zone-line").queryAs(RecordBox.class).getRecordsText().startsWith("_dmarc.corp.test. 7200 IN TXT \""),
                "the TTL of the record it replaces, as its authoritative server has it");

        robot.clickOn("#domainField").type(KeyCode.ENTER);
        assertEquals("Where should reports about corp.test go?", text(robot, "#question"));
        robot.clickOn("#aggregateField").push(KeyCode.CONTROL, KeyCode.A).write("dmarc@corp.test, x@other.test");
        robot.clickOn("#failureBox");
        waitUntil(() -> robot.lookup(".dmarc-destination").queryAll().size() == 2
                && badges(robot, ".dmarc-destination").equals(List.of(CheckState.PASS, CheckState.ERROR)));
        assertTrue(robot.lookup(".dmarc-destination .record-box").queryAllAs(RecordBox.class).stream()
                .anyMatch(box -> box.getRecordsText().equals("corp.test._report._dmarc.other.test. IN TXT \"v=DMARC1;\"")));
        assertEquals("Give an address for failure reports, or untick them.", text(robot, "#problem"));
        robot.clickOn("#failureBox");

        robot.clickOn("#next");
        assertEquals("Are all your legitimate senders covered by SPF and DKIM?", text(robot, "#question"));
        waitUntil(() -> badges(robot, "#spfCard").equals(List.of(CheckState.PASS)));
        robot.clickOn("#allCovered");

        robot.clickOn("#next");
        assertEquals("The rollout plan, stage by stage", text(robot, "#question"));
        List<Node> stages = robot.lookup(".dmarc-stage").queryAll().stream().toList();
        assertEquals(5, stages.size());
        assertEquals(TimelineStage.Position.CURRENT, ((TimelineStage) stages.get(1).getUserData()).position());

        robot.clickOn("#legacyBox");
        waitUntil(() -> robot.lookup(".dmarc-stage").queryAll().size() == 9);
        robot.clickOn("#legacyBox");

        robot.clickOn("#next");
        assertEquals("Check your answers", text(robot, "#question"));
        assertEquals("Go back to change any of them; choose Publish when they are right.", text(robot, "#why"));
        robot.clickOn("#next");

        assertEquals("Publish the record, then check it", text(robot, "#question"));
        waitUntil(() -> badges(robot, "#verifyCard").equals(List.of(CheckState.WARNING)));
        assertTrue(text(robot, "#verifyHeadline").startsWith("_dmarc.corp.test still publishes the record it had before."));
        assertTrue(text(robot, "#saveLabel").startsWith("Plan saved in " + data.resolve("plans").resolve("corp.test.properties")));
        assertTrue(Files.exists(data.resolve("plans").resolve("corp.test.properties")));

        dns.replaceZones(DmarcZone.ZONE.replace("p=quarantine; t=y; rua=mailto:dmarc@corp.test,mailto:corp@reports.vendor.test",
                "p=quarantine; np=reject; t=y; rua=mailto:dmarc@corp.test,mailto:x@other.test"));
        robot.clickOn("#verifyButton");
        waitUntil(() -> badges(robot, "#verifyCard").equals(List.of(CheckState.PASS)));

        robot.clickOn("#propagationButton");
        assertEquals(Page.PROPAGATION, window.model().pageProperty().get());
        assertEquals("_dmarc.corp.test", window.model().propagationRequestProperty().get().get(0).name());
    }

    @Test
    void theStatusBarSaysWhichStageIsDueAndOpensIt(FxRobot robot) {
        waitUntil(() -> robot.lookup("#planHint").queryAs(Hyperlink.class).isVisible());
        assertEquals("DMARC: stage 2 (Quarantine in test mode) for fresh.test may start",
                robot.lookup("#planHint").queryAs(Hyperlink.class).getText());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.CONTROL, KeyCode.DIGIT1);

        robot.clickOn("#planHint");

        assertEquals(Page.DMARC, window.model().pageProperty().get());
        waitUntil(() -> text(robot, "#dueLabel").startsWith("fresh.test: stage 2, Quarantine in test mode, may start now."));
        robot.clickOn("#dueButton");
        assertEquals("The rollout plan, stage by stage", text(robot, "#question"));
        assertEquals("v=DMARC1; p=quarantine; np=reject; t=y; rua=mailto:dmarc@fresh.test",
                robot.lookup("#wizard-result").queryAs(RecordBox.class).getRecordsText());
    }

    @Test
    void afterTheDomainPageSwitchesDomainTheWizardShowsTheNewDomainsRecord(FxRobot robot) {
        waitUntil(() -> "corp.test publishes its own DMARC record at _dmarc.corp.test.".equals(text(robot, "#publishedHeadline")));
        robot.interact(() -> window.model().pageProperty().set(Page.DOMAIN));
        robot.clickOn("#page-domain #domainField").push(KeyCode.CONTROL, KeyCode.A).write("vendor.test").type(KeyCode.ENTER);
        robot.interact(() -> window.model().pageProperty().set(Page.DMARC));

        waitUntil(() -> "vendor.test publishes its own DMARC record at _dmarc.vendor.test.".equals(text(robot, "#publishedHeadline")));
        assertEquals("vendor.test", robot.lookup("#page-dmarc #domainField").queryAs(TextField.class).getText());
        assertEquals("v=DMARC1; p=reject; rua=mailto:dmarc@vendor.test",
                robot.lookup("#publishedRecordHost .record-box").queryAs(RecordBox.class).getRecordsText());
        assertTrue(robot.lookup("#wizard-result").queryAs(RecordBox.class).getRecordsText().endsWith("rua=mailto:dmarc@vendor.test"),
                "the draft is vendor.test's, not corp.test's");
        assertTrue(robot.lookup(".record-box").queryAllAs(RecordBox.class).stream()
                .noneMatch(box -> box.isVisible() && box.getRecordsText().contains("corp.test")), "nothing of corp.test is left on the page");
    }

    @Test
    void thePageSpeaksSpanish(FxRobot robot) {
        waitUntil(() -> text(robot, "#publishedHeadline").startsWith("corp.test publishes"));
        robot.interact(() -> context.settings().languageProperty().set(Language.SPANISH));
        WaitForAsyncUtils.waitForFxEvents();

        waitUntil(() -> "¿Para qué dominio es esta política DMARC?".equals(text(robot, "#question")));
        assertEquals("corp.test publica su propio registro DMARC en _dmarc.corp.test.", text(robot, "#publishedHeadline"));
        assertEquals("Leer de nuevo", robot.lookup("#readAgainButton").queryAs(javafx.scene.control.Button.class).getText());
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream().noneMatch(label -> label.getText().startsWith("[")),
                "every word is there");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static List<CheckState> badges(FxRobot robot, String within) {
        return robot.lookup(within + " .state-badge").queryAllAs(StateBadge.class).stream()
                .filter(badge -> badge.getParent() != null && !badge.getParent().getStyleClass().contains("finding-head"))
                .map(StateBadge::getState).toList();
    }

    private static void waitUntil(BooleanSupplier condition) {
        FxWait.until(10, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
