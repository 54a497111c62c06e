package org.mailwright.ui.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.dns.RecordType;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.WindowUnderTest;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.controls.StateBadge;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.shell.Page;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The SPF page in the real window, against the test DNS server, driven as a user would. */
@ExtendWith(ApplicationExtension.class)
class SpfUiTest {


    private WindowUnderTest app;
    @Start
    void start(Stage stage) {
        app = WindowUnderTest.open(stage, TestDnsServer.start(SpfViewModelTest.ZONE, SpfViewModelTest.PROVIDERS, SpfViewModelTest.GOOGLE), settings -> {
            settings.timeoutProperty().set(Duration.ofMillis(1500));
            settings.lastDomainProperty().set("example.test");
            settings.lastPageProperty().set("spf");
        });
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void theWizardEditsThePublishedRecordTestsAnAddressAndChecksItLive(FxRobot robot) {
        waitUntil(() -> robot.lookup("#startPublished").queryAs(RadioButton.class).isSelected());
        // The draft is rebuilt from the published record just after the choice; on a busy machine a pulse later.
        waitUntil(() -> "v=spf1 mx include:_spf.provider.test ~all".equals(records(robot, "#wizard-result")));
        assertEquals("v=spf1 mx include:_spf.provider.test ~all", records(robot, "#spf-published"));
        assertEquals("v=spf1 mx include:_spf.provider.test ~all", records(robot, "#wizard-result"));
        assertEquals("example.test. 7200 IN TXT \"v=spf1 mx include:_spf.provider.test ~all\"", records(robot, "#wizard-zone-line"));
        waitUntil(() -> "2 of 10 DNS lookups".equals(label(robot, "#lookupsSummary")));

        robot.clickOn("#domainField").type(KeyCode.ENTER);
        assertEquals("Which of your own servers send mail as example.test?", label(robot, "#question"));
        robot.type(KeyCode.ENTER);
        assertEquals("Which services send mail as example.test for you?", label(robot, "#question"));
        robot.clickOn("#provider-google_workspace");
        waitUntil(() -> records(robot, "#wizard-result").equals("v=spf1 mx include:_spf.google.com include:_spf.provider.test ~all"));
        robot.clickOn("#next");
        choose(robot, "#endFail");
        robot.type(KeyCode.ENTER);

        assertEquals("Would a receiver accept mail from this server?", label(robot, "#question"));
        robot.write("198.51.100.7");
        // The page is read off the FX thread here, so wait for the whole result rather than its first line.
        waitUntil(() -> label(robot, "#testHeadline").equals("198.51.100.7 may send mail as postmaster@example.test: receivers get pass.")
                && "pass".equals(robot.lookup("#testHead .state-badge").queryAs(StateBadge.class).getWord())
                && label(robot, "#testMatched").equals("Decided by: include:_spf.provider.test › ip4:198.51.100.0/24"),
                () -> label(robot, "#testHeadline") + " / " + label(robot, "#testMatched"));
        TitledPane trace = robot.lookup("#tracePane").queryAs(TitledPane.class);
        assertTrue(trace.isVisible(), "the trace is offered");
        robot.clickOn(trace.lookup(".title"));
        assertTrue(label(robot, "#testTrace").contains("ip4:198.51.100.0/24 matches, so the result is pass."));

        robot.type(KeyCode.ENTER);
        assertEquals("Check your answers", label(robot, "#question"));
        assertEquals("Publish", robot.lookup("#next").queryAs(Button.class).getText());
        robot.type(KeyCode.ENTER);

        assertEquals("Publish the record, then check it", label(robot, "#question"));
        waitUntil(() -> label(robot, "#verifyHeadline").equals("example.test still publishes the previous record."));
        assertEquals("v=spf1 mx include:_spf.provider.test ~all", records(robot, "#spf-published-now"));
        // The publish pane closes the step with the record as a change to the one read.
        assertEquals("example.test TXT (TTL 7200): replaced", label(robot, "#publish-pane .publish-change-heading"));
        assertEquals("v=spf1 mx include:_spf.provider.test ~all", records(robot, "#publish-pane .publish-diff-removed .record-box"));
        assertEquals("v=spf1 mx include:_spf.google.com include:_spf.provider.test -all",
                records(robot, "#publish-pane .publish-diff-added .record-box"));

        app.dns().replaceZones(SpfViewModelTest.ZONE.replace("mx include:_spf.provider.test ~all",
                "mx include:_spf.google.com include:_spf.provider.test -all"), SpfViewModelTest.PROVIDERS, SpfViewModelTest.GOOGLE);
        press(robot, "#verifyButton");
        waitUntil(() -> label(robot, "#verifyHeadline").equals("example.test publishes this record.")
                && "Pass".equals(robot.lookup("#verifyHead .state-badge").queryAs(StateBadge.class).getWord()),
                () -> label(robot, "#verifyHeadline") + " / " + robot.lookup("#verifyHead .state-badge").queryAs(StateBadge.class).getWord()
                        + " / " + robot.lookup(".finding-message").queryAllAs(Label.class).stream().map(Label::getText).toList());

        robot.clickOn("#back");
        assertEquals("Check your answers", label(robot, "#question"), "Back reopens the wizard to change the record");
        robot.type(KeyCode.ENTER);

        press(robot, "#watchButton");
        assertEquals(Page.PROPAGATION, app.window().model().pageProperty().get());
        assertEquals(List.of(ExpectedRecord.of("example.test", RecordType.TXT, "v=spf1 mx include:_spf.google.com include:_spf.provider.test -all")),
                app.window().model().propagationRequestProperty().get());
    }

    @Test
    void theNoMailTemplateSkipsTheQuestions(FxRobot robot) {
        waitUntil(() -> robot.lookup("#startPublished").queryAs(RadioButton.class).isSelected()
                && "2 of 10 DNS lookups".equals(label(robot, "#lookupsSummary")));

        choose(robot, "#startNoMail");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> "Would a receiver accept mail from this server?".equals(label(robot, "#question")),
                () -> label(robot, "#question") + " / " + label(robot, "#problem"));
        assertEquals("v=spf1 -all", records(robot, "#wizard-result"));
        assertEquals(3, robot.lookup(".wizard-step").queryAll().stream()
                .filter(node -> node.getPseudoClassStates().stream().anyMatch(state -> state.getPseudoClassName().equals("skipped"))).count());
    }

