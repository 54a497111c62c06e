package org.mailwright.reports;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tests' IMAP server on its own, to try {@code reports fetch} by hand, for example from the
 * runtime image: it holds the tests' four messages in DMARC and an empty Processed folder, writes
 * the certificate to trust in the folder given, prints the command to run and serves until stopped.
 *
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.mailwright.reports.ImapTestServerMain -Dexec.args=target/imap-test-server
 * </pre>
 */
public final class ImapTestServerMain {

    private ImapTestServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/imap-test-server"));
        GreenMail mail = TestImapServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        TestImapServer.deliver(mail, TestImapServer.FOLDER, TestImapServer.reportMail("Report domain: example.com"),
                TestImapServer.reportMail("Report domain: example.com (resent)"),
                TestImapServer.brokenMail("Report domain: example.com (yahoo)"), TestImapServer.personalMail("Hello"));
        TestImapServer.folder(mail, TestImapServer.PROCESSED);
        Path certificate = TestImapServer.certificateFile(folder).toAbsolutePath();
        System.out.println("MAILWRIGHT_IMAP_PASSWORD='" + TestImapServer.PASSWORD + "' mailwright reports fetch --imap "
                + TestImapServer.imaps(mail) + " --user " + TestImapServer.USER + " --folder " + TestImapServer.FOLDER
                + " --move-to " + TestImapServer.PROCESSED + " --ca-file " + certificate + " --db "
                + folder.toAbsolutePath().resolve("reports.db"));
        Thread.currentThread().join();
    }
}
