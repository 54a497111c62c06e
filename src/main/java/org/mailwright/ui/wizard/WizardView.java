package org.mailwright.ui.wizard;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import net.synedra.validatorfx.Check;
import net.synedra.validatorfx.Validator;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.Texts;
import org.mailwright.ui.controls.FieldProblems;
import org.mailwright.ui.controls.RecordBox;

/**
 * Shows a {@link WizardViewModel}: the step strip at the top, the current question with its
 * controls, the live result on the right, Back and Next at the bottom right. Enter advances
 * (except in a multi-line text, where it starts a new line, and on a button, which it presses).
 */
public final class WizardView {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    /**
     * The controls that answer one step.
     *
     * @param content what is shown under the question
     * @param answerControl the control marked when the answer is not valid, and focused when the step shows
     */
    public record StepContent(Node content, Node answerControl) {
        public StepContent {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(answerControl, "answerControl");
        }
    }

    private final WizardViewModel model;
    private final Map<WizardStep, StepContent> contents;
    private final ResourceBundle bundle;
    private final Validator validator = new Validator();
    private Check currentCheck;

    @FXML
    private Parent root;
    @FXML
    private HBox strip;
    @FXML
    private Label question;
    @FXML
    private Label why;
    @FXML
    private StackPane contentHost;
    @FXML
    private Label problem;
    @FXML
    private VBox resultPane;
    @FXML
    private Label resultEmpty;
    @FXML
    private Label stepOf;
    @FXML
    private Button back;
    @FXML
    private Button next;

    private WizardView(WizardViewModel model, Map<WizardStep, StepContent> contents, ResourceBundle bundle) {
        this.model = Objects.requireNonNull(model, "model");
        this.contents = Map.copyOf(contents);
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        for (WizardStep step : model.steps()) {
            Objects.requireNonNull(this.contents.get(step), () -> "No controls for the step \"" + step.title() + "\"");
        }
    }

    /** The wizard's node, with {@code contents} giving the controls of each question step. */
    public static Parent load(WizardViewModel model, Map<WizardStep, StepContent> contents, ResourceBundle bundle) {
        return Fxml.load("Wizard.fxml", bundle, new WizardView(model, contents, bundle));
    }

    @FXML
    private void initialize() {
        back.disableProperty().bind(model.canGoBackProperty().not());
        next.disableProperty().bind(model.canGoNextProperty().not());
        next.textProperty().bind(javafx.beans.binding.Bindings.when(model.onSummaryProperty())
                .then(Texts.format(bundle, "wizard.finish")).otherwise(Texts.format(bundle, "wizard.next")));
        problem.textProperty().bind(model.currentProblemProperty());
        problem.visibleProperty().bind(model.currentProblemProperty().isNotEmpty());

        if (model.liveResult() == null) {
            resultPane.setVisible(false);
            resultPane.setManaged(false);
        } else {
            RecordBox record = new RecordBox(Texts.format(bundle, "record.copy"),
                    Texts.format(bundle, "record.copy.tooltip"), Texts.format(bundle, "record.copied"));
            record.setId("wizard-result");
            resultPane.getChildren().add(record);
            Runnable showResult = () -> {
                String value = model.liveResult().getValue();
                boolean empty = WizardStep.isBlank(value);
                record.setRecords(empty ? List.of() : List.of(value));
                record.setVisible(!empty);
                record.setManaged(!empty);
                resultEmpty.setVisible(empty);
                resultEmpty.setManaged(empty);
            };
            model.liveResult().addListener((observable, old, value) -> showResult.run());
            showResult.run();
        }

        root.addEventHandler(KeyEvent.KEY_PRESSED, this::enterAdvances);
        model.indexProperty().addListener((observable, old, index) -> showStep());
        model.finishedProperty().addListener((observable, old, finished) -> showStrip());
        showStep();
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void next() {
        model.next();
    }

    private void enterAdvances(KeyEvent event) {
        if (event.getCode() != KeyCode.ENTER || event.getTarget() instanceof TextArea) {
            return;
        }
        if (event.getTarget() instanceof ButtonBase button && button != next) {
            button.fire();
        } else {
            model.next();
        }
        event.consume();
    }

    private void showStep() {
        showStrip();
        int index = model.indexProperty().get();
        stepOf.setText(Texts.format(bundle, "wizard.stepOf", index + 1, model.stepCount()));
        if (currentCheck != null) {
            validator.remove(currentCheck);
            currentCheck = null;
        }
        WizardStep step = model.currentStepProperty().get();
        if (step == null) {
            question.setText(Texts.format(bundle, "wizard.summary.question"));
            why.setText(Texts.format(bundle, "wizard.summary.why"));
            contentHost.getChildren().setAll(summary());
            next.requestFocus();
            return;
        }
        question.setText(step.question());
        why.setText(step.why());
        StepContent content = contents.get(step);
        contentHost.getChildren().setAll(content.content());
        currentCheck = FieldProblems.mark(validator, content.answerControl(), step.problem());
        content.answerControl().requestFocus();
    }

    private Node summary() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("wizard-summary");
        List<WizardViewModel.Answer> answers = model.summary();
        for (int row = 0; row < answers.size(); row++) {
            Label title = new Label(answers.get(row).title());
            title.getStyleClass().add("wizard-summary-title");
            Label answer = new Label(answers.get(row).answer());
            answer.getStyleClass().add("wizard-summary-answer");
            answer.setWrapText(true);
            grid.addRow(row, title, answer);
        }
        return grid;
    }

    private void showStrip() {
        strip.getChildren().clear();
        for (int position = 0; position < model.stepCount(); position++) {
            if (position > 0) {
                Region line = new Region();
                line.getStyleClass().add("wizard-strip-line");
                HBox.setHgrow(line, Priority.ALWAYS);
                strip.getChildren().add(line);
            }
            strip.getChildren().add(chip(position));
        }
    }

    private Node chip(int position) {
        WizardViewModel.StepState state = model.stateOf(position);
        Label number = new Label(state == WizardViewModel.StepState.DONE ? "" : Integer.toString(position + 1));
        if (state == WizardViewModel.StepState.DONE) {
            number.setGraphic(new FontIcon(Material2AL.CHECK));
        }
        number.getStyleClass().add("wizard-step-number");
        boolean summary = position == model.steps().size();
        Label title = new Label(summary ? Texts.format(bundle, "wizard.summary.title") : model.steps().get(position).title());
        title.getStyleClass().add("wizard-step-title");
        HBox chip = new HBox(number, title);
        chip.getStyleClass().add("wizard-step");
        chip.setMinWidth(Region.USE_PREF_SIZE); // the lines between the steps shrink, never a step's title
        chip.pseudoClassStateChanged(CURRENT, state == WizardViewModel.StepState.CURRENT);
        chip.pseudoClassStateChanged(DONE, state == WizardViewModel.StepState.DONE);
        if (state == WizardViewModel.StepState.DONE && !model.finishedProperty().get()) {
            chip.setCursor(Cursor.HAND);
            chip.setOnMouseClicked(event -> model.goTo(position));
        }
        return chip;
    }
}
