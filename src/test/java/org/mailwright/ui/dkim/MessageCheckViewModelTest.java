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
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.dkim.DkimSigner;
import org.mailwright.dkim.SigningOptions;
import org.mailwright.findings.Finding;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.BackgroundWork;
import org.mailwright.ui.work.DirectJobs;

/** The message checker's screen as the page words it, from real checks against the test DNS server. */
class MessageCheckViewModelTest {

    static final String MESSAGE = """
            From: Alice <alice@corp.example>
            To: bob@example.org
            Subject: Quarterly numbers
            Date: Wed, 25 Nov 2026 10:00:00 +0000
            Message-ID: <q4@corp.example>

            Bob, the numbers are in.
            """;

    /** What the receiver recorded on top of the signed message: where it came from and what it found then. */
    static final String RECEIVED = """
            Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=corp.example;
             dkim=pass header.d=corp.example header.s=202611a; dmarc=pass header.from=corp.example; iprev=pass
            Return-Path: <bounce@corp.example>
            Received: from out.corp.example (out.corp.example [192.0.2.10]) by mx.example.org with ESMTPS id 1;
             Wed, 25 Nov 2026 10:00:01 +0000
            """;

    private final ThrowawayPreferences preferences = new ThrowawayPreferences();
    private final AppSettings settings = AppSettings.load(preferences.node());
    private final AppContext context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
    private final TestDnsServer dns = TestDnsServer.start(corpExample(DkimZone.keyRecord(DkimWizardViewModelTest.RSA)), "$ORIGIN example.\n");
    private final DirectJobs jobs = new DirectJobs();
    private final MessageCheckViewModel model;

    @TempDir
    Path folder;

    MessageCheckViewModelTest() {
        settings.languageProperty().set(Language.ENGLISH);
        settings.useCustomResolver(dns.address().toString());
        model = new MessageCheckViewModel(context, jobs);
    }

    @AfterEach
    void close() throws Exception {
        dns.close();
        context.close();
        preferences.close();
    }

    /** corp.example with its SPF (192.0.2.0/24 sends), a DMARC policy that rejects, and {@code records}. */
    static String corpExample(String records) {
        return DkimZone.corpExample("""
                @      300 IN TXT "v=spf1 ip4:192.0.2.0/24 -all"
                _dmarc 300 IN TXT "v=DMARC1; p=reject"
                """ + records);
    }

    static byte[] signed(String message) {
        return new DkimSigner(DkimWizardViewModelTest.RSA, "corp.example", "202611a", SigningOptions.defaults(), Clock.systemUTC())
                .sign(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The signed message as the receiver stored it. */
    static String delivered() {
        return RECEIVED + new String(signed(MESSAGE), StandardCharsets.UTF_8);
    }

    private VerdictScreen check(String message) {
        model.textProperty().set(message);
        model.verify();
        return model.screenProperty().get();
    }

    private static String fact(VerdictCard card, String label) {
        return fact(card.facts(), label);
    }

    private static String fact(List<SignatureRow.Tag> facts, String label) {
        return facts.stream().filter(tag -> tag.label().equals(label)).map(SignatureRow.Tag::value).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + facts));
    }

    @Test
    void aDeliveredMessageFromAnAllowedServerPassesSpfDkimAndDmarc() {
        VerdictScreen screen = check(delivered());

        assertEquals(List.of("Checking SPF, DKIM, DMARC and ARC for the message…"), jobs.messages);
        assertEquals(CheckState.PASS, screen.state());
        assertEquals("Passes DMARC", screen.overall());
        assertEquals("From domain: corp.example", screen.fromDomain());
        assertEquals("Checked now against " + dns.address() + ".", screen.status());

        VerdictCard spf = screen.spf();
        assertEquals(CheckState.PASS, spf.state());
        assertEquals("Pass", spf.word());
        assertEquals("corp.example", fact(spf, "Domain checked"));
        assertEquals("aligned", fact(spf, "Alignment with the From domain"));
        assertEquals("192.0.2.10 (from Received)", fact(spf, "Sender address"));
        assertEquals("out.corp.example", fact(spf, "HELO name"));
        assertEquals("bounce@corp.example", fact(spf, "Envelope sender"));

        assertEquals("One signature, one passes. Keys asked from " + dns.address() + ".", screen.dkimSummary());
        SignatureRow row = screen.dkim().get(0);
        assertEquals(CheckState.PASS, row.state());
        assertEquals("Pass", row.word());
        assertEquals("DKIM signature by corp.example, selector 202611a", row.title());
        assertEquals("The signature verifies with the key published at 202611a._domainkey.corp.example.", row.reason());
        assertEquals(new SignatureRow.Tag("Alignment with the From domain", "aligned"), row.tags().get(0));
        assertTrue(row.tags().contains(new SignatureRow.Tag("Algorithm (a=)", "rsa-sha256")), row.tags().toString());
        assertTrue(row.tags().contains(new SignatureRow.Tag("Key size", "2048 bits")), row.tags().toString());
        assertEquals("202611a._domainkey.corp.example", row.keyName());
        assertEquals("Answered by " + dns.address() + ", TTL 300 s.", row.keyLookup());
        assertEquals(List.of(DkimWizardViewModelTest.RSA.record().value()), row.keyRecords());

        VerdictCard dmarc = screen.dmarc();
        assertEquals("Pass", dmarc.word());
        assertEquals("reject", fact(dmarc, "Policy asked for"));
        assertEquals("none (deliver as usual)", fact(dmarc, "What a receiver does"));
        assertEquals("record: _dmarc.corp.example", fact(dmarc, "Policy record"));

        assertEquals("None", screen.arc().word());
        assertEquals("The message carries no ARC set: it was not sealed by a forwarder or mailing list.", screen.arc().sentence());

        StampedRow stamped = screen.stamped().get(0);
        assertEquals("Written by mx.example.org", stamped.title());
        assertEquals(List.of(
                new StampedRow.Method("spf", "Pass", "Pass", CheckState.PASS, "Same"),
                new StampedRow.Method("dkim (d=corp.example)", "Pass", "Pass", CheckState.PASS, "Same"),
                new StampedRow.Method("dmarc", "Pass", "Pass", CheckState.PASS, "Same"),
                new StampedRow.Method("iprev", "Pass", "—", CheckState.INFO, "Not checked here")), stamped.methods());

        assertEquals(List.of("message.dmarc-pass"), screen.findings().stream().map(Finding::id).toList());
    }

