package org.mailwright.ui.dkim;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import net.synedra.validatorfx.Validator;
import org.kordamp.ikonli.javafx.FontIcon;
import org.mailwright.dkim.KeyFiles.KeyFormat;
import org.mailwright.dkim.KeySpec;
import org.mailwright.dkim.KeyType;
import org.mailwright.dkim.MailServerSnippets.Server;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.Texts;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.controls.FindingCard;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.controls.FieldProblems;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.controls.ScrollIntoView;
import org.mailwright.ui.controls.SegmentedChoice;
import org.mailwright.ui.controls.StateBadge;
import org.mailwright.ui.publish.PublishPane;
import org.mailwright.ui.wizard.WizardStep;
import org.mailwright.ui.wizard.WizardView;
import org.mailwright.ui.wizard.WizardView.StepContent;

/** Shows a {@link DkimWizardViewModel}: the controls of each step, on the wizard framework. */
public final class DkimWizardView {

    private final DkimWizardViewModel model;
    private final ResourceBundle bundle;
    private final ViewLifetime lifetime;
    private final Validator validator = new Validator();

    @FXML private HBox otherDomainNotice;
    @FXML private Label otherDomainText;
    @FXML private Button startOverButton;
    @FXML private StackPane host;
    @FXML private VBox nameStep;
    @FXML private TextField domainField;
    @FXML private Label domainProblem;
    @FXML private TextField selectorField;
    @FXML private Label selectorProblem;
    @FXML private Label recordName;
    @FXML private VBox keyStep;
    @FXML private SegmentedChoice<KeyMaker.Origin> originChoice;
    @FXML private VBox generatePane;
    @FXML private SegmentedChoice<KeyType> typeChoice;
    @FXML private VBox sizeField;
    @FXML private SegmentedChoice<Integer> sizeChoice;
    @FXML private HBox advice;
    @FXML private FontIcon adviceIcon;
    @FXML private Label adviceText;
    @FXML private Button makeButton;
    @FXML private ProgressBar makeProgress;
    @FXML private Button cancelMakeButton;
    @FXML private VBox importPane;
    @FXML private Button openKeyButton;
    @FXML private Label keyFileLabel;
    @FXML private VBox passphraseField;
    @FXML private PasswordField importPassphrase;
    @FXML private Button readKeyButton;
    @FXML private HBox keyCard;
    @FXML private Label keyDescription;
    @FXML private VBox saveStep;
    @FXML private SegmentedChoice<KeyFormat> formatChoice;
    @FXML private Label formatWhy;
    @FXML private VBox passphraseFields;
    @FXML private PasswordField passphrase;
    @FXML private PasswordField passphraseAgain;
    @FXML private Button saveButton;
    @FXML private VBox replaceBox;
    @FXML private Label replaceText;
    @FXML private Button replaceButton;
    @FXML private HBox savedCard;
    @FXML private Label savedText;
    @FXML private VBox recordStep;
    @FXML private Label lengthNote;
    @FXML private CheckBox testingBox;
    @FXML private CheckBox sha256Box;
    @FXML private CheckBox emailBox;
    @FXML private CheckBox strictBox;
    @FXML private TextField notesField;
    @FXML private VBox serverStep;
    @FXML private TextField serverPathField;
    @FXML private SegmentedChoice<Server> serverChoice;
    @FXML private VBox snippetBox;
    @FXML private VBox rotationStep;
    @FXML private TextField oldSelectorField;
    @FXML private SegmentedChoice<KeyType> oldTypeChoice;
    @FXML private Label rotationWhy;
    @FXML private VBox planBox;
    @FXML private VBox checkStep;
    @FXML private Button checkButton;
    @FXML private Button cancelCheckButton;
    @FXML private Button watchButton;
    @FXML private Label checkStatus;
    @FXML private VBox checkEmpty;
    @FXML private Label checkEmptyText;
    @FXML private VBox checkResults;
    @FXML private HBox overall;
    @FXML private VBox serverRows;
    @FXML private VBox findingRows;
    @FXML private VBox recordDetails;
    @FXML private StackPane nameBoxHost;
    @FXML private StackPane hostBoxHost;

