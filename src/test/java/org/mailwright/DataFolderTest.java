package org.mailwright;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one data folder: --data-dir, else MAILWRIGHT_HOME, else where each system's conventions put it. */
class DataFolderTest {

    private static final String HOME = "/home/ana";

    @Test
    void theOptionComesBeforeTheVariable() {
        Map<String, String> environment = Map.of(DataFolder.HOME_VARIABLE, "/srv/mailwright");
        assertEquals(Path.of("/opt/data"), DataFolder.choose("/opt/data", environment));
        assertEquals(Path.of("relative").toAbsolutePath(), DataFolder.choose("relative", environment),
                "a relative --data-dir is taken from the working folder");
        assertEquals(Path.of("/srv/mailwright"), DataFolder.choose(null, environment));
    }

    @Test
    void withoutOptionOrVariableTheSystemsConventionApplies() {
        Path conventional = DataFolder.choose(null, Map.of(DataFolder.HOME_VARIABLE, " "));
        assertEquals(DataFolder.platform(System.getProperty("os.name"), Map.of(), System.getProperty("user.home")),
                conventional, "a blank MAILWRIGHT_HOME counts as unset");
        assertTrue(conventional.isAbsolute(), conventional.toString());
    }

    @Test
    void linuxUsesTheXdgDataFolder() {
        assertEquals(Path.of("/home/ana/.local/share/mailwright"), DataFolder.platform("Linux", Map.of(), HOME));
        assertEquals(Path.of("/data/ana/mailwright"),
                DataFolder.platform("Linux", Map.of("XDG_DATA_HOME", "/data/ana"), HOME));
        assertEquals(Path.of("/home/ana/.local/share/mailwright"),
                DataFolder.platform("FreeBSD", Map.of("XDG_DATA_HOME", "relative/ignored"), HOME),
                "a relative XDG_DATA_HOME is invalid and ignored");
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(Path.of("/Users/ana/Library/Application Support/Mailwright"),
                DataFolder.platform("Mac OS X", Map.of(), "/Users/ana"));
    }

    @Test
    void windowsUsesTheRoamingApplicationData() {
        assertEquals(Path.of("/profiles/ana/roaming/Mailwright"),
                DataFolder.platform("Windows 11", Map.of("APPDATA", "/profiles/ana/roaming"), HOME));
        assertEquals(Path.of(HOME, "AppData", "Roaming", "Mailwright"),
                DataFolder.platform("Windows 11", Map.of(), HOME));
    }
}
