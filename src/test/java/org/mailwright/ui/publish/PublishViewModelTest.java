package org.mailwright.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ServerAddress;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.publish.ChangeSet;
import org.mailwright.publish.ChangeSetExport;
import org.mailwright.publish.ChangeSetJson;
import org.mailwright.publish.FakeSecretTool;
import org.mailwright.publish.FakeSecretTool.Behaviour;
import org.mailwright.publish.RecordChange;
import org.mailwright.publish.RecordChange.Intent;
import org.mailwright.publish.SecretPlace;
import org.mailwright.publish.TsigAlgorithm;
import org.mailwright.publish.TsigKey;
import org.mailwright.publish.TxtData;
import org.mailwright.publish.UpdatePolicy;
import org.mailwright.publish.ZoneAccess;
import org.mailwright.publish.ZoneAccessStore;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.BackgroundWork;
import org.mailwright.ui.work.DirectJobs;

/**
 * The publish pane's state and logic, without the FX thread: the wizard's change set as a diff and
 * in every export form, the fields that sending needs, the primary read again before anything is
 * sent (and a record changed since sent over only with consent), the key from a file showing only
 * its fingerprint, the settings remembered per zone, and the configuration that limits the key.
 */
class PublishViewModelTest {

    static final String SECRET = "9pmoSV2o9ZDlx3mpxqaNaLH9WlPd3MLhqkNhdrr9Mr0=";
    private static final DomainName APEX = DomainName.of("example.test");
    private static final TxtData OLD_SPF = TxtData.of("v=spf1 -all");
    private static final TxtData VERIFICATION = TxtData.of("google-site-verification=abc");
    private static final String NEW_SPF = "v=spf1 mx -all";

    private final TestDnsServer dns = TestDnsServer.start("""
            $ORIGIN example.test.
            @ 300 TXT "v=spf1 a -all"
            @ 300 TXT "google-site-verification=abc"
            """);
    private final ThrowawayPreferences preferences = new ThrowawayPreferences();
    private final AppSettings settings;
    private final AppContext context;
    private final DirectJobs jobs = new DirectJobs();
    private final List<ExpectedRecord> watched = new ArrayList<>();
    private final PublishViewModel model;

    @TempDir
    Path folder;

    PublishViewModelTest() {
        settings = preferences.settingsAsking(dns);
        settings.timeoutProperty().set(Duration.ofMillis(400));
        context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
        model = new PublishViewModel(context, jobs, watched::addAll);
    }

    @AfterEach
    void close() throws Exception {
        context.close();
        dns.close();
        preferences.close();
    }

    /** What the SPF wizard plans when it read the old record and the site verification beside it. */
    private static ChangeSet spfChange(TxtData... read) {
        return ChangeSet.of(APEX, RecordChange.plan(APEX, 3600, List.of(read), new Intent.Replace(NEW_SPF)));
    }

    private boolean sent() {
        return jobs.messages.stream().anyMatch(message -> message.startsWith("Sending"));
    }

    private void fillInTheServerAndKey() {
        model.serverProperty().set(dns.address().toString());
        model.keyNameProperty().set("mwkey");
        model.secretProperty().set(SECRET);
    }

