package org.mailwright.ui.dkim;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.mailwright.findings.Finding;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.Texts;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.controls.FindingCard;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.controls.ScrollIntoView;
import org.mailwright.ui.controls.StateBadge;

/** Shows a {@link MessageCheckViewModel}: the message pasted or opened, and a card per signature. */
public final class MessageCheckView {

    private final MessageCheckViewModel model;
    private final ResourceBundle bundle;
    private final ViewLifetime lifetime;
    private final Words words;

    @FXML private ScrollPane root;
    @FXML private Button openButton;
    @FXML private HBox fileCard;
    @FXML private Label fileLabel;
    @FXML private TextArea messageText;
    @FXML private Button verifyButton;
    @FXML private Button cancelButton;
    @FXML private Label errorLabel;
    @FXML private VBox emptyState;
    @FXML private VBox results;
    @FXML private HBox overall;
    @FXML private VBox signatureRows;

    private MessageCheckView(MessageCheckViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.model = Objects.requireNonNull(model, "model");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.words = model.words();
    }

    /** The page; it listens to {@code model} for as long as {@code lifetime} lasts. */
    public static Parent load(MessageCheckViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        return Fxml.load("MessageCheck.fxml", bundle, new MessageCheckView(model, bundle, lifetime));
    }

    @FXML
    private void initialize() {
        messageText.textProperty().bindBidirectional(model.textProperty());
        var fileOpen = model.fileProperty().isNotNull();
        showWhile(fileCard, fileOpen);
        showWhile(messageText, fileOpen.not());
        fileLabel.textProperty().bind(model.fileSummary());
        openButton.disableProperty().bind(model.runningProperty());
        verifyButton.disableProperty().bind(model.canVerifyProperty().not());
        showWhile(cancelButton, model.runningProperty());
        ObservableValue<String> error = words.shown(model.errorProperty());
        errorLabel.textProperty().bind(error);
        showWhile(errorLabel, Bindings.createBooleanBinding(() -> !error.getValue().isEmpty(), error));
        showWhile(emptyState, model.reportProperty().isNull());
        showWhile(results, model.reportProperty().isNotNull());
        lifetime.onChange(model.rows(), (ListChangeListener<SignatureRow>) change -> showRows());
        lifetime.onChange(model.statusProperty(), (observable, old, status) -> showRows());
        showRows();

        ScrollIntoView.whenShown(results);
        ScrollIntoView.whenShown(errorLabel);
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
    }

    private void showRows() {
        overall.getChildren().clear();
        if (model.reportProperty().get() != null) {
            CheckState state = model.overallState();
            StateBadge badge = new StateBadge(state, shown -> Texts.format(bundle, "dkim.verify.overall." + shown.name().toLowerCase(Locale.ROOT)));
            badge.setId("dkim-verify-result");
            Label summary = new Label(words.say(model.statusProperty().get()));
            summary.setWrapText(true);
            summary.getStyleClass().add("dkim-overall-text");
            overall.getChildren().setAll(badge, summary);
        }
        signatureRows.getChildren().setAll(model.rows().stream().map(this::signatureCard).toList());
    }

    private Node signatureCard(SignatureRow row) {
        StateBadge badge = new StateBadge(row.state(), state -> row.word());
        Label title = new Label(row.title());
        title.getStyleClass().add("dkim-row-title");
        title.setWrapText(true);
        HBox header = new HBox(badge, title);
        header.getStyleClass().add("dkim-row-header");
        Label reason = new Label(row.reason());
        reason.setWrapText(true);
        reason.getStyleClass().add("dkim-signature-reason");
        VBox card = new VBox(header, reason);

        if (!row.tags().isEmpty()) {
            GridPane tags = new GridPane();
            tags.getStyleClass().add("dkim-tags");
            for (int i = 0; i < row.tags().size(); i++) {
                Label label = new Label(row.tags().get(i).label());
                label.getStyleClass().add("dkim-tag-label");
                label.setMinWidth(Label.USE_PREF_SIZE);
                Label value = new Label(row.tags().get(i).value());
                value.getStyleClass().add("dkim-tag-value");
                value.setWrapText(true);
                tags.addRow(i, label, value);
            }
            card.getChildren().add(tags);
        }
        for (Finding note : row.notes()) {
            card.getChildren().add(FindingCard.of(note, words.locale(), bundle));
        }
        if (!row.keyName().isEmpty()) {
            Label key = new Label(Texts.format(bundle, "dkim.verify.key", row.keyName()));
            key.getStyleClass().add("dkim-section-title");
            key.setWrapText(true);
            card.getChildren().add(key);
            if (!row.keyLookup().isEmpty()) {
                Label lookup = new Label(row.keyLookup());
                lookup.setWrapText(true);
                lookup.getStyleClass().add("dkim-row-meta");
                card.getChildren().add(lookup);
            }
            if (!row.keyRecords().isEmpty()) {
                RecordBox records = new RecordBox(Texts.format(bundle, "record.copy"),
                        Texts.format(bundle, "record.copy.tooltip"), Texts.format(bundle, "record.copied"));
                records.setRecords(row.keyRecords());
                card.getChildren().add(records);
            }
        }
        card.getStyleClass().addAll("dkim-row", "dkim-signature");
        card.setUserData(row);
        return card;
    }

    @FXML
    private void openMessage() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.format(bundle, "dkim.verify.open.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Texts.format(bundle, "dkim.verify.open.filter"), "*.eml", "*.msg", "*.txt"),
                new FileChooser.ExtensionFilter(Texts.format(bundle, "dkim.file.all"), "*"));
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.open(chosen.toPath());
        }
    }

    @FXML
    private void closeFile() {
        model.closeFile();
    }

    @FXML
    private void verify() {
        model.verify();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() && event.getDragboard().getFiles().size() == 1) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropped(DragEvent event) {
        List<File> files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
        boolean taken = files.size() == 1 && !model.runningProperty().get();
        if (taken) {
            model.open(files.get(0).toPath());
        }
        event.setDropCompleted(taken);
        event.consume();
    }

    private static void showWhile(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }
}