    private DkimWizardView(DkimWizardViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.model = Objects.requireNonNull(model, "model");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /** The page; it listens to {@code model} for as long as {@code lifetime} lasts. */
    public static Parent load(DkimWizardViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        return Fxml.load("DkimWizard.fxml", bundle, new DkimWizardView(model, bundle, lifetime));
    }

    @FXML
    private void initialize() {
        wireDomainNotice();
        wireName();
        wireKey();
        wireSave();
        wireRecord();
        wireServer();
        wireRotation();
        wireCheck();
        List<WizardStep> steps = model.wizard().steps();
        Map<WizardStep, StepContent> contents = Map.of(
                steps.get(0), StepContent.focusing(nameStep, selectorField),
                steps.get(1), StepContent.focusing(keyStep, makeButton),
                steps.get(2), StepContent.focusing(saveStep, saveButton),
                steps.get(3), new StepContent(recordStep, testingBox),
                steps.get(4), new StepContent(serverStep, serverPathField),
                steps.get(5), new StepContent(rotationStep, oldSelectorField),
                model.wizard().closingStep(), StepContent.focusing(checkStep, checkButton));
        host.getChildren().setAll(WizardView.load(model.wizard(), contents, bundle, recordDetails, lifetime));
        // Runs after the wizard has shown the step: Enter then does the step's next thing, and never makes a second key.
        lifetime.onChange(model.wizard().indexProperty(), (observable, old, index) -> focusNextThing(steps));
        for (Node appearing : List.of(keyCard, passphraseField, replaceBox, savedCard)) {
            ScrollIntoView.whenShown(appearing);
        }
    }

    private void wireDomainNotice() {
        showText(otherDomainText, model.otherDomainNoticeProperty());
        showWhile(otherDomainNotice, otherDomainText.visibleProperty());
        startOverButton.textProperty().bind(model.startOverTextProperty());
    }

    private void wireName() {
        domainField.textProperty().bindBidirectional(model.domainProperty());
        selectorField.textProperty().bindBidirectional(model.selectorProperty());
        showProblem(domainProblem, domainField, model.domainProblemProperty());
        showProblem(selectorProblem, selectorField, model.selectorProblemProperty());
        recordName.textProperty().bind(Bindings.createStringBinding(model::recordName, model.domainProperty(), model.selectorProperty()));
    }

    private void wireKey() {
        KeyMaker maker = model.maker();
        originChoice.setItems(List.of(KeyMaker.Origin.values()),
                origin -> text("dkim.key.origin." + origin.name().toLowerCase(Locale.ROOT)));
        originChoice.valueProperty().bindBidirectional(maker.originProperty());
        typeChoice.setItems(List.of(KeyType.RSA, KeyType.ED25519), DkimWizardViewModel::typeName);
        typeChoice.valueProperty().bindBidirectional(maker.typeProperty());
        sizeChoice.setItems(KeySpec.RSA_SIZES, bits -> text("dkim.key.bits", bits));
        sizeChoice.valueProperty().bindBidirectional(maker.rsaBitsProperty());
        BooleanExpression generating = maker.originProperty().isEqualTo(KeyMaker.Origin.GENERATE);
        showWhile(generatePane, generating);
        showWhile(importPane, generating.not());
        showWhile(sizeField, maker.typeProperty().isEqualTo(KeyType.RSA));
        Runnable showAdvice = () -> {
            KeyMaker.Advice chosen = maker.advice();
            adviceText.setText(model.say(chosen.phrase()));
            adviceIcon.setIconCode(StateBadge.iconOf(chosen.state()));
            chosen.state().colour(advice);
        };
        lifetime.onChange(maker.typeProperty(), (observable, old, type) -> showAdvice.run());
        lifetime.onChange(maker.rsaBitsProperty(), (observable, old, bits) -> showAdvice.run());
        showAdvice.run();

        makeButton.disableProperty().bind(maker.runningProperty());
        makeButton.textProperty().bind(Texts.either(maker.keyProperty().isNull(), text("dkim.key.make"), text("dkim.key.make.another")));
        showWhile(makeProgress, maker.runningProperty());
        showWhile(cancelMakeButton, maker.runningProperty());
        openKeyButton.disableProperty().bind(maker.runningProperty());
        keyFileLabel.textProperty().bind(Bindings.createStringBinding(
                () -> maker.keyFileProperty().get() == null ? text("dkim.key.noFile") : maker.keyFileProperty().get().toString(),
                maker.keyFileProperty()));
        showWhile(passphraseField, maker.encryptedProperty());
        importPassphrase.textProperty().bindBidirectional(maker.passphraseProperty());
        importPassphrase.setOnAction(event -> maker.read());
        readKeyButton.disableProperty().bind(maker.runningProperty().or(maker.passphraseProperty().isEmpty()));
        // The step's problem line says what went wrong, under the controls; focus goes where the answer is asked for.
        lifetime.onChange(maker.encryptedProperty(), (observable, was, encrypted) -> {
            if (encrypted) {
                importPassphrase.requestFocus();
            }
        });

        keyCard.getChildren().add(0, new StateBadge(CheckState.PASS, state -> text("dkim.key.ready")));
        keyDescription.textProperty().bind(Bindings.createStringBinding(model::keyDescription,
                maker.keyProperty(), maker.keyFileProperty()));
        showWhile(keyCard, maker.keyProperty().isNotNull());
        lifetime.onChange(maker.pendingChoiceProperty(), (observable, old, choice) -> {
            if (choice != null) {
                // After the choice's own event: a dialog's nested event loop inside it would leave the choice half made.
                Platform.runLater(this::askBeforeDroppingKey);
            }
        });
        // Enter on the button that made the key would make another; once there is one, Enter goes on.
        lifetime.onChange(maker.keyProperty(), (observable, old, key) -> focusNextIfOn(key, makeButton, openKeyButton, readKeyButton, importPassphrase));
    }

    /** Asks whether the key held may go for the choice just made; closing the dialog keeps the key. */
    private void askBeforeDroppingKey() {
        KeyMaker maker = model.maker();
        if (maker.pendingChoiceProperty().get() == null || host.getScene() == null) {
            return;
        }
        ButtonType drop = new ButtonType(text("dkim.key.switch.discard"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(text("dkim.key.switch.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert question = new Alert(Alert.AlertType.CONFIRMATION, model.switchQuestionProperty().get(), keep, drop);
        question.initOwner(host.getScene().getWindow());
        question.setTitle(text("dkim.key.switch.title"));
        question.setHeaderText(text("dkim.key.switch.title"));
        question.getDialogPane().getStylesheets().setAll(host.getScene().getStylesheets());
        // Enter must not be what throws a key away.
        ((Button) question.getDialogPane().lookupButton(drop)).setDefaultButton(false);
        ((Button) question.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        if (question.showAndWait().filter(drop::equals).isPresent()) {
            maker.discardForChoice();
        } else {
            maker.keepKey();
        }
    }

    private void wireSave() {
        KeySaver saver = model.saver();
        Runnable showFormats = () -> {
            KeyType type = saver.keyProperty().get() == null ? KeyType.RSA : saver.keyProperty().get().type();
            formatChoice.setItems(KeySaver.formatsFor(type), format -> text("dkim.format." + format.name().toLowerCase(Locale.ROOT)));
        };
        lifetime.onChange(saver.keyProperty(), (observable, old, key) -> showFormats.run());
        showFormats.run();
        formatChoice.valueProperty().bindBidirectional(saver.formatProperty());
        formatWhy.textProperty().bind(Bindings.createStringBinding(
                () -> text("dkim.format." + saver.formatProperty().get().name().toLowerCase(Locale.ROOT) + ".why"),
                saver.formatProperty()));
        showWhile(passphraseFields, saver.formatProperty().isEqualTo(KeyFormat.PKCS8));
        passphrase.textProperty().bindBidirectional(saver.passphraseProperty());
        passphraseAgain.textProperty().bindBidirectional(saver.passphraseAgainProperty());
        saveButton.disableProperty().bind(saver.runningProperty().or(saver.keyProperty().isNull()));
        saveButton.textProperty().bind(Texts.either(saver.savedProperty().isNull(), text("dkim.save.button"), text("dkim.save.again")));

        showWhile(replaceBox, saver.awaitingReplaceProperty().isNotNull());
        replaceText.textProperty().bind(Bindings.createStringBinding(() -> saver.awaitingReplaceProperty().get() == null ? ""
                : text("dkim.save.exists", saver.awaitingReplaceProperty().get()), saver.awaitingReplaceProperty()));

        savedCard.getChildren().add(0, new StateBadge(CheckState.PASS, state -> text("dkim.save.done")));
        savedText.textProperty().bind(Bindings.createStringBinding(model::savedDescription, saver.savedProperty()));
        showWhile(savedCard, saver.savedProperty().isNotNull());
        lifetime.onChange(saver.savedProperty(), (observable, old, saved) -> focusNextIfOn(saved, saveButton, replaceButton));
    }

    private void wireRecord() {
        lengthNote.textProperty().bind(model.lengthNote());
        testingBox.selectedProperty().bindBidirectional(model.testingProperty());
        sha256Box.selectedProperty().bindBidirectional(model.sha256OnlyProperty());
        emailBox.selectedProperty().bindBidirectional(model.emailOnlyProperty());
        strictBox.selectedProperty().bindBidirectional(model.strictIdentityProperty());
        notesField.textProperty().bindBidirectional(model.notesProperty());

        RecordBox name = recordBox("dkim-record-name");
        nameBoxHost.getChildren().setAll(name);
        RecordBox hostName = recordBox("dkim-record-host");
        hostBoxHost.getChildren().setAll(hostName);
        Runnable showNames = () -> {
            name.setRecords(model.dnsRecord() == null ? List.of() : List.of(model.dnsRecord().name()));
            hostName.setRecords(List.of(model.hostField().get()));
        };
        lifetime.onChange(model.dnsRecordProperty(), (observable, old, record) -> showNames.run());
        showNames.run();
        showWhile(recordDetails, model.dnsRecordProperty().isNotNull());
    }

    private void wireServer() {
        serverPathField.textProperty().bindBidirectional(model.serverKeyPathProperty());
        serverChoice.setItems(List.of(Server.values()), server -> text("dkim.server." + server.name().toLowerCase(Locale.ROOT)));
        serverChoice.setValue(Server.OPENDKIM);
        serverChoice.valueProperty().addListener((observable, old, server) -> showSnippets());
        lifetime.onChange(model.snippets(), (ListChangeListener<SnippetRow>) change -> showSnippets());
        showSnippets();
    }

    private void showSnippets() {
        Server shown = serverChoice.getValue();
        snippetBox.getChildren().setAll(model.snippets().stream()
                .filter(snippet -> snippet.server() == shown)
                .map(this::snippetCard)
                .toList());
    }

    private Node snippetCard(SnippetRow snippet) {
        VBox card = new VBox();
        card.getStyleClass().add("dkim-snippet");
        Label file = new Label(snippet.file());
        file.getStyleClass().add("dkim-snippet-file");
        card.getChildren().add(file);
        if (!snippet.text().isEmpty()) {
            RecordBox lines = recordBox(null);
            lines.setRecords(List.of(snippet.text().stripTrailing()));
            card.getChildren().add(lines);
        }
        if (!snippet.note().isEmpty()) {
            card.getChildren().add(note(snippet.note()));
        }
        return card;
    }

    private void wireRotation() {
        oldSelectorField.textProperty().bindBidirectional(model.oldSelectorProperty());
        oldTypeChoice.setItems(List.of(KeyType.RSA, KeyType.ED25519), DkimWizardViewModel::typeName);
        oldTypeChoice.valueProperty().bindBidirectional(model.oldTypeProperty());
        rotationWhy.textProperty().bind(model.rotationWhy());
        lifetime.onChange(model.plan(), (ListChangeListener<PlanRow>) change -> showPlan());
        showPlan();
    }

    private void showPlan() {
        planBox.getChildren().setAll(model.plan().stream().map(this::planCard).toList());
    }

    private Node planCard(PlanRow row) {
        Label date = new Label(row.date());
        date.getStyleClass().add("dkim-plan-date");
        date.setMinWidth(Label.USE_PREF_SIZE);
        Label title = new Label(row.title());
        title.getStyleClass().add("dkim-plan-title");
        Label detail = new Label(row.detail());
        detail.setWrapText(true);
        VBox text = new VBox(title, detail);
        text.getStyleClass().add("dkim-plan-text");
        if (!row.zoneLine().isEmpty()) {
            RecordBox record = recordBox(null);
            record.setRecords(List.of(row.zoneLine()));
            text.getChildren().add(record);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox card = new HBox(date, text);
        card.getStyleClass().add("dkim-plan-step");
        return card;
    }

    private void wireCheck() {
        KeyCheck check = model.check();
        checkButton.disableProperty().bind(check.runningProperty().or(model.dnsRecordProperty().isNull()));
        checkButton.textProperty().bind(Texts.either(check.reportProperty().isNull(), text("dkim.check.button"), text("dkim.check.again")));
        showWhile(cancelCheckButton, check.runningProperty());
        watchButton.disableProperty().bind(model.dnsRecordProperty().isNull());
        showText(checkStatus, model.shown(check.statusProperty()));
        checkEmptyText.textProperty().bind(Bindings.createStringBinding(() -> model.dnsRecord() == null ? ""
                : text("dkim.check.empty.text", model.dnsRecord().name(), model.dnsRecord().domain()), model.dnsRecordProperty()));
        showWhile(checkEmpty, check.reportProperty().isNull().and(check.runningProperty().not()));
        showWhile(checkResults, check.reportProperty().isNotNull());
        lifetime.onChange(check.servers(), (ListChangeListener<ServerRow>) change -> showCheck());
        lifetime.onChange(check.reportProperty(), (observable, old, report) -> showCheck());
        showCheck();
        checkStep.getChildren().add(PublishPane.load(model.publication(), bundle, lifetime));
    }

    private void showCheck() {
        KeyCheck check = model.check();
        overall.getChildren().clear();
        if (check.reportProperty().get() != null) {
            var result = check.reportProperty().get().result();
            StateBadge badge = new StateBadge(ServerRow.stateOf(result), state -> text("dkim.check.result." + result.jsonName()));
            badge.setId("dkim-check-result");
            Label headline = new Label(text("dkim.check.headline." + result.jsonName()));
            headline.setWrapText(true);
            headline.getStyleClass().add("dkim-overall-text");
            overall.getChildren().setAll(badge, headline);
        }
        serverRows.getChildren().setAll(check.servers().stream().map(this::serverCard).toList());
        findingRows.getChildren().setAll(check.findings().stream()
                .map(finding -> FindingCard.of(finding, model.locale(), bundle)).toList());
    }

    private Node serverCard(ServerRow row) {
        StateBadge badge = new StateBadge(row.state(), state -> row.word());
        Label server = new Label(row.server());
        server.getStyleClass().add("dkim-row-title");
        // A name server's name is as long as its owner likes: it wraps rather than lose its end.
        server.setWrapText(true);
        // The resolver's name is often its address already.
        Label where = new Label(row.server().equals(row.address()) ? row.role() : row.role() + " · " + row.address());
        where.getStyleClass().add("dkim-row-meta");
        where.setWrapText(true);
        HBox header = new HBox(badge, server);
        header.getStyleClass().add("dkim-row-header");
        Label detail = new Label(row.detail());
        detail.setWrapText(true);
        // The role and address on a line of their own: beside the name they left it no room.
        VBox card = new VBox(header, where, detail);
        if (!row.records().isEmpty() && row.state() != CheckState.PASS) {
            RecordBox records = recordBox(null);
            records.setRecords(row.records());
            card.getChildren().add(records);
        }
        card.getStyleClass().add("dkim-row");
        card.setUserData(row);
        return card;
    }

    @FXML
    private void startOver() {
        model.startOver();
    }

    @FXML
    private void setUpAnother() {
        model.setUpAnother();
    }

    @FXML
    private void suggestSelector() {
        model.suggestSelector();
    }

    @FXML
    private void makeKey() {
        model.maker().make();
    }

    @FXML
    private void cancelKey() {
        model.maker().cancel();
    }

    @FXML
    private void openKey() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text("dkim.key.open.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(text("dkim.key.open.filter"), "*.private", "*.pem", "*.key"),
                new FileChooser.ExtensionFilter(text("dkim.file.all"), "*"));
        File chosen = chooser.showOpenDialog(host.getScene().getWindow());
        if (chosen != null) {
            model.maker().open(chosen.toPath());
        }
    }

    @FXML
    private void readKey() {
        model.maker().read();
    }

    @FXML
    private void saveKey() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text("dkim.save.title"));
        chooser.setInitialFileName(model.suggestedFileName());
        KeySaver.Saved saved = model.saver().savedProperty().get();
        File folder = saved == null ? null : saved.key().path().getParent().toFile();
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        File chosen = chooser.showSaveDialog(host.getScene().getWindow());
        if (chosen != null) {
            model.saver().save(chosen.toPath());
        }
    }

    @FXML
    private void replaceFile() {
        model.saver().replace();
    }

    @FXML
    private void keepFile() {
        model.saver().keepExisting();
        saveKey();
    }

    @FXML
    private void checkDns() {
        model.checkDns();
    }

    @FXML
    private void cancelCheck() {
        model.check().cancel();
    }

    @FXML
    private void watchPropagation() {
        model.watchPropagation();
    }

    private void focusNextThing(List<WizardStep> steps) {
        WizardStep shown = model.wizard().currentStepProperty().get();
        Node next = host.lookup("#next");
        if (shown == steps.get(1)) {
            boolean generating = model.maker().originProperty().get() == KeyMaker.Origin.GENERATE;
            focus(model.maker().keyProperty().get() != null ? next : generating ? makeButton : openKeyButton);
        } else if (shown == steps.get(2)) {
            focus(model.saver().savedProperty().get() != null ? next : saveButton);
        }
    }

    private static void focus(Node node) {
        if (node != null) {
            node.requestFocus();
        }
    }

    private void focusNextIfOn(Object done, Node... controls) {
        Node next = host.lookup("#next");
        if (done != null && next != null && Arrays.stream(controls).anyMatch(Node::isFocused)) {
            next.requestFocus();
        }
    }

    private void showProblem(Label label, TextField field, ObservableValue<String> problem) {
        label.textProperty().bind(problem);
        showWhile(label, Bindings.createBooleanBinding(() -> !problem.getValue().isEmpty(), problem));
        FieldProblems.mark(validator, field, problem);
    }

    private static void showText(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        showWhile(label, Bindings.createBooleanBinding(() -> !text.getValue().isEmpty(), text));
    }

    private static void showWhile(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    private Label note(String text) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.getStyleClass().add("field-why");
        return note;
    }

    private RecordBox recordBox(String id) {
        RecordBox box = new RecordBox(text("record.copy"), text("record.copy.tooltip"), text("record.copied"));
        if (id != null) {
            box.setId(id);
        }
        return box;
    }

    private String text(String key, Object... arguments) {
        return Texts.format(bundle, key, arguments);
    }
}