    @Test
    void theWizardsChangeSetIsShownAsADiffAndInEveryExportForm() {
        ChangeSet set = spfChange(OLD_SPF, VERIFICATION);
        model.plannedProperty().set(set);

        assertEquals("example.test", model.zoneProperty().get(), "the zone is the wizard's until the user names another");
        assertEquals("Zone example.test: 1 change(s)", model.diffHeadingProperty().get());
        PublishViewModel.DiffEntry entry = model.diffProperty().get().get(0);
        assertEquals("example.test TXT (TTL 3600): replaced", entry.heading());
        assertEquals(List.of(RecordChange.Mark.REMOVED, RecordChange.Mark.KEPT, RecordChange.Mark.ADDED),
                entry.lines().stream().map(RecordChange.DiffLine::mark).toList());
        assertEquals(NEW_SPF, entry.lines().get(2).record().value());

        assertEquals(ChangeSetExport.zoneSnippet(set, Locale.ENGLISH), model.exportTextProperty().get());
        model.exportFormProperty().set(PublishViewModel.ExportForm.NSUPDATE);
        assertEquals(ChangeSetExport.nsupdateScript(set, Optional.empty(), Locale.ENGLISH), model.exportTextProperty().get());
        model.serverProperty().set("192.0.2.53");
        assertTrue(model.exportTextProperty().get().contains("server 192.0.2.53 53\n"), "the script names the primary once known");
        model.exportFormProperty().set(PublishViewModel.ExportForm.JSON);
        assertEquals(ChangeSetJson.write(set), model.exportTextProperty().get());
        assertEquals("example.test-changes.json", model.suggestedJsonName());

        List<PublishViewModel.PanelEntry> panel = model.panelProperty().get();
        assertEquals(List.of("Remove this record", "Add this record"), panel.stream().map(PublishViewModel.PanelEntry::title).toList());
        assertEquals(List.of(new PublishViewModel.PanelField("Host", "@"), new PublishViewModel.PanelField("Full name", "example.test"),
                new PublishViewModel.PanelField("Type", "TXT"), new PublishViewModel.PanelField("Value", NEW_SPF),
                new PublishViewModel.PanelField("TTL", "3600")), panel.get(1).fields());
    }

    @Test
    void theSavedJsonIsTheChangeSetAndNeverGoesThroughALink() throws Exception {
        ChangeSet set = spfChange(OLD_SPF, VERIFICATION);
        model.plannedProperty().set(set);
        Path saved = folder.resolve("changes.json");
        java.nio.file.Files.writeString(saved, "an older file");

        model.saveJson(saved);

        assertEquals(ChangeSetJson.write(set), java.nio.file.Files.readString(saved));
        assertTrue(model.saveNoteProperty().get().contains(saved.toString()), model.saveNoteProperty().get());
        Path elsewhere = folder.resolve("elsewhere.txt");
        java.nio.file.Files.writeString(elsewhere, "not to be overwritten");
        Path link = java.nio.file.Files.createSymbolicLink(folder.resolve("link.json"), elsewhere);
        model.saveJson(link);
        assertEquals("not to be overwritten", java.nio.file.Files.readString(elsewhere));
    }

    @Test
    void theDiffAndTheFormsFollowTheLanguage() {
        ChangeSet set = spfChange(OLD_SPF);
        model.plannedProperty().set(set);

        settings.languageProperty().set(Language.SPANISH);

        assertEquals("Zona example.test: 1 cambio(s)", model.diffHeadingProperty().get());
        assertEquals("example.test TXT (TTL 3600): sustituido", model.diffProperty().get().get(0).heading());
        assertEquals(ChangeSetExport.zoneSnippet(set, Locale.forLanguageTag("es")), model.exportTextProperty().get());
        assertEquals("Quite este registro", model.panelProperty().get().get(0).title());
    }

    @Test
    void beforeTheWizardHasReadTheNameThereIsNothingToShowOrSend() {
        assertNull(model.changeSetProperty().get());
        assertEquals("The changes appear here once what is published at the record’s name has been read.",
                model.diffHeadingProperty().get());
        assertEquals("There is nothing to send yet.", model.sendBlockerProperty().get());
        assertFalse(model.canSendProperty().get());
        assertFalse(model.hasChangesProperty().get());

        model.plannedProperty().set(ChangeSet.of(APEX, RecordChange.plan(APEX, 300, List.of(TxtData.of(NEW_SPF)),
                new Intent.Replace(NEW_SPF))));

        assertEquals("Nothing to change: the records are already as wanted.", model.diffHeadingProperty().get());
        assertEquals("Nothing to change: the records are already as wanted.", model.sendBlockerProperty().get());
    }

