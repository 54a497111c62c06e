package org.mailwright.cli;

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
}
