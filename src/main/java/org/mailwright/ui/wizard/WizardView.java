package org.mailwright.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Toggle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
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
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.controls.FieldProblems;
import org.mailwright.ui.controls.RecordBox;

/**
 * Shows a {@link WizardViewModel}: the step strip at the top, the current question with its
 * controls, the live result on the right (the value and, when the model has one, the zone-file
 * line, each with a copy button, then whatever details the page adds), Back and Next at the
 * bottom right. The question and the result scroll on their own when they outgrow the window.
 *
 * <p>The strip names every step (wrapping onto more rows when they do not fit on one); the steps
 * the model says are reachable are buttons, chosen by mouse, or by Tab and Space or Enter.
 *
 * <p>Keys on a wizard page:
 * <ul>
 *   <li>Enter advances when the step allows it, except where Enter already means something: in a
 *       multi-line text (a new line), on a button (it presses that button), in a combo box or date
 *       picker whose list is open (it chooses);</li>
 *   <li>Alt+Left goes back one step, as Back does;</li>
 *   <li>Escape belongs to the window, not to the wizard: it cancels the background work running
 *       (a DNS check, a key being made), closes an open dialog as its Cancel button does, or
 *       closes an open list. It never changes a step or an answer, so nothing typed is lost.</li>
 * </ul>
 */
