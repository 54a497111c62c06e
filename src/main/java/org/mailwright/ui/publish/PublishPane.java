package org.mailwright.ui.publish;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.mailwright.publish.ChangeSetExport;
import org.mailwright.publish.RecordChange;
import org.mailwright.publish.TsigAlgorithm;
import org.mailwright.publish.UpdatePolicy;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.Texts;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.controls.SegmentedChoice;
import org.mailwright.ui.controls.StateBadge;

/**
 * Shows a {@link PublishViewModel} as the last part of a wizard's closing step: the diff, the
 * exports, and, once opened, the form that sends the update and the server configuration that
 * limits the key. Only wiring.
 */
public final class PublishPane {

    private final PublishViewModel model;
    private final ResourceBundle bundle;
    private final ViewLifetime lifetime;

    @FXML
    private VBox root;
    @FXML
    private Label diffHeading;
    @FXML
    private VBox diffRows;
    @FXML
    private VBox exportSection;
    @FXML
    private SegmentedChoice<PublishViewModel.ExportForm> exportChoice;
    @FXML
    private VBox exportHost;
    @FXML
    private HBox saveRow;
    @FXML
    private Label saveNote;
    @FXML
    private TitledPane sendPane;
    @FXML
    private TextField zoneField;
    @FXML
    private Label zoneProblem;
    @FXML
    private TextField serverField;
    @FXML
    private Label serverProblem;
    @FXML
    private TextField keyNameField;
    @FXML
    private Label keyNameProblem;
    @FXML
    private SegmentedChoice<TsigAlgorithm> algorithmChoice;
    @FXML
    private PasswordField secretField;
    @FXML
    private Button keyFileButton;
    @FXML
    private Label secretProblem;
    @FXML
    private Label keyNote;
    @FXML
    private CheckBox rememberBox;
    @FXML
    private Label rememberNote;
    @FXML
    private Hyperlink forgetLink;
    @FXML
    private Button sendButton;
    @FXML
    private Button previewButton;
    @FXML
    private Label sendBlocker;
    @FXML
    private Label progressText;
    @FXML
    private VBox previewHost;
    @FXML
    private VBox conflictCard;
    @FXML
    private HBox conflictHead;
    @FXML
    private VBox conflictRows;
    @FXML
    private VBox resultCard;
    @FXML
    private HBox resultHead;
    @FXML
    private Label resultText;
    @FXML
    private Button publishWatchButton;
    @FXML
    private SegmentedChoice<UpdatePolicy.Software> softwareChoice;
    @FXML
    private VBox policyExplanation;
    @FXML
    private VBox policySnippets;

