package org.mailwright.ui.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.controls.Notification;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.propagation.CellState;
import org.mailwright.propagation.RefreshSchedule;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.controls.StateBadge;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.shell.ShellWindow;
import org.mailwright.ui.work.BackgroundWork;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Propagation page in the real window, against three loopback servers: the zone's name
 * server with the new record (also the resolver in Settings), one with the old record, one that
 * does not answer.
 */
@ExtendWith(ApplicationExtension.class)
class PropagationUiTest {

    /** Short waits between checks, so a test sees several; the page's own are 15 s to 5 min. */
    private static final RefreshSchedule QUICK = new RefreshSchedule(Duration.ofMillis(300), Duration.ofMillis(600),
            Duration.ofMillis(300));

    private TestDnsServer authority;
    private TestDnsServer lagging;
    private TestDnsServer silent;
    private ThrowawayPreferences preferences;
    private AppContext context;
    private ShellWindow window;
    private Stage stage;

    @Start
    void start(Stage primary) {
        // A stage of its own, closed afterwards: the window keeps listening to its stage's size,
        // and the primary stage lives on into other test classes after these preferences are gone.
        stage = new Stage();
        authority = TestDnsServer.start(PropagationViewModelTest.CURRENT);
        lagging = TestDnsServer.start(PropagationViewModelTest.BEHIND);
        silent = TestDnsServer.start(PropagationViewModelTest.CURRENT);
        silent.setBehaviour(TestDnsServer.Behaviour.SILENT);
        preferences = new ThrowawayPreferences();
        AppSettings settings = preferences.settingsAsking(authority);
        settings.timeoutProperty().set(AppSettings.MIN_TIMEOUT);
        settings.lastDomainProperty().set("example.test");
        context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
        window = ShellWindow.open(stage, context);
        window.model().propagation().useSchedule(QUICK);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(stage::close).get();
        context.close();
        authority.close();
        lagging.close();
        silent.close();
        preferences.close();
    }

    @Test
    void theGridShowsWhatEachServerHasAndTurnsGreenWhenTheOthersCatchUp(FxRobot robot) {
        openPage(robot);
        addServer(robot, lagging);
        addServer(robot, silent);
        robot.clickOn("#startButton");

        waitUntil(() -> cells(robot).size() == 9);

        assertEquals(List.of("ns1.example.test", lagging.address().toString(), silent.address().toString()),
                texts(robot, ".column-title"));
        assertEquals(List.of("2026010102", "2026010101", "—"), texts(robot, ".serial"));
        assertEquals(List.of("SPF", "DMARC", "MX"), texts(robot, ".line-title"));
        // The expected record wraps at the header's width, a few lines, not a word a line.
        List<Double> heights = FxWait.onFx(() -> robot.lookup(".line-header").queryAllAs(Button.class).stream()
                .map(Button::getHeight).toList());
        assertTrue(heights.stream().allMatch(height -> height < 100), heights.toString());
        assertEquals(List.of(CellState.MATCH, CellState.MATCH, CellState.ERROR,
                        CellState.MATCH, CellState.MISMATCH, CellState.ERROR,
                        CellState.MATCH, CellState.MATCH, CellState.ERROR),
                FxWait.onFx(() -> cells(robot).stream().map(PropagationUiTest::stateOf).toList()));
        Button old = cells(robot).get(4);
        assertEquals("Mismatch", FxWait.onFx(() -> robot.from(old).lookup(".cell-word").queryAs(Label.class).getText()));
        String tooltip = FxWait.onFx(() -> old.getTooltip().getText());
        assertTrue(tooltip.contains(PropagationViewModelTest.OLD_DMARC) && tooltip.contains("TTL 600 s"), tooltip);
        assertEquals("Needs a look", robot.lookup("#overallBadge").queryAs(StateBadge.class).getWord());

        // Fired on the FX thread: a click could land while a check redraws the grid.
        robot.interact(() -> cells(robot).get(4).fire());
        assertTrue(texts(robot, ".detail-text").get(0).startsWith(lagging.address() + " answers something else"));

        lagging.replaceZones(PropagationViewModelTest.CURRENT);
        silent.setBehaviour(TestDnsServer.Behaviour.NORMAL);

        waitUntil(() -> cells(robot).size() == 9 && cells(robot).stream().allMatch(cell -> stateOf(cell) == CellState.MATCH));
        assertEquals("Everywhere", robot.lookup("#overallBadge").queryAs(StateBadge.class).getWord());
        Notification notification = robot.lookup("#everywhereNotification").queryAs(Notification.class);
        assertTrue(notification.isVisible());
        assertEquals("Everywhere: every server publishes the 3 records of example.test.", notification.getMessage());
        assertTrue(texts(robot, ".history-line").contains("Everywhere: every server publishes every record."));
        assertEquals("No more automatic checks needed", robot.lookup("#countdownLabel").queryAs(Label.class).getText());
        assertFalse(window.model().propagation().isRefreshing(), "nothing left to wait for");

        lagging.replaceZones(PropagationViewModelTest.BEHIND);
        robot.clickOn("#checkNowButton");
        waitUntil(() -> cells(robot).size() == 9 && stateOf(cells(robot).get(4)) == CellState.MISMATCH);
        assertTrue(window.model().propagation().isRefreshing(), "checking again until it is everywhere again");
    }

