package org.mailwright.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The user's data goes where each system's conventions put it. */
class DataFolderTest {

    private static final String HOME = "/home/ana";

    @Test
    void linuxUsesTheXdgDataFolder() {
        assertEquals(Path.of("/home/ana/.local/share/mailwright"), DataFolder.of("Linux", Map.<String, String>of()::get, HOME));
        assertEquals(Path.of("/data/ana/mailwright"),
                DataFolder.of("Linux", Map.of("XDG_DATA_HOME", "/data/ana")::get, HOME));
        assertEquals(Path.of("/home/ana/.local/share/mailwright"),
                DataFolder.of("FreeBSD", Map.of("XDG_DATA_HOME", "relative/ignored")::get, HOME),
                "a relative XDG_DATA_HOME is invalid and ignored");
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(Path.of("/Users/ana/Library/Application Support/Mailwright"),
                DataFolder.of("Mac OS X", Map.<String, String>of()::get, "/Users/ana"));
    }

    @Test
    void windowsUsesTheRoamingApplicationData() {
        assertEquals(Path.of("/profiles/ana/roaming/Mailwright"),
                DataFolder.of("Windows 11", Map.of("APPDATA", "/profiles/ana/roaming")::get, HOME));
        assertEquals(Path.of(HOME, "AppData", "Roaming", "Mailwright"),
                DataFolder.of("Windows 11", Map.<String, String>of()::get, HOME));
    }
}
