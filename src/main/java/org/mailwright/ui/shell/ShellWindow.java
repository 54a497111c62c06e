package org.mailwright.ui.shell;

import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.AppTheme;
import org.mailwright.ui.settings.WindowPlacement;

/**
 * The one window: its scene, theme, keyboard shortcuts and remembered placement. A language
 * switch rebuilds the content with the new bundle, staying on the same page.
 */
public final class ShellWindow {

    private static final double DEFAULT_WIDTH = 1180;
    private static final double DEFAULT_HEIGHT = 780;
    /** How much of the title bar must be on a screen for a remembered position to be used. */
    private static final double VISIBLE_GRIP = 48;
    private static final List<Integer> ICON_SIZES = List.of(16, 32, 48, 64, 128, 256);

    private final Stage stage;
    private final AppContext context;
    private final ShellViewModel model;
    private final Scene scene;
    /** The lifetime of the content shown now, ended when a language switch replaces it. */
    private ViewLifetime contentLifetime = new ViewLifetime();

    private ShellWindow(Stage stage, AppContext context) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.context = Objects.requireNonNull(context, "context");
        this.model = new ShellViewModel(context);
        AppSettings settings = context.settings();
        WindowPlacement placement = placementOnScreen(settings.window().orElse(null));

        applyTheme(settings.themeProperty().get());
        settings.themeProperty().addListener((observable, old, theme) -> applyTheme(theme));

        scene = new Scene(content(), placement.width(), placement.height());
        scene.getStylesheets().add(Objects.requireNonNull(ShellWindow.class.getResource("/org/mailwright/ui/mailwright.css")).toExternalForm());
        // Rebuilt after the event that changed the language is over: the combo box that fired it is replaced.
        settings.languageProperty().addListener((observable, old, language) -> Platform.runLater(this::rebuild));
        installShortcuts();

        stage.setTitle("Mailwright");
        for (int size : ICON_SIZES) {
            var icon = ShellWindow.class.getResource("/org/mailwright/ui/icons/mailwright-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm()));
            }
        }
        stage.setMinWidth(WindowPlacement.MIN_WIDTH);
        stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        // The scene first: a window that had this stage before stops remembering placements from here on.
        stage.setScene(scene);
        stage.setX(placement.x());
        stage.setY(placement.y());
        stage.setMaximized(placement.maximized());
        rememberPlacement();
    }

    /** Shows the window for {@code context} on {@code stage}. */
    public static ShellWindow open(Stage stage, AppContext context) {
        ShellWindow window = new ShellWindow(stage, context);
        stage.show();
        window.model.planReminders().refresh();
        window.focusNavigation();
        return window;
    }

    public ShellViewModel model() {
        return model;
    }

    /** How many listeners the content shown now holds on longer-lived objects. */
    int contentListeners() {
        return contentLifetime.size();
    }

    private Parent content() {
        return ShellView.load(model, context.bundle(), contentLifetime);
    }

    private void rebuild() {
        contentLifetime.end();
        contentLifetime = new ViewLifetime();
        scene.setRoot(content());
        focusNavigation();
    }

    /** The arrow keys move between pages as soon as the window opens. */
    private void focusNavigation() {
        Node navigation = scene.lookup("#navigation");
        if (navigation != null) {
            navigation.requestFocus();
        }
    }

    private static void applyTheme(AppTheme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
    }

    private void installShortcuts() {
        for (Page page : Page.values()) {
            KeyCode digit = KeyCode.getKeyCode(Integer.toString(page.shortcut()));
            scene.getAccelerators().put(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN),
                    () -> model.pageProperty().set(page));
        }
        // A filter, so Escape cancels running work wherever the focus is; when nothing runs it
        // goes on to the focused control (closing a combo box's list, for example).
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && model.busyProperty().get()) {
                model.cancelWork();
                event.consume();
            }
        });
    }

    private void rememberPlacement() {
        AppSettings settings = context.settings();
        Runnable save = () -> {
            // Only while this window's scene is on the stage (tests open one window after another on one stage).
            if (stage.isIconified() || stage.getScene() != scene) {
                return;
            }
            WindowPlacement last = settings.window().orElse(null);
            // While maximized the stage reports the screen's bounds; keep the ones to restore to.
            settings.windowProperty().set(stage.isMaximized() && last != null
                    ? new WindowPlacement(last.x(), last.y(), last.width(), last.height(), true)
                    : new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        };
        stage.xProperty().addListener((observable, old, value) -> save.run());
        stage.yProperty().addListener((observable, old, value) -> save.run());
        stage.widthProperty().addListener((observable, old, value) -> save.run());
        stage.heightProperty().addListener((observable, old, value) -> save.run());
        stage.maximizedProperty().addListener((observable, old, value) -> save.run());
    }

    /**
     * The remembered placement when its title bar is on some screen (screens change: a laptop
     * leaves its dock), otherwise a default size centred on the main screen.
     */
    static WindowPlacement placementOnScreen(WindowPlacement remembered) {
        Rectangle2D main = Screen.getPrimary().getVisualBounds();
        if (remembered != null) {
            Rectangle2D grip = new Rectangle2D(remembered.x() + VISIBLE_GRIP, remembered.y(),
                    Math.max(1, remembered.width() - 2 * VISIBLE_GRIP), VISIBLE_GRIP / 2);
            boolean visible = Screen.getScreens().stream().anyMatch(screen -> screen.getVisualBounds().intersects(grip));
            if (visible) {
                return remembered;
            }
        }
        double width = Math.min(remembered == null ? DEFAULT_WIDTH : remembered.width(), main.getWidth());
        double height = Math.min(remembered == null ? DEFAULT_HEIGHT : remembered.height(), main.getHeight());
        return new WindowPlacement(main.getMinX() + (main.getWidth() - width) / 2,
                main.getMinY() + (main.getHeight() - height) / 2, width, height,
                remembered != null && remembered.maximized());
    }
}
