package org.mailwright.reports;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SearchTerm;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.mailwright.i18n.Failures;
import org.mailwright.i18n.Problem;

/**
 * Reports fetched from a mailbox folder over IMAPS (implicit TLS) into the archive. Each message
 * is downloaded whole (bounded by {@link ReportLimits#maxMessageBytes()}), without marking it
 * read, and imported as {@code reports import} imports an {@code .eml} file, in one transaction.
 * Only once its reports are in the archive (or were there already) is the message marked
 * {@code \Seen} and, if asked, moved to another folder. A message that holds no readable report is
 * left exactly as it was, unread and in place, and named with why.
 *
 * <p>Messages already marked {@code \Seen} are left out unless {@link Settings#includeSeen()}: a
 * folder read by a person too keeps what they read. Messages marked {@code \Deleted} are always left
 * out. At most {@link Settings#maxMessages()} messages are read in one run, the oldest first; the
 * rest wait for the next run.
 */
public final class ImapFetch {

    /** Messages read in one run unless the caller says otherwise. */
    public static final int DEFAULT_MAX_MESSAGES = 10_000;

    /** How long connecting, and then each answer of the server, may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Messages whose sizes, flags and subjects are asked for in one command. */
    private static final int BATCH = 100;

    /** Octets of a message asked for in one command: a report mail in one or a few round trips. */
    private static final int FETCH_OCTETS = 256 * 1024;

    /** The longest reason from a server or the network repeated in a sentence. */
    private static final int MAX_REASON = 200;

    /**
     * What to fetch, from where.
     *
     * @param server the IMAPS server
     * @param user the login name
     * @param folder the folder the reports arrive in
     * @param moveTo where each message goes once imported, or empty to leave it in {@code folder}
     * @param includeSeen also the messages already marked {@code \Seen}
     * @param tls the TLS to use instead of the system's (a server with a certificate of its own)
     * @param maxMessages the most messages read in one run
     * @param timeout how long connecting, and each answer, may take
     */
    public record Settings(ImapServer server, String user, String folder, Optional<String> moveTo, boolean includeSeen,
            Optional<SSLSocketFactory> tls, int maxMessages, Duration timeout) {

        public Settings {
            if (user.isEmpty() || folder.isEmpty() || moveTo.map(String::isEmpty).orElse(false) || maxMessages < 1
                    || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("Incomplete mailbox settings.");
            }
        }

        /** Unseen messages of {@code folder}, left there, over the system's TLS, with the default bounds. */
        public Settings(ImapServer server, String user, String folder) {
            this(server, user, folder, Optional.empty(), false, Optional.empty(), DEFAULT_MAX_MESSAGES, DEFAULT_TIMEOUT);
        }

        public Settings withMoveTo(Optional<String> target) {
            return new Settings(server, user, folder, target, includeSeen, tls, maxMessages, timeout);
        }

        public Settings withIncludeSeen(boolean all) {
            return new Settings(server, user, folder, moveTo, all, tls, maxMessages, timeout);
        }

        public Settings withTls(Optional<SSLSocketFactory> factory) {
            return new Settings(server, user, folder, moveTo, includeSeen, factory, maxMessages, timeout);
        }

        public Settings withMaxMessages(int most) {
            return new Settings(server, user, folder, moveTo, includeSeen, tls, most, timeout);
        }
    }

    /**
     * A message left in place, and why.
     *
     * @param uid its UID in the folder
     * @param subject its subject as a line of at most {@link Problem#SHOWN_LENGTH} characters, or null
     * @param problems why: each part that held no readable report, or what kept it from being read
     */
    public record Failure(long uid, String subject, List<FileImport.FileProblem> problems) {

        public Failure {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("A failure needs a reason.");
            }
        }

        /** The message as a person finds it in the folder: {@code UID 17 "Report domain: example.com"}. */
        public String message() {
            return subject == null ? "UID " + uid : "UID " + uid + " \"" + subject + "\"";
        }

