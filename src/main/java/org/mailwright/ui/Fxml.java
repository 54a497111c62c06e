package org.mailwright.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a page's FXML (kept beside its view class in the resources) with a controller made by the caller. */
public final class Fxml {

    private Fxml() {
    }

    /**
     * Loads {@code fxmlName} from the controller's package, wiring it to {@code controller}, which
     * is built with its view model beforehand (the FXML names the controller's class so Scene
     * Builder can show its fields and handlers).
     */
    public static Parent load(String fxmlName, ResourceBundle bundle, Object controller) {
        Class<?> type = controller.getClass();
        URL location = Objects.requireNonNull(type.getResource(fxmlName), () -> fxmlName + " is missing beside " + type.getName());
        FXMLLoader loader = new FXMLLoader(location, bundle);
        loader.setControllerFactory(requested -> {
            if (!requested.isInstance(controller)) {
                throw new IllegalStateException(fxmlName + " asks for " + requested.getName() + ", not " + type.getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + fxmlName, e);
        }
    }
}
