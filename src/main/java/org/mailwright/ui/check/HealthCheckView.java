package org.mailwright.ui.check;

import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import net.synedra.validatorfx.Validator;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.Texts;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.controls.ExportChooser;
import org.mailwright.ui.controls.FieldProblems;
import org.mailwright.ui.controls.StateBadge;

/** Shows a {@link HealthCheckViewModel}: the domain and selectors, the scorecard, what changed, the export menu. */
public final class HealthCheckView {

    private static final PseudoClass QUIET = PseudoClass.getPseudoClass("quiet");

    private final HealthCheckViewModel model;
    private final ResourceBundle bundle;
    private final ViewLifetime lifetime;
    private final Validator validator = new Validator();
    private ScorecardPane scorecard;

    @FXML
    private VBox root;
    @FXML
    private TextField domainField;
    @FXML
    private Button checkButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Label problemLabel;
    @FXML
    private TextField selectorsField;
    @FXML
    private Label selectorsProblemLabel;
    @FXML
    private VBox emptyState;
    @FXML
    private VBox results;
    @FXML
    private HBox runningRow;
    @FXML
    private Label runningLabel;
    @FXML
    private Label noteLabel;
    @FXML
    private MenuButton exportButton;
    @FXML
    private VBox scorecardHost;
    @FXML
    private VBox changesBox;
    @FXML
    private Label changesTitle;
    @FXML
    private VBox changeLines;

    private HealthCheckView(HealthCheckViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        this.model = Objects.requireNonNull(model, "model");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    public static Parent load(HealthCheckViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        return Fxml.load("HealthCheck.fxml", bundle, new HealthCheckView(model, bundle, lifetime));
    }

    @FXML
    private void initialize() {
        domainField.textProperty().bindBidirectional(model.domainProperty());
        domainField.setOnAction(event -> check());
        selectorsField.textProperty().bindBidirectional(model.selectorsProperty());
        selectorsField.setOnAction(event -> check());
        // An empty field on first start is not a mistake: the problem shows once something is typed.
        StringBinding shownProblem = Bindings.createStringBinding(
                () -> domainField.getText().isEmpty() ? "" : model.domainProblemProperty().get(),
                domainField.textProperty(), model.domainProblemProperty());
        showProblem(problemLabel, domainField, shownProblem);
        showProblem(selectorsProblemLabel, selectorsField, model.selectorsProblemProperty());

        checkButton.disableProperty().bind(model.canCheckProperty().not());
        // Cancel takes Check's place while a check runs, so the fields beside them do not move.
        showWhen(checkButton, model.runningProperty().not());
        showWhen(cancelButton, model.runningProperty());
        // The button pressed goes away: its twin takes the focus, or it would fall to the next field.
        lifetime.onChange(model.runningProperty(), (observable, was, now) -> {
            Button going = now ? checkButton : cancelButton;
            if (going.isFocused()) {
                (now ? cancelButton : checkButton).requestFocus();
            }
        });
        showWhen(runningRow, model.runningProperty());
        runningLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Texts.format(bundle, "health.running", model.checkingProperty().get()), model.checkingProperty()));
        noteLabel.textProperty().bind(model.noteProperty());
        showWhen(noteLabel, model.noteProperty().isNotEmpty());
        exportButton.disableProperty().bind(model.canExportProperty().not());

        scorecard = ScorecardPane.detailed(bundle, model.locale(), model::fix);
        scorecard.setActions(exportButton);
        scorecardHost.getChildren().setAll(scorecard);
        var nothingYet = model.scorecardProperty().isNull();
        showWhen(emptyState, nothingYet.and(model.runningProperty().not()).and(model.noteProperty().isEmpty()));
        showWhen(results, emptyState.visibleProperty().not());
        showWhen(scorecardHost, nothingYet.not());
        showWhen(changesBox, model.changesTitleProperty().isNotEmpty());
        changesTitle.textProperty().bind(model.changesTitleProperty());

        lifetime.onChange(model.scorecardProperty(), (observable, old, card) -> showScorecard());
        lifetime.onChange(model.changes(), (ListChangeListener<HealthCheckViewModel.ChangeLine>) change -> showChanges());
        showScorecard();
        showChanges();
    }

    @FXML
    private void check() {
        model.check();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void exportHtml() {
        export(HealthCheckViewModel.Format.HTML, "health.export.filter.html");
    }

    @FXML
    private void exportJson() {
        export(HealthCheckViewModel.Format.JSON, "health.export.filter.json");
    }

    @FXML
    private void exportMarkdown() {
        export(HealthCheckViewModel.Format.MARKDOWN, "health.export.filter.markdown");
    }

    @FXML
    private void exportCsv() {
        export(HealthCheckViewModel.Format.CSV, "health.export.filter.csv");
    }

    private void export(HealthCheckViewModel.Format format, String filterKey) {
        ExportChooser.ask(root.getScene().getWindow(), Texts.format(bundle, "health.export.title"), Texts.format(bundle, filterKey),
                format.extension(), model.suggestedFileName(format)).ifPresent(file -> model.export(format, file));
    }

    private void showScorecard() {
        ShownScorecard card = model.scorecardProperty().get();
        if (card != null) {
            scorecard.show(card);
        }
    }

    private void showChanges() {
        changeLines.getChildren().setAll(model.changes().stream().map(this::changeLine).toList());
        // A first check, or one where nothing changed, is a sentence rather than a section to read.
        boolean any = !model.changes().isEmpty();
        changesBox.pseudoClassStateChanged(QUIET, !any);
        changeLines.setVisible(any);
        changeLines.setManaged(any);
    }

    private Node changeLine(HealthCheckViewModel.ChangeLine line) {
        Label what = new Label(Texts.format(bundle, line.fixed() ? "health.changes.fixed" : "health.changes.new"));
        what.getStyleClass().addAll("health-change-kind", line.fixed() ? "health-change-fixed" : "health-change-new");
        what.setMinWidth(Region.USE_PREF_SIZE);
        StateBadge badge = new StateBadge(CheckState.of(line.severity()), state -> Texts.format(bundle, state.textKey()));
        Label text = new Label(Texts.format(bundle, "health.changes.line", line.text(), line.id()));
        text.setWrapText(true);
        text.getStyleClass().add("health-change-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(what, badge, text);
        row.getStyleClass().add("health-change");
        row.setUserData(line);
        return row;
    }

    private void showProblem(Label label, TextField field, ObservableStringValue problem) {
        label.textProperty().bind(problem);
        showWhen(label, label.textProperty().isNotEmpty());
        FieldProblems.mark(validator, field, problem);
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }
}
