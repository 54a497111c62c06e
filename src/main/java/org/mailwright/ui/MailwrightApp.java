package org.mailwright.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: builds the shell window. (Being built; see the UI helper.) */
public final class MailwrightApp extends Application {

    public static void launchWindow() {
        Application.launch(MailwrightApp.class);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Mailwright");
        stage.show();
    }
}
