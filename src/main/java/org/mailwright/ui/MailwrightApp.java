package org.mailwright.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.shell.ShellWindow;
import org.mailwright.ui.work.BackgroundWork;

/** The JavaFX application: builds the app context from the user's settings and opens the window. */
public final class MailwrightApp extends Application {

    private Preferences preferences;
    private AppContext context;

    public static void launchWindow() {
        Application.launch(MailwrightApp.class);
    }

    @Override
    public void start(Stage stage) {
        preferences = Preferences.userNodeForPackage(MailwrightApp.class);
        context = new AppContext(AppSettings.load(preferences), new BackgroundWork());
        ShellWindow.open(stage, context);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
        if (preferences == null) {
            return;
        }
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            // The settings were written as they changed; failing to force them out now loses at most the last few.
        }
    }
}
