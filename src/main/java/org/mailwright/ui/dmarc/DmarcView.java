package org.mailwright.ui.dmarc;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.Texts;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.controls.FindingCard;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.controls.StateBadge;
import org.mailwright.ui.publish.PublishPane;
import org.mailwright.ui.wizard.WizardView;

/** Shows a {@link DmarcViewModel}: the due-stage notice and the wizard with its steps. Only wiring. */
public final class DmarcView {

    private static final Map<TimelineStage.Position, PseudoClass> POSITIONS = Map.of(
            TimelineStage.Position.PASSED, PseudoClass.getPseudoClass("passed"),
            TimelineStage.Position.CURRENT, PseudoClass.getPseudoClass("current"),
            TimelineStage.Position.NEXT, PseudoClass.getPseudoClass("next"),
            TimelineStage.Position.LATER, PseudoClass.getPseudoClass("later"));
    private static final PseudoClass DUE = PseudoClass.getPseudoClass("due");

    private final DmarcViewModel model;
    private final ResourceBundle bundle;
    private final ViewLifetime lifetime;
    private final Function<CheckState, String> stateWords;

    @FXML
    private VBox root;
    @FXML
    private ToggleGroup sendersGroup;
    @FXML
    private VBox domainStepBox;
    @FXML
    private TextField domainField;
    @FXML
    private Button readAgainButton;
    @FXML
    private HBox publishedHead;
    @FXML
    private Label publishedHeadline;
    @FXML
    private Label policyNowLabel;
    @FXML
    private VBox publishedRecordHost;
    @FXML
    private VBox walkBox;
    @FXML
    private VBox publishedFindings;
    @FXML
    private HBox savedBox;
    @FXML
    private Label savedLabel;
    @FXML
    private VBox reportsStepBox;
    @FXML
    private TextField aggregateField;
    @FXML
    private CheckBox failureBox;
    @FXML
    private TextField failureField;
    @FXML
    private Label destinationsEmpty;
    @FXML
    private VBox destinationsBox;
    @FXML
    private VBox sendersStepBox;
    @FXML
    private HBox spfHead;
    @FXML
    private Label spfText;
    @FXML
    private Label spfRecordLabel;
    @FXML
    private HBox dkimHead;
    @FXML
    private Label dkimText;
    @FXML
    private RadioButton allCovered;
    @FXML
    private RadioButton notSure;
    @FXML
    private RadioButton notAll;
    @FXML
    private Label sendersAdvice;
    @FXML
    private VBox planStepBox;
    @FXML
    private ComboBox<DmarcViewModel.StageOption> stageBox;
    @FXML
    private DatePicker sinceField;
    @FXML
    private Label sendersWarning;
    @FXML
    private CheckBox legacyBox;
    @FXML
    private Label timelineEmpty;
    @FXML
    private VBox timelineBox;
    @FXML
    private VBox adviceCard;
    @FXML
    private VBox adviceBox;
    @FXML
    private VBox publishStepBox;
    @FXML
    private HBox saveBox;
    @FXML
    private FontIcon saveIcon;
    @FXML
    private Label saveLabel;
    @FXML
    private Label publishHow;
    @FXML
    private Button verifyButton;
    @FXML
    private Button propagationButton;
    @FXML
    private HBox verifyHead;
    @FXML
    private Label verifyHeadline;
    @FXML
    private VBox verifyRecordHost;
    @FXML
    private VBox verifyFindings;
    @FXML
    private VBox resultDetails;
    @FXML
    private Label stageSummary;
    @FXML
    private Label stageEffect;
    @FXML
    private Label recordFindingsTitle;
    @FXML
    private VBox recordFindings;
    @FXML
    private HBox otherDomainBanner;
    @FXML
    private Label otherDomainLabel;
    @FXML
    private Button switchDomainButton;
    @FXML
    private HBox dueBanner;
    @FXML
    private Label dueLabel;
    @FXML
    private Button dueButton;
    @FXML
    private StackPane wizardHost;

    private DmarcView(DmarcViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.model = Objects.requireNonNull(model, "model");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.stateWords = state -> Texts.format(bundle, state.textKey());
    }

