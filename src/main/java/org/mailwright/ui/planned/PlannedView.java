package org.mailwright.ui.planned;

import java.util.Objects;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;
import org.mailwright.ui.Fxml;

/** Shows a {@link PlannedViewModel}. */
public final class PlannedView {

    private final PlannedViewModel model;

    @FXML
    private FontIcon icon;
    @FXML
    private Label title;
    @FXML
    private Label what;
    @FXML
    private Label meanwhile;

    private PlannedView(PlannedViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    public static Parent load(PlannedViewModel model, ResourceBundle bundle) {
        return Fxml.load("Planned.fxml", bundle, new PlannedView(model));
    }

    @FXML
    private void initialize() {
        icon.setIconCode(model.icon());
        title.textProperty().bind(model.titleProperty());
        what.textProperty().bind(model.whatProperty());
        meanwhile.textProperty().bind(model.meanwhileProperty());
    }

    @FXML
    private void openDomain() {
        model.openDomain();
    }
}
