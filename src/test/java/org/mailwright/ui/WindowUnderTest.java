package org.mailwright.ui;

import java.io.IOException;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.shell.ShellWindow;
import org.mailwright.ui.work.BackgroundWork;

/**
 * The real window as a window test opens it: on the test's stage, asking a test DNS server, with
 * throwaway settings and data folder; closed with all of them after the test.
 */
public final class WindowUnderTest implements AutoCloseable {

    private final TestDnsServer dns;
    private final ThrowawayPreferences preferences;
    private final AppContext context;
    private final ShellWindow window;

    private WindowUnderTest(TestDnsServer dns, ThrowawayPreferences preferences, AppContext context, ShellWindow window) {
        this.dns = dns;
        this.preferences = preferences;
        this.context = context;
        this.window = window;
    }

    /** Opens the window on {@code stage}, asking {@code dns}; {@code setUp} chooses the settings it starts with. */
    public static WindowUnderTest open(Stage stage, TestDnsServer dns, Consumer<AppSettings> setUp) {
        ThrowawayPreferences preferences = new ThrowawayPreferences();
        AppSettings settings = preferences.settingsAsking(dns);
        setUp.accept(settings);
        AppContext context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
        return new WindowUnderTest(dns, preferences, context, ShellWindow.open(stage, context));
    }

    public TestDnsServer dns() {
        return dns;
    }

    public ThrowawayPreferences preferences() {
        return preferences;
    }

    public AppContext context() {
        return context;
    }

    public ShellWindow window() {
        return window;
    }

    @Override
    public void close() throws IOException {
        context.close();
        dns.close();
        preferences.close();
    }
}
