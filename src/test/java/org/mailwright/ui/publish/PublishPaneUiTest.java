package org.mailwright.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.dns.DomainName;
import org.mailwright.publish.ChangeSet;
import org.mailwright.publish.ChangeSetExport;
import org.mailwright.publish.RecordChange;
import org.mailwright.publish.RecordChange.Intent;
import org.mailwright.publish.TxtData;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.AppTheme;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.BackgroundWork;
import org.mailwright.ui.work.DirectJobs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The publish pane on screen: the diff, with the record removed struck out and the one added
 * marked, and the export forms, in English and, once the window speaks it, in Spanish; sending
 * stays folded away until asked for.
 */
@ExtendWith(ApplicationExtension.class)
class PublishPaneUiTest {

    private static final DomainName APEX = DomainName.of("example.test");
    private static final ChangeSet SET = ChangeSet.of(APEX, RecordChange.plan(APEX, 3600,
            List.of(TxtData.of("v=spf1 -all"), TxtData.of("google-site-verification=abc")), new Intent.Replace("v=spf1 mx -all")));

    private final ThrowawayPreferences preferences = new ThrowawayPreferences();
    private AppContext context;
    private PublishViewModel model;
    private Stage stage;
    private ViewLifetime lifetime = new ViewLifetime();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(AppTheme.LIGHT.userAgentStylesheet());
        AppSettings settings = AppSettings.load(preferences.node());
        settings.languageProperty().set(Language.ENGLISH);
        context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
        model = new PublishViewModel(context, new DirectJobs(), records -> { });
        model.plannedProperty().set(SET);
        Scene scene = new Scene(pane(), 900, 700);
        scene.getStylesheets().add(PublishPaneUiTest.class.getResource("/org/mailwright/ui/mailwright.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        preferences.close();
    }

    /** The pane in the language chosen now, as the window builds it again after a language switch. */
    private ScrollPane pane() {
        lifetime.end();
        lifetime = new ViewLifetime();
        ScrollPane scroll = new ScrollPane(PublishPane.load(model, context.bundle(), lifetime));
        scroll.setFitToWidth(true);
        return scroll;
    }

    @Test
    void theDiffAndTheExportsShowInEnglish(FxRobot robot) {
        assertEquals("Zone example.test: 1 change(s)", label(robot, ".publish-heading"));
        assertEquals("example.test TXT (TTL 3600): replaced", label(robot, ".publish-change-heading"));
        assertEquals(List.of("-", "=", "+"), texts(robot, ".publish-diff-sign"));
        assertEquals("v=spf1 -all", record(robot, ".publish-diff-removed .record-box"));
        assertEquals("google-site-verification=abc", record(robot, ".publish-diff-kept .record-box"));
        assertEquals("v=spf1 mx -all", record(robot, ".publish-diff-added .record-box"));
        assertTrue(robot.lookup(".publish-diff-removed").query().getAccessibleText().startsWith("Removed: "));

        assertEquals(ChangeSetExport.zoneSnippet(SET, Locale.ENGLISH), record(robot, "#publish-export-text"));
        robot.clickOn(toggle(robot, "nsupdate"));
        assertEquals(ChangeSetExport.nsupdateScript(SET, Optional.empty(), Locale.ENGLISH), record(robot, "#publish-export-text"));
        robot.clickOn(toggle(robot, "Web panel"));
        FxWait.until(5, () -> robot.lookup(".publish-panel-fields").queryAll().size() == 2);
        assertEquals(List.of("Remove this record", "Add this record"), texts(robot, ".publish-export .publish-change-heading"));
        assertFalse(robot.lookup("#saveRow").query().isVisible(), "Save… is for the JSON");
        robot.clickOn(toggle(robot, "JSON"));
        assertTrue(robot.lookup("#saveRow").query().isVisible());

        TitledPane send = robot.lookup("#publish-send").queryAs(TitledPane.class);
        assertFalse(send.isExpanded(), "sending is folded away until asked for");
        assertEquals("Send to the DNS server", send.getText());
    }

    @Test
    void theDiffAndTheExportsShowInSpanish(FxRobot robot) {
        robot.interact(() -> {
            context.settings().languageProperty().set(Language.SPANISH);
            stage.getScene().setRoot(pane());
        });

        assertEquals("Zona example.test: 1 cambio(s)", label(robot, ".publish-heading"));
        assertEquals("example.test TXT (TTL 3600): sustituido", label(robot, ".publish-change-heading"));
        assertEquals("Qué cambia en el DNS", texts(robot, ".section-title").get(0));
        assertEquals(ChangeSetExport.zoneSnippet(SET, Locale.forLanguageTag("es")), record(robot, "#publish-export-text"));
        robot.clickOn(toggle(robot, "Panel web"));
        FxWait.until(5, () -> robot.lookup(".publish-panel-fields").queryAll().size() == 2);
        assertEquals(List.of("Quite este registro", "Añada este registro"), texts(robot, ".publish-export .publish-change-heading"));
        assertEquals("Enviar al servidor DNS", robot.lookup("#publish-send").queryAs(TitledPane.class).getText());
    }

    @Test
    void theSendFormSaysWhatIsMissingAndShowsTheConfigurationThatLimitsTheKey(FxRobot robot) {
        // Below the fold of the test's window: opened and typed into as the keyboard would.
        robot.interact(() -> robot.lookup("#publish-send").queryAs(TitledPane.class).setExpanded(true));

        assertTrue(robot.lookup("#sendButton").query().isDisabled());
        assertEquals("Type the zone’s primary server to send the update.", label(robot, "#sendBlocker"));
        robot.interact(() -> {
            robot.lookup("#keyNameField").queryAs(TextField.class).setText("mwkey");
            robot.lookup("#policyPane").queryAs(TitledPane.class).setExpanded(true);
        });
        FxWait.until(5, () -> robot.lookup(".publish-snippets .record-box").queryAll().size() == 3,
                () -> texts(robot, "#policyExplanation .label").toString());
        assertTrue(record(robot, ".publish-snippets .record-box").startsWith("key:\n  - id: mwkey\n"));
        assertTrue(texts(robot, "#policyExplanation .label").get(0).startsWith("Key mwkey may change only the mail records of example.test"));
    }

    private static Node toggle(FxRobot robot, String text) {
        return robot.lookup(".toggle-button").queryAllAs(ToggleButton.class).stream()
                .filter(button -> button.getText().equals(text)).findFirst().orElseThrow(() -> new AssertionError("no " + text));
    }

    private static String label(FxRobot robot, String query) {
        return FxWait.onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static List<String> texts(FxRobot robot, String query) {
        return FxWait.onFx(() -> robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList());
    }

    private static String record(FxRobot robot, String query) {
        return FxWait.onFx(() -> robot.lookup(query).queryAs(RecordBox.class).getRecordsText());
    }
}
