package org.mailwright.ui.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailwright.dkim.DkimKey;
import org.mailwright.dkim.KeyFileException;
import org.mailwright.dkim.KeyFiles;
import org.mailwright.dkim.KeyFiles.KeyFormat;
import org.mailwright.dkim.KeyGenerator;
import org.mailwright.dkim.KeySpec;
import org.mailwright.dkim.KeyTestResult;
import org.mailwright.dkim.KeyType;
import org.mailwright.dkim.MailServerSnippets.Server;
import org.mailwright.dns.RecordType;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.wizard.WizardViewModel;
import org.mailwright.ui.work.BackgroundWork;
import org.mailwright.ui.work.DirectJobs;

/** The DKIM wizard's state and words, without the FX thread: its key, file and DNS work runs on the test's thread. */
class DkimWizardViewModelTest {

    static final DkimKey ED25519 = KeyGenerator.generate(KeySpec.ed25519());
    static final DkimKey RSA = KeyGenerator.generate(KeySpec.DEFAULT);
    private static final Clock NOV_25_2026 = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    private final ThrowawayPreferences preferences = new ThrowawayPreferences();
    private final AppSettings settings = AppSettings.load(preferences.node());
    private final List<List<ExpectedRecord>> handedOver = new ArrayList<>();
    private DkimWizardViewModel model;
    private AppContext context;
    private TestDnsServer dns;

    @TempDir
    Path folder;

    /** The wizard on {@code domain}, asking the test DNS server (corp.example without keys, unless a test started its own). */
    private DkimWizardViewModel wizard(String domain) {
        if (dns == null) {
            dns = TestDnsServer.start(DkimZone.corpExample(""));
        }
        settings.useCustomResolver(dns.address().toString());
        settings.nameServerPortProperty().set(dns.port());
        settings.languageProperty().set(Language.ENGLISH);
        settings.lastDomainProperty().set(domain);
        context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
        model = new DkimWizardViewModel(context, new DirectJobs(), handedOver::add, NOV_25_2026);
        return model;
    }

    @AfterEach
    void close() throws Exception {
        if (context != null) {
            context.close();
        }
        if (dns != null) {
            dns.close();
        }
        preferences.close();
    }

    @Test
    void startsFromTheDomainBeingWorkedOnWithADateBasedSelector() {
        wizard("corp.example");

        assertEquals("corp.example", model.domainProperty().get());
        assertEquals("202611a", model.selectorProperty().get());
        assertEquals("202611a._domainkey.corp.example", model.recordName());
        assertEquals("", model.wizard().currentProblemProperty().get());

        settings.lastDomainProperty().set("other.example");
        assertEquals("other.example", model.domainProperty().get(), "an untouched domain follows the Domain page");
        model.domainProperty().set("mine.example");
        settings.lastDomainProperty().set("third.example");
        assertEquals("mine.example", model.domainProperty().get(), "a domain typed here is kept");

        model.selectorProperty().set("x");
        model.suggestSelector();
        assertEquals("202611a", model.selectorProperty().get());
    }

