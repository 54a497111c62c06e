package org.mailwright.ui.reports;

import java.io.File;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.mailwright.findings.Finding;
import org.mailwright.reports.ReportTerms.SourceColumn;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.Texts;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.controls.ColumnHeaders;
import org.mailwright.ui.controls.ExportChooser;
import org.mailwright.ui.controls.FindingCard;
import org.mailwright.ui.controls.WrappingCell;

/** Shows a {@link ReportsViewModel}: the domain and period, the import and its errors, the totals, suggestions, charts and sources. */
public final class ReportsView {

    private final ReportsViewModel model;
    private final ResourceBundle bundle;
    private final ViewLifetime lifetime;

    @FXML
    private VBox root;
    @FXML
    private TextField domainField;
    @FXML
    private Label domainProblemLabel;
    @FXML
    private DatePicker sincePicker;
    @FXML
    private DatePicker untilPicker;
    @FXML
    private Label periodProblemLabel;
    @FXML
    private Button showButton;
    @FXML
    private MenuButton importButton;
    @FXML
    private VBox importBox;
    @FXML
    private ProgressBar importProgress;
    @FXML
    private Button cancelButton;
    @FXML
    private Label importNoteLabel;
    @FXML
    private VBox errorsBox;
    @FXML
    private ListView<ReportsViewModel.ImportError> errorsList;
    @FXML
    private Label noteLabel;
    @FXML
    private VBox emptyState;
    @FXML
    private VBox results;
    @FXML
    private Label totalsLabel;
    @FXML
    private Label namesPendingLabel;
    @FXML
    private VBox suggestionsBox;
    @FXML
    private VBox suggestionCards;
    @FXML
    private VBox ledgerBox;
    @FXML
    private VBox chartsBox;
    @FXML
    private TextField filterField;
    @FXML
    private TableView<ReportsViewModel.SourceRow> sourcesTable;
    @FXML
    private ScrollPane pageScroll;
    @FXML
    private MenuButton exportButton;
    @FXML
    private MenuItem exportFailuresCsvItem;
    @FXML
    private MenuItem exportFailuresJsonItem;
    @FXML
    private Button showRowsButton;
    @FXML
    private VBox rowsBox;
    @FXML
    private Button backButton;
    @FXML
    private Label rowsTitle;
    @FXML
    private Label rowsNoteLabel;
    @FXML
    private TableView<ReportsViewModel.RowLine> rowsTable;