    @Test
    void aChangedMessageFromAnotherServerFailsEveryCheckAndDiffersFromWhatTheReceiverStamped() {
        model.clientAddressProperty().set("203.0.113.9");
        model.heloProperty().set("smtp.elsewhere.example");

        VerdictScreen screen = check(delivered().replace("are in", "are out"));

        assertEquals(CheckState.ERROR, screen.state());
        assertEquals("Fails DMARC", screen.overall());
        assertEquals("Fail", screen.spf().word());
        assertEquals("203.0.113.9 (given)", fact(screen.spf(), "Sender address"));
        assertEquals("smtp.elsewhere.example", fact(screen.spf(), "HELO name"));
        assertEquals("aligned", fact(screen.spf(), "Alignment with the From domain"), "aligned, whatever the result");
        assertTrue(screen.spf().facts().stream().noneMatch(tag -> tag.label().equals("The domain’s explanation")),
                "the default explanation is English whatever the window's language, and not the domain's word");
        SignatureRow row = screen.dkim().get(0);
        assertEquals("Fail", row.word());
        assertEquals("The body was changed after signing: its hash does not match bh=.", row.reason());
        assertEquals(CheckState.ERROR, screen.dmarc().state());
        assertEquals("reject", fact(screen.dmarc(), "What a receiver does"));
        assertEquals(List.of("Differs", "Differs", "Differs", "Not checked here"),
                screen.stamped().get(0).methods().stream().map(StampedRow.Method::comparison).toList());
        Finding first = screen.findings().get(0);
        assertEquals("message.dmarc-fail", first.id());

        settings.languageProperty().set(Language.SPANISH);

        VerdictScreen spanish = model.screenProperty().get();
        assertEquals("No supera DMARC", spanish.overall());
        assertEquals("Fallido", spanish.spf().word());
        assertEquals("203.0.113.9 (indicado)", fact(spanish.spf(), "Dirección del remitente"));
        assertEquals("Fallida", spanish.dkim().get(0).word());
        assertFalse(spanish.dkim().get(0).reason().startsWith("The body"), spanish.dkim().get(0).reason());
        assertEquals("reject (rechazar)", fact(spanish.dmarc(), "Lo que hace un receptor"));
        assertEquals("Distinto", spanish.stamped().get(0).methods().get(0).comparison());
        assertTrue(spanish.dkimSummary().startsWith("Una firma, ninguna válida."), spanish.dkimSummary());
        assertFalse(first.message(new Locale("es")).equals(first.message(Locale.ENGLISH)));
    }

    @Test
    void aMessageWithoutReceivedFieldsIsNotCheckedForSpfAndSaysWhatItNeeds() {
        VerdictScreen screen = check(new String(signed(MESSAGE), StandardCharsets.UTF_8));

        assertEquals(CheckState.INFO, screen.spf().state());
        assertEquals("SPF was not checked: it needs the sender’s address and the envelope sender. Give them above, "
                + "or check a message with its Received and Return-Path fields.", screen.spf().sentence());
        assertTrue(screen.spf().facts().isEmpty());
        assertEquals("Passes DMARC", screen.overall(), "the aligned signature carries DMARC alone");
        assertTrue(screen.stamped().isEmpty());
        assertTrue(screen.findings().stream().map(Finding::id).toList().contains("message.no-client-address"));
    }

