package org.mailwright.ui.propagation;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import net.synedra.validatorfx.Validator;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.PublicResolver;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.propagation.CellState;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.propagation.Role;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.Texts;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.controls.FieldProblems;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.controls.StateBadge;

/** Shows a {@link PropagationViewModel}: the choice of records and servers, then the grid, its details and history. */
public final class PropagationView {

    /** Below this page width the summary's buttons go under its text. */
    private static final double NARROW_SUMMARY = 1080;
    /** Below this page width the history goes under the details. */
    private static final double NARROW_LOWER = 900;
    /** How long the "everywhere" notification stays before it tucks itself away (the summary keeps saying it). */
    private static final Duration NOTIFICATION_TIME = Duration.seconds(20);
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final PropagationViewModel model;
    private final ResourceBundle bundle;
    private final ViewLifetime lifetime;
    private final Validator validator = new Validator();
    private final List<Node> selectable = new ArrayList<>();
    private Notification shownNotification;

    @FXML
    private StackPane overlay;
    @FXML
    private ScrollPane pageScroll;
    @FXML
    private VBox chooser;
    @FXML
    private Button closeChooserButton;
    @FXML
    private TextField domainField;
    @FXML
    private Label domainProblemLabel;
    @FXML
    private CheckBox spfPick;
    @FXML
    private CheckBox dmarcPick;
    @FXML
    private CheckBox mxPick;
    @FXML
    private Label spfNameLabel;
    @FXML
    private Label dmarcNameLabel;
    @FXML
    private Label mxNameLabel;
    @FXML
    private Label selectorsLabel;
    @FXML
    private TextField selectorsField;
    @FXML
    private Label dkimNameLabel;
    @FXML
    private Label selectorsProblemLabel;
    @FXML
    private TextField newNameField;
    @FXML
    private ComboBox<RecordType> newTypeBox;
    @FXML
    private TextField newValuesField;
    @FXML
    private Button addRecordButton;
    @FXML
    private Label newRecordNoteLabel;
    @FXML
    private FlowPane addedRecordsPane;
    @FXML
    private Label serversSummaryLabel;
    @FXML
    private TextField newServerField;
    @FXML
    private Label newServerProblemLabel;
    @FXML
    private FlowPane addedServersPane;
    @FXML
    private FlowPane presetsPane;
    @FXML
    private StackPane notificationHolder;
    @FXML
    private Label startProblemLabel;
    @FXML
    private Button startButton;
    @FXML
    private VBox emptyState;
    @FXML
    private VBox watchPane;
    @FXML
    private HBox summaryRow;
    @FXML
    private VBox summaryTexts;
    @FXML
    private VBox summaryControls;
    @FXML
    private HBox lowerRow;
    @FXML
    private VBox historyPane;
    @FXML
    private VBox watchLower;
    @FXML
    private StackPane overallHolder;
    @FXML
    private Label headlineLabel;
    @FXML
    private Label etaLabel;
    @FXML
    private Label watchingLabel;
    @FXML
    private Label countdownLabel;
    @FXML
    private Button checkNowButton;
    @FXML
    private Button pauseButton;
    @FXML
    private HBox noticeBox;
    @FXML
    private Label noticeLabel;
    @FXML
    private GridPane grid;
    @FXML
    private FlowPane legend;
    @FXML
    private VBox detail;
    @FXML
    private Label historyEmptyLabel;
    @FXML
    private VBox historyBox;

