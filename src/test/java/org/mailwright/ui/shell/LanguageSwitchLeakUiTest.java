package org.mailwright.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.WindowUnderTest;
import org.mailwright.ui.settings.AppTheme;
import org.mailwright.ui.settings.Language;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A language or theme switch rebuilds the window's content; the content it replaces, with every
 * page built under it, must be let go rather than kept alive by the listeners it left on the
 * long-lived view models, and the listeners must not grow from one switch to the next.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchLeakUiTest {

    private WindowUnderTest app;
    private static final int SWITCHES = 4;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = WindowUnderTest.open(stage, TestDnsServer.start("""
                $ORIGIN example.test.
                @ 300 IN SOA ns1 hostmaster 1 3600 600 86400 300
                @ 300 IN NS ns1
                """), settings -> {
            settings.timeoutProperty().set(Duration.ofMillis(500));
            settings.lastDomainProperty().set("example.test");
        });
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void noReplacedContentStaysAlive(FxRobot robot) throws InterruptedException {
        List<WeakReference<Parent>> replaced = new ArrayList<>();
        List<Integer> listeners = new ArrayList<>();
        for (int i = 0; i < SWITCHES; i++) {
            visitEveryPage(robot);
            listeners.add(app.window().contentListeners());
            replaced.add(new WeakReference<>(stage.getScene().getRoot()));
            Language next = i % 2 == 0 ? Language.SPANISH : Language.ENGLISH;
            robot.interact(() -> app.context().settings().languageProperty().set(next));
            WaitForAsyncUtils.waitForFxEvents();
            AppTheme theme = i % 2 == 0 ? AppTheme.DARK : AppTheme.LIGHT;
            robot.interact(() -> app.context().settings().themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
        }
        visitEveryPage(robot);
        listeners.add(app.window().contentListeners());

        assertEquals(0, alive(replaced), "contents replaced by a switch and still alive");
        assertEquals(1, listeners.stream().distinct().count(), "listeners on the view models after each switch: " + listeners);
    }

    private void visitEveryPage(FxRobot robot) {
        for (Page page : Page.values()) {
            robot.interact(() -> app.window().model().pageProperty().set(page));
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> app.window().model().pageProperty().set(Page.DOMAIN));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** How many of {@code references} survive several full collections. */
    private static long alive(List<WeakReference<Parent>> references) throws InterruptedException {
        for (int i = 0; i < 10 && references.stream().anyMatch(reference -> reference.get() != null); i++) {
            System.gc();
            Thread.sleep(100);
            WaitForAsyncUtils.waitForFxEvents();
        }
        long alive = references.stream().filter(reference -> reference.get() != null).count();
        return alive;
    }
}
