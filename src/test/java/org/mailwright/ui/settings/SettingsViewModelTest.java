package org.mailwright.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.PublicResolver;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;

class SettingsViewModelTest {

    private final ThrowawayPreferences preferences = new ThrowawayPreferences();
    private final AppSettings settings = AppSettings.load(preferences.node());
    private final SettingsViewModel model = new SettingsViewModel(settings, this::bundle);

    private ResourceBundle bundle() {
        return ResourceBundle.getBundle(AppContext.BUNDLE, settings.languageProperty().get().locale());
    }

    @AfterEach
    void removePreferences() throws Exception {
        preferences.close();
    }

    @Test
    void choosingAPublicResolverAppliesAtOnce() {
        model.resolverChoiceProperty().set(ResolverChoice.QUAD9);

        assertEquals(PublicResolver.QUAD9, settings.resolverTarget());
    }

    @Test
    void aCustomServerThatIsNotAnAddressIsExplainedAndNotUsed() {
        model.resolverChoiceProperty().set(ResolverChoice.CUSTOM);
        model.customServerProperty().set("127.0.0.1:http");

        assertTrue(model.customProblemProperty().get().contains("is not a port number"), model.customProblemProperty().get());
        assertTrue(model.customProblemProperty().get().contains("HOST:PORT"), model.customProblemProperty().get());
        assertFalse(model.canApplyCustomProperty().get());
        model.applyCustom();
        assertEquals(ResolverChoice.SYSTEM, settings.resolverChoiceProperty().get());
    }

    @Test
    void aValidCustomServerIsUsedWhenConfirmed() {
        model.resolverChoiceProperty().set(ResolverChoice.CUSTOM);
        model.customServerProperty().set("[2001:db8::53]:5353");
        assertEquals("", model.customProblemProperty().get());
        assertTrue(model.canApplyCustomProperty().get());

        model.applyCustom();

        assertEquals(ResolverChoice.CUSTOM, settings.resolverChoiceProperty().get());
        assertEquals("[2001:db8::53]:5353", settings.resolverTarget().id());
        assertFalse(model.canApplyCustomProperty().get(), "nothing left to apply");
    }

    @Test
    void anEmptyCustomServerAsksForAnAddressRatherThanCallingItWrong() {
        model.resolverChoiceProperty().set(ResolverChoice.CUSTOM);
        model.customServerProperty().set("  ");

        assertEquals("Write the server’s address: HOST or HOST:PORT, for example 127.0.0.1:5353.", model.customProblemProperty().get());
        assertFalse(model.canApplyCustomProperty().get());
    }

    @Test
    void theProblemIsShownOnlyOnceTheAddressIsCommittedThenWhileItIsCorrected() {
        model.resolverChoiceProperty().set(ResolverChoice.CUSTOM);
        assertEquals("", model.shownCustomProblemProperty().get(), "no error before anything is typed");
        model.customServerProperty().set("127.0.0.1:");
        assertEquals("", model.shownCustomProblemProperty().get(), "nor while typing");

        model.commitCustom();
        assertTrue(model.shownCustomProblemProperty().get().contains("no port after it"), model.shownCustomProblemProperty().get());
        model.customServerProperty().set("127.0.0.1:5353");
        assertEquals("", model.shownCustomProblemProperty().get());

        model.resolverChoiceProperty().set(ResolverChoice.SYSTEM);
        model.resolverChoiceProperty().set(ResolverChoice.CUSTOM);
        model.customServerProperty().set("");
        assertEquals("", model.shownCustomProblemProperty().get(), "chosen anew, the field starts clean");
        model.applyCustom();
        assertTrue(model.shownCustomProblemProperty().get().startsWith("Write the server’s address"));
    }

    @Test
    void theProblemIsWordedInTheChosenLanguage() {
        settings.languageProperty().set(Language.SPANISH);
        model.resolverChoiceProperty().set(ResolverChoice.CUSTOM);
        model.customServerProperty().set("dns.example.com:0");

        assertEquals("El puerto 0 de \"dns.example.com:0\" no está entre 1 y 65535. Escriba HOST o HOST:PUERTO, por ejemplo 127.0.0.1:5353.",
                model.customProblemProperty().get());
    }

    @Test
    void theTimeoutAppliesAtOnceWithinItsRange() {
        model.timeoutMillisProperty().set(1250);
        assertEquals(Duration.ofMillis(1250), settings.timeoutProperty().get());

        model.timeoutMillisProperty().set(1);
        assertEquals(AppSettings.MIN_TIMEOUT, settings.timeoutProperty().get());
    }

    @Test
    void theDefaultTtlIsRememberedWithinAMinuteAndAWeek() {
        assertEquals(3600, model.defaultTtlSecondsProperty().get());

        model.defaultTtlSecondsProperty().set(7200);
        assertEquals(7200, AppSettings.load(preferences.node()).defaultTtlProperty().get());

        model.defaultTtlSecondsProperty().set(5);
        assertEquals(AppSettings.MIN_TTL, settings.defaultTtlProperty().get());
        model.defaultTtlSecondsProperty().set(10_000_000);
        assertEquals(AppSettings.MAX_TTL, settings.defaultTtlProperty().get());
    }

    @Test
    void themeAndLanguageAreTheSettingsThemselves() {
        model.themeProperty().set(AppTheme.DARK);
        model.languageProperty().set(Language.SPANISH);

        AppSettings next = AppSettings.load(preferences.node());
        assertEquals(AppTheme.DARK, next.themeProperty().get());
        assertEquals(Language.SPANISH, next.languageProperty().get());
    }
}
