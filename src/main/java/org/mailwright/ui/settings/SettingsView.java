package org.mailwright.ui.settings;

import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import net.synedra.validatorfx.Validator;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.controls.FieldProblems;

/** Shows a {@link SettingsViewModel}. */
public final class SettingsView {

    private static final int TIMEOUT_STEP_MILLIS = 250;
    private static final int TTL_STEP_SECONDS = 300;

    private final SettingsViewModel model;
    private final Validator validator = new Validator();
    /** Held: the spinners' bindings to them are weak. */
    private ObjectProperty<Integer> timeoutValue;
    private ObjectProperty<Integer> nameServerPortValue;
    private ObjectProperty<Integer> defaultTtlValue;

    @FXML
    private ToggleButton lightTheme;
    @FXML
    private ToggleButton darkTheme;
    @FXML
    private ComboBox<Language> language;
    @FXML
    private ComboBox<ResolverChoice> resolver;
    @FXML
    private Label customLabel;
    @FXML
    private VBox customBox;
    @FXML
    private TextField customServer;
    @FXML
    private Button applyCustom;
    @FXML
    private Label customProblem;
    @FXML
    private Spinner<Integer> timeout;
    @FXML
    private Spinner<Integer> nameServerPort;
    @FXML
    private Spinner<Integer> defaultTtl;

    private SettingsView(SettingsViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    public static Parent load(SettingsViewModel model, ResourceBundle bundle) {
        return Fxml.load("Settings.fxml", bundle, new SettingsView(model));
    }

    @FXML
    private void initialize() {
        ToggleGroup themes = new ToggleGroup();
        lightTheme.setToggleGroup(themes);
        darkTheme.setToggleGroup(themes);
        lightTheme.setUserData(AppTheme.LIGHT);
        darkTheme.setUserData(AppTheme.DARK);
        (model.themeProperty().get() == AppTheme.DARK ? darkTheme : lightTheme).setSelected(true);
        themes.selectedToggleProperty().addListener((observable, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true); // one theme is always chosen
            } else {
                model.themeProperty().set((AppTheme) toggle.getUserData());
            }
        });

        language.getItems().setAll(model.languages());
        language.setConverter(converter(Language::nativeName));
        language.getSelectionModel().select(model.languageProperty().get());
        language.valueProperty().addListener((observable, old, value) -> {
            if (value != null) {
                model.languageProperty().set(value);
            }
        });

        resolver.getItems().setAll(model.resolverChoices());
        resolver.setConverter(converter(model::describe));
        resolver.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(ResolverChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : model.describe(item));
            }
        });
        resolver.valueProperty().bindBidirectional(model.resolverChoiceProperty());

        customBox.visibleProperty().bind(model.customChosenProperty());
        customBox.managedProperty().bind(customBox.visibleProperty());
        customLabel.visibleProperty().bind(customBox.visibleProperty());
        customLabel.managedProperty().bind(customBox.visibleProperty());
        customServer.textProperty().bindBidirectional(model.customServerProperty());
        customServer.setOnAction(event -> model.applyCustom());
        applyCustom.disableProperty().bind(model.canApplyCustomProperty().not());
        customServer.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                model.commitCustom();
            }
        });
        customProblem.textProperty().bind(model.shownCustomProblemProperty());
        customProblem.visibleProperty().bind(model.shownCustomProblemProperty().isNotEmpty());
        customProblem.managedProperty().bind(customProblem.visibleProperty());
        FieldProblems.mark(validator, customServer, model.shownCustomProblemProperty());

        var values = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                model.minTimeoutMillis(), model.maxTimeoutMillis(), model.timeoutMillisProperty().get(), TIMEOUT_STEP_MILLIS);
        timeout.setValueFactory(values);
        timeout.setEditable(true);
        timeoutValue = model.timeoutMillisProperty().asObject();
        values.valueProperty().bindBidirectional(timeoutValue);

        var ports = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                AppSettings.MIN_PORT, AppSettings.MAX_PORT, model.nameServerPortProperty().get());
        nameServerPort.setValueFactory(ports);
        nameServerPort.setEditable(true);
        nameServerPortValue = model.nameServerPortProperty().asObject();
        ports.valueProperty().bindBidirectional(nameServerPortValue);

        var ttlValues = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                model.minTtlSeconds(), model.maxTtlSeconds(), model.defaultTtlSecondsProperty().get(), TTL_STEP_SECONDS);
        defaultTtl.setValueFactory(ttlValues);
        defaultTtl.setEditable(true);
        defaultTtlValue = model.defaultTtlSecondsProperty().asObject();
        ttlValues.valueProperty().bindBidirectional(defaultTtlValue);
    }

    @FXML
    private void applyCustom() {
        model.applyCustom();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("Chosen from the list, never typed.");
            }
        };
    }
}
