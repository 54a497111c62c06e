package org.mailwright.ui.dkim;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.Texts;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.controls.SegmentedChoice;

/** Shows a {@link DkimViewModel}: the key wizard or the message checker, chosen beside the title. */
public final class DkimView {

    private final DkimViewModel model;
    private final ResourceBundle bundle;
    private final ViewLifetime lifetime;

    @FXML private VBox root;
    @FXML private SegmentedChoice<DkimViewModel.Mode> modeChoice;
    @FXML private StackPane modeHost;

    private DkimView(DkimViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.model = Objects.requireNonNull(model, "model");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /** The page; it listens to {@code model} for as long as {@code lifetime} lasts. */
    public static Parent load(DkimViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        return Fxml.load("Dkim.fxml", bundle, new DkimView(model, bundle, lifetime));
    }

    @FXML
    private void initialize() {
        root.getStylesheets().add(Objects.requireNonNull(DkimView.class.getResource("dkim.css")).toExternalForm());
        Parent wizard = DkimWizardView.load(model.wizard(), bundle, lifetime);
        Parent messageCheck = MessageCheckView.load(model.messageCheck(), bundle, lifetime);
        modeChoice.setItems(List.of(DkimViewModel.Mode.values()),
                mode -> Texts.format(bundle, "dkim.mode." + mode.name().toLowerCase(Locale.ROOT)));
        modeChoice.valueProperty().bindBidirectional(model.modeProperty());
        Runnable show = () -> modeHost.getChildren().setAll(model.modeProperty().get() == DkimViewModel.Mode.KEY ? wizard : messageCheck);
        lifetime.onChange(model.modeProperty(), (observable, old, mode) -> show.run());
        show.run();
    }
}
