package org.mailwright.ui.controls;

import java.util.List;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * DNS records as admins paste them: monospace, one per line, wrapped in the view but selectable
 * and copied exactly (the copy button takes the whole text, without the wrapping). The box grows
 * to show every line instead of scrolling inside a scrolling page.
 */
public final class RecordBox extends StackPane {

    private final TextArea text = new TextArea();
    private final Button copy = new Button();
    /** Whether the box already follows the wrapped text's height (so every line shows, no inner scroll bar). */
    private boolean followingText;

    /**
     * @param copyLabel the copy button's word, in the user's language
     * @param copyTooltip what the copy button does
     * @param copiedLabel what the button says for a moment after copying
     */
    public RecordBox(String copyLabel, String copyTooltip, String copiedLabel) {
        getStyleClass().add("record-box");
        text.getStyleClass().add("record-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(1);
        text.setFocusTraversable(true);
        copy.getStyleClass().addAll("record-copy", "flat", "small");
        copy.setGraphic(new FontIcon(Material2AL.CONTENT_COPY));
        copy.setText(copyLabel);
        copy.setTooltip(new Tooltip(copyTooltip));
        copy.setOnAction(event -> copyToClipboard(copyLabel, copiedLabel));
        StackPane.setAlignment(copy, Pos.TOP_RIGHT);
        getChildren().addAll(text, copy);
        setMaxWidth(Double.MAX_VALUE);
    }

    public void setRecords(List<String> records) {
        text.setText(String.join("\n", Objects.requireNonNull(records, "records")));
    }

    /** The records exactly as they are copied. */
    public String getRecordsText() {
        return text.getText();
    }

    public Button copyButton() {
        return copy;
    }

    private void copyToClipboard(String copyLabel, String copiedLabel) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text.getText());
        Clipboard.getSystemClipboard().setContent(content);
        copy.setText(copiedLabel);
        PauseTransition back = new PauseTransition(Duration.seconds(1.5));
        back.setOnFinished(event -> copy.setText(copyLabel));
        back.play();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // The text node exists only once the text area's skin has laid out its scroll pane.
        if (!followingText && text.lookup(".text") instanceof Text shown) {
            followingText = true;
            shown.layoutBoundsProperty().addListener((observable, old, bounds) -> fitHeight(bounds));
            fitHeight(shown.getLayoutBounds());
        }
    }

    private void fitHeight(Bounds bounds) {
        double padding = text.snappedTopInset() + text.snappedBottomInset() + 16;
        double height = Math.ceil(bounds.getHeight() + padding);
        if (height == text.getPrefHeight()) {
            return;
        }
        text.setPrefHeight(height);
        text.setMinHeight(height);
        // The text re-wraps while its parents are being laid out (a box filled before it was shown
        // first wraps at a sliver of its width); a layout asked for then is dropped, so ask again after.
        Platform.runLater(this::requestLayout);
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(RecordBox.class.getResource("record-box.css")).toExternalForm();
    }
}
