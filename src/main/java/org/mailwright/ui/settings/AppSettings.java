package org.mailwright.ui.settings;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;
import org.mailwright.publish.RecordChange;

/**
 * What the window remembers between runs, as JavaFX properties: every change is written to one
 * {@link SettingsStore} at once, so nothing is lost when the window is killed. The store is passed
 * in: the window's is the data folder's {@link SettingsFile}, tests use a throwaway one.
 */
public final class AppSettings {

    public static final Duration MIN_TIMEOUT = Duration.ofMillis(250);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;
    /** The TTL of a record written anew, in seconds, until the user chooses another. */
    public static final long STANDARD_TTL = RecordChange.STANDARD_TTL;
    /** A minute: shorter TTLs make every receiver ask again and again. */
    public static final long MIN_TTL = 60;
    /** A week: longer TTLs keep a mistake cached for too long. */
    public static final long MAX_TTL = 604_800;

    static final String THEME = "theme";
    static final String LANGUAGE = "language";
    static final String RESOLVER = "resolver";
    static final String CUSTOM_RESOLVER = "resolver.custom";
    static final String TIMEOUT_MS = "timeout.ms";
    static final String NAME_SERVER_PORT = "nameservers.port";
    static final String DEFAULT_TTL = "ttl.default";
    static final String LAST_DOMAIN = "domain.last";
    static final String LAST_PAGE = "page.last";
    static final String PROPAGATION_RECORDS = "propagation.records";
    static final String PROPAGATION_SERVERS = "propagation.servers";
    static final String WINDOW_X = "window.x";
    static final String WINDOW_Y = "window.y";
    static final String WINDOW_WIDTH = "window.width";
    static final String WINDOW_HEIGHT = "window.height";
    static final String WINDOW_MAXIMIZED = "window.maximized";

