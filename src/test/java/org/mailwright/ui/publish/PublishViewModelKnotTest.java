package org.mailwright.ui.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.i18n.Messages;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.publish.ChangeSet;
import org.mailwright.publish.KnotServer;
import org.mailwright.publish.PrivateKeyring;
import org.mailwright.publish.RecordChange;
import org.mailwright.publish.RecordChange.Intent;
import org.mailwright.publish.SecretPlace;
import org.mailwright.publish.TxtData;
import org.mailwright.publish.ZoneAccessStore;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.BackgroundWork;
import org.mailwright.ui.work.DirectJobs;

/**
 * The publish pane against a real Knot DNS: what the pane sends lands in the zone and is handed
 * to Propagation, the settings are remembered only once Knot accepted the key, a wrong key is
 * refused in plain words with the zone unchanged, and a record changed behind Mailwright's back
 * is replaced only after the user said so.
 */
class PublishViewModelKnotTest {

    private static final String ZONE = "example.test";
    private static final DomainName APEX = DomainName.of(ZONE);
    private static final String ACL = "acl:\n  - id: update\n    key: mailwright\n    action: update\n";

    private final KnotServer.TsigKey key = KnotServer.TsigKey.random("mailwright", "hmac-sha256");
    private final ThrowawayPreferences preferences = new ThrowawayPreferences();
    private final DirectJobs jobs = new DirectJobs();
    private final List<ExpectedRecord> watched = new ArrayList<>();
    private KnotServer knot;
    private PrivateKeyring keyring;
    private AppContext context;
    private PublishViewModel model;

    private void start(String records) {
        start(records, new ZoneAccessStore(preferences.dataFolder()));
    }

    private void start(String records, ZoneAccessStore store) {
        knot = KnotServer.builder().zone(ZONE, records).key(key).acl(ACL).zoneAcl(ZONE, "update").start();
        AppSettings settings = AppSettings.load(preferences.node());
        settings.languageProperty().set(Language.ENGLISH);
        settings.timeoutProperty().set(Duration.ofSeconds(2));
        context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
        model = new PublishViewModel(context, jobs, watched::addAll, store);
        model.serverProperty().set(knot.host() + ":" + knot.port());
        model.keyNameProperty().set(key.name());
        model.secretProperty().set(key.secret());
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (knot != null) {
            knot.close();
        }
        if (keyring != null) {
            keyring.close();
        }
        preferences.close();
    }

    @Test
    void whereAKeyringAnswersTheSecretTheServerAcceptedIsRememberedThereAndTheWindowSaysSo() throws Exception {
        keyring = PrivateKeyring.start();
        ZoneAccessStore store = new ZoneAccessStore(preferences.dataFolder(), keyring.service(), SecretPlace.KEYRING);
        start("@ TXT \"v=spf1 -all\"\n", store);
        model.plannedProperty().set(ChangeSet.of(APEX, RecordChange.plan(APEX, 300, List.of(TxtData.of("v=spf1 -all")),
                new Intent.Replace("v=spf1 mx -all"))));
        model.rememberProperty().set(true);

        model.send();

        assertEquals(CheckState.PASS, model.resultStateProperty().get(), model.resultTextProperty().get());
        assertEquals("Remembered for example.test. The secret is in your keyring (the Secret Service), not in a file.",
                model.rememberNoteProperty().get());
        assertFalse(Files.exists(store.secretFile(APEX)), "no secret file");
        assertEquals(key.secret(), new String(keyring.service().lookup(APEX).orElseThrow(), StandardCharsets.US_ASCII));

        PublishViewModel next = new PublishViewModel(context, jobs, watched::addAll, store);
        next.plannedProperty().set(ChangeSet.of(APEX, RecordChange.plan(DomainName.of("_dmarc.example.test"), 300, List.of(),
                new Intent.Replace("v=DMARC1; p=none"))));
        assertTrue(next.holdsKeyProperty().get(), "the next wizard for the zone takes the secret from the keyring");
        next.forget();
        assertEquals(Optional.empty(), keyring.service().lookup(APEX));
    }