    @Test
    void aZoneTheUserNamesMovesTheChangesOrSaysWhyItCannot() {
        model.plannedProperty().set(spfChange(OLD_SPF));

        model.zoneProperty().set("test");
        assertEquals(DomainName.of("test"), model.changeSetProperty().get().zone());
        assertEquals("example", model.panelProperty().get().get(0).fields().get(0).value());
        assertEquals("", model.zoneProblemProperty().get());

        model.zoneProperty().set("example.org");
        assertEquals("example.test is not in the zone example.org.", model.zoneProblemProperty().get());
        assertEquals(APEX, model.changeSetProperty().get().zone(), "the wizard's zone stands while the one typed cannot hold the names");

        model.zoneProperty().set("exa mple");
        assertFalse(model.zoneProblemProperty().get().isEmpty());
        fillInTheServerAndKey();
        assertEquals("Correct the fields marked above to send the update.", model.sendBlockerProperty().get());
    }

    @Test
    void sendingNeedsTheServerTheKeysNameAndItsSecretAndSaysWhatIsMissing() {
        model.plannedProperty().set(spfChange(OLD_SPF));

        assertEquals("Type the zone’s primary server to send the update.", model.sendBlockerProperty().get());
        model.serverProperty().set("192.0.2.53:99999");
        assertEquals("Port 99999 in \"192.0.2.53:99999\" is not between 1 and 65535. Write HOST or HOST:PORT, for example"
                + " 192.0.2.53 or 127.0.0.1:5353.", model.serverProblemProperty().get());
        model.serverProperty().set("192.0.2.53:5454");
        assertEquals("Type the TSIG key’s name to send the update.", model.sendBlockerProperty().get());
        model.keyNameProperty().set("mwkey");
        assertEquals("Type the key’s secret, or read it from a key file, to send the update.", model.sendBlockerProperty().get());
        model.secretProperty().set("not base64!");
        assertEquals("No TSIG secret found: give the Base64 secret alone, a BIND key statement, a Knot key: block, or"
                + " algorithm:name:secret.", model.secretProblemProperty().get());
        assertFalse(model.canSendProperty().get());

        model.secretProperty().set(SECRET);

        assertEquals("", model.sendBlockerProperty().get());
        assertTrue(model.canSendProperty().get());
        assertEquals("", model.keyNoteProperty().get(), "a key as long as its hash needs no warning");
    }

    @Test
    void thePreviewIsTheDryRunOfEachMessageAsTheCommandLineShowsIt() {
        model.plannedProperty().set(spfChange(OLD_SPF));
        assertEquals("", model.previewTextProperty().get());

        model.preview();
        assertTrue(model.previewTextProperty().get().startsWith("Nothing is sent. Once the server and the key are filled in"),
                model.previewTextProperty().get());
        fillInTheServerAndKey();

        String preview = model.previewTextProperty().get();
        assertTrue(preview.startsWith("Dry run: nothing is sent. This update would go to " + dns.address()
                + " over TCP, signed with the key mwkey (hmac-sha256):\n;; Message 1 of 1\n"), preview);
        assertTrue(preview.contains("example.test. 0 IN TXT \"v=spf1 -all\""), "the prerequisite is the record read: " + preview);
        assertTrue(preview.contains("example.test. 3600 IN TXT \"v=spf1 mx -all\""), preview);
    }