    private final SettingsStore node;
    private final ObjectProperty<AppTheme> theme = new SimpleObjectProperty<>(this, THEME);
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, LANGUAGE);
    private final ObjectProperty<ResolverChoice> resolverChoice = new SimpleObjectProperty<>(this, RESOLVER);
    private final StringProperty customResolver = new SimpleStringProperty(this, CUSTOM_RESOLVER);
    private final ObjectProperty<Duration> timeout = new SimpleObjectProperty<>(this, TIMEOUT_MS);
    private final IntegerProperty nameServerPort = new SimpleIntegerProperty(this, NAME_SERVER_PORT);
    private final LongProperty defaultTtl = new SimpleLongProperty(this, DEFAULT_TTL);
    private final StringProperty lastDomain = new SimpleStringProperty(this, LAST_DOMAIN);
    private final StringProperty lastPage = new SimpleStringProperty(this, LAST_PAGE);
    private final StringProperty propagationRecords = new SimpleStringProperty(this, PROPAGATION_RECORDS);
    private final StringProperty propagationServers = new SimpleStringProperty(this, PROPAGATION_SERVERS);
    private final ObjectProperty<WindowPlacement> window = new SimpleObjectProperty<>(this, "window");

    private AppSettings(SettingsStore node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The settings kept in {@code node}, with defaults for whatever is missing or unreadable. */
    public static AppSettings load(SettingsStore node) {
        AppSettings settings = new AppSettings(node);
        settings.read();
        settings.writeOnChange();
        return settings;
    }

    private void read() {
        theme.set(AppTheme.byId(node.get(THEME, "")).orElse(AppTheme.LIGHT));
        language.set(Language.byId(node.get(LANGUAGE, "")).orElse(Language.forLocale(Locale.getDefault())));
        String custom = node.get(CUSTOM_RESOLVER, "");
        ResolverChoice choice = ResolverChoice.byId(node.get(RESOLVER, "")).orElse(ResolverChoice.SYSTEM);
        // A custom server edited by hand into something unusable falls back to the system's resolvers.
        customResolver.set(custom);
        resolverChoice.set(choice == ResolverChoice.CUSTOM && !usable(custom) ? ResolverChoice.SYSTEM : choice);
        timeout.set(clamp(Duration.ofMillis(node.getLong(TIMEOUT_MS, ResolverOptions.DEFAULT_TIMEOUT.toMillis()))));
        int port = node.getInt(NAME_SERVER_PORT, ServerAddress.DNS_PORT);
        nameServerPort.set(port >= MIN_PORT && port <= MAX_PORT ? port : ServerAddress.DNS_PORT);
        defaultTtl.set(clampTtl(node.getLong(DEFAULT_TTL, STANDARD_TTL)));
        lastDomain.set(node.get(LAST_DOMAIN, ""));
        lastPage.set(node.get(LAST_PAGE, ""));
        propagationRecords.set(node.get(PROPAGATION_RECORDS, ""));
        propagationServers.set(node.get(PROPAGATION_SERVERS, ""));
        double width = node.getDouble(WINDOW_WIDTH, -1);
        double height = node.getDouble(WINDOW_HEIGHT, -1);
        if (width > 0 && height > 0) {
            window.set(new WindowPlacement(node.getDouble(WINDOW_X, 0), node.getDouble(WINDOW_Y, 0),
                    width, height, node.getBoolean(WINDOW_MAXIMIZED, false)));
        }
    }

    private void writeOnChange() {
        persist(theme, value -> node.put(THEME, value.id()));
        persist(language, value -> node.put(LANGUAGE, value.id()));
        persist(resolverChoice, value -> node.put(RESOLVER, value.id()));
        persist(customResolver, value -> node.put(CUSTOM_RESOLVER, value));
        persist(timeout, value -> node.putLong(TIMEOUT_MS, value.toMillis()));
        persist(nameServerPort, value -> node.putInt(NAME_SERVER_PORT, value.intValue()));
        persist(defaultTtl, value -> node.putLong(DEFAULT_TTL, value.longValue()));
        persist(lastDomain, value -> node.put(LAST_DOMAIN, value));
        persist(lastPage, value -> node.put(LAST_PAGE, value));
        persist(propagationRecords, value -> node.put(PROPAGATION_RECORDS, value));
        persist(propagationServers, value -> node.put(PROPAGATION_SERVERS, value));
        persist(window, value -> {
            node.putDouble(WINDOW_X, value.x());
            node.putDouble(WINDOW_Y, value.y());
            node.putDouble(WINDOW_WIDTH, value.width());
            node.putDouble(WINDOW_HEIGHT, value.height());
            node.putBoolean(WINDOW_MAXIMIZED, value.maximized());
        });
    }

    private static <T> void persist(ObservableValue<T> property, Consumer<T> writer) {
        property.addListener((observable, old, value) -> {
            if (value != null) {
                writer.accept(value);
            }
        });
    }

    private static boolean usable(String customServer) {
        try {
            ResolverChoice.CUSTOM.target(customServer);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Keeps a timeout within what makes sense for an interactive lookup. */
    public static Duration clamp(Duration value) {
        if (value.compareTo(MIN_TIMEOUT) < 0) {
            return MIN_TIMEOUT;
        }
        return value.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : value;
    }

    /** Keeps a TTL between a minute and a week. */
    public static long clampTtl(long seconds) {
        return Math.max(MIN_TTL, Math.min(MAX_TTL, seconds));
    }

    public ObjectProperty<AppTheme> themeProperty() {
        return theme;
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ObjectProperty<ResolverChoice> resolverChoiceProperty() {
        return resolverChoice;
    }

    /** The {@code host[:port]} of the custom resolver; kept even while another choice is active. */
    public StringProperty customResolverProperty() {
        return customResolver;
    }

    /** How long one attempt at one server may take. */
    public ObjectProperty<Duration> timeoutProperty() {
        return timeout;
    }

    /**
     * The port a zone's name servers are asked on (Propagation, the DKIM key check): 53, or a
     * test set-up's such as Knot on 5353.
     */
    public IntegerProperty nameServerPortProperty() {
        return nameServerPort;
    }

    /**
     * The TTL, in seconds, of a record no name server publishes yet, in the zone-file lines the
     * wizards write (a published record keeps the TTL its name servers give it).
     */
    public LongProperty defaultTtlProperty() {
        return defaultTtl;
    }

    public StringProperty lastDomainProperty() {
        return lastDomain;
    }

    /** The id of the page shown last. */
    public StringProperty lastPageProperty() {
        return lastPage;
    }

    /** The records added on the Propagation page, as that page writes them; empty when none. */
    public StringProperty propagationRecordsProperty() {
        return propagationRecords;
    }

    /** The servers added on the Propagation page, as that page writes them; empty when none. */
    public StringProperty propagationServersProperty() {
        return propagationServers;
    }

    /** Where the window was; empty on the first run. */
    public ObjectProperty<WindowPlacement> windowProperty() {
        return window;
    }

    public Optional<WindowPlacement> window() {
        return Optional.ofNullable(window.get());
    }

    /** Uses the custom server {@code host[:port]}. */
    public void useCustomResolver(String server) {
        customResolver.set(server.trim());
        resolverChoice.set(ResolverChoice.CUSTOM);
    }

    /** Where lookups go under the current choice. */
    public ResolverTarget resolverTarget() {
        return resolverChoice.get().target(customResolver.get());
    }

    public ResolverOptions resolverOptions() {
        return ResolverOptions.defaults().withTimeout(timeout.get());
    }
}
