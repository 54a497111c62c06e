package org.mailwright.ui.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dkim.DkimSigner;
import org.mailwright.dkim.DkimVerifier;
import org.mailwright.dkim.SigningOptions;
import org.mailwright.dkim.VerificationReport;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.BackgroundWork;
import org.mailwright.ui.work.DirectJobs;

/** The message checker's results as the page words them, from real verifications against the test DNS server. */
class MessageCheckViewModelTest {

    static final String MESSAGE = """
            From: Alice <alice@corp.example>
            To: bob@example.org
            Subject: Quarterly numbers
            Date: Wed, 25 Nov 2026 10:00:00 +0000
            Message-ID: <q4@corp.example>

            Bob, the numbers are in.
            """;

    private final ThrowawayPreferences preferences = new ThrowawayPreferences();
    private final AppSettings settings = AppSettings.load(preferences.node());
    private final AppContext context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
    private final TestDnsServer dns = TestDnsServer.start(DkimZone.corpExample(DkimZone.keyRecord(DkimWizardViewModelTest.RSA)));
    private final ResolverService resolver = new ResolverService(ResolverOptions.defaults().withCache(false));
    private final MessageCheckViewModel model;

    @TempDir
    Path folder;

    MessageCheckViewModelTest() {
        settings.languageProperty().set(Language.ENGLISH);
        settings.useCustomResolver(dns.address().toString());
        model = new MessageCheckViewModel(context, new DirectJobs());
    }

    @AfterEach
    void close() throws Exception {
        resolver.close();
        dns.close();
        context.close();
        preferences.close();
    }

    static byte[] signed(String message) {
        return new DkimSigner(DkimWizardViewModelTest.RSA, "corp.example", "202611a", SigningOptions.defaults(), Clock.systemUTC())
                .sign(message.getBytes(StandardCharsets.UTF_8));
    }

    private VerificationReport verify(byte[] message) {
        return DkimVerifier.overDns(resolver, dns.target()).verify(message).join();
    }

    @Test
    void aGoodSignatureShowsItsTagsAndTheRecordItWasCheckedAgainst() {
        model.accept(verify(signed(MESSAGE)), "127.0.0.1:5395");

        assertEquals(CheckState.PASS, model.overallState());
        assertEquals("One signature, one passes. Keys asked from 127.0.0.1:5395.", model.words().say(model.statusProperty().get()));
        SignatureRow row = model.rows().get(0);
        assertEquals(CheckState.PASS, row.state());
        assertEquals("Pass", row.word());
        assertEquals("DKIM signature by corp.example, selector 202611a", row.title());
        assertEquals("The signature verifies with the key published at 202611a._domainkey.corp.example.", row.reason());
        assertTrue(row.tags().contains(new SignatureRow.Tag("Algorithm (a=)", "rsa-sha256")), row.tags().toString());
        assertTrue(row.tags().contains(new SignatureRow.Tag("Key size", "2048 bits")), row.tags().toString());
        assertEquals("202611a._domainkey.corp.example", row.keyName());
        assertEquals("Answered by " + dns.address() + ", TTL 300 s.", row.keyLookup());
        assertEquals(List.of(DkimWizardViewModelTest.RSA.record().value()), row.keyRecords());
    }

    @Test
    void aChangedBodyFailsWithItsReasonInTheUsersLanguage() {
        String changed = new String(signed(MESSAGE), StandardCharsets.UTF_8).replace("are in", "are out");

        model.accept(verify(changed.getBytes(StandardCharsets.UTF_8)), "Quad9");

        assertEquals(CheckState.ERROR, model.overallState());
        SignatureRow row = model.rows().get(0);
        assertEquals("Fail", row.word());
        assertEquals("The body was changed after signing: its hash does not match bh=.", row.reason());

        settings.languageProperty().set(Language.SPANISH);

        assertEquals("Fallida", model.rows().get(0).word());
        assertFalse(model.rows().get(0).reason().startsWith("The body"), model.rows().get(0).reason());
        assertTrue(model.words().say(model.statusProperty().get()).startsWith("Una firma, ninguna válida."));
    }

