package org.mailwright.ui.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dkim.KeyType;
import org.mailwright.dns.RecordType;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.WindowUnderTest;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.controls.FindingCard;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.controls.StateBadge;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.shell.Page;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The DKIM page in the real window, against the test DNS server: make, save, publish and check a key; verify a message. */
@ExtendWith(ApplicationExtension.class)
class DkimUiTest {


    @TempDir
    Path folder;

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

    private DkimWizardViewModel wizard() {
        return app.window().model().dkim().wizard();
    }

    @Test
    void makeSavePublishAndCheckAKey(FxRobot robot) throws Exception {
        assertEquals("Which domain signs, and under which selector?", label(robot, "#question"));
        assertEquals("corp.example", robot.lookup("#domainField").queryTextInputControl().getText());
        String selector = wizard().selectorProperty().get();
        robot.clickOn("#selectorField").type(KeyCode.ENTER);

        assertEquals("Make a new key pair, or use a key you already have?", label(robot, "#question"));
        robot.clickOn("Ed25519");
        assertTrue(label(robot, "#adviceText").contains("second signature"));
        robot.clickOn("#makeButton");
        waitUntil(() -> robot.lookup("#keyCard").query().isVisible());
        assertTrue(label(robot, "#keyDescription").startsWith("Ed25519 key of 256 bits, made on this machine."));
        String value = ((RecordBox) robot.lookup("#wizard-result").query()).getRecordsText();
        assertTrue(value.startsWith("v=DKIM1; k=ed25519; p="), value);
        assertEquals(selector + "._domainkey.corp.example. 3600 IN TXT \"" + value + "\"",
                ((RecordBox) robot.lookup("#wizard-zone-line").query()).getRecordsText());
        robot.clickOn("#next");

        assertEquals("Where should the private key be saved?", label(robot, "#question"));
        assertTrue(robot.lookup("#next").queryButton().isDisabled(), "the key must be saved first");
        Path file = folder.resolve(selector + ".private");
        Files.writeString(file, "a key in use");
        robot.interact(() -> wizard().saver().save(file));
        waitUntil(() -> robot.lookup("#replaceBox").query().isVisible());
        assertEquals("a key in use", Files.readString(file), "nothing is replaced without asking");
        robot.clickOn("#replaceButton");
        waitUntil(() -> robot.lookup("#savedCard").query().isVisible());
        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("Saved to " + file + " as PKCS#8, mode 0600 (rw-------): only you can read it.", label(robot, "#savedText"));
        robot.clickOn("#next");

        assertEquals("Publish this TXT record at your DNS host", label(robot, "#question"));
        robot.clickOn("#next");
        assertTrue(robot.lookup(".dkim-snippet .record-box").queryAllAs(RecordBox.class).stream()
                .anyMatch(box -> box.getRecordsText().contains("corp.example:" + selector + ":/etc/dkimkeys/" + selector + ".private")));
        robot.clickOn("#next");
        assertEquals("Does another key sign this domain’s mail today?", label(robot, "#question"));
        robot.clickOn("#next");
        assertEquals("Check DNS", robot.lookup("#next").queryButton().getText());

        app.dns().replaceZones(DkimZone.corpExample(wizard().dnsRecord().zoneLine(300) + "\n"));
        robot.clickOn("#next");
        waitUntil(() -> robot.lookup("#dkim-check-result").tryQuery().isPresent());

        StateBadge result = robot.lookup("#dkim-check-result").queryAs(StateBadge.class);
        assertEquals(CheckState.PASS, result.getState());
        assertEquals("Match", result.getWord());
        assertEquals(3, robot.lookup(".dkim-row").queryAll().stream().filter(node -> node.getUserData() instanceof ServerRow).count());
        assertTrue(label(robot, "#checkStatus").startsWith("Asked " + app.dns().address() + " and the 2 name servers of corp.example"));
        assertTrue(robot.lookup(".finding-card").queryAllAs(FindingCard.class).stream()
                .anyMatch(card -> card.finding().id().equals("dkim.key-match")), "the findings are the one findings control");
        assertEquals(selector + "._domainkey.corp.example. 300 IN TXT \"" + value + "\"",
                ((RecordBox) robot.lookup("#wizard-zone-line").query()).getRecordsText(), "the TTL the name servers publish");

        robot.clickOn("#watchButton");

        assertEquals(Page.PROPAGATION, app.window().model().pageProperty().get());
        assertEquals(List.of(ExpectedRecord.of(selector + "._domainkey.corp.example", RecordType.TXT, value)),
                app.window().model().propagationRequestProperty().get());
    }

    @Test
    void theSelectorFieldSaysWhatTheCliSays(FxRobot robot) {
        robot.interact(() -> robot.lookup("#selectorField").queryTextInputControl().setText("mail_2026"));

        assertEquals("Underscores are not allowed in selectors; use a hyphen instead: mail-2026.", label(robot, "#selectorProblem"));
        assertTrue(robot.lookup("#next").queryButton().isDisabled());
    }