    @Test
    void leavingThePageStopsTheChecksAndComingBackStartsThemAgain(FxRobot robot) {
        openPage(robot);
        addServer(robot, silent);
        robot.clickOn("#startButton");
        PropagationViewModel model = window.model().propagation();
        waitUntil(() -> cells(robot).size() == 6);
        int firstCheck = authority.udpQueries();
        waitUntil(() -> authority.udpQueries() > firstCheck);
        assertTrue(model.isRefreshing(), "it checks again by itself while shown");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.CONTROL, KeyCode.DIGIT1);

        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.isRefreshing());
        waitUntil(() -> !context.work().busyProperty().get());
        int whenLeft = authority.udpQueries();
        // Several of its periods pass unseen; no check may run meanwhile.
        WaitForAsyncUtils.sleep(3 * QUICK.maximum().toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(whenLeft, authority.udpQueries(), "no check while the page is not shown");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.CONTROL, KeyCode.DIGIT5);

        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.isRefreshing());
        waitUntil(() -> authority.udpQueries() > whenLeft);
    }

    @Test
    void escapeStopsACheckAndResumeGoesOn(FxRobot robot) {
        // Long enough that the check is still waiting for the silent server when Escape comes.
        robot.interact(() -> context.settings().timeoutProperty().set(Duration.ofSeconds(5)));
        openPage(robot);
        addServer(robot, lagging);
        robot.clickOn("#startButton");
        waitUntil(() -> cells(robot).size() == 6);
        lagging.setBehaviour(TestDnsServer.Behaviour.SILENT);
        PropagationViewModel model = window.model().propagation();
        waitUntil(() -> context.work().busyProperty().get());

        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> model.activityProperty().get() == PropagationViewModel.Activity.PAUSED);
        assertFalse(model.isRefreshing());
        assertEquals("Resume", robot.lookup("#pauseButton").queryAs(Button.class).getText());
        assertTrue(robot.lookup("#noticeLabel").queryAs(Label.class).getText().contains("Choose Resume or Check now"));

        robot.clickOn("#pauseButton");

        assertTrue(model.isRefreshing());
        assertEquals("Pause", robot.lookup("#pauseButton").queryAs(Button.class).getText());
    }

    @Test
    void theNameServersAreAskedOnThePortChosenInSettings(FxRobot robot) {
        robot.interact(() -> context.settings().nameServerPortProperty().set(53));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.CONTROL, KeyCode.DIGIT8);
        WaitForAsyncUtils.waitForFxEvents();
        TextField port = robot.lookup("#nameServerPort").queryAs(Spinner.class).getEditor();
        robot.clickOn(port);
        robot.interact(() -> port.setText(Integer.toString(authority.port())));
        robot.type(KeyCode.ENTER);
        assertEquals(authority.port(), context.settings().nameServerPortProperty().get());

        openPage(robot);
        robot.clickOn("#startButton");

        // On port 53 nothing answers for ns1, and the resolver in Settings is a column of its own.
        waitUntil(() -> texts(robot, ".serial").equals(List.of("2026010102")));
        assertEquals(List.of("ns1.example.test"), texts(robot, ".column-title"));
    }

    private static void openPage(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.CONTROL, KeyCode.DIGIT5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("example.test", robot.lookup("#domainField").queryAs(TextField.class).getText());
    }

    /** Types a server's address (pasted at once: typing it key by key only slows the test) and presses Enter. */
    private static void addServer(FxRobot robot, TestDnsServer server) {
        TextField field = robot.lookup("#newServerField").queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(() -> field.setText(server.address().toString()));
        robot.type(KeyCode.ENTER);
    }

    /** The cells as drawn now; read on the FX thread, which redraws the grid after every check. */
    private static List<Button> cells(FxRobot robot) {
        return FxWait.onFx(() -> robot.lookup(".propagation-cell").queryAllAs(Button.class).stream().toList());
    }

    private static CellState stateOf(Node cell) {
        return java.util.Arrays.stream(CellState.values())
                .filter(state -> cell.getStyleClass().contains("cell-" + state.name().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow();
    }

    private static List<String> texts(FxRobot robot, String query) {
        return FxWait.onFx(() -> robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList());
    }

    private static void waitUntil(Callable<Boolean> condition) {
        FxWait.until(8, condition);
    }
}