        /** Why, in one line in {@code locale}'s language. */
        public String error(Locale locale) {
            return FileImport.error(problems, locale).orElseThrow();
        }
    }

    /**
     * What a run did.
     *
     * @param fetched messages looked at (those imported, those already archived, those left in place)
     * @param imported reports newly archived
     * @param duplicates reports the archive already held
     * @param failed the messages left in place, each with why
     * @param left messages not looked at in this run, past {@link Settings#maxMessages()}
     */
    public record Result(int fetched, int imported, int duplicates, List<Failure> failed, int left) {

        public Result {
            failed = List.copyOf(failed);
        }
    }

    private ImapFetch() {
    }

    /**
     * Fetches the reports of {@code settings}'s folder into {@code archive}.
     *
     * @param password the login password; read, never kept or shown (the caller clears it)
     * @throws MailboxException when the mailbox cannot be read at all, or the connection breaks
     *     (what was imported before stays imported, and those messages are marked)
     * @throws ArchiveException when the archive fails (the message being imported stays unmarked)
     */
    public static Result fetch(Settings settings, char[] password, ReportArchive archive, ReportLimits limits) {
        Session session = Session.getInstance(properties(settings));
        IMAPStore store;
        try {
            store = (IMAPStore) session.getStore("imaps");
        } catch (NoSuchProviderException e) {
            // Angus Mail is a dependency of Mailwright's: its IMAPS provider is always there.
            throw new IllegalStateException(e);
        }
        try {
            store.connect(settings.server().host(), settings.server().port(), settings.user(), new String(password));
        } catch (MessagingException e) {
            throw unreachable(settings, e);
        }
        try {
            return new Run(settings, store, archive, limits).run();
        } finally {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // Everything was done and committed; a goodbye the server did not answer changes nothing.
            }
        }
    }

    private static Properties properties(Settings settings) {
        Properties properties = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        properties.setProperty("mail.imaps.connectiontimeout", timeout);
        properties.setProperty("mail.imaps.timeout", timeout);
        properties.setProperty("mail.imaps.writetimeout", timeout);
        // The certificate must be for the server's name, not merely signed by someone trusted.
        properties.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        // Reading a message must not mark it \Seen: only an import that succeeded does.
        properties.setProperty("mail.imaps.peek", "true");
        properties.setProperty("mail.imaps.fetchsize", Integer.toString(FETCH_OCTETS));
        settings.tls().ifPresent(factory -> properties.put("mail.imaps.ssl.socketFactory", factory));
        return properties;
    }

    /** One connected run over one folder. */
    private static final class Run {
        private static final Flags SEEN = new Flags(Flags.Flag.SEEN);
        private static final SearchTerm NOT_DELETED = new FlagTerm(new Flags(Flags.Flag.DELETED), false);
        private static final SearchTerm UNSEEN = new AndTerm(new FlagTerm(SEEN, false), NOT_DELETED);

        private final Settings settings;
        private final IMAPStore store;
        private final ReportArchive archive;
        private final ReportLimits limits;
        private final List<Failure> failed = new ArrayList<>();
        private IMAPFolder folder;
        private Folder target;
        private long uidValidity;
        private int fetched;
        private int imported;
        private int duplicates;

        Run(Settings settings, IMAPStore store, ReportArchive archive, ReportLimits limits) {
            this.settings = settings;
            this.store = store;
            this.archive = archive;
            this.limits = limits;
        }

        Result run() {
            Message[] messages;
            try {
                folder = (IMAPFolder) store.getFolder(settings.folder());
                if (!folder.exists()) {
                    throw new MailboxException("reports.mailbox.no-folder", shown(settings.folder()), settings.server());
                }
                if (settings.moveTo().isPresent()) {
                    target = store.getFolder(settings.moveTo().get());
                    if (!target.exists()) {
                        throw new MailboxException("reports.mailbox.no-target", shown(settings.moveTo().get()),
                                settings.server());
                    }
                    if (target.getFullName().equals(folder.getFullName())) {
                        throw new MailboxException("reports.mailbox.same-folder", shown(settings.folder()));
                    }
                }
                folder.open(Folder.READ_WRITE);
                uidValidity = folder.getUIDValidity();
                messages = folder.search(settings.includeSeen() ? NOT_DELETED : UNSEEN);
            } catch (MessagingException e) {
                throw unreachable(settings, e);
            }
            try {
                int count = Math.min(messages.length, settings.maxMessages());
                for (int from = 0; from < count; from += BATCH) {
                    Message[] batch = Arrays.copyOfRange(messages, from, Math.min(count, from + BATCH));
                    describe(batch);
                    for (Message message : batch) {
                        one((IMAPMessage) message);
                    }
                }
                return new Result(fetched, imported, duplicates, failed, messages.length - count);
            } finally {
                try {
                    // Closed without expunging: only the messages moved are gone from the folder.
                    folder.close(false);
                } catch (MessagingException | IllegalStateException ignored) {
                    // Already closed by a broken connection, which was reported where it broke.
                }
            }
        }

        /** The UIDs, sizes, flags and subjects of {@code batch}, in one command. */
        private void describe(Message[] batch) {
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.SIZE);
            profile.add(FetchProfile.Item.ENVELOPE);
            try {
                folder.fetch(batch, profile);
            } catch (MessagingException e) {
                throw lost(e);
            }
        }

        private void one(IMAPMessage message) {
            fetched++;
            long uid;
            try {
                uid = folder.getUID(message);
            } catch (MessagingException e) {
                throw lost(e);
            }
            String subject = subject(message);
            byte[] octets;
            try {
                octets = download(message);
            } catch (MessagingException | IOException e) {
                stillConnected(e);
                failed.add(new Failure(uid, subject, List.of(new FileImport.FileProblem(ReportPlace.FILE,
                        new Problem("reports.mailbox.message-unreadable", reason(e))))));
                return;
            }
            if (octets == null) {
                failed.add(new Failure(uid, subject, List.of(new FileImport.FileProblem(ReportPlace.FILE,
                        new Problem("reports.error.message-too-large", limits.maxMessageBytes())))));
                return;
            }
            MessageImport result = archive.importMessage(source(uid), octets, limits);
            imported += result.imported();
            duplicates += result.duplicates();
            if (result.failed()) {
                failed.add(new Failure(uid, subject, result.problems()));
                return;
            }
            try {
                message.setFlag(Flags.Flag.SEEN, true);
                if (target != null) {
                    move(message);
                }
            } catch (MessagingException e) {
                stillConnected(e);
                failed.add(new Failure(uid, subject, List.of(new FileImport.FileProblem(ReportPlace.FILE,
                        new Problem("reports.mailbox.not-marked", reason(e))))));
            }
        }

        /** The whole message, or null when it is larger than a report mail may be. */
        private byte[] download(IMAPMessage message) throws MessagingException, IOException {
            int most = limits.maxMessageBytes();
            // The server's word on the size spares downloading what would be refused anyway.
            if (message.getSizeLong() > most) {
                return null;
            }
            byte[] octets;
            try (InputStream in = message.getMimeStream()) {
                octets = in.readNBytes(most + 1);
            }
            return octets.length > most ? null : octets;
        }

        /**
         * MOVE (RFC 6851) where the server has it, else COPY, {@code \Deleted} and, with UIDPLUS
         * (RFC 4315), UID EXPUNGE of this message alone; without UIDPLUS a plain EXPUNGE would
         * also remove what the user marked deleted, so the message stays marked until they expunge.
         */
        private void move(IMAPMessage message) throws MessagingException {
            Message[] one = {message};
            if (store.hasCapability("MOVE")) {
                folder.moveMessages(one, target);
                return;
            }
            folder.copyMessages(one, target);
            message.setFlag(Flags.Flag.DELETED, true);
            if (store.hasCapability("UIDPLUS")) {
                folder.expunge(one);
            }
        }

        /** Where a message's reports came from, as an IMAP URL (RFC 5092) without the password. */
        private String source(long uid) {
            return "imaps://" + settings.user() + "@" + settings.server() + "/" + settings.folder()
                    + ";UIDVALIDITY=" + uidValidity + "/;UID=" + uid;
        }

        /** A failure of one message is that message's; a connection that broke ends the run. */
        private void stillConnected(Exception e) {
            if (!folder.isOpen() || !store.isConnected()) {
                throw lost(e);
            }
        }

        private MailboxException lost(Exception e) {
            return new MailboxException(e, "reports.mailbox.interrupted", settings.server(), fetched, reason(e));
        }

        private static String subject(Message message) {
            try {
                String subject = message.getSubject();
                if (subject == null) {
                    return null;
                }
                // A stranger's subject on the user's terminal: no control or direction-changing characters.
                String line = subject.replaceAll("[\\p{Cc}\\p{Cf}]+", " ").strip();
                return line.isEmpty() ? null : Problem.shown(line);
            } catch (MessagingException unreadable) {
                return null;
            }
        }
    }

    /** Why the server could not be used, in the user's terms, from what the connection raised. */
    private static MailboxException unreachable(Settings settings, MessagingException e) {
        ImapServer server = settings.server();
        if (e instanceof AuthenticationFailedException) {
            return new MailboxException(e, "reports.mailbox.login-refused", shown(settings.user()), server);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return new MailboxException(e, "reports.mailbox.unknown-host", server.host());
            }
            if (cause instanceof ConnectException) {
                return new MailboxException(e, "reports.mailbox.refused", server);
            }
            if (cause instanceof SocketTimeoutException) {
                return new MailboxException(e, "reports.mailbox.timeout", server, settings.timeout().toSeconds());
            }
            if (cause instanceof SSLException) {
                return new MailboxException(e, untrusted(cause) ? "reports.mailbox.untrusted" : "reports.mailbox.no-tls", server);
            }
            if (cause instanceof IOException && String.valueOf(cause.getMessage()).startsWith("Server is not trusted")) {
                return new MailboxException(e, "reports.mailbox.untrusted", server);
            }
        }
        return new MailboxException(e, "reports.mailbox.failed", server, reason(e));
    }

    private static boolean untrusted(Throwable handshake) {
        for (Throwable cause = handshake; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The deepest cause's own words, on one line, bounded: never a class name or a stack trace.
     * A problem saying no reason was given when no cause had words of its own.
     */
    static Object reason(Throwable e) {
        String message = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String words = cause.getMessage() == null ? "" : Failures.withoutClassNames(cause.getMessage());
            if (!words.isBlank()) {
                message = words;
            }
        }
        if (message == null) {
            return new Problem("reports.mailbox.no-reason");
        }
        return Failures.oneLine(message, MAX_REASON);
    }

    private static String shown(String text) {
        return Problem.shown(text.replaceAll("[\\p{Cc}\\p{Cf}]+", " "));
    }
}
