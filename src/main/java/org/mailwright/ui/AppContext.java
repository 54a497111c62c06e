package org.mailwright.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.ResolverChoice;
import org.mailwright.ui.work.BackgroundWork;

/**
 * What every page needs, built once when the window opens and passed down: the settings, the
 * background work and the resolver service. Changing the resolver or the timeout in the settings
 * replaces the resolver service (closing the old one), so pages ask for it each time they look up.
 */
public final class AppContext implements AutoCloseable {

    /** The window's own words; the core's (DNS outcomes) are in {@code org.mailwright.i18n.messages}. */
    public static final String BUNDLE = "org.mailwright.ui.messages";

    private final AppSettings settings;
    private final BackgroundWork work;
    private final Path dataFolder;
    private final ReadOnlyObjectWrapper<ResolverService> resolver = new ReadOnlyObjectWrapper<>(this, "resolver");
    private final InvalidationListener rebuildResolver = observable -> rebuildResolver();

    /**
     * @param dataFolder the data folder ({@code --data-dir}, {@code MAILWRIGHT_HOME} or the system's
     *     usual place), where the window keeps what it makes for the user; tests pass a temporary one
     */
    public AppContext(AppSettings settings, BackgroundWork work, Path dataFolder) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.work = Objects.requireNonNull(work, "work");
        this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder");
        resolver.set(new ResolverService(settings.resolverOptions()));
        settings.resolverChoiceProperty().addListener(rebuildResolver);
        settings.customResolverProperty().addListener(rebuildResolver);
        settings.timeoutProperty().addListener(rebuildResolver);
    }

    public AppSettings settings() {
        return settings;
    }

    public BackgroundWork work() {
        return work;
    }

    /** Where the window keeps what it makes for the user, such as rollout plans; it may not exist yet. */
    public Path dataFolder() {
        return dataFolder;
    }

    /** The resolver service in use now. */
    public ResolverService resolver() {
        return resolver.get();
    }

    public ReadOnlyObjectProperty<ResolverService> resolverProperty() {
        return resolver.getReadOnlyProperty();
    }

    /** Where lookups go now, from the settings. */
    public ResolverTarget resolverTarget() {
        return settings.resolverTarget();
    }

    /** The window's words in the language chosen now. */
    public ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, settings.languageProperty().get().locale(), AppContext.class.getModule());
    }

    /** The resolver in use, as the status bar names it: {@code Quad9 (9.9.9.9)}, {@code 127.0.0.1:5353}. */
    public String describeResolver(ResourceBundle words) {
        ResolverChoice choice = settings.resolverChoiceProperty().get();
        return choice == ResolverChoice.CUSTOM
                ? settings.resolverTarget().displayName()
                : Texts.format(words, "resolver." + choice.id());
    }

    private void rebuildResolver() {
        // Lookups running on the old service would never finish once it is closed.
        work.cancelAll();
        ResolverService old = resolver.get();
        resolver.set(new ResolverService(settings.resolverOptions()));
        old.close();
    }

    @Override
    public void close() {
        settings.resolverChoiceProperty().removeListener(rebuildResolver);
        settings.customResolverProperty().removeListener(rebuildResolver);
        settings.timeoutProperty().removeListener(rebuildResolver);
        work.close();
        resolver.get().close();
    }
}
