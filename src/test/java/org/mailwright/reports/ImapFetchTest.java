package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.reports.TestImapServer.FOLDER;
import static org.mailwright.reports.TestImapServer.PASSWORD;
import static org.mailwright.reports.TestImapServer.PROCESSED;
import static org.mailwright.reports.TestImapServer.USER;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports fetched from a real IMAP server (GreenMail, in-process, over IMAPS with its certificate
 * trusted by the test): a report mail, the same report again, a report whose attachment is broken
 * and a personal message. The good ones are imported once, marked read (and moved), and only they;
 * the others stay unread in place and are named; a second run imports nothing new.
 */
class ImapFetchTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestImapServer.extension();

    @TempDir
    Path folder;

    private ReportArchive archive;

    @BeforeEach
    void deliver() {
        TestImapServer.deliver(MAIL, FOLDER, TestImapServer.reportMail("Report domain: example.com"),
                TestImapServer.reportMail("Report domain: example.com (resent)"),
                TestImapServer.brokenMail("Report domain: example.com (yahoo)"), TestImapServer.personalMail("Hello"));
        archive = ReportArchive.open(folder.resolve("reports.db").toString(), null);
    }

    @AfterEach
    void close() {
        archive.close();
    }

    private ImapFetch.Settings settings() {
        return new ImapFetch.Settings(TestImapServer.imaps(MAIL), USER, FOLDER).withTls(Optional.of(TestImapServer.trust()));
    }

    private ImapFetch.Result fetch(ImapFetch.Settings settings) {
        return ImapFetch.fetch(settings, PASSWORD.toCharArray(), archive, ReportLimits.DEFAULT);
    }

    @Test
    void theReportIsImportedOnceOnlyTheGoodMessagesAreMarkedReadAndTheOthersAreNamed() throws SQLException {
        ImapFetch.Result result = fetch(settings());

        assertEquals(4, result.fetched());
        assertEquals(1, result.imported());
        assertEquals(1, result.duplicates());
        assertEquals(0, result.left());
        assertEquals(List.of("UID 3 \"Report domain: example.com (yahoo)\"", "UID 4 \"Hello\""),
                result.failed().stream().map(ImapFetch.Failure::message).toList());
        assertTrue(result.failed().get(0).error(Locale.ENGLISH).contains("yahoo.com!example.com.xml.gz"),
                result.failed().get(0).error(Locale.ENGLISH));
        assertEquals("The message holds no DMARC report: no XML, gzip or zip attachment and no feedback report.",
                result.failed().get(1).error(Locale.ENGLISH));

        Summary summary = archive.summary(SummaryQuery.ALL);
        assertEquals(1, summary.reports());
        assertEquals(13, summary.messages());
        assertEquals(10, summary.dmarcPass());
        assertEquals(List.of("Report domain: example.com (seen)", "Report domain: example.com (resent) (seen)",
                "Report domain: example.com (yahoo)", "Hello"), TestImapServer.contents(MAIL, FOLDER));

        String source = sources().get(0);
        assertTrue(source.startsWith("imaps://" + USER + "@127.0.0.1:" + MAIL.getImaps().getPort() + "/" + FOLDER + ";UIDVALIDITY="),
                source);
        assertTrue(source.endsWith("/;UID=1"), source);
        assertFalse(source.contains(PASSWORD), source);

        ImapFetch.Result again = fetch(settings());
        assertEquals(2, again.fetched());
        assertEquals(0, again.imported());
        assertEquals(0, again.duplicates());
        assertEquals(2, again.failed().size());
        assertEquals(1, archive.summary(SummaryQuery.ALL).reports());
    }

    @Test
    void withMoveToTheImportedMessagesAreMovedReadAndTheOthersStay() {
        TestImapServer.folder(MAIL, PROCESSED);
        ImapFetch.Settings moving = settings().withMoveTo(Optional.of(PROCESSED));

        ImapFetch.Result result = fetch(moving);

        assertEquals(4, result.fetched());
        assertEquals(1, result.imported());
        assertEquals(1, result.duplicates());
        assertEquals(2, result.failed().size());
        assertEquals(List.of("Report domain: example.com (yahoo)", "Hello"), TestImapServer.contents(MAIL, FOLDER));
        assertEquals(List.of("Report domain: example.com (seen)", "Report domain: example.com (resent) (seen)"),
                TestImapServer.contents(MAIL, PROCESSED));

        ImapFetch.Result again = fetch(moving);
        assertEquals(2, again.fetched());
        assertEquals(0, again.imported());
        assertEquals(List.of("Report domain: example.com (yahoo)", "Hello"), TestImapServer.contents(MAIL, FOLDER));
    }

    @Test
    void readMessagesAreLeftOutUnlessAllIsAsked() {
        fetch(settings());

        ImapFetch.Result all = fetch(settings().withIncludeSeen(true));

        assertEquals(4, all.fetched());
        assertEquals(0, all.imported());
        assertEquals(2, all.duplicates());
        assertEquals(2, all.failed().size());
    }

    @Test
    void aMessageLargerThanTheLimitIsNotDownloadedAndStaysUnread() {
        ImapFetch.Result result = ImapFetch.fetch(settings(), PASSWORD.toCharArray(), archive,
                ReportLimits.DEFAULT.withMaxMessageBytes(300));

        assertEquals(4, result.failed().size());
        assertEquals("The message is larger than 300 octets, the most Mailwright reads.", result.failed().get(0).error(Locale.ENGLISH));
        assertEquals(0, result.imported());
        assertEquals(List.of("Report domain: example.com", "Report domain: example.com (resent)",
                "Report domain: example.com (yahoo)", "Hello"), TestImapServer.contents(MAIL, FOLDER));
    }

    @Test
    void aRunReadsAtMostItsBoundOldestFirstAndTheNextRunGoesOn() {
        ImapFetch.Result first = fetch(settings().withMaxMessages(1));
        assertEquals(1, first.fetched());
        assertEquals(1, first.imported());
        assertEquals(3, first.left());

        ImapFetch.Result second = fetch(settings().withMaxMessages(1));
        assertEquals(1, second.duplicates());
        assertEquals(2, second.left());
    }

    @Test
    void aCertificateThisMachineDoesNotTrustIsRefused() {
        MailboxException refused = assertThrows(MailboxException.class,
                () -> fetch(new ImapFetch.Settings(TestImapServer.imaps(MAIL), USER, FOLDER)));
        assertEquals("reports.mailbox.untrusted", refused.problem().key());
        assertEquals(List.of("Report domain: example.com", "Report domain: example.com (resent)",
                "Report domain: example.com (yahoo)", "Hello"), TestImapServer.contents(MAIL, FOLDER));
    }

    @Test
    void imapWithoutTlsIsNeverSpoken() {
        MailboxException refused = assertThrows(MailboxException.class, () -> fetch(
                new ImapFetch.Settings(TestImapServer.plainImap(MAIL), USER, FOLDER).withTls(Optional.of(TestImapServer.trust()))));
        assertEquals("reports.mailbox.no-tls", refused.problem().key());
    }

    @Test
    void aWrongPasswordIsOneSentenceThatDoesNotRepeatIt() {
        String wrong = "Wrong-pa55word-typed";
        MailboxException refused = assertThrows(MailboxException.class,
                () -> ImapFetch.fetch(settings(), wrong.toCharArray(), archive, ReportLimits.DEFAULT));
        assertEquals("reports.mailbox.login-refused", refused.problem().key());
        String said = refused.problem().text(Locale.ENGLISH);
        assertEquals("127.0.0.1:" + MAIL.getImaps().getPort() + " refused the login of " + USER
                + ": check the user name and the password.", said);
        assertFalse(said.contains(wrong));
    }

    @Test
    void aMissingFolderOrMoveTargetIsNamedBeforeAnythingIsRead() {
        MailboxException noFolder = assertThrows(MailboxException.class,
                () -> fetch(new ImapFetch.Settings(TestImapServer.imaps(MAIL), USER, "Nope").withTls(Optional.of(TestImapServer.trust()))));
        assertEquals("There is no folder Nope on 127.0.0.1:" + MAIL.getImaps().getPort() + ".", noFolder.problem().text(Locale.ENGLISH));

        MailboxException noTarget = assertThrows(MailboxException.class, () -> fetch(settings().withMoveTo(Optional.of("Archive"))));
        assertEquals("reports.mailbox.no-target", noTarget.problem().key());
        assertEquals(0, archive.summary(SummaryQuery.ALL).reports());
    }

    @Test
    void aPortWhereNothingListensIsSaidSo() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        MailboxException refused = assertThrows(MailboxException.class, () -> fetch(
                new ImapFetch.Settings(new ImapServer("127.0.0.1", closed), USER, FOLDER).withTls(Optional.of(TestImapServer.trust()))));
        assertEquals("reports.mailbox.refused", refused.problem().key());
    }

    private List<String> sources() throws SQLException {
        List<String> sources = new ArrayList<>();
        try (Statement statement = archive.connection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT source_file FROM aggregate_reports ORDER BY id")) {
            while (rows.next()) {
                sources.add(rows.getString(1));
            }
        }
        archive.connection().commit();
        return sources;
    }
}
