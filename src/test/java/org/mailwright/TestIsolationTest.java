package org.mailwright;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailwright.publish.SecretPlace;

/**
 * The test run keeps to the build folder: whatever a test writes through the data folder,
 * {@code java.util.prefs} or the home folder lands under {@code target/}, never in the user's own
 * settings and data, and no secret goes to the user's keyring. Maven's test configuration arranges
 * it (see the surefire plugin in pom.xml); this fails if that arrangement is lost.
 */
class TestIsolationTest {

    private static final Path BUILD = Path.of("target").toAbsolutePath().normalize();

    @Test
    void theDataFolderIsInTheBuildFolder() {
        assertInBuild("the data folder", DataFolder.forCurrentUser());
        assertInBuild("the data folder without MAILWRIGHT_HOME", DataFolder.choose(null, Map.of()));
    }

    @Test
    void preferencesAndTheHomeFolderAreInTheBuildFolder() {
        assertInBuild("java.util.prefs", Path.of(System.getProperty("java.util.prefs.userRoot", System.getProperty("user.home"))));
        assertInBuild("the home folder", Path.of(System.getProperty("user.home")));
    }

    @Test
    void secretsGoToFilesNotTheUsersKeyring() {
        assertEquals(SecretPlace.FILE, SecretPlace.preferred(System.getProperty(SecretPlace.PROPERTY), System.getenv()),
                "tests that remember a secret would put it in the user's keyring; the build sets -D"
                        + SecretPlace.PROPERTY + "=file");
    }

    private static void assertInBuild(String what, Path path) {
        assertTrue(path.toAbsolutePath().normalize().startsWith(BUILD),
                what + " is " + path + ", outside " + BUILD + ": tests would write into the user's own");
    }
}