    private ReportsView(ReportsViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        this.model = Objects.requireNonNull(model, "model");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    public static Parent load(ReportsViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        return Fxml.load("Reports.fxml", bundle, new ReportsView(model, bundle, lifetime));
    }

    @FXML
    private void initialize() {
        domainField.textProperty().bindBidirectional(model.domainProperty());
        domainField.setOnAction(event -> show());
        sincePicker.valueProperty().bindBidirectional(model.sinceProperty());
        untilPicker.valueProperty().bindBidirectional(model.untilProperty());
        showProblem(domainProblemLabel, model.domainProblemProperty());
        showProblem(periodProblemLabel, model.periodProblemProperty());
        showButton.disableProperty().bind(model.importingProperty()
                .or(model.domainProblemProperty().isNotEmpty()).or(model.periodProblemProperty().isNotEmpty()));
        importButton.disableProperty().bind(model.importingProperty());

        showWhen(importBox, model.importNoteProperty().isNotEmpty());
        showWhen(importProgress, model.importingProperty());
        showWhen(cancelButton, model.importingProperty());
        importProgress.progressProperty().bind(Bindings.createDoubleBinding(
                () -> model.filesTotalProperty().get() == 0 ? ProgressBar.INDETERMINATE_PROGRESS
                        : (double) model.filesDoneProperty().get() / model.filesTotalProperty().get(),
                model.filesDoneProperty(), model.filesTotalProperty()));
        importNoteLabel.textProperty().bind(model.importNoteProperty());
        errorsList.setItems(model.errors());
        errorsList.setCellFactory(list -> new ErrorCell());
        showWhen(errorsBox, Bindings.isNotEmpty(model.errors()));
        noteLabel.textProperty().bind(model.noteProperty());
        showWhen(noteLabel, model.noteProperty().isNotEmpty());

        var nothingYet = model.loadedProperty().isNull();
        var drilling = model.rowsSourceProperty().isNotEmpty();
        showWhen(emptyState, nothingYet);
        showWhen(results, nothingYet.not().and(drilling.not()));
        showWhen(rowsBox, drilling);
        exportButton.disableProperty().bind(model.canExportProperty().not());
        exportFailuresCsvItem.disableProperty().bind(model.hasFailureReportsProperty().not());
        exportFailuresJsonItem.disableProperty().bind(model.hasFailureReportsProperty().not());
        totalsLabel.textProperty().bind(model.totalsProperty());
        showWhen(namesPendingLabel, model.namesPendingProperty());

        filterField.textProperty().bindBidirectional(model.filterProperty());
        buildTable();
        buildRowsTable();
        lifetime.onChange(model.suggestions(), (ListChangeListener<Finding>) change -> showSuggestions());
        lifetime.onChange(model.ledger(), (ListChangeListener<ReportsViewModel.SummaryPart>) change -> showLedger());
        lifetime.onChange(model.loadedProperty(), (observable, old, now) -> {
            showSuggestions();
            showCharts();
        });
        lifetime.onChange(model.namesPendingProperty(), (observable, old, now) -> showSuggestions());
        showSuggestions();
        showCharts();

        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
        model.refresh();
    }

    private void buildTable() {
        sourcesTable.getColumns().setAll(List.of(
                address(),
                wrapping(source(SourceColumn.REVERSE_NAME, ReportsViewModel.SourceRow::ptr, 200)),
                source(SourceColumn.SENDER, ReportsViewModel.SourceRow::label, 130),
                count(SourceColumn.MESSAGES, ReportsViewModel.SourceRow::messages),
                count(SourceColumn.DMARC_PASS, ReportsViewModel.SourceRow::pass),
                count(SourceColumn.DMARC_FAIL, ReportsViewModel.SourceRow::fail),
                count(SourceColumn.SPF_ALIGNED, ReportsViewModel.SourceRow::spfAligned),
                count(SourceColumn.DKIM_ALIGNED, ReportsViewModel.SourceRow::dkimAligned)));
        // Every column in the page's width, so a narrow window shows each without scrolling sideways.
        sourcesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        ColumnHeaders.keepWordsWhole(sourcesTable);
        SortedList<ReportsViewModel.SourceRow> sorted = new SortedList<>(model.sources());
        sorted.comparatorProperty().bind(sourcesTable.comparatorProperty());
        sourcesTable.setItems(sorted);
        sourcesTable.setPlaceholder(new Label(Texts.format(bundle, "reports.sources.empty")));
    }

    /** A source's rows open from the table by double-click or Enter, or from the button beside the filter. */
    private void openRowsFromTable() {
        showRowsButton.disableProperty().bind(sourcesTable.getSelectionModel().selectedItemProperty().isNull());
        sourcesTable.setRowFactory(table -> {
            TableRow<ReportsViewModel.SourceRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    openRows(row.getItem());
                }
            });
            return row;
        });
        sourcesTable.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            ReportsViewModel.SourceRow chosen = sourcesTable.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && chosen != null) {
                openRows(chosen);
                event.consume();
            }
        });
        rowsTable.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE || event.getCode() == KeyCode.BACK_SPACE) {
                closeRows();
                event.consume();
            }
        });
    }

    private void openRows(ReportsViewModel.SourceRow source) {
        model.showRows(source.ip());
        // The rows take the place of the charts and the table: their head is at the top of the page.
        pageScroll.setVvalue(0);
        rowsTable.requestFocus();
    }

    @FXML
    private void showRows() {
        ReportsViewModel.SourceRow chosen = sourcesTable.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            openRows(chosen);
        }
    }

    @FXML
    private void closeRows() {
        model.closeRows();
        // Laid out first, so that the bottom of the page is the sources table, not the rows it replaced.
        root.applyCss();
        root.layout();
        pageScroll.setVvalue(1);
        sourcesTable.requestFocus();
    }

    private void buildRowsTable() {
        rowsTitle.textProperty().bind(Bindings.createStringBinding(
                () -> Texts.format(bundle, "reports.rows.title", model.rowsSourceProperty().get()), model.rowsSourceProperty()));
        rowsNoteLabel.textProperty().bind(model.rowsNoteProperty());
        rowsTable.getColumns().setAll(List.of(
                column("reports.row.reporter", ReportsViewModel.RowLine::reporter, 120),
                column("reports.row.period", ReportsViewModel.RowLine::period, 120),
                rowCount(),
                column("reports.row.disposition", ReportsViewModel.RowLine::disposition, 135),
                column("reports.row.dkim", ReportsViewModel.RowLine::dkim, 90),
                column("reports.row.spf", ReportsViewModel.RowLine::spf, 90),
                column("reports.row.headerFrom", ReportsViewModel.RowLine::headerFrom, 140),
                column("reports.row.dkimResults", ReportsViewModel.RowLine::dkimResults, 320),
                column("reports.row.spfResults", ReportsViewModel.RowLine::spfResults, 190),
                column("reports.row.reasons", ReportsViewModel.RowLine::reasons, 220)));
        // Ten columns do not fit a narrow window: it scrolls sideways rather than cut every value short.
        rowsTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ColumnHeaders.keepWordsWhole(rowsTable);
        rowsTable.setItems(model.rows());
        rowsTable.placeholderProperty().bind(Bindings.createObjectBinding(() -> new Label(Texts.format(bundle,
                model.rowsPendingProperty().get() ? "reports.rows.wait" : "reports.rows.empty")), model.rowsPendingProperty()));
        openRowsFromTable();
    }

    private TableColumn<ReportsViewModel.RowLine, Long> rowCount() {
        return count("reports.row.messages", ReportsViewModel.RowLine::messages, 95);
    }

    private <S, T> TableColumn<S, T> column(String key, Function<S, T> value, double width) {
        return column(Texts.format(bundle, key), key.substring(key.lastIndexOf('.') + 1), value, width);
    }

    private <S, T> TableColumn<S, T> column(String title, String id, Function<S, T> value, double width) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A column of the sources table, headed in the core's words: the same as after {@code reports summary}. */
    private <T> TableColumn<ReportsViewModel.SourceRow, T> source(SourceColumn heading, Function<ReportsViewModel.SourceRow, T> value,
            double width) {
        return column(model.heading(heading), heading.name().toLowerCase(Locale.ROOT), value, width);
    }

    private TableColumn<ReportsViewModel.SourceRow, String> address() {
        TableColumn<ReportsViewModel.SourceRow, String> column = source(SourceColumn.ADDRESS, ReportsViewModel.SourceRow::ip, 150);
        // The address is the row's name: an IPv4 address on one line however narrow the window, a long
        // IPv6 address wrapped rather than cut short.
        column.setMinWidth(120);
        return wrapping(column);
    }

    /** A column of names that wraps them after their dots or colons instead of cutting them short. */
    private static TableColumn<ReportsViewModel.SourceRow, String> wrapping(TableColumn<ReportsViewModel.SourceRow, String> column) {
        column.setCellFactory(shown -> new WrappingCell<>(column));
        return column;
    }

    private TableColumn<ReportsViewModel.SourceRow, Long> count(SourceColumn heading, Function<ReportsViewModel.SourceRow, Long> value) {
        return grouped(source(heading, value, 74));
    }

    private <S> TableColumn<S, Long> count(String key, Function<S, Long> value, double width) {
        return grouped(column(key, value, width));
    }

    /** A column of message counts, sorted by number and written as the window's language groups digits (12.345). */
    private <S> TableColumn<S, Long> grouped(TableColumn<S, Long> column) {
        // Five digits whole, with their separator, under a header as short as "Fail": a large receiver's daily count.
        column.setMinWidth(68);
        column.getStyleClass().add("reports-count");
        NumberFormat grouped = NumberFormat.getIntegerInstance(model.locale());
        column.setCellFactory(shown -> new TableCell<>() {
            @Override
            protected void updateItem(Long count, boolean empty) {
                super.updateItem(count, empty);
                setText(empty || count == null ? null : grouped.format(count));
            }
        });
        return column;
    }

    private void showSuggestions() {
        boolean oneDomain = model.loadedProperty().get() != null && model.loadedProperty().get().query().domain() != null;
        suggestionCards.getChildren().setAll(model.suggestions().stream().map(this::card).toList());
        if (model.suggestions().isEmpty() && !model.namesPendingProperty().get()) {
            Label none = new Label(Texts.format(bundle, oneDomain ? "reports.suggestions.none" : "reports.suggestions.all"));
            none.setWrapText(true);
            suggestionCards.getChildren().add(none);
        }
    }

    private void showLedger() {
        ledgerBox.getChildren().setAll(model.ledger().stream().map(part -> {
            VBox section = new VBox();
            section.getStyleClass().add("section");
            Label heading = new Label(part.heading());
            heading.getStyleClass().add("section-title");
            heading.setWrapText(true);
            section.getChildren().add(heading);
            part.lines().forEach(text -> {
                Label line = new Label(text);
                line.setWrapText(true);
                section.getChildren().add(line);
            });
            return section;
        }).toList());
    }

    private void showCharts() {
        ReportsViewModel.Loaded loaded = model.loadedProperty().get();
        boolean any = loaded != null && loaded.summary().messages() > 0;
        chartsBox.getChildren().setAll(any ? ReportCharts.of(loaded, bundle, model.locale()) : List.of());
    }

    private Node card(Finding finding) {
        FindingCard card = FindingCard.of(finding, model.locale(), bundle);
        if (model.opensSpfWizard(finding)) {
            Button open = new Button(Texts.format(bundle, "reports.suggestions.spf"));
            open.setOnAction(event -> model.openSpfWizard(finding));
            card.getChildren().add(open);
        }
        return card;
    }

    @FXML
    private void show() {
        model.refresh();
    }

    @FXML
    private void importFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.format(bundle, "reports.import.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.format(bundle, "reports.import.filter"),
                "*.xml", "*.gz", "*.zip", "*.eml", "*.mbox"));
        List<File> chosen = chooser.showOpenMultipleDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.importPaths(chosen.stream().map(File::toPath).toList());
        }
    }

    @FXML
    private void importFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Texts.format(bundle, "reports.import.title"));
        File chosen = chooser.showDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.importPaths(List.of(chosen.toPath()));
        }
    }

    @FXML
    private void exportCsv() {
        export(ReportsViewModel.ExportFormat.CSV, "reports.export.filter.csv");
    }

    @FXML
    private void exportJson() {
        export(ReportsViewModel.ExportFormat.JSON, "reports.export.filter.json");
    }

    @FXML
    private void exportFailuresCsv() {
        export(ReportsViewModel.ExportFormat.FAILURES_CSV, "reports.export.filter.csv");
    }

    @FXML
    private void exportFailuresJson() {
        export(ReportsViewModel.ExportFormat.FAILURES_JSON, "reports.export.filter.json");
    }

    private void export(ReportsViewModel.ExportFormat format, String filterKey) {
        String title = format.failureReports() ? "reports.export.failures-title" : "reports.export.title";
        ExportChooser.ask(root.getScene().getWindow(), Texts.format(bundle, title), Texts.format(bundle, filterKey),
                format.extension(), model.suggestedFileName(format)).ifPresent(file -> model.export(format, file));
    }

    @FXML
    private void cancelImport() {
        model.cancelImport();
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() && !model.importingProperty().get()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropped(DragEvent event) {
        boolean any = event.getDragboard().hasFiles();
        if (any) {
            List<Path> paths = event.getDragboard().getFiles().stream().map(File::toPath).toList();
            model.importPaths(paths);
        }
        event.setDropCompleted(any);
        event.consume();
    }

    private final class ErrorCell extends ListCell<ReportsViewModel.ImportError> {
        @Override
        protected void updateItem(ReportsViewModel.ImportError error, boolean empty) {
            super.updateItem(error, empty);
            setText(empty || error == null ? null : Texts.format(bundle, "reports.import.error", error.name(), error.reason(model.locale())));
        }
    }

    private static void showProblem(Label label, ObservableValue<String> problem) {
        label.textProperty().bind(problem);
        showWhen(label, label.textProperty().isNotEmpty());
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }
}