    @Test
    void aKeyMadeForOneDomainIsNotMovedWhenTheDomainPageMovesOn(FxRobot robot) {
        robot.clickOn("#selectorField").type(KeyCode.ENTER);
        robot.clickOn("Ed25519");
        robot.clickOn("#makeButton");
        waitUntil(() -> robot.lookup("#keyCard").query().isVisible());
        assertFalse(robot.lookup("#otherDomainNotice").query().isVisible());

        robot.interact(() -> app.context().settings().lastDomainProperty().set("other.example"));

        assertTrue(robot.lookup("#otherDomainNotice").query().isVisible());
        assertEquals("Still working on corp.example: the key, its record and the file names here are for corp.example. "
                + "The Domain page is now on other.example.", label(robot, "#otherDomainText"));
        assertTrue(((RecordBox) robot.lookup("#wizard-zone-line").query()).getRecordsText().contains("._domainkey.corp.example. "));

        robot.clickOn("#startOverButton");

        assertEquals("Which domain signs, and under which selector?", label(robot, "#question"));
        assertEquals("other.example", robot.lookup("#domainField").queryTextInputControl().getText());
        assertNull(wizard().maker().keyProperty().get());
        assertFalse(robot.lookup("#otherDomainNotice").query().isVisible());
    }

    @Test
    void escapeStopsALongKeyAndLeavesNoKey(FxRobot robot) {
        robot.clickOn("#selectorField").type(KeyCode.ENTER);
        robot.clickOn("4096 bits");
        robot.clickOn("#makeButton");
        waitUntil(() -> app.context().work().busyProperty().get());
        assertTrue(robot.lookup("#makeProgress").query().isVisible());

        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> !app.context().work().busyProperty().get());
        assertEquals("Stopped: no key was made. Choose Make the key to start again.", label(robot, "#problem"));
        assertNull(wizard().maker().keyProperty().get());
        assertTrue(robot.lookup("#next").queryButton().isDisabled());
        assertEquals(KeyType.RSA, wizard().maker().typeProperty().get());
    }

    @Test
    void aPastedMessageIsVerifiedAgainstTheKeyInDns(FxRobot robot) {
        app.dns().replaceZones(MessageCheckViewModelTest.corpExample(DkimZone.keyRecord(DkimWizardViewModelTest.RSA)));
        robot.clickOn("Check a message");
        assertTrue(robot.lookup("#emptyState").query().isVisible());
        assertTrue(robot.lookup("#verifyButton").queryButton().isDisabled());

        String message = new String(MessageCheckViewModelTest.signed(MessageCheckViewModelTest.MESSAGE), StandardCharsets.UTF_8);
        robot.interact(() -> robot.lookup("#messageText").queryAs(TextArea.class).setText(message));
        robot.clickOn("#verifyButton");
        waitUntil(() -> robot.lookup("#message-verdict").tryQuery().isPresent());

        assertEquals("Passes DMARC", robot.lookup("#message-verdict").queryAs(StateBadge.class).getWord());
        Node card = robot.lookup(".dkim-signature").query();
        SignatureRow row = (SignatureRow) card.getUserData();
        assertEquals(CheckState.PASS, row.state());
        assertEquals(DkimWizardViewModelTest.RSA.record().value(),
                robot.from(card).lookup(".record-box").queryAs(RecordBox.class).getRecordsText());

        robot.interact(() -> robot.lookup("#messageText").queryAs(TextArea.class).setText(message.replace("are in", "are out")));
        assertTrue(robot.lookup("#emptyState").query().isVisible(), "an edited message is not the one checked");
        robot.clickOn("#verifyButton");
        waitUntil(() -> robot.lookup("#message-verdict").tryQuery().isPresent());
        assertEquals("Fails DMARC", robot.lookup("#message-verdict").queryAs(StateBadge.class).getWord());
        assertEquals("The body was changed after signing: its hash does not match bh=.",
                ((SignatureRow) robot.lookup(".dkim-signature").query().getUserData()).reason());
    }

    @Test
    void thePageSpeaksSpanishAndKeepsItsPlace(FxRobot robot) {
        robot.clickOn("#selectorField").type(KeyCode.ENTER);

        robot.interact(() -> app.context().settings().languageProperty().set(Language.SPANISH));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("¿Crear un par de claves nuevo o usar una clave que ya tiene?", label(robot, "#question"));
        assertEquals("Crear la clave", robot.lookup("#makeButton").queryAs(Button.class).getText());
        assertTrue(label(robot, "#adviceText").startsWith("Recomendada."));
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        FxWait.until(8, condition);
    }
}