public final class WizardView {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass SKIPPED = PseudoClass.getPseudoClass("skipped");
    private static final PseudoClass REACHABLE = PseudoClass.getPseudoClass("reachable");
    private static final KeyCombination BACK = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);

    /**
     * The controls that answer one step.
     *
     * @param content what is shown under the question
     * @param answerControl the control focused when the step shows, and marked when the answer is not valid
     * @param marksAnswer false for a step of several fields that the page marks one by one itself
     *     (the step's problem is then only said under the content, not pinned on one field)
     */
    public record StepContent(Node content, Node answerControl, boolean marksAnswer) {
        public StepContent {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(answerControl, "answerControl");
        }

        public StepContent(Node content, Node answerControl) {
            this(content, answerControl, true);
        }

        /** A step whose fields the page marks itself; {@code focus} takes the keyboard when it shows. */
        public static StepContent focusing(Node content, Node focus) {
            return new StepContent(content, focus, false);
        }
    }

    /** Beside the record column (380 px), the question needs about 420 px: below that, one column. */
    private static final double TWO_COLUMNS_FROM = 880;

    private final WizardViewModel model;
    private final Map<WizardStep, StepContent> contents;
    private final ResourceBundle bundle;
    private final ViewLifetime lifetime;
    private final Node resultDetails;
    private final Validator validator = new Validator();
    private Check currentCheck;
    private final StepStrip strip = new StepStrip();
    private final List<Button> stripSteps = new ArrayList<>();

    /** The one column that holds the question and the record in a narrow window; made when first needed. */
    private ScrollPane oneColumnScroll;
    @FXML
    private BorderPane root;
    @FXML
    private Label question;
    @FXML
    private Label why;
    @FXML
    private HBox body;
    @FXML
    private VBox questionPane;
    @FXML
    private ScrollPane questionScroll;
    @FXML
    private ScrollPane resultScroll;
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

    private WizardView(WizardViewModel model, Map<WizardStep, StepContent> contents, ResourceBundle bundle, Node resultDetails,
                       ViewLifetime lifetime) {
        this.model = Objects.requireNonNull(model, "model");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.contents = Map.copyOf(contents);
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.resultDetails = resultDetails;
        for (WizardStep step : model.steps()) {
            Objects.requireNonNull(this.contents.get(step), () -> "No controls for the step \"" + step.title() + "\"");
        }
        if (model.closingStep() != null) {
            Objects.requireNonNull(this.contents.get(model.closingStep()), "No controls for the closing step");
        }
    }

    /**
     * The wizard's node, with {@code contents} giving the controls of each question step (and of
     * the closing step); it listens to {@code model} for as long as {@code lifetime} lasts.
     */
    public static Parent load(WizardViewModel model, Map<WizardStep, StepContent> contents, ResourceBundle bundle,
                              ViewLifetime lifetime) {
        return load(model, contents, bundle, null, lifetime);
    }

    /**
     * The wizard's node, with {@code resultDetails} shown under the live result (for example how
     * many lookups the record needs and what is wrong with it); null for none.
     */
    public static Parent load(WizardViewModel model, Map<WizardStep, StepContent> contents, ResourceBundle bundle,
                              Node resultDetails, ViewLifetime lifetime) {
        return Fxml.load("Wizard.fxml", bundle, new WizardView(model, contents, bundle, resultDetails, lifetime));
    }

    @FXML
    private void initialize() {
        back.disableProperty().bind(model.canGoBackProperty().not());
        next.disableProperty().bind(model.canGoNextProperty().not());
        String finish = model.closingStep() == null ? Texts.format(bundle, "wizard.finish") : model.closingStep().title();
        next.textProperty().bind(Texts.either(model.onSummaryProperty(), finish, Texts.format(bundle, "wizard.next")));
        // On the closing step the wizard is done: only Back (to reopen it) and the step's own actions remain.
        next.visibleProperty().bind(model.onClosingStepProperty().not());
        next.managedProperty().bind(next.visibleProperty());
        // Hiding Next moves Back; the renderer leaves a one-pixel edge of both old buttons drawn unless the bar is
        // repainted once the move is on screen.
        lifetime.onChange(model.onClosingStepProperty(), (observable, was, closing) -> Platform.runLater(() -> {
            Node bar = next.getParent();
            bar.setOpacity(0.99);
            Platform.runLater(() -> bar.setOpacity(1));
        }));
        problem.textProperty().bind(model.currentProblemProperty());
        problem.visibleProperty().bind(model.currentProblemProperty().isNotEmpty());

        if (model.liveResult() == null) {
            resultScroll.setVisible(false);
            resultScroll.setManaged(false);
        } else {
            showLiveResult();
        }

        root.setTop(strip);
        buildStrip();
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        // A check box or a toggle is answered with Space; its own Enter handling would flip it, so Enter is taken first.
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && (event.getTarget() instanceof CheckBox || event.getTarget() instanceof Toggle)) {
                model.next();
                event.consume();
            }
        });
        lifetime.onChange(model.indexProperty(), (observable, old, index) -> showStep());
        lifetime.onChange(model.stripProperty(), (observable, old, steps) -> showStrip());
        if (model.liveResult() != null) {
            body.widthProperty().addListener((observable, old, width) -> arrangeColumns(width.doubleValue()));
        }
        showStep();
    }

    /**
     * Side by side where there is room for both columns; below that one column, the record under
     * the question, scrolled as one, so neither is squeezed to a few words a line.
     */
    private void arrangeColumns(double width) {
        boolean oneColumn = width < TWO_COLUMNS_FROM;
        if (oneColumn == (oneColumnScroll != null && oneColumnScroll.getParent() == body)) {
            return;
        }
        if (oneColumn) {
            if (oneColumnScroll == null) {
                oneColumnScroll = new ScrollPane();
                oneColumnScroll.setFitToWidth(true);
                oneColumnScroll.getStyleClass().addAll("page-scroll", "wizard-scroll");
                HBox.setHgrow(oneColumnScroll, Priority.ALWAYS);
            }
            questionScroll.setContent(null);
            resultScroll.setContent(null);
            VBox column = new VBox(questionPane, resultPane);
            column.getStyleClass().add("wizard-one-column");
            oneColumnScroll.setContent(column);
            body.getChildren().setAll(oneColumnScroll);
        } else {
            oneColumnScroll.setContent(null);
            questionScroll.setContent(questionPane);
            resultScroll.setContent(resultPane);
            body.getChildren().setAll(questionScroll, resultScroll);
        }
    }

    private void showLiveResult() {
        List<Node> shownWithRecord = new ArrayList<>();
        RecordBox value = recordBox("wizard-result");
        if (model.liveZoneLine() != null) {
            shownWithRecord.add(caption("wizard.result.value"));
        }
        shownWithRecord.add(value);
        RecordBox zoneLine = recordBox("wizard-zone-line");
        if (model.liveZoneLine() != null) {
            shownWithRecord.add(caption("wizard.result.zoneLine"));
            shownWithRecord.add(zoneLine);
        }
        resultPane.getChildren().addAll(shownWithRecord);
        if (resultDetails != null) {
            resultPane.getChildren().add(resultDetails);
        }
        Runnable showResult = () -> {
            String text = model.liveResult().getValue();
            boolean empty = WizardStep.isBlank(text);
            value.setRecords(empty ? List.of() : List.of(text));
            if (model.liveZoneLine() != null) {
                String line = model.liveZoneLine().getValue();
                zoneLine.setRecords(empty || line == null ? List.of() : List.of(line));
            }
            shownWithRecord.forEach(node -> {
                node.setVisible(!empty);
                node.setManaged(!empty);
            });
            resultEmpty.setVisible(empty);
            resultEmpty.setManaged(empty);
        };
        lifetime.onChange(model.liveResult(), (observable, old, text) -> showResult.run());
        if (model.liveZoneLine() != null) {
            lifetime.onChange(model.liveZoneLine(), (observable, old, text) -> showResult.run());
        }
        showResult.run();
    }

    private RecordBox recordBox(String id) {
        RecordBox box = new RecordBox(Texts.format(bundle, "record.copy"),
                Texts.format(bundle, "record.copy.tooltip"), Texts.format(bundle, "record.copied"));
        box.setId(id);
        return box;
    }

    private Label caption(String key) {
        Label caption = new Label(Texts.format(bundle, key));
        caption.getStyleClass().add("wizard-result-caption");
        caption.setWrapText(true);
        return caption;
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void next() {
        model.next();
    }

    private void keyPressed(KeyEvent event) {
        if (BACK.match(event)) {
            model.back();
            event.consume();
            return;
        }
        // An open combo box or date picker list takes its Enter (to choose) before it gets here.
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
        questionScroll.setVvalue(0);
        WizardStep step = model.currentStepProperty().get();
        if (step == null) {
            question.setText(Texts.format(bundle, "wizard.summary.question"));
            why.setText(model.closingStep() == null ? Texts.format(bundle, "wizard.summary.why")
                    : Texts.format(bundle, "wizard.summary.why.closing", model.closingStep().title()));
            contentHost.getChildren().setAll(summary());
            next.requestFocus();
            return;
        }
        question.setText(step.question());
        why.setText(step.why());
        StepContent content = contents.get(step);
        contentHost.getChildren().setAll(content.content());
        if (content.marksAnswer()) {
            currentCheck = FieldProblems.mark(validator, content.answerControl(), step.problem());
        }
        content.answerControl().requestFocus();
    }

    private Node summary() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("wizard-summary");
        List<WizardViewModel.Answer> answers = model.summary();
        for (int row = 0; row < answers.size(); row++) {
            Label title = new Label(answers.get(row).title());
            title.getStyleClass().add("wizard-summary-title");
            title.setMinWidth(Region.USE_PREF_SIZE); // the answers wrap; the step names stay whole
            Label answer = new Label(answers.get(row).answer());
            answer.getStyleClass().add("wizard-summary-answer");
            answer.setWrapText(true);
            grid.addRow(row, title, answer);
        }
        return grid;
    }

    /** One button per step, made once: the wizard's steps are fixed, only their states change. */
    private void buildStrip() {
        for (int position = 0; position < model.stepCount(); position++) {
            int target = position;
            Button step = new Button();
            step.getStyleClass().setAll("wizard-step");
            step.setMnemonicParsing(false);
            step.setWrapText(true);
            step.setOnAction(event -> model.goTo(target));
            stripSteps.add(step);
        }
        strip.setSteps(stripSteps);
    }

    private void showStrip() {
        List<WizardViewModel.StripStep> states = model.stripProperty().get();
        for (int position = 0; position < states.size(); position++) {
            showStripStep(stripSteps.get(position), position, states.get(position));
        }
    }

    private void showStripStep(Button step, int position, WizardViewModel.StripStep shown) {
        WizardViewModel.StepState state = shown.state();
        boolean done = state == WizardViewModel.StepState.DONE;
        Label number = new Label(done ? "" : Integer.toString(position + 1));
        if (done) {
            number.setGraphic(new FontIcon(Material2AL.CHECK));
        }
        number.getStyleClass().add("wizard-step-number");
        String name = stepName(position);
        step.setGraphic(number);
        step.setText(name);
        step.pseudoClassStateChanged(CURRENT, state == WizardViewModel.StepState.CURRENT);
        step.pseudoClassStateChanged(DONE, done);
        step.pseudoClassStateChanged(SKIPPED, state == WizardViewModel.StepState.SKIPPED);
        step.pseudoClassStateChanged(REACHABLE, shown.reachable());
        // Only a step it can go to takes the keyboard or looks clickable; the others are names, not buttons.
        step.setFocusTraversable(shown.reachable());
        step.setCursor(shown.reachable() ? Cursor.HAND : Cursor.DEFAULT);
        step.setTooltip(state == WizardViewModel.StepState.SKIPPED ? new Tooltip(Texts.format(bundle, "wizard.skipped", name)) : null);
        step.setAccessibleHelp(shown.reachable() ? Texts.format(bundle, "wizard.strip.goTo", name) : null);
    }

    private String stepName(int position) {
        if (position < model.steps().size()) {
            return model.steps().get(position).title();
        }
        return position == model.steps().size() ? Texts.format(bundle, "wizard.summary.title") : model.closingStep().title();
    }
}
