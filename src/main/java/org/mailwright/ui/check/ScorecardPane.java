package org.mailwright.ui.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;
import org.mailwright.check.Scorecard.Grade;
import org.mailwright.ui.Texts;
import org.mailwright.ui.controls.FindingCard;

/**
 * A scorecard: the overall grade big beside its score, then one card per area in a flow that
 * wraps to the room there is. On the Health check page a card opens to its findings (the one
 * findings control), each with what it cost and, where a wizard writes the fix, a button to it;
 * an open card takes the whole width, so its findings read without squeezing. On the Domain page
 * the cards are a summary.
 */
public final class ScorecardPane extends VBox {

    /** The narrowest a closed card gets: three fit beside each other in an 800-pixel window, on either page. */
    static final double AREA_WIDTH = 185;
    private static final PseudoClass OPENED = PseudoClass.getPseudoClass("opened");

    private final ResourceBundle words;
    private final Locale locale;
    private final Optional<Consumer<FixWizard>> fix;
    private final Label grade = new Label();
    private final Label headline = new Label();
    private final Label detail = new Label();
    private final VBox summary;
    private final HBox overall;
    private final FlowPane areas = new FlowPane() {
        @Override
        protected double computeMinWidth(double height) {
            // A flow is as narrow as its widest card, and an open card asks for the whole row: the
            // row would then never narrow with the window. One closed card is the least it needs.
            return snappedLeftInset() + AREA_WIDTH + snappedRightInset();
        }
    };
    /** A closed card's width: as many columns of at least {@link #AREA_WIDTH} as fit, sharing the row. */
    private final DoubleBinding columnWidth;
    /** An open card's width: the whole row. */
    private final DoubleBinding rowWidth;