    @Test
    void recordsChangedSinceTheWizardReadThemAreShownAndNothingIsSentWithoutConsent() {
        model.plannedProperty().set(spfChange(OLD_SPF, VERIFICATION));
        fillInTheServerAndKey();

        model.send();

        assertEquals(PublishViewModel.Stage.CONFIRM, model.stageProperty().get());
        assertEquals(List.of("""
                The records at example.test changed since the change set was made:
                  then: v=spf1 -all | google-site-verification=abc
                  now:  v=spf1 a -all | google-site-verification=abc"""), model.conflictsProperty().get());
        assertFalse(model.canSendProperty().get(), "the user answers first");
        assertTrue(jobs.messages.contains("Reading the records at " + dns.address() + " again…"), jobs.messages.toString());

        model.keepWhatIsThere();
        assertEquals("Nothing was sent: the records stay as they are now.", model.resultTextProperty().get());
        assertEquals(CheckState.INFO, model.resultStateProperty().get());
        assertEquals(List.of(), model.conflictsProperty().get());
        assertFalse(sent(), "nothing was sent");

        model.send();
        model.publishAgainstNow();

        RecordChange rebased = model.changeSetProperty().get().changes().get(0);
        assertEquals(List.of(TxtData.of("v=spf1 a -all")), rebased.removed(), "the record there now is the one replaced");
        assertEquals(List.of(TxtData.of(NEW_SPF)), rebased.added());
        assertEquals("Sending the update to " + dns.address() + "…", jobs.messages.get(jobs.messages.size() - 1));
        // The test server takes no updates: the core's sentence says so, and that nothing changed.
        assertEquals("The server " + dns.address() + " refused the change: NOTIMP. The server does not take dynamic updates."
                + " The zone is unchanged.", model.resultTextProperty().get());
        assertEquals(CheckState.ERROR, model.resultStateProperty().get());
        assertFalse(model.watchableProperty().get());
        assertTrue(model.canSendProperty().get(), "the user may try again");
    }

    @Test
    void aPrimaryThatCannotSayWhatIsPublishedStopsEverythingBeforeSending() {
        dns.silenceName("example.test");
        model.plannedProperty().set(spfChange(OLD_SPF));
        fillInTheServerAndKey();

        model.send();

        assertEquals(PublishViewModel.Stage.DONE, model.stageProperty().get());
        assertTrue(model.resultTextProperty().get().startsWith(
                "The primary server could not say what is at example.test now, so nothing is changed:"), model.resultTextProperty().get());
        assertEquals(CheckState.ERROR, model.resultStateProperty().get());
        assertFalse(sent(), "nothing was sent");
    }

    @Test
    void aNewRecordFromTheWizardStartsAfresh() {
        model.plannedProperty().set(spfChange(OLD_SPF));
        fillInTheServerAndKey();
        model.send();
        assertEquals(PublishViewModel.Stage.CONFIRM, model.stageProperty().get());

        model.plannedProperty().set(ChangeSet.of(APEX, RecordChange.plan(APEX, 3600, List.of(OLD_SPF), new Intent.Replace("v=spf1 a mx -all"))));

        assertEquals(PublishViewModel.Stage.IDLE, model.stageProperty().get());
        assertEquals(List.of(), model.conflictsProperty().get());
        assertEquals(dns.address().toString(), model.serverProperty().get(), "the same domain keeps the fields as typed");
    }

    @Test
    void theKeyIsReadFromAFileAndOnlyItsFingerprintIsShown() throws Exception {
        model.plannedProperty().set(spfChange(OLD_SPF));
        Path file = Files.writeString(folder.resolve("mwkey.conf"),
                "key \"mwkey\" {\n\talgorithm hmac-sha512;\n\tsecret \"" + SECRET + "\";\n};\n");

        model.readKeyFile(file);

        assertEquals("mwkey", model.keyNameProperty().get());
        assertEquals(TsigAlgorithm.HMAC_SHA512, model.algorithmProperty().get());
        assertEquals("", model.secretProperty().get());
        assertTrue(model.holdsKeyProperty().get());
        String note = model.keyNoteProperty().get();
        assertTrue(note.startsWith("Secret read from " + file + " (sha256:7e3de28f)."), note);
        assertTrue(note.contains("shorter than 64 octets"), "a 32-octet secret for SHA-512 is warned about: " + note);
        assertFalse(note.contains(SECRET.substring(4, 20)), note);
        model.serverProperty().set("192.0.2.53");
        assertTrue(model.canSendProperty().get());

        model.keyNameProperty().set("other");
        assertFalse(model.holdsKeyProperty().get(), "another name is another key");
        assertEquals("Type the key’s secret, or read it from a key file, to send the update.", model.sendBlockerProperty().get());
    }