    @Test
    void aSlowDomainHoldsNextAndEscapeLeavesNothingDrafted(FxRobot robot) {
        waitUntil(() -> robot.lookup("#startPublished").queryAs(RadioButton.class).isSelected());
        app.dns().silenceName("slow.example.test");

        robot.doubleClickOn("#domainField").write("slow.example.test");

        waitUntil(() -> "Wait a moment: Mailwright is reading what slow.example.test publishes now.".equals(label(robot, "#problem")));
        assertTrue(robot.lookup("#next").query().isDisabled());
        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> label(robot, "#publishedHeadline").equals(
                "Reading slow.example.test was cancelled, so Mailwright drafts no record yet. Choose Read again to see what it publishes."));
        assertTrue(robot.lookup("#next").query().isDisabled(), "no record is written for a domain nobody could read");
        assertEquals("", records(robot, "#wizard-result"));
    }

    @Test
    void aFailedReadSaysSoDraftsNothingAndReadAgainDraftsTheRealRecord(FxRobot robot) {
        waitUntil(() -> robot.lookup("#startPublished").queryAs(RadioButton.class).isSelected());
        app.dns().setBehaviour(TestDnsServer.Behaviour.SERVFAIL);

        robot.doubleClickOn("#domainField").write("fresh.example.test");

        waitUntil(() -> label(robot, "#publishedHeadline").contains("could not answer for fresh.example.test (SERVFAIL)"),
                () -> label(robot, "#publishedHeadline"));
        assertTrue(label(robot, "#publishedHeadline").endsWith("Choose Read again, or another resolver in Settings."));
        assertEquals("Mailwright does not know yet what fresh.example.test publishes, so it writes no record: choose Read again.",
                label(robot, "#problem"));
        assertFalse(robot.lookup("#startNew").queryAs(RadioButton.class).isSelected(), "not \"A new record\"");
        assertFalse(robot.lookup("#startNoMail").queryAs(RadioButton.class).isSelected());
        assertEquals("", records(robot, "#wizard-result"));
        assertFalse(robot.lookup("#lookupsHead").query().isVisible(), "no badge, least of all a green one");
        assertEquals("Unknown", robot.lookup("#publishedHead .state-badge").queryAs(StateBadge.class).getWord());

        app.dns().setBehaviour(TestDnsServer.Behaviour.NORMAL);
        press(robot, "#readAgainButton");

        waitUntil(() -> robot.lookup("#startNew").queryAs(RadioButton.class).isSelected()
                && "v=spf1 mx -all".equals(records(robot, "#wizard-result")), () -> records(robot, "#wizard-result"));
        assertEquals("fresh.example.test. 3600 IN TXT \"v=spf1 mx -all\"", records(robot, "#wizard-zone-line"));
    }

    @Test
    void whenTheDomainPageMovesOnThePublishStepFollowsAndNeverShowsTheOldDomainsRecord(FxRobot robot) {
        SpfViewModel model = app.window().model().spf();
        waitUntil(() -> "v=spf1 mx include:_spf.provider.test ~all".equals(records(robot, "#wizard-result")));
        robot.interact(() -> {
            while (!model.wizard().onClosingStepProperty().get()) {
                model.wizard().next();
            }
        });
        waitUntil(() -> label(robot, "#verifyHeadline").equals("example.test already publishes this record."));
        assertEquals("v=spf1 mx include:_spf.provider.test ~all", records(robot, "#spf-published-now"));

        robot.interact(() -> app.context().settings().lastDomainProperty().set("fresh.example.test"));

        waitUntil(() -> "v=spf1 mx -all".equals(records(robot, "#wizard-result")), () -> records(robot, "#wizard-result"));
        assertEquals("fresh.example.test", robot.lookup("#domainField").queryAs(TextField.class).getText());
        assertEquals("Which domain is this SPF record for?", label(robot, "#question"), "back to the first step");
        assertTrue(robot.lookup("#spf-published-now").tryQuery().isEmpty(), "example.test's record is gone");
        assertFalse(robot.lookup("#stillWorkingBox").query().isVisible());

        robot.interact(() -> {
            while (!model.wizard().onClosingStepProperty().get()) {
                model.wizard().next();
            }
        });
        waitUntil(() -> label(robot, "#verifyHeadline").equals("fresh.example.test publishes no SPF record yet."),
                () -> label(robot, "#verifyHeadline"));
        assertEquals("v=spf1 mx -all", records(robot, "#wizard-result"));
        assertTrue(robot.lookup("#spf-published-now").tryQuery().isEmpty(), "nothing published is shown as this record");
    }

    @Test
    void anEditedDraftSaysItIsStillForItsDomainUntilTheUserSwitches(FxRobot robot) {
        waitUntil(() -> "v=spf1 mx include:_spf.provider.test ~all".equals(records(robot, "#wizard-result")));
        robot.clickOn("#domainField").type(KeyCode.ENTER);
        robot.clickOn("#aBox");
        waitUntil(() -> "v=spf1 mx a include:_spf.provider.test ~all".equals(records(robot, "#wizard-result")));

        robot.interact(() -> app.context().settings().lastDomainProperty().set("fresh.example.test"));

        waitUntil(() -> robot.lookup("#stillWorkingBox").query().isVisible());
        assertEquals("This wizard is still working on example.test: the record on the right is for example.test, with your changes. "
                + "The other pages now work on fresh.example.test; switching drops these changes.", label(robot, "#stillWorkingLabel"));
        assertEquals("v=spf1 mx a include:_spf.provider.test ~all", records(robot, "#wizard-result"));

        press(robot, "#switchDomainButton");

        waitUntil(() -> "v=spf1 mx -all".equals(records(robot, "#wizard-result")), () -> records(robot, "#wizard-result"));
        assertFalse(robot.lookup("#stillWorkingBox").query().isVisible());
        assertEquals("fresh.example.test", robot.lookup("#domainField").queryAs(TextField.class).getText());
    }

    @Test
    void everyWordIsThereInSpanish(FxRobot robot) {
        waitUntil(() -> robot.lookup("#startPublished").queryAs(RadioButton.class).isSelected());
        robot.interact(() -> app.context().settings().languageProperty().set(Language.SPANISH));
        WaitForAsyncUtils.waitForFxEvents();

        Set<String> texts = texts(robot, robot.lookup("#page-spf").query());
        assertTrue(texts.contains("¿Para qué dominio es este registro SPF?"), texts.toString());
        assertTrue(texts.contains("El registro publicado, para editarlo"), texts.toString());
        assertFalse(texts.stream().anyMatch(text -> text.startsWith("[")), texts.toString());
        waitUntil(() -> "2 de 10 consultas DNS".equals(label(robot, "#lookupsSummary")));
    }

    /** Chooses a radio button as the keyboard would (focus, Space), so a loaded machine cannot move it between press and release. */
    private static void choose(FxRobot robot, String query) {
        RadioButton choice = robot.lookup(query).queryAs(RadioButton.class);
        robot.interact(choice::requestFocus);
        robot.type(KeyCode.SPACE);
        waitUntil(choice::isSelected);
    }

    /** Presses a button as the keyboard would; a pointer on a loaded machine may meet a tooltip window instead. */
    private static void press(FxRobot robot, String query) {
        Button button = robot.lookup(query).queryButton();
        assertFalse(button.isDisabled(), query + " can be pressed");
        robot.interact(button::fire);
    }

    private static String records(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(RecordBox.class).getRecordsText();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static Set<String> texts(FxRobot robot, Node root) {
        return robot.from(root).lookup((Predicate<Node>) node -> node instanceof Labeled labeled && labeled.isVisible())
                .queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(text -> text != null && !text.isBlank())
                .collect(Collectors.toSet());
    }

    private static void waitUntil(Callable<Boolean> condition) {
        FxWait.until(10, condition);
    }

    private static void waitUntil(Callable<Boolean> condition, Supplier<String> shown) {
        FxWait.until(10, condition, shown);
    }
}
