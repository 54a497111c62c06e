package org.mailwright.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.WindowUnderTest;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.controls.StateBadge;
import org.mailwright.ui.domain.OverviewRow;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.AppTheme;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.settings.WindowPlacement;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, against a test DNS server and throwaway preferences. */
@ExtendWith(ApplicationExtension.class)
class ShellUiTest {

    private WindowUnderTest app;
    private static final String ZONE = """
            $ORIGIN example.test.
            $TTL 300
            @       SOA  ns1 hostmaster 2026112401 3600 600 86400 300
            @       NS   ns1
            ns1     A    127.0.0.1
            @       MX   10 mail
            mail    A    192.0.2.10
            @       TXT  "google-site-verification=abc"
            @       TXT  "v=spf1 mx -all"
            _dmarc  TXT  "v=DMARC1; p=none; rua=mailto:dmarc@example.test"
            """;
    /** Per attempt; with the one retry a silent server costs 1.5 s. */
    private static final Duration TIMEOUT = Duration.ofMillis(750);
    private static final Duration SLOW_TIMEOUT = Duration.ofMillis(2500);


    @Start
    void start(Stage stage) {
        app = WindowUnderTest.open(stage, TestDnsServer.start(ZONE), settings -> settings.timeoutProperty().set(TIMEOUT));
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void everyPageShowsItsContent(FxRobot robot) {
        assertEquals("Mailwright", ((Stage) robot.window(0)).getTitle());
        java.util.Map<Page, Set<String>> shownTexts = new java.util.EnumMap<>(Page.class);
        for (Page page : Page.values()) {
            robot.press(KeyCode.CONTROL, digit(page)).release(KeyCode.CONTROL, digit(page));
            WaitForAsyncUtils.waitForFxEvents();

            Node shown = robot.lookup("#page-" + page.id()).query();
            assertTrue(shown.isVisible() && shown.getScene() != null, page + " is shown");
            Set<String> texts = texts(robot, shown);
            assertTrue(texts.stream().mapToInt(String::length).sum() > 150, page + " says something: " + texts);
            assertFalse(texts.stream().anyMatch(text -> text.startsWith("[")), page + " has every word: " + texts);
            shownTexts.put(page, texts);
        }
        assertTrue(shownTexts.get(Page.DKIM).contains("Which domain signs, and under which selector?"));
        assertTrue(shownTexts.get(Page.DOMAIN).contains("Nothing looked up yet"));
        assertTrue(shownTexts.get(Page.SETTINGS).contains("Resolver"));
    }

    @Test
    void aNarrowWindowKeepsTheNavigationsIconsAndGivesThePageTheRoom(FxRobot robot) {
        Stage stage = (Stage) robot.window(0);
        robot.interact(() -> stage.setWidth(800));
        WaitForAsyncUtils.waitForFxEvents();
        Label domain = FxWait.onFx(() -> robot.lookup(".nav-label").queryAllAs(Label.class).iterator().next());

        assertFalse(domain.isVisible(), "icons only at 800 px");
        assertTrue(robot.lookup("#navigation").queryAs(ListView.class).getWidth() < 100);

        FxWait.resize(stage, 1180, stage.getHeight());
        assertTrue(domain.isVisible(), "names beside the icons at 1180 px");
    }

    @Test
    void theArrowKeysMoveThroughTheNavigation(FxRobot robot) {
        robot.clickOn("#navigation");
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.DOWN, 2);

        assertEquals(Page.DKIM, app.window().model().pageProperty().get());
        assertNotNull(robot.lookup("#page-dkim").query());
    }

    @Test
    void switchingToSpanishRewordsTheWindowAndStaysOnThePage(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.CONTROL, KeyCode.DIGIT8);
        assertTrue(navigationLabels(robot).contains("Settings"));