    private ScorecardPane(ResourceBundle words, Locale locale, Optional<Consumer<FixWizard>> fix) {
        this.words = Objects.requireNonNull(words, "words");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.fix = fix;
        getStyleClass().add("scorecard");
        grade.getStyleClass().addAll("scorecard-grade", "grade");
        grade.setMinWidth(Region.USE_PREF_SIZE);
        headline.getStyleClass().add("scorecard-headline");
        detail.getStyleClass().add("scorecard-detail");
        for (Label label : new Label[] {headline, detail}) {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        summary = new VBox(headline, detail);
        summary.getStyleClass().add("scorecard-summary");
        HBox.setHgrow(summary, Priority.ALWAYS);
        overall = new HBox(grade, summary);
        overall.getStyleClass().add("scorecard-overall");
        areas.getStyleClass().add("scorecard-areas");
        rowWidth = Bindings.createDoubleBinding(this::rowWidthNow, areas.widthProperty(), areas.paddingProperty());
        columnWidth = Bindings.createDoubleBinding(this::columnWidthNow, rowWidth, areas.hgapProperty());
        getChildren().addAll(overall, areas);
    }

    /** Puts {@code actions} (an export menu) beside the overall grade. */
    public void setActions(Node... actions) {
        overall.getChildren().setAll(grade, summary);
        overall.getChildren().addAll(actions);
    }

    /** The Health check page's scorecard: cards open to their findings; {@code fix} opens a finding's wizard. */
    public static ScorecardPane detailed(ResourceBundle words, Locale locale, Consumer<FixWizard> fix) {
        return new ScorecardPane(words, locale, Optional.of(Objects.requireNonNull(fix, "fix")));
    }

    /** The Domain page's scorecard: the grades and tallies only. */
    public static ScorecardPane summary(ResourceBundle words, Locale locale) {
        return new ScorecardPane(words, locale, Optional.empty());
    }

    /** Shows {@code card}. */
    public void show(ShownScorecard card) {
        setGrade(grade, card.grade());
        headline.setText(card.headline());
        detail.setText(card.detail());
        setAccessibleText(card.headline());
        areas.getChildren().setAll(card.areas().stream().map(this::areaCard).toList());
    }

    private Node areaCard(ShownScorecard.Area area) {
        Label letter = new Label();
        letter.getStyleClass().addAll("scorecard-area-grade", "grade");
        letter.setMinWidth(Region.USE_PREF_SIZE);
        if (area.mark().isPresent()) {
            setGrade(letter, area.mark().get().grade());
        } else {
            letter.getStyleClass().add("grade-none");
            letter.setText("—");
        }
        Label score = new Label(area.markText());
        Label name = new Label(area.name());
        name.getStyleClass().add("scorecard-area-name");
        name.setWrapText(true);
        score.getStyleClass().add("scorecard-area-score");
        VBox titles = new VBox(name, score);
        HBox.setHgrow(titles, Priority.ALWAYS);
        HBox head = new HBox(letter, titles);
        head.getStyleClass().add("scorecard-area-head");
        Label tally = new Label(area.tally());
        tally.getStyleClass().add("scorecard-area-tally");
        tally.setWrapText(true);
        tally.setMinHeight(Region.USE_PREF_SIZE);
        VBox card = new VBox(head, tally);
        card.getStyleClass().addAll("scorecard-area", area.area().id());
        card.setUserData(area);
        card.prefWidthProperty().bind(columnWidth);
        card.setAccessibleText(area.mark().map(mark -> Texts.format(words, "health.area.accessible", area.name(),
                mark.grade().name(), mark.score())).orElse(area.name() + ": " + area.markText()));
        if (fix.isPresent() && !area.findings().isEmpty()) {
            VBox findings = new VBox();
            findings.getStyleClass().add("scorecard-area-findings");
            Hyperlink toggle = new Hyperlink();
            toggle.getStyleClass().add("scorecard-area-toggle");
            toggle.setOnAction(event -> open(card, findings, toggle, area, !findings.isVisible()));
            card.getChildren().addAll(toggle, findings);
            open(card, findings, toggle, area, false);
        }
        return card;
    }

    /** Opens or closes an area's card; an open one takes the flow's whole width. */
    private void open(VBox card, VBox findings, Hyperlink toggle, ShownScorecard.Area area, boolean opened) {
        if (opened && findings.getChildren().isEmpty()) {
            findings.getChildren().setAll(area.findings().stream().map(this::findingCard).toList());
        }
        findings.setVisible(opened);
        findings.setManaged(opened);
        toggle.setText(Texts.format(words, opened ? "health.area.hide" : "health.area.show", area.findings().size()));
        card.pseudoClassStateChanged(OPENED, opened);
        card.prefWidthProperty().bind(opened ? rowWidth : columnWidth);
    }

    private double rowWidthNow() {
        return Math.max(AREA_WIDTH, areas.getWidth() - areas.getPadding().getLeft() - areas.getPadding().getRight());
    }

    private double columnWidthNow() {
        double row = rowWidth.get();
        double gap = areas.getHgap();
        int columns = Math.max(1, (int) ((row + gap) / (AREA_WIDTH + gap)));
        // Rounded down, so the columns never add up to a hair more than the row and wrap early.
        return Math.floor((row - gap * (columns - 1)) / columns);
    }

    /** A finding, with what it cost its area and the button to the wizard that fixes it. */
    private Node findingCard(ShownScorecard.Line line) {
        FindingCard card = FindingCard.of(line.finding(), locale, words);
        List<Node> footer = new ArrayList<>();
        if (line.cost() > 0) {
            Label cost = new Label(Texts.format(words, "health.finding.cost", line.cost()));
            cost.getStyleClass().add("scorecard-finding-cost");
            cost.setMinWidth(Region.USE_PREF_SIZE);
            footer.add(cost);
        }
        line.fix().ifPresent(wizard -> {
            Button button = new Button(Texts.format(words, "health.fix." + wizard.name().toLowerCase(Locale.ROOT)),
                    new FontIcon(Material2MZ.OPEN_IN_NEW));
            button.getStyleClass().add("scorecard-fix");
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setUserData(wizard);
            button.setOnAction(event -> fix.orElseThrow().accept(wizard));
            footer.add(button);
        });
        if (!footer.isEmpty()) {
            card.addFooter(footer.toArray(Node[]::new));
        }
        return card;
    }

    private static void setGrade(Label label, Grade grade) {
        label.getStyleClass().removeIf(style -> style.startsWith("grade-"));
        label.getStyleClass().add("grade-" + grade.name().toLowerCase(Locale.ROOT));
        label.setText(grade.name());
    }
}
