package org.mailwright.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.settings.SettingsStore;

/**
 * Settings in memory and a data folder of their own for one test, the folder deleted afterwards,
 * so tests never see or change the user's settings and data.
 */
public final class ThrowawayPreferences implements AutoCloseable {

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final SettingsStore node = new SettingsStore() {
        @Override
        public String get(String key, String fallback) {
            return values.getOrDefault(key, fallback);
        }

        @Override
        public void put(String key, String value) {
            values.put(key, value);
        }
    };
    private Path dataFolder;

    /** The settings; {@code AppSettings.load(node())} again reads what the last one wrote, like a next run. */
    public SettingsStore node() {
        return node;
    }

    /**
     * Settings that speak English and ask {@code dns} for everything, its port being the name
     * servers' port too: how most window tests start.
     */
    public AppSettings settingsAsking(TestDnsServer dns) {
        AppSettings settings = AppSettings.load(node);
        settings.languageProperty().set(Language.ENGLISH);
        settings.useCustomResolver(dns.address().toString());
        settings.nameServerPortProperty().set(dns.port());
        return settings;
    }

    /** An empty data folder for this test (plans go there), made on first use and deleted by {@link #close()}. */
    public synchronized Path dataFolder() {
        if (dataFolder == null) {
            try {
                dataFolder = Files.createTempDirectory("mailwright-test-data");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataFolder;
    }

    @Override
    public synchronized void close() throws IOException {
        if (dataFolder == null) {
            return;
        }
        try (Stream<Path> contents = Files.walk(dataFolder)) {
            // Deepest first, so each folder is empty when its turn comes.
            for (Path path : contents.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
