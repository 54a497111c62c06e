package org.mailwright.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.RecordType;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.check.FixWizard;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.settings.ResolverChoice;
import org.mailwright.ui.work.BackgroundWork;
import org.testfx.api.FxToolkit;

class ShellViewModelTest {

    private final ThrowawayPreferences preferences = new ThrowawayPreferences();
    private final AppSettings settings = AppSettings.load(preferences.node());
    private final AppContext context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
    private final ShellViewModel shell = new ShellViewModel(context);
    private boolean tasksStarted;

    @AfterEach
    void closeContext() throws Exception {
        // The background work is started, tracked and cancelled on the FX thread; closing it from
        // here while the FX thread drops an ended task broke its list (ConcurrentModificationException).
        if (tasksStarted) {
            FxWait.onFx(() -> {
                context.close();
                return null;
            });
        } else {
            context.close();
        }
        preferences.close();
    }

    @Test
    void opensOnTheDomainPageTheFirstTime() {
        assertEquals(Page.DOMAIN, shell.pageProperty().get());
    }

    @Test
    void reopensOnThePageShownLast() {
        shell.showShortcut(6);
        assertEquals(Page.HEALTH, shell.pageProperty().get());

        ShellViewModel nextRun = new ShellViewModel(
                new AppContext(AppSettings.load(preferences.node()), new BackgroundWork(), preferences.dataFolder()));
        assertEquals(Page.HEALTH, nextRun.pageProperty().get());
    }

    @Test
    void aWizardHandsItsRecordsToThePropagationPage() {
        var records = List.of(ExpectedRecord.of("example.test", RecordType.TXT, "v=spf1 mx -all"),
                ExpectedRecord.of("_dmarc.example.test", RecordType.TXT, "v=DMARC1; p=none"));

        shell.openPropagation(records);

        assertEquals(Page.PROPAGATION, shell.pageProperty().get());
        assertEquals(records, shell.propagationRequestProperty().get());
        assertEquals(records, shell.propagation().addedRecords(), "the page watches what it was handed");
    }

    @Test
    void shortcutsOutsideTheNavigationDoNothing() {
        shell.showShortcut(8);
        shell.showShortcut(9);
        shell.showShortcut(0);

        assertEquals(Page.SETTINGS, shell.pageProperty().get());
    }

    @Test
    void aFixButtonOpensItsWizardOnTheCheckedDomain() throws TimeoutException {
        // The wizards start their first lookups as JavaFX tasks when they open, which needs the toolkit running.
        FxToolkit.registerPrimaryStage();
        tasksStarted = true;
        settings.lastDomainProperty().set("example.test");

        assertEquals(Page.DMARC, opened(FixWizard.DMARC));
        assertEquals("example.test", FxWait.onFx(() -> shell.dmarc().domainProperty().get()),
                "the wizard starts on the domain worked on");
        assertEquals(Page.SPF, opened(FixWizard.SPF));
        assertEquals(Page.DKIM, opened(FixWizard.DKIM));
    }

    /** Opens {@code wizard} as its button does, on the FX thread, and returns the page shown then. */
    private Page opened(FixWizard wizard) {
        return FxWait.onFx(() -> {
            shell.openWizard(wizard);
            return shell.pageProperty().get();
        });
    }

    @Test
    void theHealthCheckIsAPage() {
        assertTrue(shell.health().scorecardProperty().get() == null, "nothing is checked before the user asks");
    }

    @Test
    void theStatusBarNamesTheResolverAndTimeout() {
        assertEquals("Ready", shell.workMessageProperty().get());
        assertEquals("Resolver: System resolvers · timeout 2000 ms", shell.resolverTextProperty().get());

        settings.useCustomResolver("127.0.0.1:5353");
        assertEquals("Resolver: 127.0.0.1:5353 · timeout 2000 ms", shell.resolverTextProperty().get());

        settings.resolverChoiceProperty().set(ResolverChoice.CLOUDFLARE);
        settings.languageProperty().set(Language.SPANISH);
        assertEquals("Listo", shell.workMessageProperty().get());
        assertEquals("Resolutor: Cloudflare (1.1.1.1) · tiempo de espera 2000 ms", shell.resolverTextProperty().get());
    }

    @Test
    void changingTheResolverReplacesTheResolverService() {
        var before = context.resolver();

        settings.resolverChoiceProperty().set(ResolverChoice.GOOGLE);

        assertFalse(before == context.resolver());
    }
}