    /** The page; it listens to {@code model} for as long as {@code lifetime} lasts. */
    public static Parent load(DmarcViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        return Fxml.load("Dmarc.fxml", bundle, new DmarcView(model, bundle, lifetime));
    }

    @FXML
    private void initialize() {
        wireOtherDomain();
        wireDueNotice();
        wireDomainStep();
        wireReportsStep();
        wireSendersStep();
        wirePlanStep();
        wirePublishStep();
        wireResultDetails();
        Parent wizard = WizardView.load(model.wizard(), Map.of(
                model.domainStep(), new WizardView.StepContent(domainStepBox, domainField),
                model.reportsStep(), new WizardView.StepContent(reportsStepBox, aggregateField),
                model.sendersStep(), new WizardView.StepContent(sendersStepBox, allCovered),
                model.planStep(), new WizardView.StepContent(planStepBox, stageBox),
                model.publishStep(), new WizardView.StepContent(publishStepBox, verifyButton)), bundle, resultDetails, lifetime);
        wizardHost.getChildren().setAll(wizard);
    }

    private void wireOtherDomain() {
        otherDomainLabel.textProperty().bind(model.otherDomainNoticeProperty());
        showWhen(otherDomainBanner, model.otherDomainNoticeProperty().isNotEmpty());
        switchDomainButton.textProperty().bind(Bindings.createStringBinding(
                () -> Texts.format(bundle, "dmarc.otherDomain.switch", model.otherDomainProperty().get()), model.otherDomainProperty()));
    }

    private void wireDueNotice() {
        dueLabel.textProperty().bind(model.dueNoticeProperty());
        showWhen(dueBanner, model.dueNoticeProperty().isNotEmpty());
        showWhen(dueButton, model.dueStageWaitingProperty());
    }

