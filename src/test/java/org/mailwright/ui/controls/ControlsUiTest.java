package org.mailwright.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.mailwright.findings.SpfFinding;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.Texts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ControlsUiTest {

    private static final ResourceBundle SPANISH = ResourceBundle.getBundle(AppContext.BUNDLE, Locale.forLanguageTag("es"));
    private static final String LONG_DKIM = "v=DKIM1; k=rsa; p=" + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAw2l3IqRcK9gfrglb6WTX".repeat(5);

    private StateBadge badge;
    private RecordBox records;
    private FindingCard warning;
    private FindingCard pass;

    @Start
    void start(Stage stage) {
        badge = new StateBadge(CheckState.PENDING, state -> Texts.format(SPANISH, state.textKey()));
        records = new RecordBox("Copy", "Copy exactly as published", "Copied");
        records.setRecords(List.of(LONG_DKIM, "v=spf1 -all"));
        warning = new FindingCard(SpfFinding.PTR_USED.of("ptr"), Locale.forLanguageTag("es"),
                state -> Texts.format(SPANISH, state.textKey()), "Why, and how to fix it", "Hide", "Why:", "Fix:");
        pass = new FindingCard(SpfFinding.VALID.of("example.com", 3, 10), Locale.ROOT,
                state -> Texts.format(SPANISH, state.textKey()), "Why, and how to fix it", "Hide", "Why:", "Fix:");
        stage.setScene(new Scene(new VBox(12, badge, records, warning, pass), 480, 600));
        stage.show();
    }

    @Test
    void aBadgeSaysItsStateInWordsIconAndColour(FxRobot robot) {
        assertEquals("Pendiente", badge.getWord());
        assertTrue(badge.getStyleClass().contains("state-pending"));

        robot.interact(() -> badge.setState(CheckState.ERROR));

        assertEquals("Error", badge.getWord());
        assertTrue(badge.getStyleClass().contains("state-error"));
        assertFalse(badge.getStyleClass().contains("state-pending"), "one colour at a time");
        assertEquals("mdal-error", robot.from(badge).lookup(".state-icon").queryAs(FontIcon.class).getIconLiteral());

        robot.interact(() -> badge.setState(CheckState.PASS));
        assertEquals("Correcto", badge.getWord());
        assertEquals("mdal-check_circle", robot.from(badge).lookup(".state-icon").queryAs(FontIcon.class).getIconLiteral());
    }

    @Test
    void recordsWrapInTheViewButAreCopiedExactly(FxRobot robot) {
        TextArea text = robot.from(records).lookup(".record-text").queryAs(TextArea.class);
        assertTrue(text.isWrapText());
        assertFalse(text.isEditable());
        assertTrue(text.getHeight() > 3 * text.getFont().getSize() * 2, "the box grows to show the wrapped lines: " + text.getHeight());

        robot.clickOn(records.copyButton());

        assertEquals(LONG_DKIM + "\nv=spf1 -all", fxClipboard(robot));
        assertEquals("Copied", records.copyButton().getText());
    }

    @Test
    void aFindingShowsWhyAndHowToFixItOnRequest(FxRobot robot) {
        assertEquals("Aviso", robot.from(warning).lookup(".state-badge").queryAs(StateBadge.class).getWord());
        assertFalse(warning.detailsShown());

        robot.clickOn(robot.from(warning).lookup(".finding-more").<javafx.scene.Node>query());

        assertTrue(warning.detailsShown());
        assertTrue(robot.from(warning).lookup(".finding-detail").queryAll().stream()
                .anyMatch(node -> ((javafx.scene.control.Label) node).getText().startsWith("Fix: ")));
        assertFalse(robot.from(pass).lookup(".finding-more").query().isVisible(), "a pass has nothing to fix");
    }

    private static String fxClipboard(FxRobot robot) {
        String[] value = new String[1];
        robot.interact(() -> value[0] = Clipboard.getSystemClipboard().getString());
        return value[0];
    }
}
