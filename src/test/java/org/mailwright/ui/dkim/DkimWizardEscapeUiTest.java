package org.mailwright.ui.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.concurrent.Callable;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.dkim.KeyType;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.shell.Page;
import org.mailwright.ui.shell.ShellWindow;
import org.mailwright.ui.work.BackgroundWork;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Escape on a wizard page with a dialog open closes the dialog the safe way: the key just made stays. */
@ExtendWith(ApplicationExtension.class)
class DkimWizardEscapeUiTest {

    private TestDnsServer dns;
    private ThrowawayPreferences preferences;
    private AppContext context;
    private ShellWindow window;

    @Start
    void start(Stage stage) {
        dns = TestDnsServer.start(DkimZone.corpExample(""));
        preferences = new ThrowawayPreferences();
        AppSettings settings = preferences.settingsAsking(dns);
        settings.timeoutProperty().set(Duration.ofMillis(750));
        settings.lastDomainProperty().set("corp.example");
        settings.lastPageProperty().set(Page.DKIM.id());
        context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
        window = ShellWindow.open(stage, context);
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        dns.close();
        preferences.close();
    }

    @Test
    void escapeClosesTheDiscardQuestionAndKeepsTheKey(FxRobot robot) {
        robot.clickOn("#selectorField").type(KeyCode.ENTER);
        robot.clickOn("Ed25519");
        robot.clickOn("#makeButton");
        waitUntil(() -> robot.lookup("#keyCard").query().isVisible());
        Object made = FxWait.onFx(() -> wizard().maker().keyProperty().get());

        robot.clickOn("RSA");
        waitUntil(() -> aDialogIsOpen(robot));
        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> !aDialogIsOpen(robot));
        assertSame(made, FxWait.onFx(() -> wizard().maker().keyProperty().get()), "the key made is kept");
        assertEquals(KeyType.ED25519, FxWait.onFx(() -> wizard().maker().typeProperty().get()), "and the choice it was made with");
        assertEquals("Make a new key pair, or use a key you already have?", robot.lookup("#question").queryAs(Label.class).getText());
    }

    private static boolean aDialogIsOpen(FxRobot robot) {
        return robot.listTargetWindows().stream()
                .anyMatch(window -> window.isShowing() && window.getScene() != null && window.getScene().getRoot() instanceof DialogPane);
    }

    private DkimWizardViewModel wizard() {
        return window.model().dkim().wizard();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        FxWait.until(10, condition);
    }
}