    private void wireDomainStep() {
        domainField.textProperty().bindBidirectional(model.domainProperty());
        domainField.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                model.commitDomain();
            }
        });
        PublishedPolicy published = model.published();
        badge(publishedHead, published.stateProperty());
        publishedHeadline.textProperty().bind(published.headlineProperty());
        policyNowLabel.textProperty().bind(published.policyNowProperty());
        showWhen(policyNowLabel, published.policyNowProperty().isNotEmpty());
        records(publishedRecordHost, published.recordsProperty());
        follow(published.walkProperty(), lines -> walkBox.getChildren().setAll(lines.stream().map(line -> {
            Label step = new Label(line);
            step.getStyleClass().add("dmarc-mono");
            step.setWrapText(true);
            return (Node) step;
        }).toList()));
        follow(published.findingsProperty(), findings -> showFindings(publishedFindings, findings));
        savedLabel.textProperty().bind(model.savedSummaryProperty());
        showWhen(savedBox, model.savedSummaryProperty().isNotEmpty());
    }

    private void wireReportsStep() {
        aggregateField.textProperty().bindBidirectional(model.aggregateProperty());
        failureBox.selectedProperty().bindBidirectional(model.failureWantedProperty());
        failureField.textProperty().bindBidirectional(model.failureProperty());
        failureField.disableProperty().bind(failureBox.selectedProperty().not());
        for (TextField field : List.of(aggregateField, failureField)) {
            field.focusedProperty().addListener((observable, was, focused) -> {
                if (!focused) {
                    model.checkDestinations(false);
                }
            });
        }
        failureBox.selectedProperty().addListener((observable, was, on) -> model.checkDestinations(false));
        follow(model.destinationsProperty(), rows -> {
            destinationsBox.getChildren().setAll(rows.stream().map(this::destination).toList());
            destinationsEmpty.setVisible(rows.isEmpty());
            destinationsEmpty.setManaged(rows.isEmpty());
        });
    }

    private void wireSendersStep() {
        badge(spfHead, model.spfStateProperty());
        badge(dkimHead, model.dkimStateProperty());
        spfText.textProperty().bind(model.spfTextProperty());
        dkimText.textProperty().bind(model.dkimTextProperty());
        follow(model.spfStateProperty(), state -> {
            String record = model.spfRecord().orElse("");
            spfRecordLabel.setText(record);
            spfRecordLabel.setVisible(!record.isEmpty());
            spfRecordLabel.setManaged(!record.isEmpty());
        });
        Map<DmarcViewModel.SenderAnswer, RadioButton> answers = Map.of(
                DmarcViewModel.SenderAnswer.ALL_COVERED, allCovered,
                DmarcViewModel.SenderAnswer.NOT_SURE, notSure,
                DmarcViewModel.SenderAnswer.NOT_ALL, notAll);
        answers.forEach((answer, radio) -> radio.setUserData(answer));
        follow(model.sendersProperty(), answer -> sendersGroup.selectToggle(answers.get(answer)));
        sendersGroup.selectedToggleProperty().addListener((observable, old, toggle) -> {
            if (toggle != null) {
                model.sendersProperty().set((DmarcViewModel.SenderAnswer) toggle.getUserData());
            }
        });
        sendersAdvice.textProperty().bind(model.sendersAdviceProperty());
    }

    private void wirePlanStep() {
        stageBox.setItems(model.stageOptions());
        stageBox.valueProperty().bindBidirectional(model.stageProperty());
        sinceField.setConverter(dates());
        sinceField.valueProperty().bindBidirectional(model.sinceProperty());
        legacyBox.selectedProperty().bindBidirectional(model.legacyProperty());
        sendersWarning.textProperty().bind(model.sendersWarningProperty());
        showWhen(sendersWarning, model.sendersWarningProperty().isNotEmpty());
        follow(model.timelineProperty(), stages -> {
            timelineBox.getChildren().setAll(stages.stream().map(this::stage).toList());
            if (!timelineBox.getChildren().isEmpty()) {
                // The rail's line leads to the next stage; after the last there is none.
                timelineBox.getChildren().get(timelineBox.getChildren().size() - 1).lookup(".dmarc-stage-line").setVisible(false);
            }
            timelineEmpty.setVisible(stages.isEmpty());
            timelineEmpty.setManaged(stages.isEmpty());
        });
        follow(model.adviceProperty(), advice -> {
            adviceBox.getChildren().setAll(advice.stream().map(text -> (Node) bullet(text, "dmarc-card-text")).toList());
            adviceCard.setVisible(!advice.isEmpty());
            adviceCard.setManaged(!advice.isEmpty());
        });
    }

    private void wirePublishStep() {
        saveLabel.textProperty().bind(model.saveMessageProperty());
        showWhen(saveBox, model.saveMessageProperty().isNotEmpty());
        follow(model.saveStateProperty(), state -> {
            saveIcon.setIconCode(state == DmarcViewModel.SaveState.FAILED ? Material2AL.ERROR : Material2AL.CHECK_CIRCLE);
            (state == DmarcViewModel.SaveState.FAILED ? CheckState.ERROR : CheckState.PASS).colour(saveBox);
        });
        publishHow.textProperty().bind(model.publishHowProperty());
        badge(verifyHead, model.verifyStateProperty());
        verifyHeadline.textProperty().bind(model.verifyHeadlineProperty());
        records(verifyRecordHost, model.verifyPublishedProperty());
        follow(model.verifyFindingsProperty(), findings -> showFindings(verifyFindings, findings));
        verifyButton.disableProperty().bind(model.verifyStateProperty().isEqualTo(CheckState.PENDING));
        propagationButton.disableProperty().bind(model.recordProperty().isEmpty());
        publishStepBox.getChildren().add(PublishPane.load(model.publication(), bundle, lifetime));
    }

    private void wireResultDetails() {
        stageSummary.textProperty().bind(model.stageSummaryProperty());
        showWhen(stageSummary, model.stageSummaryProperty().isNotEmpty());
        stageEffect.textProperty().bind(model.stageEffectProperty());
        showWhen(stageEffect, model.stageEffectProperty().isNotEmpty());
        follow(model.recordFindingsProperty(), findings -> {
            showFindings(recordFindings, findings);
            recordFindingsTitle.setVisible(!findings.isEmpty());
            recordFindingsTitle.setManaged(!findings.isEmpty());
        });
    }

    @FXML
    private void readAgain() {
        model.commitDomain();
        model.readAgain();
    }

    @FXML
    private void checkDestinations() {
        model.checkDestinations(true);
    }

    @FXML
    private void checkSenders() {
        model.checkSendersAgain();
    }

    @FXML
    private void openSpf() {
        model.openSpfPage();
    }

    @FXML
    private void openDkim() {
        model.openDkimPage();
    }

    @FXML
    private void verify() {
        model.verify();
    }

    @FXML
    private void watchPropagation() {
        model.watchPropagation();
    }

    @FXML
    private void switchDomain() {
        model.switchToOtherDomain();
    }

    @FXML
    private void reviewDueStage() {
        model.reviewDueStage();
    }

    // ---- Small builders ----

    private Node destination(DestinationRow row) {
        StateBadge badge = new StateBadge(row.state(), stateWords);
        Label address = new Label(row.destination());
        address.getStyleClass().add("dmarc-destination-address");
        Label tag = new Label(row.tag());
        tag.getStyleClass().add("dmarc-chip");
        HBox head = new HBox(badge, address, tag);
        head.getStyleClass().add("dmarc-card-head");
        Label verdict = new Label(row.verdict());
        verdict.setWrapText(true);
        verdict.getStyleClass().add("dmarc-card-text");
        VBox box = new VBox(head, verdict);
        box.getStyleClass().add("dmarc-destination");
        row.authorization().ifPresent(authorization -> {
            GridPane record = new GridPane();
            record.getStyleClass().add("dmarc-record-grid");
            record.addRow(0, caption("dmarc.destination.name"), recordBox(authorization.name()));
            record.addRow(1, caption("dmarc.destination.value"), recordBox(authorization.value()));
            record.addRow(2, caption("wizard.result.zoneLine"), recordBox(authorization.zoneLine()));
            ColumnConstraints captions = new ColumnConstraints();
            captions.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints boxes = new ColumnConstraints();
            boxes.setHgrow(Priority.ALWAYS);
            record.getColumnConstraints().setAll(captions, boxes);
            box.getChildren().add(record);
        });
        box.setUserData(row);
        return box;
    }

    private Node stage(TimelineStage stage) {
        Label number = new Label(Integer.toString(stage.number()));
        number.getStyleClass().add("dmarc-stage-number");
        if (stage.position() == TimelineStage.Position.PASSED) {
            number.setText("");
            number.setGraphic(new FontIcon(Material2AL.CHECK));
        }
        Region line = new Region();
        line.getStyleClass().add("dmarc-stage-line");
        VBox.setVgrow(line, Priority.ALWAYS);
        VBox rail = new VBox(number, line);
        rail.getStyleClass().add("dmarc-stage-rail");

        Label name = new Label(stage.name());
        name.getStyleClass().add("dmarc-stage-name");
        name.setWrapText(true);
        HBox head = new HBox(name);
        head.getStyleClass().add("dmarc-card-head");
        String chip = switch (stage.position()) {
            case PASSED -> "dmarc.timeline.passed";
            case CURRENT -> "dmarc.timeline.current";
            case NEXT -> stage.due() ? "dmarc.timeline.due" : "dmarc.timeline.next";
            case LATER -> null;
        };
        if (chip != null) {
            Label position = new Label(Texts.format(bundle, chip));
            position.getStyleClass().addAll("dmarc-chip", "dmarc-stage-chip");
            position.setMinWidth(Region.USE_PREF_SIZE);
            head.getChildren().add(position);
        }
        VBox body = new VBox(head);
        body.getStyleClass().add("dmarc-stage-body");
        HBox.setHgrow(body, Priority.ALWAYS);
        if (stage.position() != TimelineStage.Position.PASSED) {
            Label when = new Label(stage.when().isEmpty() ? stage.duration() : stage.when() + " · " + stage.duration());
            when.getStyleClass().add("dmarc-muted");
            when.setWrapText(true);
            Label effect = new Label(stage.effect());
            effect.getStyleClass().add("dmarc-card-text");
            effect.setWrapText(true);
            body.getChildren().addAll(when, effect, recordBox(stage.record()));
            if (!stage.criteria().isEmpty()) {
                Label criteria = new Label(Texts.format(bundle, stage.number() == model.timelineProperty().get().size()
                        ? "dmarc.timeline.then" : "dmarc.timeline.criteria"));
                criteria.getStyleClass().add("dmarc-criteria-title");
                body.getChildren().add(criteria);
                stage.criteria().forEach(text -> body.getChildren().add(bullet(text, "dmarc-criterion")));
            }
            if (!stage.readinessTitle().isEmpty()) {
                Label question = new Label(stage.readinessTitle());
                question.getStyleClass().add("dmarc-criteria-title");
                question.setWrapText(true);
                body.getChildren().add(question);
                stage.readiness().ifPresentOrElse(found -> body.getChildren().add(finding(found)), () -> {
                    Label note = new Label(stage.readinessNote());
                    note.getStyleClass().add("dmarc-muted");
                    note.setWrapText(true);
                    body.getChildren().add(note);
                });
            }
        }
        HBox node = new HBox(rail, body);
        node.getStyleClass().add("dmarc-stage");
        node.pseudoClassStateChanged(POSITIONS.get(stage.position()), true);
        node.pseudoClassStateChanged(DUE, stage.due());
        node.setUserData(stage);
        return node;
    }

    private void showFindings(Pane host, List<Finding> findings) {
        host.getChildren().setAll(findings.stream().map(this::finding).toList());
        host.setVisible(!findings.isEmpty());
        host.setManaged(!findings.isEmpty());
    }

    /** A finding as every page shows it; why and how to fix are open at once for what needs fixing. */
    private FindingCard finding(Finding finding) {
        FindingCard card = FindingCard.of(finding, model.locale(), bundle);
        card.showDetails(finding.severity() == Severity.ERROR || finding.severity() == Severity.WARNING);
        return card;
    }

    private Label caption(String key) {
        Label caption = new Label(Texts.format(bundle, key));
        caption.getStyleClass().add("wizard-result-caption");
        return caption;
    }

    private RecordBox recordBox(String text) {
        RecordBox box = new RecordBox(Texts.format(bundle, "record.copy"), Texts.format(bundle, "record.copy.tooltip"),
                Texts.format(bundle, "record.copied"));
        box.setRecords(List.of(text));
        return box;
    }

    private void records(VBox host, ObservableValue<List<String>> records) {
        RecordBox box = new RecordBox(Texts.format(bundle, "record.copy"), Texts.format(bundle, "record.copy.tooltip"),
                Texts.format(bundle, "record.copied"));
        host.getChildren().setAll(box);
        follow(records, values -> {
            box.setRecords(values);
            host.setVisible(!values.isEmpty());
            host.setManaged(!values.isEmpty());
        });
    }

    private static Label bullet(String text, String styleClass) {
        Label label = new Label(text);
        label.setGraphic(new FontIcon(Material2AL.ARROW_RIGHT));
        label.getStyleClass().addAll("dmarc-bullet", styleClass);
        label.setWrapText(true);
        return label;
    }

    private void badge(HBox head, ObservableValue<CheckState> state) {
        StateBadge badge = new StateBadge(state.getValue(), stateWords);
        head.getChildren().add(0, badge);
        lifetime.onChange(state, (observable, old, value) -> badge.setState(value));
    }

    private static void showWhen(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Runs {@code show} with the value now and after every change. */
    private <T> void follow(ObservableValue<T> value, java.util.function.Consumer<T> show) {
        lifetime.onChange(value, (observable, old, now) -> show.accept(now));
        show.accept(value.getValue());
    }

    /** Dates written the way the window's language writes them, and read back the same way. */
    private StringConverter<LocalDate> dates() {
        Locale locale = bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : format.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                // Written as shown, or as 2026-11-25; anything else leaves no date, and the step says to choose one.
                for (DateTimeFormatter each : List.of(format, DateTimeFormatter.ISO_LOCAL_DATE)) {
                    try {
                        return LocalDate.parse(text.strip(), each);
                    } catch (DateTimeParseException e) {
                        // try the next way of writing it
                    }
                }
                return null;
            }
        };
    }
}
