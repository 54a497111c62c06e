package org.mailwright.ui.controls;

import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.ui.Texts;

/**
 * One finding as the window shows it: its state badge and message, and, a click away, why it
 * matters and how to fix it (so a list of findings stays short until one is explored). A pass
 * shows its message alone.
 */
public final class FindingCard extends VBox {

    private final Finding finding;
    private final Label why = new Label();
    private final Label fix = new Label();
    private final Hyperlink more = new Hyperlink();
    private final String moreText;
    private final String lessText;

    /**
     * @param locale the language of the finding's words
     * @param stateWords the word for each state, in the user's language
     * @param moreText the link that shows why and how to fix
     * @param lessText the link that hides them again
     * @param whyLabel the lead of the "why" sentence, for example {@code Why:}
     * @param fixLabel the lead of the "fix" sentence, for example {@code Fix:}
     */
    public FindingCard(Finding finding, Locale locale, Function<CheckState, String> stateWords, String moreText, String lessText,
                       String whyLabel, String fixLabel) {
        this.finding = Objects.requireNonNull(finding, "finding");
        this.moreText = moreText;
        this.lessText = lessText;
        getStyleClass().add("finding-card");
        StateBadge badge = new StateBadge(CheckState.of(finding.severity()), stateWords);
        Label message = new Label(finding.message(locale));
        message.getStyleClass().add("finding-message");
        message.setWrapText(true);
        HBox head = new HBox(badge, message);
        head.getStyleClass().add("finding-head");
        head.setFillHeight(false);
        why.setText(whyLabel + " " + finding.why(locale));
        fix.setText(fixLabel + " " + finding.fix(locale));
        for (Label detail : new Label[] {why, fix}) {
            detail.getStyleClass().add("finding-detail");
            detail.setWrapText(true);
        }
        more.getStyleClass().add("finding-more");
        more.setOnAction(event -> showDetails(!why.isVisible()));
        getChildren().addAll(head, why, fix, more);
        showDetails(false);
        // A pass needs no fixing: its message says all there is.
        boolean explorable = finding.severity() != Severity.PASS;
        more.setVisible(explorable);
        more.setManaged(explorable);
        setAccessibleText(message.getText());
    }

    /** A card worded from the window's bundle: the state words and the shared {@code finding.*} links and leads. */
    public static FindingCard of(Finding finding, Locale locale, ResourceBundle words) {
        return new FindingCard(finding, locale, state -> Texts.format(words, state.textKey()),
                Texts.format(words, "finding.more"), Texts.format(words, "finding.less"),
                Texts.format(words, "finding.why"), Texts.format(words, "finding.fix"));
    }

    public Finding finding() {
        return finding;
    }

    /**
     * Shows or hides why the finding matters and how to fix it; the link then offers the other.
     * A page may show them from the start for what needs fixing (errors and warnings).
     */
    public void showDetails(boolean shown) {
        for (Label detail : new Label[] {why, fix}) {
            detail.setVisible(shown);
            detail.setManaged(shown);
        }
        more.setText(shown ? lessText : moreText);
    }

    public boolean detailsShown() {
        return why.isVisible();
    }

    /**
     * Puts {@code nodes} (what the finding cost, a button that fixes it) in a row under the finding,
     * after the link to why and how, so the card stays as short as it was.
     */
    public void addFooter(Node... nodes) {
        getChildren().remove(more);
        // A flow, so a narrow window wraps the button under the link rather than cutting either short.
        FlowPane footer = new FlowPane(more);
        footer.getChildren().addAll(nodes);
        footer.getStyleClass().add("finding-footer");
        getChildren().add(footer);
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(FindingCard.class.getResource("finding-card.css")).toExternalForm();
    }
}
