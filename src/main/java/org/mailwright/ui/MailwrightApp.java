package org.mailwright.ui;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.SettingsFile;
import org.mailwright.ui.shell.ShellWindow;
import org.mailwright.ui.work.BackgroundWork;

/**
 * The JavaFX application: builds the app context from the settings in the data folder and opens
 * the window.
 */
public final class MailwrightApp extends Application {

    /** The launch parameter naming the data folder, {@code --data-dir=DIR}. */
    private static final String DATA_DIR = "data-dir";

    private SettingsFile settingsFile;
    private AppContext context;

    /** Opens the window, keeping its settings, plans and everything else in {@code dataFolder}. */
    public static void launchWindow(Path dataFolder) {
        Application.launch(MailwrightApp.class, "--" + DATA_DIR + "=" + dataFolder);
    }

    @Override
    public void start(Stage stage) {
        Path dataFolder = Path.of(getParameters().getNamed().get(DATA_DIR));
        settingsFile = SettingsFile.open(dataFolder, Preferences.userRoot());
        context = new AppContext(AppSettings.load(settingsFile), new BackgroundWork(), dataFolder);
        ShellWindow.open(stage, context);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
        if (settingsFile != null) {
            settingsFile.close();
        }
    }
}