    @Test
    void aKeyFileThatNamesNoKeyTakesTheNameTyped() throws Exception {
        Path file = Files.writeString(folder.resolve("secret.b64"), SECRET + "\n");

        model.keyNameProperty().set("");
        model.readKeyFile(file);
        assertEquals(file + " does not say which key to use: type the key’s name above, then read the file again.",
                model.keyNoteProperty().get());
        assertFalse(model.holdsKeyProperty().get());

        model.keyNameProperty().set("mwkey");
        model.readKeyFile(file);
        assertTrue(model.holdsKeyProperty().get());
        assertEquals(TsigAlgorithm.HMAC_SHA256, model.algorithmProperty().get());
    }

    @Test
    void rememberedSettingsFillTheFormForTheZoneAndCanBeForgotten() throws Exception {
        ZoneAccessStore store = new ZoneAccessStore(preferences.dataFolder());
        ZoneAccess access = new ZoneAccess(APEX, ServerAddress.parse("127.0.0.1:5454"), DomainName.of("mwkey"),
                TsigAlgorithm.HMAC_SHA256);
        store.save(access, new TsigKey(access.keyName(), access.algorithm(), Base64.getDecoder().decode(SECRET)));

        model.plannedProperty().set(ChangeSet.of(APEX, RecordChange.plan(DomainName.of("_dmarc.example.test"), 3600, List.of(),
                new Intent.Replace("v=DMARC1; p=none"))));

        assertEquals("example.test", model.zoneProperty().get());
        assertEquals("127.0.0.1:5454", model.serverProperty().get());
        assertEquals("mwkey", model.keyNameProperty().get());
        assertTrue(model.holdsKeyProperty().get());
        assertTrue(model.rememberProperty().get());
        assertEquals(APEX, model.rememberedZoneProperty().get());
        assertEquals("Secret remembered for this zone (sha256:7e3de28f).", model.keyNoteProperty().get());
        assertTrue(model.canSendProperty().get());

        model.forget();

        assertEquals(Optional.empty(), store.load(APEX));
        assertFalse(Files.exists(store.secretFile(APEX)));
        assertFalse(model.holdsKeyProperty().get());
        assertFalse(model.rememberProperty().get());
        assertNull(model.rememberedZoneProperty().get());
        assertEquals("The settings and the secret for example.test are forgotten.", model.rememberNoteProperty().get());
    }

    @Test
    void settingsWhoseSecretIsInTheKeyringFillTheFormAndForgettingDeletesTheItem() throws Exception {
        FakeSecretTool keyring = new FakeSecretTool(folder.resolve("keyring"));
        ZoneAccessStore store = new ZoneAccessStore(preferences.dataFolder(), keyring.service(Behaviour.WORKS), SecretPlace.KEYRING);
        ZoneAccess access = new ZoneAccess(APEX, ServerAddress.parse("127.0.0.1:5454"), DomainName.of("mwkey"),
                TsigAlgorithm.HMAC_SHA256);
        assertEquals(SecretPlace.KEYRING, store.save(access, new TsigKey(access.keyName(), access.algorithm(),
                Base64.getDecoder().decode(SECRET))).place());
        PublishViewModel withKeyring = new PublishViewModel(context, jobs, watched::addAll, store);

        withKeyring.plannedProperty().set(ChangeSet.of(APEX, RecordChange.plan(DomainName.of("_dmarc.example.test"), 3600,
                List.of(), new Intent.Replace("v=DMARC1; p=none"))));

        assertTrue(withKeyring.holdsKeyProperty().get());
        assertEquals("Secret remembered for this zone (sha256:7e3de28f).", withKeyring.keyNoteProperty().get());

        withKeyring.forget();

        assertEquals(Optional.empty(), keyring.item("example.test"));
        assertFalse(withKeyring.holdsKeyProperty().get());
        assertEquals("The settings and the secret for example.test are forgotten.", withKeyring.rememberNoteProperty().get());
    }

