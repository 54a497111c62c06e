package org.mailwright.ui.dkim;

import java.nio.file.Path;

/**
 * What a test outside this package needs to take the DKIM wizard past its key and save steps,
 * whose buttons open file choosers: make the key, save it to a file the test names.
 */
public final class DkimSteps {

    private DkimSteps() {
    }

    /** Starts making a key with the wizard's current choice; it is made in the background. */
    public static void makeKey(DkimWizardViewModel wizard) {
        wizard.maker().make();
    }

    public static boolean hasKey(DkimWizardViewModel wizard) {
        return wizard.maker().keyProperty().get() != null;
    }

    /** Saves the key made to {@code file}, in the background. */
    public static void saveKey(DkimWizardViewModel wizard, Path file) {
        wizard.saver().save(file);
    }
}