    @Test
    void whatThePaneSendsLandsInKnotIsHandedToPropagationAndIsRemembered() throws Exception {
        start("@ TXT \"v=spf1 -all\"\n@ TXT \"google-site-verification=abc\"\n");
        ChangeSet set = ChangeSet.of(APEX, RecordChange.plan(APEX, 300,
                List.of(TxtData.of("v=spf1 -all"), TxtData.of("google-site-verification=abc")), new Intent.Replace("v=spf1 mx -all")));
        model.plannedProperty().set(set);
        model.rememberProperty().set(true);

        model.send();

        assertEquals(CheckState.PASS, model.resultStateProperty().get(), model.resultTextProperty().get() + "\n" + knot.log());
        assertEquals("The server " + knot.host() + ":" + knot.port() + " accepted the change. "
                + Messages.get(Locale.ROOT, "publish.outcome.served"), model.resultTextProperty().get(), "the command's sentence");
        assertEquals(List.of("google-site-verification=abc", "v=spf1 mx -all"), knot.txt(ZONE).stream().sorted().toList());
        assertEquals(2, knot.serial(ZONE));

        assertTrue(model.watchableProperty().get());
        model.watchPropagation();
        assertEquals(List.of(new ExpectedRecord(ZONE, RecordType.TXT, List.of("google-site-verification=abc", "v=spf1 mx -all"))),
                watched);

        ZoneAccessStore store = new ZoneAccessStore(preferences.dataFolder());
        assertEquals(knot.port(), store.load(APEX).orElseThrow().primary().port());
        assertEquals(key.secret() + "\n", Files.readString(store.secretFile(APEX)));
        if (Files.getFileStore(store.secretFile(APEX)).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.secretFile(APEX))));
        }
        assertTrue(model.rememberNoteProperty().get().startsWith("Remembered for example.test."), model.rememberNoteProperty().get());
    }

    @Test
    void aWrongKeyIsRefusedInPlainWordsTheZoneIsUnchangedAndNothingIsRemembered() throws Exception {
        start("@ TXT \"v=spf1 -all\"\n");
        model.plannedProperty().set(ChangeSet.of(APEX, RecordChange.plan(APEX, 300, List.of(TxtData.of("v=spf1 -all")),
                new Intent.Replace("v=spf1 mx -all"))));
        model.secretProperty().set(key.withOtherSecret().secret());
        model.rememberProperty().set(true);

        model.send();

        assertEquals(CheckState.ERROR, model.resultStateProperty().get());
        String said = model.resultTextProperty().get();
        assertTrue(said.contains("refused the change: BADSIG. The signature does not match: the secret is not the one the server"
                + " has for this key. The zone is unchanged."), said);
        assertEquals(List.of("v=spf1 -all"), knot.txt(ZONE));
        assertFalse(model.watchableProperty().get());
        assertEquals(Optional.empty(), new ZoneAccessStore(preferences.dataFolder()).load(APEX));
    }

    @Test
    void aRecordChangedBehindMailwrightsBackIsReplacedOnlyOnceTheUserSaysSo() {
        start("_dmarc TXT \"v=DMARC1; p=quarantine\"\n");
        DomainName dmarc = DomainName.of("_dmarc." + ZONE);
        model.plannedProperty().set(ChangeSet.of(APEX, RecordChange.plan(dmarc, 300, List.of(TxtData.of("v=DMARC1; p=none")),
                new Intent.Replace("v=DMARC1; p=reject"))));

        model.send();

        assertEquals(PublishViewModel.Stage.CONFIRM, model.stageProperty().get());
        assertTrue(model.conflictsProperty().get().get(0).contains("now:  v=DMARC1; p=quarantine"), model.conflictsProperty().get().toString());
        assertEquals(List.of("v=DMARC1; p=quarantine"), knot.txt(dmarc.ascii()), "nothing is sent before the user answers");

        model.publishAgainstNow();

        assertEquals(CheckState.PASS, model.resultStateProperty().get(), model.resultTextProperty().get() + "\n" + knot.log());
        assertEquals(List.of("v=DMARC1; p=reject"), knot.txt(dmarc.ascii()));
    }
}