    @Test
    void aKeyStaysWithItsDomainWhenTheDomainPageMovesOnAndStartingOverLeavesItsFileAlone() throws Exception {
        wizard("corp.example");
        settings.lastDomainProperty().set("other.example");
        assertEquals("other.example", model.domainProperty().get(), "without a key the wizard follows the Domain page");
        settings.lastDomainProperty().set("corp.example");
        model.maker().typeProperty().set(KeyType.ED25519);
        model.maker().make();
        Path file = folder.resolve("202611a.private");
        model.saver().save(file);
        String saved = Files.readString(file);
        model.wizard().next();
        model.wizard().next();
        assertEquals("", model.otherDomainNoticeProperty().get());

        settings.lastDomainProperty().set("other.example");

        assertEquals("corp.example", model.domainProperty().get(), "a key is never moved to another domain");
        assertEquals("202611a._domainkey.corp.example", model.dnsRecord().name());
        assertEquals("Still working on corp.example: the key, its record and the file names here are for corp.example. "
                + "The Domain page is now on other.example.", model.otherDomainNoticeProperty().get());
        assertEquals("Start over for other.example", model.startOverTextProperty().get());

        model.startOver();

        assertEquals("other.example", model.domainProperty().get());
        assertNull(model.maker().keyProperty().get());
        assertNull(model.saver().savedProperty().get());
        assertNull(model.dnsRecord());
        assertEquals("", model.otherDomainNoticeProperty().get());
        assertEquals(0, model.wizard().indexProperty().get(), "back to the first step");
        assertEquals(saved, Files.readString(file), "the key saved for corp.example stays as it was");
        try (var files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList(), "nothing is moved or renamed");
        }
    }

    @Test
    void keysAreMadeAndReadInTheBackgroundAndFailuresSayWhatToDo() throws Exception {
        wizard("corp.example");
        KeyMaker maker = model.maker();
        maker.typeProperty().set(KeyType.ED25519);
        maker.make();
        assertEquals(KeyType.ED25519, maker.keyProperty().get().type());

        maker.originProperty().set(KeyMaker.Origin.IMPORT);
        maker.open(folder);
        assertEquals(folder + " is a folder; give the key file itself.", keyProblem());

        Path encrypted = KeyFiles.save(ED25519, folder.resolve("backup.private"),
                new KeyFiles.SaveOptions(KeyFormat.PKCS8, "correct horse".toCharArray(), KeyFiles.IfExists.FAIL)).path();
        maker.open(encrypted);
        assertTrue(maker.encryptedProperty().get());
        assertEquals("This key is encrypted: enter its passphrase and choose Read the key.", keyProblem());
        maker.passphraseProperty().set("correct horse");
        maker.read();
        assertEquals(ED25519.fingerprint(), maker.keyProperty().get().fingerprint());
        assertEquals("", keyProblem());
    }

    @Test
    void theZoneLineKeepsTheTtlTheZoneGivesTheRecordAndTheCheckComparesTheOptionsWritten() {
        dns = TestDnsServer.start(DkimZone.corpExample(DkimZone.keyRecord(ED25519)));
        settings.useCustomResolver(dns.address().toString());
        settings.nameServerPortProperty().set(dns.port());
        wizard("corp.example");
        assertEquals("202611b", model.selectorProperty().get(), "202611a is published already");
        model.selectorProperty().set("202611a");
        model.maker().accept(ED25519);
        model.testingProperty().set(true);
        assertTrue(model.zoneLine().get().startsWith("202611a._domainkey.corp.example. 3600 IN TXT"), model.zoneLine().get());

        model.checkDns();

        KeyCheck check = model.check();
        assertEquals(KeyTestResult.OTHER_OPTIONS, check.reportProperty().get().result(), "published without t=y");
        assertEquals("Other options", check.servers().get(0).word());
        assertTrue(model.zoneLine().get().startsWith("202611a._domainkey.corp.example. 300 IN TXT \"v=DKIM1; k=ed25519; t=y;"),
                "the TTL the name servers give it: " + model.zoneLine().get());

        model.testingProperty().set(false);
        assertNull(check.reportProperty().get(), "another record is not the one checked");
        assertTrue(model.zoneLine().get().startsWith("202611a._domainkey.corp.example. 300 IN TXT"), model.zoneLine().get());
        model.checkDns();
        assertEquals(KeyTestResult.MATCH, check.reportProperty().get().result());

        model.selectorProperty().set("202611b");
        assertTrue(model.zoneLine().get().startsWith("202611b._domainkey.corp.example. 3600 IN TXT"), model.zoneLine().get());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''          | Enter a selector: letters, digits and hyphens, for example 202611a.",
        "mail 2026   | A selector cannot contain spaces; use a hyphen instead: mail-2026.",
        "mail_2026   | Underscores are not allowed in selectors; use a hyphen instead: mail-2026.",
        "-mail       | The part “-mail” starts or ends with a hyphen, which a selector cannot.",
        "a..b        | There is an empty part between two dots, or a dot at the start or the end.",
    })
    void aBadSelectorIsExplainedAndBlocksNext(String typed, String problem) {
        wizard("corp.example");

        model.selectorProperty().set(typed);

        assertEquals(problem, model.selectorProblemProperty().get());
        assertEquals(problem, model.wizard().currentProblemProperty().get());
        assertFalse(model.wizard().canGoNextProperty().get());
    }

    @Test
    void aBadDomainIsSaidInTheDomainPagesWordsAndInSpanish() {
        wizard("postmaster@corp.example");

        assertEquals("Enter only the domain, the part after the @: corp.example.", model.domainProblemProperty().get());
        assertEquals("", model.selectorProblemProperty().get(), "the selector is not blamed for the domain");

        settings.languageProperty().set(Language.SPANISH);

        assertTrue(model.domainProblemProperty().get().startsWith("Escriba solo el dominio"), model.domainProblemProperty().get());
        assertEquals("¿Qué dominio firma y con qué selector?", model.wizard().steps().get(0).question());
    }

    @Test
    void theRecordComesFromTheKeyInBothFormsWithItsOptions() {
        wizard("corp.example");
        assertNull(model.dnsRecord());
        assertEquals("Choose Make the key: the record is made from it.", keyProblem());

        model.maker().accept(ED25519);

        String p = ED25519.record().publicKey();
        assertEquals("v=DKIM1; k=ed25519; p=" + p, model.value().get());
        assertEquals("202611a._domainkey.corp.example. 3600 IN TXT \"v=DKIM1; k=ed25519; p=" + p + "\"", model.zoneLine().get(),
                "a record no name server publishes yet gets the default TTL");
        assertEquals("202611a._domainkey", model.hostField().get());
        assertEquals("The value has 66 characters and fits in one DNS string.", model.lengthNote().get());
        assertEquals("", keyProblem());

        model.testingProperty().set(true);
        model.sha256OnlyProperty().set(true);
        model.emailOnlyProperty().set(true);

        assertEquals("v=DKIM1; k=ed25519; h=sha256; s=email; t=y; p=" + p, model.value().get());
        assertEquals("With t=y, h=sha256, s=email", model.wizard().summary().get(3).answer());
    }

    @Test
    void aLongRsaValueIsSplitInTheZoneLineAndSaidSo() {
        wizard("corp.example");

        model.maker().accept(RSA);

        assertEquals(2, model.dnsRecord().strings().size());
        assertTrue(model.zoneLine().get().contains("\" \""), model.zoneLine().get());
        assertTrue(model.lengthNote().get().startsWith("The value has 410 characters, more than one DNS string holds (255)"),
                model.lengthNote().get());
    }

    @Test
    void theAdviceFollowsTheKeyChosenAndAnotherChoiceDropsAnUnsavedKey() {
        wizard("corp.example");
        KeyMaker maker = model.maker();
        assertEquals(CheckState.PASS, maker.advice().state());
        assertTrue(model.say(maker.advice().phrase()).startsWith("Recommended. RSA 2048"));

        maker.rsaBitsProperty().set(1024);
        assertEquals(CheckState.WARNING, maker.advice().state());
        assertEquals(KeySpec.rsa(1024), maker.spec());

        maker.typeProperty().set(KeyType.ED25519);
        assertEquals(CheckState.INFO, maker.advice().state());
        assertTrue(model.say(maker.advice().phrase()).contains("second signature"));

        maker.accept(ED25519);
        maker.rsaBitsProperty().set(4096);
        assertEquals(ED25519, maker.keyProperty().get(), "the RSA size makes no other Ed25519 key");
        assertNull(maker.pendingChoiceProperty().get());
        assertEquals("", model.switchQuestionProperty().get());
    }

    @Test
    void anotherKeyTypeAsksBeforeDroppingAKeyNotSavedAndKeepingItPutsTheChoiceBack() {
        wizard("corp.example");
        KeyMaker maker = model.maker();
        maker.make();
        DkimKey made = maker.keyProperty().get();
        assertEquals(KeyType.RSA, made.type());

        maker.typeProperty().set(KeyType.ED25519);

        assertEquals(made, maker.keyProperty().get(), "nothing is dropped before the user answers");
        assertEquals("Choosing another key now throws away the RSA key of 2048 bits (fingerprint " + made.fingerprint()
                + "): it is not saved anywhere, so it is lost for good, with its record.", model.switchQuestionProperty().get());
        maker.keepKey();
        assertEquals(KeyType.RSA, maker.typeProperty().get(), "the choice goes back to the key's");
        assertEquals(made, maker.keyProperty().get());
        assertNull(maker.pendingChoiceProperty().get());
        assertEquals("", model.switchQuestionProperty().get());

        maker.rsaBitsProperty().set(4096);
        assertTrue(model.switchQuestionProperty().get().startsWith("Choosing another key now throws away the RSA key"),
                "another size is another key too");
        maker.discardForChoice();
        assertNull(maker.keyProperty().get());
        assertNull(model.dnsRecord());
        assertEquals(KeySpec.rsa(4096), maker.spec(), "the new choice stays");

        maker.make();
        maker.originProperty().set(KeyMaker.Origin.IMPORT);
        assertNotNull(maker.pendingChoiceProperty().get(), "opening a file instead drops the key made too");
        maker.keepKey();
        assertEquals(KeyMaker.Origin.GENERATE, maker.originProperty().get());
    }

    @Test
    void aSavedKeyIsSaidToStayInItsFileWhenAnotherIsChosen() {
        wizard("corp.example");
        KeyMaker maker = model.maker();
        maker.typeProperty().set(KeyType.ED25519);
        maker.make();
        Path file = folder.resolve("202611a.private");
        model.saver().save(file);
        DkimKey made = maker.keyProperty().get();

        maker.typeProperty().set(KeyType.RSA);

        assertEquals("Choosing another key now leaves the Ed25519 key of 256 bits (fingerprint " + made.fingerprint()
                + ") behind: it stays in " + file + ", but this wizard goes on with the new key, its record and its snippets.",
                model.switchQuestionProperty().get());
        maker.discardForChoice();
        assertNull(maker.keyProperty().get());
        assertTrue(Files.exists(file), "the saved file is never touched");
    }

    @Test
    void anImportedKeyIsNotSavedAgain() {
        wizard("corp.example");

        model.maker().originProperty().set(KeyMaker.Origin.IMPORT);
        assertEquals("Open your private key file: the record is made from it.", keyProblem());

        assertFalse(model.wizard().steps().get(2).isActive(), "the Save step is passed over");
        assertEquals(WizardViewModel.StepState.SKIPPED, model.wizard().stateOf(2));
    }

    @Test
    void savingAsksForMatchingPassphrasesOnlyWherePkcs8TakesThem() {
        wizard("corp.example");
        model.maker().accept(RSA);
        KeySaver saver = model.saver();
        assertEquals("Save the private key: the mail server needs it to sign.", saveProblem());
        assertEquals(List.of(KeyFormat.PKCS8, KeyFormat.PKCS1), KeySaver.formatsFor(KeyType.RSA));
        assertEquals(List.of(KeyFormat.PKCS8, KeyFormat.ED25519_BASE64), KeySaver.formatsFor(KeyType.ED25519));
        assertEquals("202611a.private", model.suggestedFileName());

        saver.passphraseProperty().set("correct horse");
        assertEquals("The two passphrases differ; type the same one twice (or leave both empty).", saveProblem());
        saver.passphraseAgainProperty().set("correct horse");
        assertEquals("Save the private key: the mail server needs it to sign.", saveProblem());
        saver.formatProperty().set(KeyFormat.PKCS1);
        assertEquals("Only PKCS#8 files take a passphrase; choose PKCS#8 or leave the passphrase empty.", saveProblem());
    }

    @Test
    void aFileInTheWayIsAskedAboutAndASavedKeyShowsItsMode() throws Exception {
        wizard("corp.example");
        model.maker().accept(ED25519);
        KeySaver saver = model.saver();
        Path file = folder.resolve("202611a.private");
        Files.writeString(file, "the key in use");
        KeyFileException inTheWay = assertThrows(KeyFileException.class,
                () -> KeyFiles.save(ED25519, file, KeyFiles.SaveOptions.defaults()));

        saver.failed(file, inTheWay);

        assertEquals(file, saver.awaitingReplaceProperty().get());
        assertEquals("the key in use", Files.readString(file));
        saver.keepExisting();
        assertNull(saver.awaitingReplaceProperty().get());

        KeyFiles.SavedKey written = KeyFiles.save(ED25519, folder.resolve("new.private"), KeyFiles.SaveOptions.defaults());
        saver.accept(new KeySaver.Saved(written, KeyFormat.PKCS8, false));

        assertEquals("", saveProblem());
        assertEquals("Saved to " + written.path() + " as PKCS#8, mode 0600 (rw-------): only you can read it.",
                model.savedDescription());
        assertEquals(written.path() + " (mode 0600)", model.wizard().summary().get(2).answer());
        assertEquals("/etc/dkimkeys/new.private", model.serverKeyPathProperty().get(), "the snippets name the saved file");
    }

    @Test
    void octalModes() {
        assertEquals("0600", KeySaver.octalMode("rw-------"));
        assertEquals("0644", KeySaver.octalMode("rw-r--r--"));
    }

    @Test
    void theSnippetsNameTheKeyWhereTheMailServerKeepsItAndFollowEdits() {
        wizard("corp.example");
        List<String> changes = new ArrayList<>();
        model.snippets().addListener((ListChangeListener<SnippetRow>) change -> changes.add("changed"));
        assertTrue(model.snippets().isEmpty());

        model.maker().accept(RSA);

        assertFalse(changes.isEmpty(), "the view hears of the snippets");
        SnippetRow keyTable = model.snippets().get(0);
        assertEquals(Server.OPENDKIM, keyTable.server());
        assertEquals("202611a._domainkey.corp.example corp.example:202611a:/etc/dkimkeys/202611a.private\n", keyTable.text());
        assertTrue(model.snippets().stream().anyMatch(s -> s.server() == Server.AMAVISD && s.text().contains("dkim_key('corp.example', '202611a'")));

        model.serverKeyPathProperty().set("/var/lib/rspamd/dkim/corp.key");
        assertTrue(model.snippets().get(0).text().endsWith(":/var/lib/rspamd/dkim/corp.key\n"));
        model.selectorProperty().set("202611b");
        assertEquals("/var/lib/rspamd/dkim/corp.key", model.serverKeyPathProperty().get(), "a typed path is kept");

        model.serverKeyPathProperty().set("  ");
        assertEquals("Enter where the key file will be on the mail server, for example /etc/dkimkeys/202611a.private.",
                serverProblem());
        assertTrue(model.snippets().isEmpty());
    }

    @Test
    void aRotationIsPlannedWithDatesAndTheRevocationRecord() {
        wizard("corp.example");
        model.maker().accept(RSA);
        assertEquals(2, model.plan().size(), "a first key: publish, then switch the signer");
        assertEquals("Replaces no key", model.wizard().summary().get(5).answer());

        model.oldSelectorProperty().set("202505a");

        List<PlanRow> plan = model.plan();
        assertEquals(List.of("2026-11-25", "2026-11-26", "2026-11-26", "2026-12-03"), plan.stream().map(PlanRow::date).toList());
        assertEquals(List.of("Publish the new selector", "Switch the signer", "Keep the old key published", "Revoke the old key"),
                plan.stream().map(PlanRow::title).toList());
        assertEquals("", plan.get(0).zoneLine(), "the new record is beside the wizard already");
        assertEquals("202505a._domainkey.corp.example. 3600 IN TXT \"v=DKIM1; k=rsa; p=\"", plan.get(3).zoneLine());
        assertEquals("Replaces 202505a, revoked from 2026-12-03", model.wizard().summary().get(5).answer());

        model.oldSelectorProperty().set("202611A");
        assertEquals("The key signing today is under 202611a, the new selector: a rotation needs a new selector, never a reused one.",
                currentProblemOn(5));
    }

    @Test
    void watchPropagationHandsOverTheRecordAsPublished() {
        wizard("corp.example");
        model.watchPropagation();
        assertTrue(handedOver.isEmpty(), "nothing to watch without a record");

        model.maker().accept(ED25519);
        model.watchPropagation();

        assertEquals(List.of(List.of(ExpectedRecord.of("202611a._domainkey.corp.example", RecordType.TXT,
                "v=DKIM1; k=ed25519; p=" + ED25519.record().publicKey()))), handedOver);
    }

    @Test
    void anotherKeyStartsAFreshRunForTheSameDomainAndServerFolderWhoseSummaryIsItsOwn() {
        wizard("corp.example");
        finishRun(KeyType.RSA, "/var/lib/rspamd/dkim/202611a.key", "mail");
        assertEquals("Replaces mail, revoked from 2026-12-03", answer("rotation"));

        model.setUpAnother();

        assertEquals(0, model.wizard().indexProperty().get(), "back to the first step, no seven presses of Back");
        assertFalse(model.wizard().finishedProperty().get());
        assertEquals("corp.example", model.domainProperty().get());
        assertEquals("202611b", model.selectorProperty().get(), "the selector just set up is not offered again");
        assertNull(model.maker().keyProperty().get());
        assertNull(model.saver().savedProperty().get());
        assertNull(model.check().reportProperty().get());
        assertEquals("", model.oldSelectorProperty().get());
        assertEquals("/var/lib/rspamd/dkim/202611b.private", model.serverKeyPathProperty().get(),
                "the mail server's key folder is kept, with the new key's file name");

        finishRun(KeyType.ED25519, null, null);

        assertEquals("Replaces no key", answer("rotation"), "nothing of the RSA run's rotation is carried over");
        assertTrue(answer("key").startsWith("Ed25519"), answer("key"));
        assertEquals("202611b._domainkey.corp.example", answer("name"));
        assertTrue(model.wizard().summary().stream().noneMatch(line -> line.answer().contains("mail")),
                model.wizard().summary().toString());
    }

    @Test
    void theSuggestedSelectorSkipsSelectorsPublishedAtTheDomain() {
        dns = TestDnsServer.start(DkimZone.corpExample(DkimZone.keyRecord(RSA)
                + "202611b._domainkey 300 IN TXT \"v=DKIM1; p=\"\n"));
        wizard("corp.example");

        assertEquals("202611c", model.suggestedSelectorProperty().get(), "202611a has a key, 202611b a revoked one");
        assertEquals("202611c", model.selectorProperty().get());

        model.selectorProperty().set("mine");
        model.domainProperty().set("other.example");
        model.domainProperty().set("corp.example");
        assertEquals("mine", model.selectorProperty().get(), "a selector typed is kept");
        model.suggestSelector();
        assertEquals("202611c", model.selectorProperty().get());
    }

    /** Goes through every step with a key of {@code type} to the closing step; a null path or old selector is left as offered. */
    private void finishRun(KeyType type, String serverPath, String replaced) {
        KeyMaker maker = model.maker();
        if (maker.typeProperty().get() != type) {
            maker.typeProperty().set(type);
        }
        maker.make();
        model.saver().save(folder.resolve(model.suggestedFileName()));
        if (serverPath != null) {
            model.serverKeyPathProperty().set(serverPath);
        }
        if (replaced != null) {
            model.oldSelectorProperty().set(replaced);
        }
        while (!model.wizard().finishedProperty().get()) {
            assertEquals("", model.wizard().currentProblemProperty().get());
            model.wizard().next();
        }
    }

    private String answer(String step) {
        String title = model.wizard().steps().get(List.of("name", "key", "save", "record", "server", "rotation").indexOf(step))
                .title();
        return model.wizard().summary().stream().filter(line -> line.title().equals(title)).findFirst().orElseThrow().answer();
    }

    private String keyProblem() {
        return model.wizard().steps().get(1).problem().getValue();
    }

    private String saveProblem() {
        return model.wizard().steps().get(2).problem().getValue();
    }

    private String serverProblem() {
        return model.wizard().steps().get(4).problem().getValue();
    }

    private String currentProblemOn(int step) {
        return model.wizard().steps().get(step).problem().getValue();
    }
}
