package org.mailwright.ui.dkim;

import java.io.File;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.mailwright.findings.Finding;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.Texts;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.controls.FindingCard;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.controls.ScrollIntoView;
import org.mailwright.ui.controls.StateBadge;

/**
 * Shows a {@link MessageCheckViewModel}: the message pasted or opened, the session facts the user
 * knows, and a receiver's verdict: SPF, a card per signature, DMARC, ARC, the message's own
 * Authentication-Results beside Mailwright's, and the findings.
 */
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
    @FXML private TextField clientField;
    @FXML private Label clientProblem;
    @FXML private TextField heloField;
    @FXML private TextField mailFromField;
    @FXML private Button verifyButton;
    @FXML private Button cancelButton;
    @FXML private Label errorLabel;
    @FXML private VBox emptyState;
    @FXML private VBox results;

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
        clientField.textProperty().bindBidirectional(model.clientAddressProperty());
        heloField.textProperty().bindBidirectional(model.heloProperty());
        mailFromField.textProperty().bindBidirectional(model.mailFromProperty());
        clientField.setOnAction(event -> model.commitClientAddress());
        clientField.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                model.commitClientAddress();
            }
        });
        showProblem(clientProblem, words.shown(model.clientProblemProperty()));
        var fileOpen = model.fileProperty().isNotNull();
        showWhile(fileCard, fileOpen);
        showWhile(messageText, fileOpen.not());
        fileLabel.textProperty().bind(model.fileSummary());
        openButton.disableProperty().bind(model.runningProperty());
        verifyButton.disableProperty().bind(model.canVerifyProperty().not());
        showWhile(cancelButton, model.runningProperty());
        showProblem(errorLabel, words.shown(model.errorProperty()));
        showWhile(emptyState, model.screenProperty().isNull());
        showWhile(results, model.screenProperty().isNotNull());
        lifetime.onChange(model.screenProperty(), (observable, old, screen) -> show(screen));
        show(model.screenProperty().get());

        ScrollIntoView.whenShown(results);
        ScrollIntoView.whenShown(errorLabel);
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
    }

    private void show(VerdictScreen screen) {
        if (screen == null) {
            results.getChildren().clear();
            return;
        }
        StateBadge badge = new StateBadge(screen.state(), state -> screen.overall());
        badge.setId("message-verdict");
        Label from = new Label(screen.fromDomain());
        from.setWrapText(true);
        from.getStyleClass().add("dkim-overall-text");
        HBox overall = new HBox(badge, from);
        overall.getStyleClass().add("dkim-overall");
        Label status = meta(screen.status());

        VBox dkim = new VBox(sectionTitle(Texts.format(bundle, "message.dkim.title")), meta(screen.dkimSummary()));
        dkim.getStyleClass().add("dkim-rows");
        dkim.setId("message-dkim");
        screen.dkim().forEach(row -> dkim.getChildren().add(signatureCard(row)));

        VBox findings = new VBox(sectionTitle(Texts.format(bundle, "message.findings.title")));
        findings.getStyleClass().add("dkim-rows");
        screen.findings().forEach(finding -> findings.getChildren().add(FindingCard.of(finding, words.locale(), bundle)));

        results.getChildren().setAll(overall, status, verdictCard(screen.spf(), "message-spf"), dkim,
                verdictCard(screen.dmarc(), "message-dmarc"), verdictCard(screen.arc(), "message-arc"), stamped(screen.stamped()),
                findings);
    }

    private Node verdictCard(VerdictCard shown, String id) {
        StateBadge badge = new StateBadge(shown.state(), state -> shown.word());
        Label title = new Label(shown.title());
        title.getStyleClass().add("dkim-row-title");
        title.setWrapText(true);
        HBox header = new HBox(badge, title);
        header.getStyleClass().add("dkim-row-header");
        VBox card = new VBox(header);
        if (!shown.sentence().isEmpty()) {
            Label sentence = new Label(shown.sentence());
            sentence.setWrapText(true);
            card.getChildren().add(sentence);
        }
        if (!shown.facts().isEmpty()) {
            card.getChildren().add(tags(shown.facts()));
        }
        for (String line : shown.lines()) {
            Label item = new Label(line);
            item.setWrapText(true);
            item.getStyleClass().add("dkim-tag-value");
            card.getChildren().add(item);
        }
        card.getStyleClass().add("dkim-row");
        card.setId(id);
        card.setUserData(shown);
        return card;
    }

    private Node stamped(List<StampedRow> stamped) {
        VBox section = new VBox(sectionTitle(Texts.format(bundle, "message.stamped.title")));
        section.getStyleClass().add("dkim-rows");
        section.setId("message-stamped");
        if (stamped.isEmpty()) {
            section.getChildren().add(meta(Texts.format(bundle, "message.stamped.none")));
        }
        for (StampedRow field : stamped) {
            Label title = new Label(field.title());
            title.getStyleClass().add("dkim-row-title");
            title.setWrapText(true);
            VBox card = new VBox(title);
            if (field.methods().isEmpty()) {
                card.getChildren().add(meta(Texts.format(bundle, "message.stamped.empty")));
            } else {
                GridPane table = new GridPane();
                table.getStyleClass().addAll("dkim-tags", "message-stamped-table");
                table.addRow(0, heading("message.stamped.method"), heading("message.stamped.theirs"),
                        heading("message.stamped.ours"), new Label());
                for (int i = 0; i < field.methods().size(); i++) {
                    StampedRow.Method method = field.methods().get(i);
                    Label name = new Label(method.method());
                    name.getStyleClass().add("dkim-tag-value");
                    name.setWrapText(true);
                    StateBadge comparison = new StateBadge(method.state(), state -> method.comparison());
                    // Its own height beside a method that wraps onto two lines, as every badge on the page.
                    GridPane.setFillHeight(comparison, false);
                    table.addRow(i + 1, name, new Label(method.theirs()), new Label(method.ours()), comparison);
                }
                // The method column takes what is left and wraps: a long d= never widens the page.
                ColumnConstraints method = new ColumnConstraints();
                method.setHgrow(Priority.ALWAYS);
                method.setMinWidth(60);
                ColumnConstraints fitted = new ColumnConstraints();
                fitted.setMinWidth(Region.USE_PREF_SIZE);
                table.getColumnConstraints().setAll(method, fitted, fitted, fitted);
                card.getChildren().add(table);
            }
            card.getStyleClass().add("dkim-row");
            card.setUserData(field);
            section.getChildren().add(card);
        }
        return section;
    }

    private Label heading(String key) {
        Label heading = new Label(Texts.format(bundle, key));
        heading.getStyleClass().add("dkim-tag-label");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        return heading;
    }

    private static Label sectionTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("dkim-section-title");
        title.setWrapText(true);
        return title;
    }

    private static Label meta(String text) {
        Label meta = new Label(text);
        meta.getStyleClass().add("dkim-row-meta");
        meta.setWrapText(true);
        return meta;
    }

    /** Label and value rows; the values wrap, so a long header value never pushes the page wider. */
    private static GridPane tags(List<SignatureRow.Tag> shown) {
        GridPane tags = new GridPane();
        tags.getStyleClass().add("dkim-tags");
        for (int i = 0; i < shown.size(); i++) {
            Label label = new Label(shown.get(i).label());
            label.getStyleClass().add("dkim-tag-label");
            label.setWrapText(true);
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.setMaxWidth(220);
            Label value = new Label(shown.get(i).value());
            value.getStyleClass().add("dkim-tag-value");
            value.setWrapText(true);
            GridPane.setHgrow(value, Priority.ALWAYS);
            tags.addRow(i, label, value);
        }
        return tags;
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
            card.getChildren().add(tags(row.tags()));
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

    private static void showProblem(Label label, ObservableValue<String> problem) {
        label.textProperty().bind(problem);
        showWhile(label, Bindings.createBooleanBinding(() -> !problem.getValue().isEmpty(), problem));
    }

    private static void showWhile(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }
}