    @Test
    void aMissingKeyIsAPermanentErrorNamingTheLookup() {
        String elsewhere = new String(signed(MESSAGE), StandardCharsets.UTF_8).replace("s=202611a", "s=202501z");

        model.accept(verify(elsewhere.getBytes(StandardCharsets.UTF_8)), "Quad9");

        SignatureRow row = model.rows().get(0);
        assertEquals(CheckState.ERROR, row.state());
        assertEquals("Permanent error", row.word());
        assertEquals("There is no key record at 202501z._domainkey.corp.example.", row.reason());
        assertTrue(row.keyLookup().contains("does not exist"), row.keyLookup());
    }

    @Test
    void anUnsignedMessageSaysSo() {
        model.accept(verify(MESSAGE.getBytes(StandardCharsets.UTF_8)), "Quad9");

        assertEquals(CheckState.INFO, model.overallState());
        assertTrue(model.rows().isEmpty());
        assertEquals("This message has no DKIM signature: receivers treat it as unsigned.", model.words().say(model.statusProperty().get()));
    }

    @Test
    void editingTheMessageForgetsTheResultAndNothingCannotBeVerified() {
        assertFalse(model.canVerifyProperty().get());
        model.textProperty().set(MESSAGE);
        assertTrue(model.canVerifyProperty().get());
        model.accept(verify(signed(MESSAGE)), "Quad9");

        model.textProperty().set(MESSAGE + "P.S.\n");

        assertNull(model.reportProperty().get());
        assertTrue(model.rows().isEmpty());
    }

    @Test
    void anOpenedMessageIsVerifiedAgainstTheKeyPublishedNow() throws Exception {
        Path file = folder.resolve("quarterly.eml");
        Files.write(file, signed(MESSAGE));
        dns.replaceZones(DkimZone.corpExample(""));
        model.textProperty().set(new String(signed(MESSAGE), StandardCharsets.UTF_8));
        model.verify();
        assertEquals("Permanent error", model.rows().get(0).word());

        dns.replaceZones(DkimZone.corpExample(DkimZone.keyRecord(DkimWizardViewModelTest.RSA)));
        model.open(file);
        assertEquals("quarterly.eml · " + Files.size(file) + " bytes · From: Alice <alice@corp.example> · Subject: Quarterly numbers",
                model.fileSummary().get());
        model.verify();

        assertEquals(CheckState.PASS, model.overallState(), "the key published since is found, not the cached no-such-name");
        assertEquals("Answered by " + dns.address() + ", TTL 300 s.", model.rows().get(0).keyLookup());
    }

    @Test
    void aFileThatCannotBeReadIsSaidInPlainWords() {
        Path missing = folder.resolve("nope.eml");

        model.open(missing);
        assertEquals(missing + " does not exist.", model.words().say(model.errorProperty().get()));
        model.open(folder);
        assertEquals("Could not read " + folder + ": the system refused to read it.", model.words().say(model.errorProperty().get()));
        assertNull(model.fileProperty().get());
        assertFalse(model.runningProperty().get());
    }

    @Test
    void aFilePastTheMessageBoundsIsRefusedInTheCommandLinesWords() throws Exception {
        Path flood = folder.resolve("flood.eml");
        Files.writeString(flood, "X-Noise: 1\r\n".repeat(10_001) + "\r\nbody\r\n");

        model.open(flood);

        assertEquals("The message has more than 10000 header fields, the most Mailwright reads.",
                model.words().say(model.errorProperty().get()));
        assertNull(model.fileProperty().get());
    }

    @Test
    void anOpenedFileIsReadAsItsOwnBytesAndSummed() throws Exception {
        Path file = folder.resolve("quarterly.eml");
        Files.write(file, signed(MESSAGE));

        MessageCheckViewModel.OpenedFile opened = MessageCheckViewModel.read(file);

        assertEquals("Alice <alice@corp.example>", opened.from());
        assertEquals("Quarterly numbers", opened.subject());
        assertEquals(Files.size(file), opened.size());
    }
}
