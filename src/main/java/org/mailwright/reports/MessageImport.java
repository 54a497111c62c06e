package org.mailwright.reports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What importing one mail message did: {@link FileImport} for a message that was never a file.
 *
 * @param source where the message came from (an {@code imaps://} address of the message)
 * @param imported reports (aggregate and failure) newly archived from it
 * @param duplicates reports in it that were archived before
 * @param problems each part that held no readable report, and why (empty when none)
 */
public record MessageImport(String source, int imported, int duplicates, List<FileImport.FileProblem> problems) {

    public MessageImport {
        problems = List.copyOf(problems);
    }

    public boolean failed() {
        return !problems.isEmpty();
    }

    /** The one error line for the message: its first problem, and how many more there were. */
    public Optional<String> error(Locale locale) {
        return FileImport.error(problems, locale);
    }
}
