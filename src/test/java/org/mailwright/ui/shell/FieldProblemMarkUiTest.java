package org.mailwright.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.StyleWarnings;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.BackgroundWork;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A field with a problem is marked in the theme's own danger colour, before and after a language
 * switch rebuilds the window and when a second window opens on the same stage (as the window
 * tests do one after another), and no style of the theme goes unresolved on the way.
 */
@ExtendWith(ApplicationExtension.class)
class FieldProblemMarkUiTest {

    private static final String NOT_A_DOMAIN = "not a domain!";

    private StyleWarnings styleWarnings;
    private TestDnsServer dns;
    private Stage stage;
    private final List<ThrowawayPreferences> preferences = new CopyOnWriteArrayList<>();
    private final List<AppContext> contexts = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        styleWarnings = StyleWarnings.listen();
        dns = TestDnsServer.start("""
                $ORIGIN example.test.
                @ 300 IN SOA ns1 hostmaster 1 3600 600 86400 300
                @ 300 IN NS ns1
                """);
        open();
    }

    @AfterEach
    void stop() throws Exception {
        styleWarnings.close();
        for (AppContext context : contexts) {
            context.close();
        }
        for (ThrowawayPreferences folder : preferences) {
            folder.close();
        }
        dns.close();
    }

    @Test
    void aProblemMarksItsFieldInEveryLanguageAndWindowWithNoStyleLeftUnresolved(FxRobot robot) {
        for (int window = 0; window < 2; window++) {
            if (window > 0) {
                robot.interact(this::open);
            }
            AppSettings settings = contexts.get(window).settings();
            mark(robot);
            // Switched while the field shows its problem: the new window marks its field as it is built.
            robot.interact(() -> settings.languageProperty().set(Language.SPANISH));
            WaitForAsyncUtils.waitForFxEvents();
            assertMarked(robot);
            clear(robot);
            mark(robot);
            robot.interact(() -> settings.languageProperty().set(Language.ENGLISH));
            WaitForAsyncUtils.waitForFxEvents();
            clear(robot);
        }

        assertEquals(List.of(), styleWarnings.first());
    }

    private void mark(FxRobot robot) {
        TextField field = field(robot);
        robot.interact(() -> field.setText(NOT_A_DOMAIN));
        assertMarked(robot);
    }

    private void assertMarked(FxRobot robot) {
        TextField field = field(robot);
        FxWait.until(5, () -> danger(field), () -> "the field is not marked: " + field.getPseudoClassStates());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".field-problem").queryAll().stream().anyMatch(label -> label.isVisible()),
                "the problem is said in words beside the field");
    }

    private void clear(FxRobot robot) {
        TextField field = field(robot);
        robot.interact(() -> field.setText("example.test"));
        FxWait.until(5, () -> !danger(field), () -> "the mark stays: " + field.getPseudoClassStates());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(danger(field));
    }

    private static TextField field(FxRobot robot) {
        return robot.lookup("#domainField").queryAs(TextField.class);
    }

    private static boolean danger(TextField field) {
        return FxWait.onFx(() -> field.getPseudoClassStates().stream().anyMatch(state -> state.getPseudoClassName().equals("danger")));
    }

    private void open() {
        ThrowawayPreferences folder = new ThrowawayPreferences();
        AppSettings settings = folder.settingsAsking(dns);
        settings.lastPageProperty().set(Page.DOMAIN.id());
        AppContext context = new AppContext(settings, new BackgroundWork(), folder.dataFolder());
        preferences.add(folder);
        contexts.add(context);
        ShellWindow.open(stage, context);
    }
}
