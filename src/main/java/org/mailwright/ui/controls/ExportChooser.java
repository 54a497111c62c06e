package org.mailwright.ui.controls;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The save dialog every page's export asks its file with: one format, a suggested name. */
public final class ExportChooser {

    private ExportChooser() {
    }

    /** The file chosen, empty when the user cancelled. */
    public static Optional<Path> ask(Window owner, String title, String formatName, String extension, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(formatName, "*." + extension));
        File chosen = chooser.showSaveDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