    private PropagationView(PropagationViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.model = Objects.requireNonNull(model, "model");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /** The page; it listens to {@code model} for as long as {@code lifetime} lasts. */
    public static Parent load(PropagationViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        return Fxml.load("Propagation.fxml", bundle, new PropagationView(model, bundle, lifetime));
    }

    @FXML
    private void initialize() {
        wireChooser();
        wireSummary();
        showLegend();
        lifetime.onChange(model.gridProperty(), (observable, old, shown) -> showGrid());
        lifetime.onChange(model.selectionProperty(), (observable, old, shown) -> showSelection());
        lifetime.onChange(model.history(), (ListChangeListener<HistoryEntry>) change -> showHistory());
        lifetime.onChange(model.notificationProperty(), (observable, old, text) -> showNotification(text));
        showGrid();
        showHistory();
        showNotification(model.notificationProperty().get());
        overlay.widthProperty().addListener((observable, old, width) -> arrange(width.doubleValue()));
    }

    /** A narrow window stacks what sits side by side in a wide one, so no text is squeezed into a column of letters. */
    private void arrange(double width) {
        boolean narrowSummary = width < NARROW_SUMMARY;
        if (narrowSummary == summaryRow.getChildren().contains(summaryControls)) {
            if (narrowSummary) {
                summaryRow.getChildren().remove(overallHolder);
                summaryTexts.getChildren().add(0, overallHolder);
                summaryTexts.getChildren().add(summaryControls);
                summaryControls.getStyleClass().add("below");
            } else {
                summaryTexts.getChildren().removeAll(overallHolder, summaryControls);
                summaryRow.getChildren().add(0, overallHolder);
                summaryRow.getChildren().add(summaryControls);
                summaryControls.getStyleClass().remove("below");
            }
        }
        boolean narrowLower = width < NARROW_LOWER;
        if (narrowLower == lowerRow.getChildren().contains(historyPane)) {
            if (narrowLower) {
                lowerRow.getChildren().remove(historyPane);
                watchLower.getChildren().add(historyPane);
                historyPane.getStyleClass().add("stacked");
            } else {
                watchLower.getChildren().remove(historyPane);
                lowerRow.getChildren().add(historyPane);
                historyPane.getStyleClass().remove("stacked");
            }
        }
    }

    // ---- The choice of records and servers ----

    private void wireChooser() {
        bindShown(chooser, model.editingProperty());
        bindShown(closeChooserButton, model.activityProperty().isNotEqualTo(PropagationViewModel.Activity.IDLE));

        domainField.textProperty().bindBidirectional(model.domainProperty());
        domainField.setOnAction(event -> startWatching());
        showProblem(domainProblemLabel, domainField, model.domainProblemProperty());
        spfPick.selectedProperty().bindBidirectional(model.spfProperty());
        dmarcPick.selectedProperty().bindBidirectional(model.dmarcProperty());
        mxPick.selectedProperty().bindBidirectional(model.mxProperty());
        spfNameLabel.textProperty().bind(model.spfNameProperty());
        dmarcNameLabel.textProperty().bind(model.dmarcNameProperty());
        mxNameLabel.textProperty().bind(model.mxNameProperty());
        dkimNameLabel.textProperty().bind(model.dkimNameProperty());
        selectorsLabel.setLabelFor(selectorsField);
        selectorsField.textProperty().bindBidirectional(model.selectorsProperty());
        selectorsField.setOnAction(event -> startWatching());
        showProblem(selectorsProblemLabel, selectorsField, model.selectorsProblemProperty());

        newNameField.textProperty().bindBidirectional(model.newNameProperty());
        newTypeBox.getItems().setAll(RecordType.values());
        newTypeBox.valueProperty().bindBidirectional(model.newTypeProperty());
        newValuesField.textProperty().bindBidirectional(model.newValuesProperty());
        newNameField.setOnAction(event -> addRecord());
        newValuesField.setOnAction(event -> addRecord());
        newRecordNoteLabel.textProperty().bind(model.newRecordNoteProperty());
        bindShown(newRecordNoteLabel, model.newRecordNoteProperty().isNotEmpty());
        lifetime.onChange(model.newRecordValidProperty(), (observable, old, valid) -> styleNote(valid));
        styleNote(model.newRecordValidProperty().get());
        addRecordButton.disableProperty().bind(model.newRecordValidProperty().not());
        lifetime.onChange(model.addedRecords(), (ListChangeListener<ExpectedRecord>) change -> showAddedRecords());
        showAddedRecords();

        serversSummaryLabel.textProperty().bind(model.serversSummaryProperty());
        newServerField.textProperty().bindBidirectional(model.newServerProperty());
        newServerField.setOnAction(event -> addServer());
        showProblem(newServerProblemLabel, newServerField, model.newServerProblemProperty());
        lifetime.onChange(model.addedServers(), (ListChangeListener<ResolverTarget>) change -> showAddedServers());
        for (PublicResolver preset : model.presets()) {
            Button add = new Button(model.presetText(preset), new FontIcon(Material2AL.ADD));
            add.setMinWidth(Region.USE_PREF_SIZE);
            add.setId("preset-" + preset.id());
            add.setOnAction(event -> model.addPreset(preset));
            add.disableProperty().bind(Bindings.createBooleanBinding(() -> model.addedServers().contains(preset),
                    model.addedServers()));
            presetsPane.getChildren().add(add);
        }
        showAddedServers();

        startProblemLabel.textProperty().bind(model.startProblemProperty());
        startButton.disableProperty().bind(model.canStartProperty().not());
    }

    private void styleNote(boolean valid) {
        newRecordNoteLabel.getStyleClass().setAll("label", valid ? "field-why" : "field-problem");
    }

    private void showProblem(Label label, Node field, ObservableValue<String> problem) {
        label.textProperty().bind(problem);
        bindShown(label, label.textProperty().isNotEmpty());
        FieldProblems.mark(validator, field, problem);
    }

    private static void bindShown(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }

    private void showAddedRecords() {
        addedRecordsPane.getChildren().setAll(model.addedRecords().stream()
                .map(record -> chip(model.describe(record), () -> model.removeRecord(record))).toList());
    }

    private void showAddedServers() {
        addedServersPane.getChildren().setAll(model.addedServers().stream()
                .map(server -> chip(model.describe(server), () -> model.removeServer(server))).toList());
    }

    private Node chip(String text, Runnable remove) {
        Label label = new Label(text);
        label.getStyleClass().add("chip-text");
        label.setTooltip(new Tooltip(text));
        Button removeButton = new Button(null, new FontIcon(Material2AL.CLOSE));
        removeButton.getStyleClass().addAll("flat", "chip-remove");
        removeButton.setTooltip(new Tooltip(Texts.format(bundle, "propagation.chip.remove", text)));
        removeButton.setAccessibleText(removeButton.getTooltip().getText());
        removeButton.setOnAction(event -> remove.run());
        HBox chip = new HBox(label, removeButton);
        chip.getStyleClass().add("chip");
        return chip;
    }

    @FXML
    private void addRecord() {
        if (model.addRecord()) {
            newNameField.requestFocus();
        }
    }

    @FXML
    private void addServer() {
        model.addServer();
    }

    @FXML
    private void startWatching() {
        model.startWatching();
    }

    @FXML
    private void closeChooser() {
        model.closeEditing();
    }

    // ---- The watch's summary ----

    private void wireSummary() {
        var idle = model.activityProperty().isEqualTo(PropagationViewModel.Activity.IDLE);
        bindShown(emptyState, idle.and(model.editingProperty()));
        bindShown(watchPane, idle.not());
        headlineLabel.textProperty().bind(model.headlineProperty());
        etaLabel.textProperty().bind(model.etaProperty());
        watchingLabel.textProperty().bind(model.watchingProperty());
        countdownLabel.textProperty().bind(model.countdownProperty());
        noticeLabel.textProperty().bind(model.noticeProperty());
        bindShown(noticeBox, model.noticeProperty().isNotEmpty());
        checkNowButton.disableProperty().bind(model.activityProperty().isEqualTo(PropagationViewModel.Activity.CHECKING));
        var paused = model.activityProperty().isEqualTo(PropagationViewModel.Activity.PAUSED);
        pauseButton.textProperty().bind(Texts.either(paused, Texts.format(bundle, "propagation.resume"),
                Texts.format(bundle, "propagation.pause")));
        pauseButton.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(paused.get() ? Material2MZ.PLAY_ARROW : Material2MZ.PAUSE), paused));
        pauseButton.disableProperty().bind(model.activityProperty().isEqualTo(PropagationViewModel.Activity.DONE));
        lifetime.onChange(model.overallProperty(), (observable, old, state) -> showOverall());
        lifetime.onChange(model.overallWordProperty(), (observable, old, word) -> showOverall());
        showOverall();
    }

    private void showOverall() {
        String word = model.overallWordProperty().get();
        StateBadge badge = new StateBadge(model.overallProperty().get(), state -> word);
        badge.setId("overallBadge");
        badge.setMaxHeight(Region.USE_PREF_SIZE);
        overallHolder.getChildren().setAll(badge);
    }

    @FXML
    private void checkNow() {
        model.checkNow();
    }

    @FXML
    private void pauseOrResume() {
        if (model.activityProperty().get() == PropagationViewModel.Activity.PAUSED) {
            model.resume();
        } else {
            model.pause();
        }
    }

    @FXML
    private void editRecords() {
        model.editRecords();
        domainField.requestFocus();
        pageScroll.setVvalue(0);
    }

    /** In the page's flow under the summary, never over it: the log and the grid stay in view beside it. */
    private void showNotification(String text) {
        if (shownNotification != null) {
            notificationHolder.getChildren().remove(shownNotification);
            shownNotification = null;
        }
        if (text == null || text.isEmpty()) {
            return;
        }
        FontIcon icon = new FontIcon(Material2AL.DONE_ALL);
        Notification notification = new Notification(text, icon);
        notification.setId("everywhereNotification");
        notification.getStyleClass().addAll(Styles.SUCCESS, Styles.ELEVATED_2);
        notification.setMaxSize(Double.MAX_VALUE, Region.USE_PREF_SIZE);
        notification.setOnClose(event -> model.dismissNotification());
        notificationHolder.getChildren().add(notification);
        shownNotification = notification;
        PauseTransition stay = new PauseTransition(NOTIFICATION_TIME);
        stay.setOnFinished(event -> {
            if (shownNotification == notification) {
                model.dismissNotification();
            }
        });
        stay.play();
    }

    // ---- The grid ----

    private void showLegend() {
        List<Node> entries = new ArrayList<>();
        for (CellState state : CellState.values()) {
            Label entry = new Label(Texts.format(bundle, "propagation.legend." + state.jsonName()),
                    new FontIcon(PropagationGrid.icon(state)));
            entry.getStyleClass().addAll("legend-entry", "legend-" + state.jsonName());
            entries.add(entry);
        }
        Label colours = new Label(Texts.format(bundle, "propagation.legend.colours"));
        colours.getStyleClass().add("legend-colours");
        colours.setWrapText(true);
        entries.add(colours);
        legend.getChildren().setAll(entries);
    }

    private void showGrid() {
        // A check redraws the grid; whoever was moving through it with the keyboard stays where they were.
        Object focused = selectable.stream().filter(Node::isFocused).findFirst().map(Node::getUserData).orElse(null);
        grid.getChildren().clear();
        selectable.clear();
        PropagationGrid shown = model.gridProperty().get();
        if (shown == null) {
            Label waiting = new Label(Texts.format(bundle, "propagation.grid.waiting"));
            waiting.getStyleClass().add("grid-waiting");
            grid.add(waiting, 0, 0);
            showSelection();
            return;
        }
        List<PropagationGrid.Column> columns = shown.columns();
        int authoritative = (int) columns.stream().filter(column -> column.role() == Role.AUTHORITATIVE).count();
        if (authoritative > 0) {
            grid.add(group(Texts.format(bundle, "propagation.grid.nameServers", shown.zone()), "group-authoritative"), 1, 0, authoritative, 1);
        }
        if (authoritative < columns.size()) {
            grid.add(group(Texts.format(bundle, "propagation.grid.resolvers"), "group-resolver"), 1 + authoritative, 0,
                    columns.size() - authoritative, 1);
        }
        Label serialTitle = new Label(Texts.format(bundle, "propagation.grid.serial"));
        serialTitle.getStyleClass().add("serial-title");
        grid.add(serialTitle, 0, 2);
        for (int c = 0; c < columns.size(); c++) {
            grid.add(columnHeader(columns.get(c)), c + 1, 1);
            grid.add(serial(columns.get(c)), c + 1, 2);
        }
        for (int l = 0; l < shown.lines().size(); l++) {
            PropagationGrid.Line line = shown.lines().get(l);
            grid.add(lineHeader(line, l), 0, l + 3);
            for (int c = 0; c < line.cells().size(); c++) {
                grid.add(cell(line, line.cells().get(c), columns.get(c), l, c), c + 1, l + 3);
            }
        }
        if (focused != null) {
            selectable.stream().filter(node -> focused.equals(node.getUserData())).findFirst().ifPresent(Node::requestFocus);
        }
        showSelection();
    }

    private static Node group(String text, String styleClass) {
        Label group = new Label(text);
        group.getStyleClass().addAll("grid-group", styleClass);
        group.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(group, Priority.NEVER);
        GridPane.setFillWidth(group, true);
        return group;
    }

    private Node columnHeader(PropagationGrid.Column column) {
        Label title = new Label(column.title());
        title.getStyleClass().add("column-title");
        // A name server's whole name, on two lines if need be: "ns1.newco…" could be any of several.
        title.setWrapText(true);
        VBox header = new VBox(title);
        if (!column.address().equals(column.title())) {
            Label address = new Label(column.address());
            address.getStyleClass().add("column-address");
            header.getChildren().add(address);
        }
        header.getStyleClass().addAll("column-header", column.role() == Role.AUTHORITATIVE ? "group-authoritative" : "group-resolver");
        String role = Texts.format(bundle, "propagation.grid.role." + column.role().name().toLowerCase(Locale.ROOT));
        Tooltip.install(header, new Tooltip(column.title() + (column.address().isEmpty() ? "" : "\n" + column.address()) + "\n" + role));
        return header;
    }

    private Node serial(PropagationGrid.Column column) {
        Label serial = new Label(column.serialText());
        serial.getStyleClass().addAll("serial", "serial-" + column.serial().name().toLowerCase(Locale.ROOT));
        if (column.serial() == PropagationGrid.Serial.BEHIND) {
            serial.setGraphic(new FontIcon(Material2AL.HISTORY));
        }
        serial.setTooltip(new Tooltip(column.serialTooltip()));
        serial.setAccessibleText(column.serialText() + ". " + column.serialTooltip());
        GridPane.setHalignment(serial, HPos.LEFT);
        return serial;
    }

    private Node lineHeader(PropagationGrid.Line line, int index) {
        Label title = new Label(line.title());
        title.getStyleClass().add("line-title");
        if (line.propagated()) {
            title.setGraphic(new FontIcon(Material2AL.CHECK_CIRCLE));
            title.setContentDisplay(ContentDisplay.RIGHT);
        }
        Label name = new Label(line.name());
        name.getStyleClass().add("line-name");
        Label expected = new Label(line.expectedBrief());
        expected.getStyleClass().add("line-expected");
        expected.setWrapText(true);
        VBox content = new VBox(title, name, expected);
        content.getStyleClass().add("line-content");
        Button header = new Button(null, content);
        // A button whose own text does not wrap is asked its height for no width, and passes its graphic
        // a negative one: the expected record would wrap a word a line. Wrapping, it is asked at its width.
        header.setWrapText(true);
        header.getStyleClass().addAll("line-header", line.propagated() ? "line-done" : "line-open");
        header.setMaxWidth(Double.MAX_VALUE);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setTooltip(new Tooltip(line.title() + "\n" + line.name() + "\n" + line.expected()));
        header.setAccessibleText(line.title() + ", " + line.name() + ". " + line.expected());
        header.setUserData(new PropagationViewModel.Selection(index, -1));
        header.setOnAction(event -> model.selectionProperty().set(new PropagationViewModel.Selection(index, -1)));
        selectable.add(header);
        return header;
    }

    private Node cell(PropagationGrid.Line line, PropagationGrid.GridCell cell, PropagationGrid.Column column, int l, int c) {
        FontIcon icon = new FontIcon(cell.icon());
        icon.getStyleClass().add("cell-icon");
        Label word = new Label(cell.word(), icon);
        word.getStyleClass().add("cell-word");
        Label note = new Label(cell.note());
        note.getStyleClass().add("cell-note");
        VBox content = new VBox(word, note);
        content.getStyleClass().add("cell-content");
        Button button = new Button(null, content);
        button.getStyleClass().addAll("propagation-cell", cell.look().styleClass(), "cell-" + cell.state().jsonName());
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        Tooltip tooltip = new Tooltip(cell.tooltip());
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        tooltip.setShowDuration(Duration.minutes(1));
        button.setTooltip(tooltip);
        button.setAccessibleText(line.title() + ", " + column.title() + ": " + cell.word() + ". " + cell.explanation());
        PropagationViewModel.Selection here = new PropagationViewModel.Selection(l, c);
        button.setUserData(here);
        button.setOnAction(event -> model.selectionProperty().set(here));
        // Moving through the grid with the arrow keys shows each cell's details as it goes.
        button.focusedProperty().addListener((observable, was, focused) -> {
            if (focused) {
                model.selectionProperty().set(here);
            }
        });
        selectable.add(button);
        return button;
    }

    // ---- The details of the chosen cell ----

    private void showSelection() {
        PropagationViewModel.Selection chosen = model.selectionProperty().get();
        selectable.forEach(node -> node.pseudoClassStateChanged(SELECTED, chosen != null && chosen.equals(node.getUserData())));
        PropagationGrid shown = model.gridProperty().get();
        detail.getChildren().clear();
        if (shown == null || chosen == null || chosen.line() >= shown.lines().size()
                || chosen.column() >= shown.columns().size()) {
            Label title = new Label(Texts.format(bundle, "propagation.detail.title"));
            title.getStyleClass().add("section-title");
            Label hint = new Label(Texts.format(bundle, "propagation.detail.hint"));
            hint.getStyleClass().add("field-why");
            hint.setWrapText(true);
            detail.getChildren().setAll(title, hint);
            return;
        }
        PropagationGrid.Line line = shown.lines().get(chosen.line());
        if (chosen.column() < 0) {
            Label title = new Label(line.title());
            title.getStyleClass().add("section-title");
            Label name = new Label(line.name());
            name.getStyleClass().add("detail-name");
            detail.getChildren().addAll(title, name, wrapped(line.expected(), "detail-text"));
        } else {
            PropagationGrid.Column column = shown.columns().get(chosen.column());
            PropagationGrid.GridCell cell = line.cells().get(chosen.column());
            Label title = new Label(Texts.format(bundle, "propagation.detail.cell", line.title(), column.title()));
            title.getStyleClass().add("section-title");
            title.setWrapText(true);
            Label where = new Label(line.name() + (column.address().isEmpty() ? "" : " @ " + column.address()));
            where.getStyleClass().add("detail-name");
            HBox head = new HBox(verdict(cell), wrapped(cell.note(), "detail-note"));
            head.getStyleClass().add("detail-head");
            detail.getChildren().addAll(title, where, head, wrapped(cell.explanation(), "detail-text"));
            detail.getChildren().add(caption("propagation.detail.answer"));
            if (cell.answer().isEmpty()) {
                detail.getChildren().add(wrapped(Texts.format(bundle, "propagation.cell.noRecords"), "field-why"));
            } else {
                detail.getChildren().add(records(cell.answer()));
            }
            if (!cell.facts().isEmpty()) {
                detail.getChildren().add(wrapped(cell.facts(), "detail-facts"));
            }
        }
        if (!line.values().isEmpty()) {
            detail.getChildren().addAll(caption("propagation.detail.value"), records(line.values()),
                    caption("propagation.detail.zoneLine"), records(line.zoneLines()));
        }
    }

    /** The cell's verdict as in the grid: its own icon and word, in its colour. */
    private static Label verdict(PropagationGrid.GridCell cell) {
        FontIcon icon = new FontIcon(cell.icon());
        icon.getStyleClass().add("cell-icon");
        Label verdict = new Label(cell.word(), icon);
        verdict.getStyleClass().addAll("detail-verdict", cell.look().styleClass());
        return verdict;
    }

    private Label caption(String key) {
        Label caption = new Label(Texts.format(bundle, key));
        caption.getStyleClass().add("detail-caption");
        return caption;
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        return label;
    }

    private RecordBox records(List<String> values) {
        RecordBox box = new RecordBox(Texts.format(bundle, "record.copy"), Texts.format(bundle, "record.copy.tooltip"),
                Texts.format(bundle, "record.copied"));
        box.setRecords(values);
        return box;
    }

    // ---- The history ----

    private void showHistory() {
        historyEmptyLabel.setVisible(model.history().isEmpty());
        historyEmptyLabel.setManaged(model.history().isEmpty());
        historyBox.getChildren().setAll(model.history().stream().map(this::historyEntry).toList());
    }

    private Node historyEntry(HistoryEntry entry) {
        Label time = new Label(entry.time());
        time.getStyleClass().add("history-time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        FontIcon icon = new FontIcon(switch (entry.look()) {
            case PASS -> Material2AL.CHECK_CIRCLE;
            case WARNING, ERROR -> Material2MZ.WARNING;
            default -> Material2AL.INFO;
        });
        icon.getStyleClass().add("history-icon");
        VBox lines = new VBox();
        lines.getStyleClass().add("history-lines");
        entry.lines().forEach(text -> lines.getChildren().add(wrapped(text, "history-line")));
        HBox.setHgrow(lines, Priority.ALWAYS);
        HBox row = new HBox(icon, time, lines);
        row.getStyleClass().addAll("history-entry", entry.look().styleClass());
        return row;
    }
}
