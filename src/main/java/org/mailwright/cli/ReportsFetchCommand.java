package org.mailwright.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.mailwright.files.AtomicFiles;
import org.mailwright.i18n.ProblemException;
import org.mailwright.json.Json;
import org.mailwright.reports.ArchiveException;
import org.mailwright.reports.ImapFetch;
import org.mailwright.reports.ImapServer;
import org.mailwright.reports.ImapTrust;
import org.mailwright.reports.MailboxException;
import org.mailwright.reports.PasswordFile;
import org.mailwright.reports.ReportArchive;
import org.mailwright.reports.ReportLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mailwright reports fetch}: the reports in a mailbox folder, over IMAPS, into the archive;
 * each message marked read (and moved, if asked) only once its reports are archived. The password
 * is never an argument: it comes from {@code --password-file}, else {@value #PASSWORD_VARIABLE},
 * else the terminal, and is not kept.
 */
@Command(name = "fetch", sortOptions = false)
final class ReportsFetchCommand extends Subcommand {

    /** The environment variable the password may be given in. */
    static final String PASSWORD_VARIABLE = "MAILWRIGHT_IMAP_PASSWORD";

    @Option(names = "--imap", required = true, paramLabel = "HOST[:PORT]", order = 10, descriptionKey = "reports.imap")
    private String imap;

    @Option(names = "--user", required = true, paramLabel = "U", order = 11, descriptionKey = "reports.user")
    private String user;

    @Option(names = "--folder", required = true, paramLabel = "F", order = 12, descriptionKey = "reports.folder")
    private String folder;

    @Option(names = "--move-to", paramLabel = "F2", order = 13, descriptionKey = "reports.move-to")
    private String moveTo;

    @Option(names = "--all", order = 14, descriptionKey = "reports.all")
    private boolean all;

    @Option(names = "--password-file", paramLabel = "FILE", order = 15, descriptionKey = "reports.password-file")
    private Path passwordFile;

    @Option(names = "--ca-file", paramLabel = "FILE", order = 16, descriptionKey = "reports.ca-file")
    private Path caFile;

    @Mixin
    private ReportsDbOption db;

    @Override
    public Integer call() {
        ImapFetch.Settings settings = settings();
        ImapFetch.Result result;
        try (ReportArchive archive = db.open(options(), texts())) {
            char[] password = password(settings.server());
            try {
                result = ImapFetch.fetch(settings, password, archive, ReportLimits.DEFAULT);
            } finally {
                Arrays.fill(password, '\0');
            }
        } catch (MailboxException | ArchiveException e) {
            throw new UsageException(e.problem().text(texts().locale()));
        }
        Locale language = options().json() ? Locale.ENGLISH : texts().locale();
        List<Map<String, Object>> failed = new ArrayList<>();
        for (ImapFetch.Failure failure : result.failed()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("message", failure.message());
            entry.put("error", failure.error(language));
            failed.add(entry);
            if (!options().json()) {
                err().println(texts().get("cli.reports.fetch.failed-message", failure.message(), entry.get("error")));
            }
        }
        if (result.left() > 0) {
            err().println(texts().get("cli.reports.fetch.left", result.left(), settings.maxMessages()));
        }
        if (options().json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("fetched", result.fetched());
            json.put("imported", result.imported());
            json.put("duplicates", result.duplicates());
            json.put("failed", failed);
            out().println(Json.write(json));
        } else {
            out().println(texts().get("cli.reports.fetch.done", result.fetched(), result.imported(), result.duplicates(),
                    failed.size()));
        }
        return failed.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }

    private ImapFetch.Settings settings() {
        ImapServer server;
        try {
            server = ImapServer.parse(imap);
        } catch (ProblemException e) {
            throw new UsageException(e.problem().text(texts().locale()));
        }
        if (user.isBlank()) {
            throw new UsageException(texts().get("cli.reports.fetch.empty", "--user"));
        }
        if (folder.isBlank() || moveTo != null && moveTo.isBlank()) {
            throw new UsageException(texts().get("cli.reports.fetch.empty", folder.isBlank() ? "--folder" : "--move-to"));
        }
        return new ImapFetch.Settings(server, user, folder)
                .withMoveTo(Optional.ofNullable(moveTo))
                .withIncludeSeen(all)
                .withTls(tls());
    }

    /** The TLS for a server whose certificate is its own, from {@code --ca-file}; else the system's. */
    private Optional<SSLSocketFactory> tls() {
        if (caFile == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ImapTrust.trusting(caFile));
        } catch (NoSuchFileException missing) {
            throw new UsageException(texts().get("cli.reports.fetch.file-missing", caFile));
        } catch (IOException unreadable) {
            throw new UsageException(texts().get("cli.reports.fetch.file-unreadable", caFile));
        } catch (ProblemException e) {
            throw new UsageException(e.problem().text(texts().locale()));
        }
    }

    /**
     * The password: from {@code --password-file} when given (an option says more than the
     * environment, as {@code --data-dir} does over {@code MAILWRIGHT_HOME}), else from
     * {@value #PASSWORD_VARIABLE}, else asked on the terminal without echo.
     */
    private char[] password(ImapServer server) {
        if (passwordFile != null) {
            char[] password;
            try {
                password = PasswordFile.read(passwordFile);
            } catch (NoSuchFileException missing) {
                throw new UsageException(texts().get("cli.reports.fetch.file-missing", passwordFile));
            } catch (IOException unreadable) {
                throw new UsageException(texts().get("cli.reports.fetch.file-unreadable", passwordFile));
            } catch (ProblemException e) {
                throw new UsageException(e.problem().text(texts().locale()));
            }
            if (AtomicFiles.readableByOthers(passwordFile)) {
                err().println(texts().get("cli.reports.fetch.password-file-open", passwordFile));
            }
            return password;
        }
        Optional<String> variable = options().environment(PASSWORD_VARIABLE);
        if (variable.isPresent()) {
            return variable.get().toCharArray();
        }
        Console console = terminal();
        char[] typed = console == null ? null
                : console.readPassword("%s", texts().get("cli.reports.fetch.password-prompt", user, server));
        if (typed == null || typed.length == 0) {
            throw new UsageException(texts().get("cli.reports.fetch.no-password", PASSWORD_VARIABLE));
        }
        return typed;
    }

    /**
     * The terminal to ask on, or null when there is none (cron, a pipe). From JDK 22 on
     * {@code System.console()} is there even when input is redirected, and tells with
     * {@code isTerminal()}, which JDK 17 lacks; asking then would read the password from a pipe.
     */
    private static Console terminal() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            return Boolean.TRUE.equals(Console.class.getMethod("isTerminal").invoke(console)) ? console : null;
        } catch (ReflectiveOperationException beforeJdk22) {
            return console;
        }
    }
}
