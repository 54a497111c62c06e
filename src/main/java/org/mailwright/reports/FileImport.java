package org.mailwright.reports;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailwright.i18n.Messages;
import org.mailwright.i18n.Problem;

/**
 * What importing one file did.
 *
 * @param file the file
 * @param imported reports (aggregate and failure) newly archived from it
 * @param duplicates reports in it that were archived before
 * @param problems each part that held no readable report, and why (empty when none)
 */
public record FileImport(Path file, int imported, int duplicates, List<FileProblem> problems) {

    public FileImport {
        problems = List.copyOf(problems);
    }

    /**
     * A part of a file that held no readable report.
     *
     * @param where where in the file, {@link ReportPlace#FILE} for the file itself
     * @param problem why
     */
    public record FileProblem(ReportPlace where, Problem problem) {

        /** "where: why", or "why" for the file itself, in {@code locale}'s language. */
        public String text(Locale locale) {
            String why = problem.text(locale);
            return where.isFile() ? why : where.text(locale) + ": " + why;
        }
    }

    public boolean failed() {
        return !problems.isEmpty();
    }

    /** The one error line for the file: its first problem, and how many more there were. */
    public Optional<String> error(Locale locale) {
        return error(problems, locale);
    }

    /** The one error line for a file's or a message's problems (empty when there are none). */
    static Optional<String> error(List<FileProblem> problems, Locale locale) {
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String first = problems.get(0).text(locale);
        return Optional.of(problems.size() == 1 ? first
                : Messages.get(locale, "reports.import.more-problems", first, problems.size() - 1));
    }
}
