package org.mailwright.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.mailwright.reports.ArchiveException;
import org.mailwright.reports.ReportArchive;
import picocli.CommandLine.Option;

/** {@code --db FILE|URL}: the report archive, by default reports.db in the data folder. */
final class ReportsDbOption {

    @Option(names = "--db", paramLabel = "FILE|URL", order = 20, descriptionKey = "reports.db")
    String db;

    /**
     * The archive, created and brought to the current schema as needed.
     *
     * @throws UsageException when it cannot be opened, in the user's language
     */
    ReportArchive open(GlobalOptions options, Texts texts) {
        try {
            return ReportArchive.open(db, db == null ? options.dataFolder() : null);
        } catch (ArchiveException e) {
            throw new UsageException(e.problem().text(texts.locale()));
        }
    }

    /**
     * The archive to read: as {@link #open}, but a {@code --db} file that is not there is refused
     * rather than made (with the folders to it), as a mistyped path would be by a command that only reads.
     *
     * @throws UsageException when it is not there or cannot be opened, in the user's language
     */
    ReportArchive openToRead(GlobalOptions options, Texts texts) {
        if (db != null && !db.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            boolean there;
            try {
                there = Files.exists(Path.of(db));
            } catch (InvalidPathException notAPath) {
                there = false;
            }
            if (!there) {
                throw new UsageException(texts.get("cli.reports.no-archive", GlobalOptions.shown(db)));
            }
        }
        return open(options, texts);
    }
}