        robot.clickOn("#language");
        robot.clickOn("Español");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(navigationLabels(robot).containsAll(List.of("Dominio", "Revisión", "Informes", "Ajustes")), navigationLabels(robot).toString());
        assertTrue(texts(robot, robot.lookup("#page-settings").query()).contains("Idioma"));
        assertEquals("Listo", robot.lookup("#workMessage").queryAs(Label.class).getText());
        assertEquals(Page.SETTINGS, app.window().model().pageProperty().get());

        robot.clickOn("#language");
        robot.clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(navigationLabels(robot).containsAll(List.of("Domain", "Health check", "Reports", "Settings")));
        assertTrue(texts(robot, robot.lookup("#page-settings").query()).contains("Language"));
    }

    @Test
    void theDarkThemeAppliesAtOnce(FxRobot robot) {
        assertEquals(new PrimerLight().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.CONTROL, KeyCode.DIGIT8);

        robot.clickOn("#darkTheme");

        assertEquals(new PrimerDark().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals(AppTheme.DARK, AppSettings.load(app.preferences().node()).themeProperty().get());
        robot.clickOn("#lightTheme");
        assertEquals(new PrimerLight().getUserAgentStylesheet(), Application.getUserAgentStylesheet());
    }

    @Test
    void aLookupShowsTheDomainsRecords(FxRobot robot) {
        robot.clickOn("#domainField").write("example.test").type(KeyCode.ENTER);

        waitUntil(() -> rows(robot).size() == 7 && rows(robot).stream().noneMatch(row -> row.state() == CheckState.PENDING));

        assertEquals(CheckState.PASS, badgeOf(robot, "ns").getState());
        assertEquals("Pass", badgeOf(robot, "ns").getWord());
        assertEquals("ns1.example.test.", recordsOf(robot, "ns"));
        assertEquals("10 mail.example.test.", recordsOf(robot, "mx"));
        assertEquals("v=spf1 mx -all", recordsOf(robot, "spf"));
        assertEquals("v=DMARC1; p=none; rua=mailto:dmarc@example.test", recordsOf(robot, "dmarc"));
        assertTrue(texts(robot, robot.lookup(".overview-row.soa").query()).stream().anyMatch(text -> text.contains("2026112401")));
        assertEquals(CheckState.INFO, badgeOf(robot, "aaaa").getState());
        assertEquals("Asked " + app.dns().address() + " about example.test.", robot.lookup(".overview-asked").queryAs(Label.class).getText());
        assertEquals("example.test", AppSettings.load(app.preferences().node()).lastDomainProperty().get());
    }

    @Test
    void aSlowLookupDoesNotBlockTheWindow(FxRobot robot) throws Exception {
        // Long enough (2 attempts of 2.5 s) that a cold, loaded JVM cannot finish it before the checks below.
        robot.interact(() -> app.context().settings().timeoutProperty().set(SLOW_TIMEOUT));
        app.dns().silenceName("_dmarc.example.test");
        robot.clickOn("#domainField").write("example.test").type(KeyCode.ENTER);
        waitUntil(() -> rows(robot).stream().filter(row -> row.state() == CheckState.PENDING).count() == 1);

        CountDownLatch probe = new CountDownLatch(1);
        long asked = System.nanoTime();
        Platform.runLater(probe::countDown);
        // Far below the lookup's 5 s: the FX thread is not waiting for DNS.
        assertTrue(probe.await(500, TimeUnit.MILLISECONDS), "the FX thread answers while the lookup waits");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked) < 500);
        assertTrue(robot.lookup("#spinner").queryAs(ProgressIndicator.class).isVisible());
        // Task messages are coalesced onto the FX thread, so the status may trail the rows briefly.
        try {
            waitUntil(() -> "Looking up example.test".equals(robot.lookup("#workMessage").queryAs(Label.class).getText()));
        } catch (AssertionError e) {
            throw new AssertionError("the status bar said: " + robot.lookup("#workMessage").queryAs(Label.class).getText(), e);
        }
        assertEquals(CheckState.PENDING, badgeOf(robot, "dmarc").getState());
        assertEquals(CheckState.PASS, badgeOf(robot, "spf").getState());

        waitUntil(() -> rows(robot).stream().noneMatch(row -> row.state() == CheckState.PENDING));

        // The DMARC linter's own verdict on a lookup that failed, as `mailwright dmarc lint` gives it.
        assertEquals(CheckState.ERROR, badgeOf(robot, "dmarc").getState());
        String message = rowOf(robot, "dmarc").findings().get(0).message(java.util.Locale.ENGLISH);
        assertTrue(message.startsWith("The TXT lookup of _dmarc.example.test failed (no answer"), message);
        // The page's scorecard asks the silent name too, so the window is ready once that check also ends.
        FxWait.until(20, () -> "Ready".equals(robot.lookup("#workMessage").queryAs(Label.class).getText()));
        assertFalse(robot.lookup("#spinner").queryAs(ProgressIndicator.class).isVisible());
    }

    @Test
    void escapeCancelsALookup(FxRobot robot) {
        app.dns().setBehaviour(TestDnsServer.Behaviour.SILENT);
        robot.clickOn("#domainField").write("example.test").type(KeyCode.ENTER);
        waitUntil(() -> app.context().work().busyProperty().get());

        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> !app.context().work().busyProperty().get());
        assertTrue(rows(robot).stream().allMatch(row -> row.state() == CheckState.UNKNOWN));
        assertEquals("Cancelled before an answer came back. Choose Look up to try again.", rowOf(robot, "ns").explanation());
        assertEquals("example.test", robot.lookup("#domainField").queryAs(TextField.class).getText());
    }

    @Test
    void aBadDomainIsExplainedAndCannotBeLookedUp(FxRobot robot) {
        robot.clickOn("#domainField").write("postmaster@example.test");

        assertEquals("Enter only the domain, the part after the @: example.test.", robot.lookup("#problemLabel").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#lookUpButton").query().isDisabled());
    }

    @Test
    void aWindowLeftOnAScreenThatIsGoneComesBackOnTheMainOne() {
        WindowPlacement lost = new WindowPlacement(-5000, -4000, 900, 600, false);

        WindowPlacement placed = ShellWindow.placementOnScreen(lost);

        Rectangle2D main = Screen.getPrimary().getVisualBounds();
        assertTrue(main.contains(placed.x(), placed.y()), placed.toString());
        assertEquals(900, placed.width());
        WindowPlacement visible = new WindowPlacement(main.getMinX() + 10, main.getMinY() + 10, 800, 600, false);
        assertEquals(visible, ShellWindow.placementOnScreen(visible));
    }

    private static KeyCode digit(Page page) {
        return KeyCode.getKeyCode(Integer.toString(page.shortcut()));
    }

    private static Set<String> texts(FxRobot robot, Node root) {
        return robot.from(root).lookup((java.util.function.Predicate<Node>) node -> node instanceof Label label && label.isVisible())
                .queryAllAs(Label.class).stream()
                .map(Label::getText).filter(text -> text != null && !text.isBlank())
                .collect(Collectors.toSet());
    }

    /** The pages' names in the navigation, shown or (in a narrow window) kept for the tooltips. */
    private static Set<String> navigationLabels(FxRobot robot) {
        return FxWait.onFx(() -> robot.lookup(".nav-label").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toSet()));
    }

    private static List<OverviewRow> rows(FxRobot robot) {
        return robot.lookup(".overview-row").queryAll().stream()
                .map(node -> (OverviewRow) node.getUserData()).toList();
    }

    private static OverviewRow rowOf(FxRobot robot, String aspect) {
        return (OverviewRow) robot.lookup(".overview-row." + aspect).query().getUserData();
    }

    private static StateBadge badgeOf(FxRobot robot, String aspect) {
        return robot.from(robot.lookup(".overview-row." + aspect).<Node>query()).lookup(".state-badge").queryAs(StateBadge.class);
    }

    private static String recordsOf(FxRobot robot, String aspect) {
        return robot.from(robot.lookup(".overview-row." + aspect).<Node>query()).lookup(".record-box").queryAs(RecordBox.class).getRecordsText();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        FxWait.until(6, condition);
    }
}
