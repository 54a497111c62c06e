package org.mailwright.ui.settings;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mailwright.dns.ServerAddress;
import org.mailwright.i18n.ProblemException;
import org.mailwright.ui.Texts;

/**
 * The Settings page. Theme, language, resolver and timeout apply at once; a custom server applies
 * when the user confirms it and it is a valid {@code host[:port]}, so a half-typed address never
 * replaces a working resolver.
 */
public final class SettingsViewModel {

    private final AppSettings settings;
    private final Supplier<ResourceBundle> words;
    private final ObjectProperty<ResolverChoice> resolverChoice = new SimpleObjectProperty<>(this, "resolverChoice");
    private final StringProperty customServer = new SimpleStringProperty(this, "customServer", "");
    private final ReadOnlyStringWrapper customProblem = new ReadOnlyStringWrapper(this, "customProblem", "");
    private final BooleanProperty customCommitted = new SimpleBooleanProperty(this, "customCommitted", false);
    private final StringBinding shownCustomProblem =
            Bindings.createStringBinding(() -> customCommitted.get() ? customProblem.get() : "", customCommitted, customProblem);
    private final IntegerProperty timeoutMillis = new SimpleIntegerProperty(this, "timeoutMillis");
    private final IntegerProperty defaultTtlSeconds = new SimpleIntegerProperty(this, "defaultTtlSeconds");
    private final BooleanBinding customChosen = resolverChoice.isEqualTo(ResolverChoice.CUSTOM);
    private final BooleanBinding canApplyCustom;

    /** @param words the window's bundle in the current language */
    public SettingsViewModel(AppSettings settings, Supplier<ResourceBundle> words) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.words = Objects.requireNonNull(words, "words");
        resolverChoice.set(settings.resolverChoiceProperty().get());
        customServer.set(settings.customResolverProperty().get());
        timeoutMillis.set((int) settings.timeoutProperty().get().toMillis());
        defaultTtlSeconds.set((int) settings.defaultTtlProperty().get());

        resolverChoice.addListener((observable, old, choice) -> {
            customCommitted.set(false);
            recheckCustom();
            if (choice != ResolverChoice.CUSTOM) {
                settings.resolverChoiceProperty().set(choice);
            } else if (customProblem.get().isEmpty()) {
                useCustom();
            }
        });
        customServer.addListener((observable, old, text) -> recheckCustom());
        settings.languageProperty().addListener((observable, old, language) -> recheckCustom());
        timeoutMillis.addListener((observable, old, millis) ->
                settings.timeoutProperty().set(AppSettings.clamp(Duration.ofMillis(millis.longValue()))));
        defaultTtlSeconds.addListener((observable, old, seconds) ->
                settings.defaultTtlProperty().set(AppSettings.clampTtl(seconds.longValue())));
        canApplyCustom = Bindings.createBooleanBinding(
                () -> customChosen.get() && customProblem.get().isEmpty() && !customActive(),
                customChosen, customProblem, customServer, settings.resolverChoiceProperty(), settings.customResolverProperty());
        recheckCustom();
    }

    public List<AppTheme> themes() {
        return List.of(AppTheme.values());
    }

    public List<Language> languages() {
        return List.of(Language.values());
    }

    public List<ResolverChoice> resolverChoices() {
        return List.of(ResolverChoice.values());
    }

    public ObjectProperty<AppTheme> themeProperty() {
        return settings.themeProperty();
    }

    public ObjectProperty<Language> languageProperty() {
        return settings.languageProperty();
    }

    /** The choice shown; it becomes the active resolver at once, except a custom server that is not valid yet. */
    public ObjectProperty<ResolverChoice> resolverChoiceProperty() {
        return resolverChoice;
    }

    public BooleanBinding customChosenProperty() {
        return customChosen;
    }

    /** The custom server as typed. */
    public StringProperty customServerProperty() {
        return customServer;
    }

    /** Why the custom server is not an address, in the user's language; empty when it is one. */
    public ReadOnlyStringProperty customProblemProperty() {
        return customProblem.getReadOnlyProperty();
    }

    /**
     * The problem as the page shows it: only once the user has committed the address (Enter, Apply
     * or leaving the field), then live while it is corrected; an empty field just chosen is no error.
     */
    public StringBinding shownCustomProblemProperty() {
        return shownCustomProblem;
    }

    /** The user is done typing the address (left the field): its problem, if any, is shown from now on. */
    public void commitCustom() {
        customCommitted.set(true);
    }

    /** True when a valid custom server differs from the one in use. */
    public BooleanBinding canApplyCustomProperty() {
        return canApplyCustom;
    }

    /** Makes the typed custom server the active resolver, when it is a valid address. */
    public void applyCustom() {
        customCommitted.set(true);
        useCustom();
    }

    private void useCustom() {
        recheckCustom();
        if (customChosen.get() && customProblem.get().isEmpty()) {
            settings.useCustomResolver(customServer.get());
        }
    }

    /** The lookup timeout in milliseconds. */
    public IntegerProperty timeoutMillisProperty() {
        return timeoutMillis;
    }

    public int minTimeoutMillis() {
        return (int) AppSettings.MIN_TIMEOUT.toMillis();
    }

    public int maxTimeoutMillis() {
        return (int) AppSettings.MAX_TIMEOUT.toMillis();
    }

    /** The port the zone's name servers are asked on; it applies at once. */
    public IntegerProperty nameServerPortProperty() {
        return settings.nameServerPortProperty();
    }

    /** The TTL, in seconds, of a record written anew. */
    public IntegerProperty defaultTtlSecondsProperty() {
        return defaultTtlSeconds;
    }

    public int minTtlSeconds() {
        return (int) AppSettings.MIN_TTL;
    }

    public int maxTtlSeconds() {
        return (int) AppSettings.MAX_TTL;
    }

    /** The word for a choice in the resolver list. */
    public String describe(ResolverChoice choice) {
        return Texts.format(words.get(), "resolver." + choice.id());
    }

    private boolean customActive() {
        return settings.resolverChoiceProperty().get() == ResolverChoice.CUSTOM
                && settings.customResolverProperty().get().equals(customServer.get().trim());
    }

    private void recheckCustom() {
        if (!customChosen.get()) {
            customProblem.set("");
            return;
        }
        String text = customServer.get();
        if (text == null || text.isBlank()) {
            customProblem.set(Texts.format(words.get(), "settings.custom.empty"));
            return;
        }
        try {
            ServerAddress.parse(text);
            customProblem.set("");
        } catch (ProblemException notAnAddress) {
            customProblem.set(Texts.format(words.get(), "settings.custom.invalid", notAnAddress.problem(), text.trim()));
        }
    }
}
