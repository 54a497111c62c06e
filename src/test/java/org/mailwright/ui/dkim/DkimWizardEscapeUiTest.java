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
import org.mailwright.ui.FxWait;
import org.mailwright.ui.WindowUnderTest;
import org.mailwright.ui.shell.Page;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Escape on a wizard page with a dialog open closes the dialog the safe way: the key just made stays. */
@ExtendWith(ApplicationExtension.class)
class DkimWizardEscapeUiTest {


    private WindowUnderTest app;
    @Start
    void start(Stage stage) {
        app = WindowUnderTest.open(stage, TestDnsServer.start(DkimZone.corpExample("")), settings -> {
            settings.timeoutProperty().set(Duration.ofMillis(750));
            settings.lastDomainProperty().set("corp.example");
            settings.lastPageProperty().set(Page.DKIM.id());
        });
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
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
        return app.window().model().dkim().wizard();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        FxWait.until(10, condition);
    }
}
