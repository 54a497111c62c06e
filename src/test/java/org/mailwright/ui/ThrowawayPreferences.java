package org.mailwright.ui;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** A Preferences node of its own for one test, removed afterwards, so tests never see the user's settings. */
public final class ThrowawayPreferences implements AutoCloseable {

    private final Preferences node = Preferences.userRoot().node("mailwright-tests/" + UUID.randomUUID());

    public Preferences node() {
        return node;
    }

    @Override
    public void close() throws BackingStoreException {
        node.removeNode();
    }
}
