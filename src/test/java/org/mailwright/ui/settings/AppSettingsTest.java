package org.mailwright.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.PublicResolver;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;
import org.mailwright.ui.ThrowawayPreferences;

class AppSettingsTest {

    private final ThrowawayPreferences preferences = new ThrowawayPreferences();

    @AfterEach
    void removePreferences() throws Exception {
        preferences.close();
    }

    @Test
    void firstRunHasDefaults() {
        AppSettings settings = AppSettings.load(preferences.node());

        assertEquals(AppTheme.LIGHT, settings.themeProperty().get());
        assertEquals(ResolverChoice.SYSTEM, settings.resolverChoiceProperty().get());
        assertEquals(ResolverTarget.system(), settings.resolverTarget());
        assertEquals(Duration.ofMillis(2000), settings.timeoutProperty().get());
        assertEquals(3600, settings.defaultTtlProperty().get());
        assertEquals("", settings.lastDomainProperty().get());
        assertTrue(settings.window().isEmpty());
    }

    @Test
    void everySettingComesBackInTheNextRun() {
        AppSettings first = AppSettings.load(preferences.node());
        first.themeProperty().set(AppTheme.DARK);
        first.languageProperty().set(Language.SPANISH);
        first.useCustomResolver(" 127.0.0.1:5353 ");
        first.timeoutProperty().set(Duration.ofMillis(1500));
        first.defaultTtlProperty().set(900);
        first.lastDomainProperty().set("example.test");
        first.lastPageProperty().set("settings");
        first.windowProperty().set(new WindowPlacement(40, 50, 1000, 700, true));

        AppSettings next = AppSettings.load(preferences.node());

        assertEquals(AppTheme.DARK, next.themeProperty().get());
        assertEquals(Language.SPANISH, next.languageProperty().get());
        assertEquals(ResolverChoice.CUSTOM, next.resolverChoiceProperty().get());
        assertEquals(ResolverTarget.servers(List.of(new ServerAddress("127.0.0.1", 5353))), next.resolverTarget());
        assertEquals(Duration.ofMillis(1500), next.resolverOptions().timeout());
        assertEquals(900, next.defaultTtlProperty().get());
        assertEquals("example.test", next.lastDomainProperty().get());
        assertEquals("settings", next.lastPageProperty().get());
        assertEquals(new WindowPlacement(40, 50, 1000, 700, true), next.window().orElseThrow());
    }

    @Test
    void aPublicResolverIsRememberedByName() {
        AppSettings.load(preferences.node()).resolverChoiceProperty().set(ResolverChoice.QUAD9);

        assertEquals(PublicResolver.QUAD9, AppSettings.load(preferences.node()).resolverTarget());
    }

    @Test
    void aCustomServerSpoiledByHandFallsBackToTheSystemResolvers() {
        preferences.node().put("resolver", "custom");
        preferences.node().put("resolver.custom", "127.0.0.1:99999");

        assertEquals(ResolverTarget.system(), AppSettings.load(preferences.node()).resolverTarget());
    }

    @Test
    void aTimeoutOutsideTheSensibleRangeIsClamped() {
        preferences.node().putLong("timeout.ms", 5);
        assertEquals(AppSettings.MIN_TIMEOUT, AppSettings.load(preferences.node()).timeoutProperty().get());

        preferences.node().putLong("timeout.ms", 3_600_000);
        assertEquals(AppSettings.MAX_TIMEOUT, AppSettings.load(preferences.node()).timeoutProperty().get());
    }

    @Test
    void theNameServersPortIs53UntilChangedAndAPortNoneCouldBeFallsBack() {
        AppSettings first = AppSettings.load(preferences.node());
        assertEquals(53, first.nameServerPortProperty().get());
        first.nameServerPortProperty().set(5353);
        assertEquals(5353, AppSettings.load(preferences.node()).nameServerPortProperty().get());

        preferences.node().putInt("nameservers.port", 70_000);
        assertEquals(53, AppSettings.load(preferences.node()).nameServerPortProperty().get());
    }

    @Test
    void aDefaultTtlOutsideAMinuteToAWeekIsClamped() {
        preferences.node().putLong("ttl.default", 1);
        assertEquals(AppSettings.MIN_TTL, AppSettings.load(preferences.node()).defaultTtlProperty().get());

        preferences.node().putLong("ttl.default", 31_536_000);
        assertEquals(AppSettings.MAX_TTL, AppSettings.load(preferences.node()).defaultTtlProperty().get());
    }

    @Test
    void aTinyRememberedWindowGrowsToTheMinimumSize() {
        WindowPlacement placement = new WindowPlacement(0, 0, 10, 10, false);

        assertEquals(WindowPlacement.MIN_WIDTH, placement.width());
        assertEquals(WindowPlacement.MIN_HEIGHT, placement.height());
    }
}
