package org.mailwright.ui.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import net.synedra.validatorfx.Validator;
import org.mailwright.dns.LookupResult;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.Texts;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.check.ScorecardPane;
import org.mailwright.ui.check.ShownScorecard;
import org.mailwright.findings.Finding;
import org.mailwright.ui.controls.FieldProblems;
import org.mailwright.ui.controls.FindingCard;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.controls.StateBadge;

/** Shows a {@link DomainViewModel}: the domain field, and the overview as cards. */
public final class DomainView {

    private final DomainViewModel model;
    private final ResourceBundle bundle;
    private final ViewLifetime lifetime;
    private final Validator validator = new Validator();

    @FXML
    private TextField domainField;
    @FXML
    private Button lookUpButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Label problemLabel;
    @FXML
    private VBox emptyState;
    @FXML
    private VBox results;
    @FXML
    private Label askedLabel;
    @FXML
    private VBox rowsBox;
    @FXML
    private VBox scorecardBox;
    @FXML
    private Label scorecardPendingLabel;
    @FXML
    private VBox scorecardHost;
    private ScorecardPane scorecard;

    private DomainView(DomainViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        this.model = Objects.requireNonNull(model, "model");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    public static Parent load(DomainViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        return Fxml.load("Domain.fxml", bundle, new DomainView(model, bundle, lifetime));
    }

    @FXML
    private void initialize() {
        domainField.textProperty().bindBidirectional(model.domainProperty());
        domainField.setOnAction(event -> lookUp());
        // The problem shows once something is typed: an empty field on first start is not a mistake.
        // Not Bindings.when: its listener on the view model's property would hold this view after a language switch.
        var shownProblem = Bindings.createStringBinding(() -> domainField.getText().isEmpty() ? "" : model.problemProperty().get(),
                domainField.textProperty(), model.problemProperty());
        problemLabel.textProperty().bind(shownProblem);
        problemLabel.visibleProperty().bind(shownProblem.isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        FieldProblems.mark(validator, domainField, shownProblem);

        lookUpButton.disableProperty().bind(model.canLookUpProperty().not());
        cancelButton.visibleProperty().bind(model.runningProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());

        emptyState.visibleProperty().bind(Bindings.isEmpty(model.rows()));
        emptyState.managedProperty().bind(emptyState.visibleProperty());
        results.visibleProperty().bind(emptyState.visibleProperty().not());
        results.managedProperty().bind(results.visibleProperty());
        askedLabel.textProperty().bind(model.askedProperty());

        lifetime.onChange(model.rows(), (ListChangeListener<OverviewRow>) change -> showRows());
        showRows();

        scorecard = ScorecardPane.summary(bundle, model.locale());
        scorecardHost.getChildren().setAll(scorecard);
        var shown = model.scorecardProperty().isNotNull();
        scorecardHost.visibleProperty().bind(shown);
        scorecardHost.managedProperty().bind(shown);
        scorecardPendingLabel.visibleProperty().bind(model.scorecardPendingProperty());
        scorecardPendingLabel.managedProperty().bind(model.scorecardPendingProperty());
        var any = shown.or(model.scorecardPendingProperty());
        scorecardBox.visibleProperty().bind(any);
        scorecardBox.managedProperty().bind(any);
        lifetime.onInvalidation(model.scorecardProperty(), observable -> showScorecard());
        showScorecard();
    }

    @FXML
    private void openHealth() {
        model.openHealth();
    }

    private void showScorecard() {
        ShownScorecard card = model.scorecardProperty().get();
        if (card != null) {
            scorecard.show(card);
        }
    }

    @FXML
    private void lookUp() {
        model.lookUp();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    private void showRows() {
        rowsBox.getChildren().setAll(model.rows().stream().map(this::card).toList());
    }

    private Node card(OverviewRow row) {
        Label title = new Label(Texts.format(bundle, row.titleKey()));
        title.getStyleClass().add("overview-title");
        title.setWrapText(true);
        // The name goes under the title, so a narrow window or a long Spanish title clips neither.
        Label name = new Label(row.name());
        name.getStyleClass().add("overview-name");
        name.setWrapText(true);
        VBox titles = new VBox(title, name);
        HBox.setHgrow(titles, Priority.ALWAYS);
        StateBadge badge = new StateBadge(row.state(), state -> Texts.format(bundle, state.textKey()));
        badge.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(badge, titles);
        header.getStyleClass().add("overview-header");
        if (row.ttl() != LookupResult.NO_TTL) {
            Label ttl = new Label(Texts.format(bundle, "domain.ttl", row.ttl()));
            ttl.getStyleClass().add("overview-ttl");
            ttl.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(ttl);
        }
        VBox card = new VBox(header);
        if (!row.explanation().isBlank()) {
            Label explanation = new Label(row.explanation().strip());
            explanation.setWrapText(true);
            explanation.getStyleClass().add("overview-explanation");
            card.getChildren().add(explanation);
        }
        if (!row.records().isEmpty()) {
            RecordBox records = new RecordBox(Texts.format(bundle, "record.copy"),
                    Texts.format(bundle, "record.copy.tooltip"), Texts.format(bundle, "record.copied"));
            records.setRecords(row.records());
            card.getChildren().add(records);
        }
        for (Finding finding : row.findings()) {
            card.getChildren().add(FindingCard.of(finding, model.locale(), bundle));
        }
        card.getStyleClass().addAll("overview-row", row.aspect().name().toLowerCase(Locale.ROOT));
        card.setUserData(row);
        return card;
    }
}
