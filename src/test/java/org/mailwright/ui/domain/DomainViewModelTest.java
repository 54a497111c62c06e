package org.mailwright.ui.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.check.HealthCheckViewModel;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.BackgroundWork;

class DomainViewModelTest {

    private final ThrowawayPreferences preferences = new ThrowawayPreferences();
    private final AppSettings settings = AppSettings.load(preferences.node());
    private final AppContext context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
    private final DomainViewModel model = open(context);

    private static DomainViewModel open(AppContext context) {
        return new DomainViewModel(context, new HealthCheckViewModel(context, wizard -> { }), () -> { });
    }

    @AfterEach
    void closeContext() throws Exception {
        context.close();
        preferences.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                  | Enter a domain name, for example example.com.",
        "example com                         | A domain name has no spaces.",
        "postmaster@example.com              | Enter only the domain, the part after the @: example.com.",
        "https://www.example.com/contact     | Enter only the domain name, without http:// or a path: www.example.com.",
        "example..com                        | There is an empty part between two dots, or a dot at the start.",
        "-mail.example.com                   | The part “-mail” starts or ends with a hyphen, which a domain name cannot.",
        "exa!mple.com                        | “!” cannot appear in a domain name; use letters, digits, hyphens and dots.",
        "localhost                           | Enter the whole domain with its ending, for example localhost.com.",
    })
    void aTypoIsExplainedInOneSentence(String typed, String problem) {
        model.domainProperty().set(typed);

        assertEquals(problem, model.problemProperty().get());
        assertFalse(model.canLookUpProperty().get());
        assertTrue(model.domainName().isEmpty());
    }

    @Test
    void aLabelLongerThanDnsAllowsIsNamed() {
        String label = "a".repeat(64);
        model.domainProperty().set(label + ".com");

        assertEquals("The part “" + label + "” has 64 characters; a part of a domain name has at most 63.", model.problemProperty().get());
    }

    @Test
    void aNameLongerThanDnsAllowsIsMeasured() {
        model.domainProperty().set(("a".repeat(60) + ".").repeat(5) + "com");

        assertEquals("A domain name has at most 253 characters; this one has 308.", model.problemProperty().get());
    }

    @ParameterizedTest
    @CsvSource({
        "example.com, example.com",
        "'  Example.COM.  ', example.com",
        "_dmarc.example.com, _dmarc.example.com",
        "münchen.de, xn--mnchen-3ya.de",
    })
    void aDomainIsLookedUpInItsPlainForm(String typed, String name) {
        model.domainProperty().set(typed);

        assertEquals("", model.problemProperty().get());
        assertEquals(name, model.domainName().orElseThrow());
        assertTrue(model.canLookUpProperty().get());
    }

    @Test
    void theProblemFollowsTheLanguage() {
        model.domainProperty().set("example com");
        settings.languageProperty().set(Language.SPANISH);

        assertEquals("Un nombre de dominio no lleva espacios.", model.problemProperty().get());
    }

    @Test
    void aValidDomainIsRememberedForTheNextRun() {
        model.domainProperty().set(" corp.example ");
        model.domainProperty().set("corp.exa mple");

        assertEquals("corp.example", AppSettings.load(preferences.node()).lastDomainProperty().get());
        DomainViewModel nextRun = open(
                new AppContext(AppSettings.load(preferences.node()), new BackgroundWork(), preferences.dataFolder()));
        assertEquals("corp.example", nextRun.domainProperty().get());
    }

    @Test
    void nothingIsShownBeforeTheFirstLookup() {
        model.domainProperty().set("example.com");

        assertTrue(model.rows().isEmpty());
        assertEquals("", model.askedProperty().get());
        assertTrue(model.scorecardProperty().get() == null);
        assertFalse(model.scorecardPendingProperty().get());
    }
}
