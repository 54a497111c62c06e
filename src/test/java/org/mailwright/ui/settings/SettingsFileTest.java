package org.mailwright.ui.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's settings as a file in the data folder, taking over the old java.util.prefs ones once. */
class SettingsFileTest {

    @TempDir
    Path data;

    /** Stands for the user root of java.util.prefs; the build keeps even this one under target/. */
    private final Preferences root = Preferences.userRoot().node("mailwright-tests/" + UUID.randomUUID());

    @AfterEach
    void removePreferences() throws Exception {
        root.removeNode();
    }

    @Test
    void everySettingComesBackFromTheFileInTheDataFolder() throws Exception {
        try (SettingsFile file = SettingsFile.open(data, root)) {
            AppSettings first = AppSettings.load(file);
            first.themeProperty().set(AppTheme.DARK);
            first.languageProperty().set(Language.SPANISH);
            first.useCustomResolver("127.0.0.1:5353");
            first.timeoutProperty().set(Duration.ofMillis(1500));
            first.lastDomainProperty().set("ejemplo.test");
            first.windowProperty().set(new WindowPlacement(40, 50, 1000, 700, true));
        }

        try (SettingsFile file = SettingsFile.open(data, root)) {
            AppSettings next = AppSettings.load(file);
            assertEquals(AppTheme.DARK, next.themeProperty().get());
            assertEquals(Language.SPANISH, next.languageProperty().get());
            assertEquals("127.0.0.1:5353", next.customResolverProperty().get());
            assertEquals(Duration.ofMillis(1500), next.timeoutProperty().get());
            assertEquals("ejemplo.test", next.lastDomainProperty().get());
            assertEquals(new WindowPlacement(40, 50, 1000, 700, true), next.window().orElseThrow());
        }
        assertTrue(Files.readString(data.resolve("settings.properties")).contains("theme=dark"));
        assertEquals(List.of(data.resolve("settings.properties")), filesIn(data), "no temporary file is left behind");
    }

    @Test
    void aChangeIsWrittenWithoutWaitingForTheWindowToClose() throws Exception {
        try (SettingsFile file = SettingsFile.open(data, root)) {
            AppSettings.load(file).lastDomainProperty().set("written.test");

            Path written = data.resolve("settings.properties");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!(Files.exists(written) && Files.readString(written).contains("written.test")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.readString(written).contains("domain.last=written.test"), Files.readString(written));
        }
    }

    @Test
    void anUnreadableFileIsKeptAsideAndTheDefaultsApply() throws Exception {
        Path file = data.resolve("settings.properties");
        byte[] notUtf8 = {'t', 'h', 'e', 'm', 'e', '=', (byte) 0xC3, (byte) 0x28, '\n'};
        Files.write(file, notUtf8);

        try (SettingsFile settings = SettingsFile.open(data, root)) {
            AppSettings loaded = AppSettings.load(settings);
            assertEquals(AppTheme.LIGHT, loaded.themeProperty().get());
            assertFalse(Files.exists(file), "the defaults are not written until something changes");
            loaded.lastDomainProperty().set("after.test");
        }

        assertArrayEquals(notUtf8, Files.readAllBytes(data.resolve("settings.properties.bad")), "the bad file is kept as it was");
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("domain.last=after.test"));
    }

    @Test
    void theOldPreferencesAreTakenOverOnceOnTheFirstStart() throws Exception {
        Preferences old = root.node("org/mailwright/ui");
        old.put("theme", "dark");
        old.put("domain.last", "old.test");
        old.putLong("timeout.ms", 1200);
        old.flush();

        try (SettingsFile file = SettingsFile.open(data, root)) {
            AppSettings imported = AppSettings.load(file);
            assertEquals(AppTheme.DARK, imported.themeProperty().get());
            assertEquals("old.test", imported.lastDomainProperty().get());
            assertEquals(Duration.ofMillis(1200), imported.timeoutProperty().get());
        }
        assertTrue(Files.exists(data.resolve("settings.properties")), "written at once, so the import happens once");

        old.put("domain.last", "changed-in-the-old-place.test");
        try (SettingsFile file = SettingsFile.open(data, root)) {
            assertEquals("old.test", AppSettings.load(file).lastDomainProperty().get(), "the file wins from then on");
        }
    }

    @Test
    void withoutFileOrOldPreferencesTheDefaultsApply() throws Exception {
        try (SettingsFile file = SettingsFile.open(data.resolve("not-made-yet"), root)) {
            AppSettings settings = AppSettings.load(file);
            assertEquals(AppTheme.LIGHT, settings.themeProperty().get());
            settings.themeProperty().set(AppTheme.DARK);
        }
        assertTrue(Files.readString(data.resolve("not-made-yet/settings.properties")).contains("theme=dark"),
                "the data folder is made when the settings are first written");
    }

    private static List<Path> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
