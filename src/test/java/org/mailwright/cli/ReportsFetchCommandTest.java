package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;
import static org.mailwright.reports.TestImapServer.FOLDER;
import static org.mailwright.reports.TestImapServer.PASSWORD;
import static org.mailwright.reports.TestImapServer.PROCESSED;
import static org.mailwright.reports.TestImapServer.USER;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.reports.TestImapServer;

/**
 * {@code mailwright reports fetch} end to end against a real IMAP server (GreenMail over IMAPS):
 * the JSON of issue 13, exit codes, the text in Spanish, the ways of giving the password, and that
 * the password is never printed.
 */
class ReportsFetchCommandTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestImapServer.extension();

    private static final Map<String, String> WITH_PASSWORD = Map.of(ReportsFetchCommand.PASSWORD_VARIABLE, PASSWORD);

    @TempDir
    Path folder;

    private Path db;
    private Path certificate;

    @BeforeEach
    void deliver() throws IOException {
        TestImapServer.deliver(MAIL, FOLDER, TestImapServer.reportMail("Report domain: example.com"),
                TestImapServer.reportMail("Report domain: example.com (resent)"),
                TestImapServer.brokenMail("Report domain: example.com (yahoo)"), TestImapServer.personalMail("Hello"));
        db = folder.resolve("reports.db");
        certificate = TestImapServer.certificateFile(folder);
    }

    private String server() {
        return "127.0.0.1:" + MAIL.getImaps().getPort();
    }

    private CommandRun fetch(Map<String, String> environment, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("reports", "fetch", "--imap", server(), "--user", USER,
                "--folder", FOLDER, "--ca-file", certificate.toString(), "--db", db.toString()));
        args.addAll(List.of(more));
        CommandRun run = run(environment, args.toArray(String[]::new));
        assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD), run.out() + run.err());
        return run;
    }

    @Test
    void jsonCountsTheMessagesNamesTheFailedOnesAndASecondRunImportsNothingNew() {
        CommandRun first = fetch(WITH_PASSWORD, "--json");
        assertEquals(1, first.exitCode(), first.err());
        assertEquals("", first.err());
        assertEquals("{\"fetched\":4,\"imported\":1,\"duplicates\":1,\"failed\":["
                + "{\"message\":\"UID 3 \\\"Report domain: example.com (yahoo)\\\"\",\"error\":"
                + "\"part 3 (yahoo.com!example.com.xml.gz): The compressed data ends too early: the file was cut short.\"},"
                + "{\"message\":\"UID 4 \\\"Hello\\\"\",\"error\":"
                + "\"The message holds no DMARC report: no XML, gzip or zip attachment and no feedback report.\"}]}\n", first.out());

        CommandRun summary = run("reports", "summary", "--no-names", "--db", db.toString(), "--json");
        assertTrue(summary.out().startsWith("{\"reports\":1,\"messages\":13,\"dmarc_pass\":10,\"dmarc_fail\":3,"), summary.out());

        CommandRun second = fetch(WITH_PASSWORD, "--json");
        assertEquals(1, second.exitCode());
        assertTrue(second.out().startsWith("{\"fetched\":2,\"imported\":0,\"duplicates\":0,\"failed\":[{\"message\":\"UID 3 "),
                second.out());
    }

    @Test
    void inSpanishWithAPasswordFileAndMoveToTheGoodMessagesAreMoved() throws IOException {
        TestImapServer.folder(MAIL, PROCESSED);
        Path passwordFile = Files.writeString(folder.resolve("imap.password"), PASSWORD + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));

        CommandRun run = fetch(Map.of("LANG", "es"), "--password-file", passwordFile.toString(), "--move-to", PROCESSED);

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(List.of("Aviso: otros usuarios de este equipo pueden leer " + passwordFile
                        + "; haga que solo usted pueda leerlo (chmod 600).",
                "UID 3 \"Report domain: example.com (yahoo)\": parte 3 (yahoo.com!example.com.xml.gz): "
                        + "Los datos comprimidos terminan antes de tiempo: el archivo está cortado.",
                "UID 4 \"Hello\": El mensaje no contiene ningún informe DMARC: ni un adjunto XML, gzip o zip ni un informe de feedback."),
                run.err().lines().toList());
        assertEquals("Se trajeron 4 mensajes: 1 informe importado, 1 ya estaba en el archivo; "
                + "2 mensajes no se pudieron leer y se dejaron en su sitio.\n", run.out());
        assertEquals(List.of("Report domain: example.com (yahoo)", "Hello"), TestImapServer.contents(MAIL, FOLDER));
        assertEquals(List.of("Report domain: example.com (seen)", "Report domain: example.com (resent) (seen)"),
                TestImapServer.contents(MAIL, PROCESSED));
    }

    @Test
    void thePasswordFileIsPreferredToTheEnvironmentAndItsWarningIsOnlyForAnOpenFile() throws IOException {
        Path passwordFile = Files.writeString(folder.resolve("imap.password"), PASSWORD + "\r\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));

        CommandRun run = fetch(Map.of(ReportsFetchCommand.PASSWORD_VARIABLE, "not-the-password"),
                "--password-file", passwordFile.toString(), "--json");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("{\"fetched\":4,\"imported\":1,"), run.out());
    }

    @Test
    void withoutAPasswordOrATerminalItSaysHowToGiveOne() {
        CommandRun run = fetch(Map.of(), "--json");
        assertEquals(2, run.exitCode());
        assertEquals("No password: give --password-file FILE, set MAILWRIGHT_IMAP_PASSWORD, or run in a terminal to be asked. "
                + "Run 'mailwright reports fetch --help' for usage.\n", run.err());
        assertEquals("", run.out());
        assertEquals(List.of("Report domain: example.com", "Report domain: example.com (resent)",
                "Report domain: example.com (yahoo)", "Hello"), TestImapServer.contents(MAIL, FOLDER));
    }

    @Test
    void aRefusedLoginIsOneSentenceWithoutThePasswordTried() {
        String wrong = "Typo-in-the-pa55word";
        CommandRun run = fetch(Map.of(ReportsFetchCommand.PASSWORD_VARIABLE, wrong));
        assertEquals(2, run.exitCode());
        assertEquals(server() + " refused the login of " + USER + ": check the user name and the password. "
                + "Run 'mailwright reports fetch --help' for usage.\n", run.err());
        assertFalse(run.err().contains(wrong));
    }

    @Test
    void withoutTheServersCertificateTheConnectionIsRefused() {
        CommandRun run = run(WITH_PASSWORD, "reports", "fetch", "--imap", server(), "--user", USER, "--folder", FOLDER,
                "--db", db.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("The certificate of " + server() + " is not trusted on this machine"), run.err());
        assertEquals(1, run.err().lines().count());
    }

    @Test
    void usageErrorsAreCaughtBeforeConnecting() throws IOException {
        CommandRun badServer = run(WITH_PASSWORD, "reports", "fetch", "--imap", "imap.example.com:99999", "--user", USER,
                "--folder", FOLDER, "--db", db.toString());
        assertEquals(2, badServer.exitCode());
        assertTrue(badServer.err().startsWith("imap.example.com:99999 is not an IMAP server: give HOST or HOST:PORT"), badServer.err());

        CommandRun missingUser = run(WITH_PASSWORD, "reports", "fetch", "--imap", server(), "--folder", FOLDER);
        assertEquals(2, missingUser.exitCode());

        Path notCertificates = Files.writeString(folder.resolve("not.pem"), "hello\n");
        CommandRun badCaFile = run(WITH_PASSWORD, "reports", "fetch", "--imap", server(), "--user", USER, "--folder", FOLDER,
                "--ca-file", notCertificates.toString(), "--db", db.toString());
        assertEquals(2, badCaFile.exitCode());
        assertTrue(badCaFile.err().startsWith("The file " + notCertificates + " holds no certificate (PEM or DER)."), badCaFile.err());
    }

    @Test
    void theHelpSaysHowThePasswordIsKept() {
        CommandRun help = run("reports", "fetch", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("MAILWRIGHT_IMAP_PASSWORD"), help.out());
        assertTrue(help.out().contains("Mailwright does not store it"), help.out());
        assertTrue(help.out().contains("--all"), help.out());
    }
}