    @Test
    void aLockedKeyringIsSaidSoWhenTheSecretIsReadAndWhenItIsForgotten() throws Exception {
        FakeSecretTool keyring = new FakeSecretTool(folder.resolve("keyring"));
        ZoneAccess access = new ZoneAccess(APEX, ServerAddress.parse("127.0.0.1:5454"), DomainName.of("mwkey"),
                TsigAlgorithm.HMAC_SHA256);
        new ZoneAccessStore(preferences.dataFolder(), keyring.service(Behaviour.WORKS), SecretPlace.KEYRING)
                .save(access, new TsigKey(access.keyName(), access.algorithm(), Base64.getDecoder().decode(SECRET)));
        PublishViewModel locked = new PublishViewModel(context, jobs, watched::addAll,
                new ZoneAccessStore(preferences.dataFolder(), keyring.service(Behaviour.LOCKED), SecretPlace.KEYRING));

        locked.plannedProperty().set(ChangeSet.of(APEX, RecordChange.plan(APEX, 3600, List.of(), new Intent.Replace(NEW_SPF))));

        assertEquals("mwkey", locked.keyNameProperty().get(), "the settings fill the form all the same");
        assertFalse(locked.holdsKeyProperty().get());
        assertEquals("The keyring did not give the secret remembered for example.test (it may be locked, or it did not"
                + " answer in time); type it again.", locked.rememberNoteProperty().get());

        locked.forget();

        assertNull(locked.rememberedZoneProperty().get(), "the settings are forgotten");
        assertEquals("The settings for example.test are forgotten, but the keyring did not delete the secret: delete the item"
                + " “Mailwright: TSIG secret for example.test” there yourself.", locked.rememberNoteProperty().get());
        settings.languageProperty().set(Language.SPANISH);
        assertEquals("Se han olvidado los datos de example.test, pero el depósito de claves no borró el secreto: borre usted"
                + " el elemento «Mailwright: TSIG secret for example.test».", locked.rememberNoteProperty().get());
    }

    @Test
    void theConfigurationThatLimitsTheKeyIsTheCoresInTheUsersLanguage() {
        model.plannedProperty().set(spfChange(OLD_SPF));
        assertEquals(List.of("Type the zone and the key’s name above to see the configuration."),
                model.policyExplanationProperty().get());
        assertEquals(List.of(), model.policySnippetsProperty().get());

        model.keyNameProperty().set("mwkey");

        UpdatePolicy policy = UpdatePolicy.of("example.test", "mwkey", "hmac-sha256");
        assertEquals(policy.configuration(UpdatePolicy.Software.KNOT).explanation(Locale.ENGLISH),
                String.join(" ", model.policyExplanationProperty().get()));
        assertEquals(3, model.policyExplanationProperty().get().size(), "a paragraph for what it allows, where it goes, and Knot's one acl entry");
        assertEquals(List.of(policy.knotKeySection(), policy.knotAclSection(), policy.knotZoneAclLine()),
                model.policySnippetsProperty().get().stream().map(PublishViewModel.PolicySnippet::text).toList());
        assertEquals("In knot.conf, the key (its secret in place of the placeholder):",
                model.policySnippetsProperty().get().get(0).where());

        model.policySoftwareProperty().set(UpdatePolicy.Software.BIND);
        settings.languageProperty().set(Language.SPANISH);

        assertTrue(model.policyExplanationProperty().get().get(0).startsWith("La clave mwkey solo puede cambiar los registros de correo"),
                model.policyExplanationProperty().get().toString());
        assertEquals(policy.bindUpdatePolicy(), model.policySnippetsProperty().get().get(1).text());
        assertEquals("BIND 9", model.softwareName(UpdatePolicy.Software.BIND));
    }
}
