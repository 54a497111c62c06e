package org.mailwright.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.Texts;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.check.HealthCheckView;
import org.mailwright.ui.dmarc.DmarcView;
import org.mailwright.ui.dkim.DkimView;
import org.mailwright.ui.domain.DomainView;
import org.mailwright.ui.reports.ReportsView;
import org.mailwright.ui.propagation.PropagationView;
import org.mailwright.ui.settings.SettingsView;
import org.mailwright.ui.spf.SpfView;

/** The window's content: navigation, the page shown, the status bar. Shows a {@link ShellViewModel}. */
public final class ShellView {

    /** Below this window width the navigation shows icons only. */
    private static final double FULL_NAVIGATION_FROM = 1000;
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    private final ShellViewModel model;
    private final ResourceBundle bundle;
    private final ViewLifetime lifetime;
    private final Map<Page, Parent> pages = new EnumMap<>(Page.class);

    @FXML
    private BorderPane shell;
    @FXML
    private ImageView logo;
    @FXML
    private ListView<Page> navigation;
    @FXML
    private StackPane pageHost;
    @FXML
    private Label version;
    @FXML
    private ProgressIndicator spinner;
    @FXML
    private Label workMessage;
    @FXML
    private Label cancelHint;
    @FXML
    private Label resolver;
    @FXML
    private Hyperlink planHint;

    private ShellView(ShellViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        this.model = Objects.requireNonNull(model, "model");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    /** The window's content; it and every page built in it listen to the view models for {@code lifetime}. */
    public static Parent load(ShellViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        return Fxml.load("Shell.fxml", bundle, new ShellView(model, bundle, lifetime));
    }

    @FXML
    private void initialize() {
        var icon = ShellView.class.getResource("/org/mailwright/ui/icons/mailwright-64.png");
        if (icon != null) {
            logo.setImage(new Image(icon.toExternalForm(), 28, 28, true, true));
        }
        logo.setVisible(icon != null);
        logo.setManaged(icon != null);
        version.setText(Texts.format(bundle, "app.version", model.version()));

        // A narrow window keeps the page its room: the navigation shows its icons only (their tooltips name them).
        shell.widthProperty().addListener((observable, old, width) ->
                shell.pseudoClassStateChanged(COMPACT, width.doubleValue() < FULL_NAVIGATION_FROM));
        navigation.getItems().setAll(model.pages());
        navigation.setCellFactory(list -> new NavigationCell());
        navigation.getSelectionModel().select(model.pageProperty().get());
        navigation.getSelectionModel().selectedItemProperty().addListener((observable, old, page) -> {
            if (page != null) {
                model.pageProperty().set(page);
            }
        });
        lifetime.onChange(model.pageProperty(), (observable, old, page) -> show(page));
        show(model.pageProperty().get());

        spinner.visibleProperty().bind(model.busyProperty());
        spinner.managedProperty().bind(model.busyProperty());
        spinner.progressProperty().bind(model.progressProperty());
        cancelHint.visibleProperty().bind(model.busyProperty());
        cancelHint.managedProperty().bind(model.busyProperty());
        workMessage.textProperty().bind(model.workMessageProperty());
        resolver.textProperty().bind(model.resolverTextProperty());
        planHint.textProperty().bind(model.planReminders().hintProperty());
        planHint.visibleProperty().bind(model.planReminders().hintProperty().isNotEmpty());
        planHint.managedProperty().bind(planHint.visibleProperty());
        planHint.setOnAction(event -> model.openDueStage());
    }

    private void show(Page page) {
        if (page == null) {
            return;
        }
        navigation.getSelectionModel().select(page);
        // The Propagation page refreshes only while it is seen.
        model.propagation().setShown(page == Page.PROPAGATION);
        pageHost.getChildren().setAll(pages.computeIfAbsent(page, this::build));
    }

    private Parent build(Page page) {
        Parent view = switch (page) {
            case DOMAIN -> DomainView.load(model.domain(), bundle, lifetime);
            case SETTINGS -> SettingsView.load(model.settings(), bundle);
            case SPF -> SpfView.load(model.spf(), bundle, lifetime);
            case DMARC -> DmarcView.load(model.dmarc(), bundle, lifetime);
            case DKIM -> DkimView.load(model.dkim(), bundle, lifetime);
            case PROPAGATION -> PropagationView.load(model.propagation(), bundle, lifetime);
            case HEALTH -> HealthCheckView.load(model.health(), bundle, lifetime);
            case REPORTS -> ReportsView.load(model.reports(), bundle, lifetime);
        };
        view.setId("page-" + page.id());
        return view;
    }

    private final class NavigationCell extends ListCell<Page> {
        @Override
        protected void updateItem(Page page, boolean empty) {
            super.updateItem(page, empty);
            if (empty || page == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String title = Texts.format(bundle, page.titleKey());
            FontIcon icon = new FontIcon(page.icon());
            icon.getStyleClass().add("nav-icon");
            Label label = new Label(title);
            label.getStyleClass().add("nav-label");
            HBox content = new HBox(icon, label);
            content.getStyleClass().add("nav-item");
            setGraphic(content);
            setText(null);
            setTooltip(new Tooltip(Texts.format(bundle, "nav.tooltip", title, page.shortcut())));
            setAccessibleText(title);
        }
    }
}