    @Test
    void aMissingKeyIsAPermanentErrorNamingTheLookup() {
        VerdictScreen screen = check(delivered().replace("s=202611a", "s=202501z"));

        SignatureRow row = screen.dkim().get(0);
        assertEquals(CheckState.ERROR, row.state());
        assertEquals("Permanent error", row.word());
        assertEquals("There is no key record at 202501z._domainkey.corp.example.", row.reason());
        assertTrue(row.keyLookup().contains("does not exist"), row.keyLookup());
        assertEquals("Passes DMARC", screen.overall(), "SPF passes aligned");
    }

    @Test
    void aStrangersControlCharactersAreShownAsTheCommandLineShowsThem() {
        // A right-to-left override in the receiver's name and the envelope sender, a CSI (U+009B) in the HELO name.
        VerdictScreen screen = check(delivered().replace("Authentication-Results: mx.example.org", "Authentication-Results: mx.\u202Eexample.org")
                .replace("Return-Path: <bounce@", "Return-Path: <bo\u202Eunce@")
                .replace("Received: from out.corp.example", "Received: from out.corp\u009B.example"));

        assertEquals("Written by mx.\uFFFDexample.org", screen.stamped().get(0).title());
        assertEquals("bo\uFFFDunce@corp.example", fact(screen.spf(), "Envelope sender"));
        assertEquals("out.corp\uFFFD.example", fact(screen.spf(), "HELO name"));
    }

    @Test
    void anUnsignedMessageSaysSo() {
        VerdictScreen screen = check(MESSAGE);

        assertTrue(screen.dkim().isEmpty());
        assertEquals("This message has no DKIM signature: receivers treat it as unsigned.", screen.dkimSummary());
    }

    @Test
    void theSendersAddressIsJudgedWhenCommittedNeverWhileTyping() {
        model.textProperty().set(delivered());
        model.clientAddressProperty().set("192.0.2");
        assertEquals("", model.words().say(model.clientProblemProperty().get()), "still typing");

        assertFalse(model.commitClientAddress());
        assertEquals("“192.0.2” is not an IPv4 or IPv6 address.", model.words().say(model.clientProblemProperty().get()));
        model.verify();
        assertNull(model.screenProperty().get(), "no check with an address that is none");
        assertTrue(jobs.messages.isEmpty());

        model.clientAddressProperty().set("192.0.2.7");
        assertEquals("", model.words().say(model.clientProblemProperty().get()), "typing again takes the complaint away");
        model.verify();
        assertEquals("192.0.2.7 (given)", fact(model.screenProperty().get().spf(), "Sender address"));
        model.clientAddressProperty().set("");
        assertTrue(model.commitClientAddress(), "empty: read from the message");
    }

    @Test
    void editingTheMessageOrTheSessionForgetsTheResultAndNothingCannotBeChecked() {
        assertFalse(model.canVerifyProperty().get());
        check(delivered());
        assertTrue(model.canVerifyProperty().get());

        model.textProperty().set(delivered() + "P.S.\n");
        assertNull(model.screenProperty().get());

        model.verify();
        model.mailFromProperty().set("someone@example.org");
        assertNull(model.screenProperty().get(), "another envelope sender is another check");
    }

    @Test
    void anOpenedMessageIsCheckedAgainstTheKeyPublishedNow() throws Exception {
        Path file = folder.resolve("quarterly.eml");
        Files.write(file, signed(MESSAGE));
        dns.replaceZones(corpExample(""), "$ORIGIN example.\n");
        assertEquals("Permanent error", check(new String(signed(MESSAGE), StandardCharsets.UTF_8)).dkim().get(0).word());

        dns.replaceZones(corpExample(DkimZone.keyRecord(DkimWizardViewModelTest.RSA)), "$ORIGIN example.\n");
        model.open(file);
        assertEquals("quarterly.eml · " + Files.size(file) + " bytes · From: Alice <alice@corp.example> · Subject: Quarterly numbers",
                model.fileSummary().get());
        model.verify();

        SignatureRow row = model.screenProperty().get().dkim().get(0);
        assertEquals(CheckState.PASS, row.state(), "the key published since is found, not the cached no-such-name");
        assertEquals("Answered by " + dns.address() + ", TTL 300 s.", row.keyLookup());
    }

    @Test
    void aPastedMessagePastTheBoundsIsRefusedInTheCommandLinesWords() {
        model.textProperty().set("X-Noise: 1\r\n".repeat(10_001) + "\r\nbody\r\n");

        model.verify();

        assertEquals("The message has more than 10000 header fields, the most Mailwright reads.",
                model.words().say(model.errorProperty().get()));
        assertNull(model.screenProperty().get());
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