    private PublishPane(PublishViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        this.model = Objects.requireNonNull(model, "model");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    /** The pane; it listens to {@code model} for as long as {@code lifetime} lasts. */
    public static Parent load(PublishViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        return Fxml.load("PublishPane.fxml", bundle, new PublishPane(model, bundle, lifetime));
    }

    @FXML
    private void initialize() {
        root.setId("publish-pane");
        wireDiff();
        wireExports();
        wireSendForm();
        wireSending();
        wirePolicy();
    }

    private void wireDiff() {
        diffHeading.textProperty().bind(model.diffHeadingProperty());
        follow(model.diffProperty(), entries -> diffRows.getChildren().setAll(entries.stream().map(this::change).toList()));
        showWhen(diffRows, model.hasChangesProperty());
        showWhen(exportSection, model.hasChangesProperty());
    }

    /** One change: its heading, then each record with its sign: - struck out, + added, = kept. */
    private Node change(PublishViewModel.DiffEntry entry) {
        Label heading = new Label(entry.heading());
        heading.getStyleClass().add("publish-change-heading");
        heading.setWrapText(true);
        VBox box = new VBox(heading);
        box.getStyleClass().add("publish-change");
        for (RecordChange.DiffLine line : entry.lines()) {
            Label sign = new Label(String.valueOf(line.mark().symbol()));
            sign.getStyleClass().add("publish-diff-sign");
            sign.setMinWidth(Region.USE_PREF_SIZE);
            RecordBox value = recordBox(line.record().value());
            HBox.setHgrow(value, Priority.ALWAYS);
            HBox row = new HBox(sign, value);
            row.getStyleClass().addAll("publish-diff-line", "publish-diff-" + line.mark().name().toLowerCase(Locale.ROOT));
            row.setAccessibleText(Texts.format(bundle, "publish.diff." + line.mark().name().toLowerCase(Locale.ROOT),
                    line.record().value()));
            box.getChildren().add(row);
        }
        return box;
    }

    private void wireExports() {
        exportChoice.setItems(List.of(PublishViewModel.ExportForm.values()),
                form -> Texts.format(bundle, "publish.export." + form.name().toLowerCase(Locale.ROOT)));
        exportChoice.valueProperty().bindBidirectional(model.exportFormProperty());
        Runnable show = () -> {
            if (model.exportFormProperty().get() == PublishViewModel.ExportForm.PANEL) {
                exportHost.getChildren().setAll(model.panelProperty().get().stream().map(this::panelEntry).toList());
            } else {
                RecordBox text = recordBox(model.exportTextProperty().get());
                text.setId("publish-export-text");
                exportHost.getChildren().setAll(text);
            }
        };
        onChange(model.exportFormProperty(), show);
        onChange(model.exportTextProperty(), show);
        onChange(model.panelProperty(), show);
        show.run();
        showWhen(saveRow, model.exportFormProperty().isEqualTo(PublishViewModel.ExportForm.JSON));
        saveNote.textProperty().bind(model.saveNoteProperty());
    }

    /** One record as a web panel asks for it: each field with its own Copy button. */
    private Node panelEntry(PublishViewModel.PanelEntry entry) {
        Label title = new Label(entry.title());
        title.getStyleClass().addAll("publish-change-heading",
                entry.step() == ChangeSetExport.PanelRow.Step.ADD ? "publish-panel-add" : "publish-panel-remove");
        GridPane fields = new GridPane();
        fields.getStyleClass().add("publish-panel-fields");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        fields.getColumnConstraints().setAll(labels, values);
        for (int row = 0; row < entry.fields().size(); row++) {
            PublishViewModel.PanelField field = entry.fields().get(row);
            Label label = new Label(field.label());
            label.getStyleClass().add("field-label");
            fields.addRow(row, label, recordBox(field.value()));
        }
        VBox box = new VBox(title, fields);
        box.getStyleClass().add("publish-change");
        return box;
    }

    private void wireSendForm() {
        sendPane.setId("publish-send");
        zoneField.textProperty().bindBidirectional(model.zoneProperty());
        serverField.textProperty().bindBidirectional(model.serverProperty());
        keyNameField.textProperty().bindBidirectional(model.keyNameProperty());
        algorithmChoice.setItems(List.of(TsigAlgorithm.values()), TsigAlgorithm::id);
        algorithmChoice.valueProperty().bindBidirectional(model.algorithmProperty());
        secretField.textProperty().bindBidirectional(model.secretProperty());
        secretField.promptTextProperty().bind(Texts.either(model.holdsKeyProperty(),
                Texts.format(bundle, "publish.secret.prompt.held"), Texts.format(bundle, "publish.secret.prompt")));
        rememberBox.selectedProperty().bindBidirectional(model.rememberProperty());
        problem(zoneProblem, model.zoneProblemProperty());
        problem(serverProblem, model.serverProblemProperty());
        problem(keyNameProblem, model.keyNameProblemProperty());
        problem(secretProblem, model.secretProblemProperty());
        problem(keyNote, model.keyNoteProperty());
        problem(rememberNote, model.rememberNoteProperty());
        showWhen(forgetLink, model.rememberedZoneProperty().isNotNull());
        for (Node field : List.of(zoneField, serverField, keyNameField, algorithmChoice, secretField, keyFileButton, rememberBox)) {
            field.disableProperty().bind(model.busyProperty());
        }
    }

    private void wireSending() {
        sendButton.disableProperty().bind(model.canSendProperty().not());
        previewButton.disableProperty().bind(model.hasChangesProperty().not());
        problem(sendBlocker, model.sendBlockerProperty());
        problem(progressText, model.progressTextProperty());
        RecordBox preview = recordBox("");
        preview.setId("publish-preview");
        previewHost.getChildren().add(preview);
        Runnable showPreview = () -> preview.setRecords(List.of(model.previewTextProperty().get()));
        onChange(model.previewTextProperty(), showPreview);
        showPreview.run();
        showWhen(previewHost, model.previewTextProperty().isNotEmpty());

        badge(conflictHead, model.stageProperty(), stage -> CheckState.WARNING);
        follow(model.conflictsProperty(), texts -> conflictRows.getChildren().setAll(texts.stream().map(text -> {
            Label conflict = new Label(text);
            conflict.getStyleClass().add("publish-conflict-text");
            conflict.setWrapText(true);
            return conflict;
        }).toList()));
        showWhen(conflictCard, model.stageProperty().isEqualTo(PublishViewModel.Stage.CONFIRM));

        badge(resultHead, model.resultStateProperty(), state -> state);
        resultText.textProperty().bind(model.resultTextProperty());
        showWhen(resultCard, model.resultTextProperty().isNotEmpty());
        showWhen(publishWatchButton, model.watchableProperty());
    }

    private void wirePolicy() {
        softwareChoice.setItems(List.of(UpdatePolicy.Software.values()), model::softwareName);
        softwareChoice.valueProperty().bindBidirectional(model.policySoftwareProperty());
        follow(model.policyExplanationProperty(), paragraphs -> policyExplanation.getChildren().setAll(paragraphs.stream()
                .map(paragraph -> {
                    Label text = new Label(paragraph);
                    text.getStyleClass().add("publish-text");
                    text.setWrapText(true);
                    return text;
                }).toList()));
        follow(model.policySnippetsProperty(), snippets -> policySnippets.getChildren().setAll(snippets.stream().map(snippet -> {
            Label where = new Label(snippet.where());
            where.getStyleClass().add("wizard-result-caption");
            where.setWrapText(true);
            VBox box = new VBox(where, recordBox(snippet.text()));
            box.getStyleClass().add("field");
            return (Node) box;
        }).toList()));
    }

    @FXML
    private void saveJson() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.format(bundle, "publish.json.save.title"));
        chooser.setInitialFileName(model.suggestedJsonName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.format(bundle, "publish.json.filter"), "*.json"));
        File chosen = chooser.showSaveDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.saveJson(chosen.toPath());
        }
    }

    @FXML
    private void readKeyFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.format(bundle, "publish.keyFile.title"));
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.readKeyFile(chosen.toPath());
        }
    }

    @FXML
    private void forget() {
        model.forget();
    }

    @FXML
    private void send() {
        model.send();
    }

    @FXML
    private void preview() {
        model.preview();
    }

    @FXML
    private void publishAgainstNow() {
        model.publishAgainstNow();
    }

    @FXML
    private void keepWhatIsThere() {
        model.keepWhatIsThere();
    }

    @FXML
    private void watchPropagation() {
        model.watchPropagation();
    }

    /** A state badge at the start of {@code head}, showing the state {@code value} maps to. */
    private <T> void badge(HBox head, ObservableValue<T> value, Function<T, CheckState> state) {
        StateBadge badge = new StateBadge(state.apply(value.getValue()), shown -> Texts.format(bundle, shown.textKey()));
        onChange(value, () -> badge.setState(state.apply(value.getValue())));
        head.getChildren().add(0, badge);
    }

    private RecordBox recordBox(String text) {
        RecordBox box = new RecordBox(Texts.format(bundle, "record.copy"), Texts.format(bundle, "record.copy.tooltip"),
                Texts.format(bundle, "record.copied"));
        box.setRecords(List.of(text));
        return box;
    }

    private <T> void follow(ObservableValue<T> value, Consumer<T> show) {
        onChange(value, () -> show.accept(value.getValue()));
        show.accept(value.getValue());
    }

    private <T> void onChange(ObservableValue<T> value, Runnable action) {
        lifetime.onChange(value, (observable, old, now) -> action.run());
    }

    /** A label that says {@code text} and takes no room while it is empty. */
    private static void problem(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        showWhen(label, label.textProperty().isNotEmpty());
    }

    private static void showWhen(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }
}
