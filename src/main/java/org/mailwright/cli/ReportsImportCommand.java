package org.mailwright.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.mailwright.i18n.Failures;
import org.mailwright.json.Json;
import org.mailwright.reports.ArchiveException;
import org.mailwright.reports.FileImport;
import org.mailwright.reports.ReportArchive;
import org.mailwright.reports.ReportFiles;
import org.mailwright.reports.ReportLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code mailwright reports import PATH...}: every report in the files and folders (recursively)
 * into the archive, one transaction per file (the next files read meanwhile); the files that hold no readable report are named,
 * each with why, and the rest is imported. {@code -} is standard input, read first, as one file.
 */
@Command(name = "import", sortOptions = false)
final class ReportsImportCommand extends Subcommand {

    /** The path that means standard input, as for most commands; {@code ./-} is a file of that name. */
    private static final String STANDARD_INPUT = "-";

    @Parameters(arity = "1..*", paramLabel = "PATH", descriptionKey = "reports.paths")
    private List<Path> paths;

    @Mixin
    private ReportsDbOption db;

    @Override
    public Integer call() {
        List<Path> named = paths.stream().filter(path -> !isStandardInput(path)).toList();
        int standardInput = paths.size() - named.size();
        if (standardInput > 1) {
            throw new UsageException(texts().get("cli.reports.stdin-twice"));
        }
        for (Path path : named) {
            if (!Files.exists(path)) {
                throw new UsageException(texts().get("cli.reports.no-such-path", path));
            }
        }
        List<Path> files = files(named);
        List<FileImport> results = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        Predicate<FileImport> imported = result -> {
            results.add(result);
            if (result.failed()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("file", result.file().toString());
                entry.put("error", result.error(options().json() ? Locale.ENGLISH : texts().locale()).orElseThrow());
                failed.add(entry);
                if (!options().json()) {
                    err().println(texts().get("cli.reports.import.failed-file", result.file(), entry.get("error")));
                }
            }
            return true;
        };
        try (ReportArchive archive = db.open(options(), texts())) {
            if (standardInput == 1) {
                imported.test(archive.importStream(Path.of(STANDARD_INPUT), System.in, ReportLimits.DEFAULT));
            }
            archive.importFiles(files, ReportLimits.DEFAULT, imported);
        } catch (ArchiveException e) {
            throw new UsageException(e.problem().text(texts().locale()));
        }
        int reports = results.stream().mapToInt(FileImport::imported).sum();
        int duplicates = results.stream().mapToInt(FileImport::duplicates).sum();
        if (options().json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("imported", reports);
            json.put("duplicates", duplicates);
            json.put("failed", failed);
            out().println(Json.write(json));
        } else {
            out().println(texts().get("cli.reports.import.done", reports, results.size(), duplicates, failed.size()));
        }
        return failed.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }

    private static boolean isStandardInput(Path path) {
        return path.toString().equals(STANDARD_INPUT);
    }

    private List<Path> files(List<Path> named) {
        try {
            return ReportFiles.walk(named);
        } catch (ReportFiles.UnreadableFolder e) {
            throw new UsageException(texts().get("cli.reports.folder-unreadable", e.folder(), Failures.reason(e.getCause())));
        }
    }
}
