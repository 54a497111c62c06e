package org.mailwright.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mailwright.findings.FindingRegistry;
import org.mailwright.findings.FindingType;
import org.mailwright.json.Json;
import picocli.CommandLine.Command;

/**
 * {@code mailwright findings}: every finding any command or page can report, with its id and
 * severity, so scripts can know them all in advance and people can look one up.
 */
@Command(name = "findings", sortOptions = false)
final class FindingsCommand extends Subcommand {

    @Override
    public Integer call() {
        if (options().json()) {
            Locale own = texts().locale();
            Locale other = own.getLanguage().equals(CliLanguage.SPANISH.getLanguage()) ? CliLanguage.ENGLISH : CliLanguage.SPANISH;
            out().println(Json.write(FindingRegistry.all().stream().map(type -> entry(type, own, other)).toList()));
        } else {
            printTable();
        }
        return ExitCode.OK;
    }

    /**
     * {@code {"id","severity","arguments","message","why","fix", OTHER:{"message","why","fix"}}}: the
     * words in the command line's language, then in the other one under its language code.
     */
    private static Map<String, Object> entry(FindingType type, Locale own, Locale other) {
        FindingText words = FindingText.template(type, own);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", words.id());
        json.put("severity", words.severity().jsonName());
        json.put("arguments", type.argumentNames());
        json.putAll(words.words());
        json.put(other.getLanguage(), FindingText.template(type, other).words());
        return json;
    }

    private void printTable() {
        String severityHeading = texts().get("cli.findings.column.severity");
        String idHeading = texts().get("cli.findings.column.id");
        int severityWidth = Math.max(FindingText.severityWidth(texts()), severityHeading.length());
        int idWidth = Math.max(idHeading.length(),
                FindingRegistry.all().stream().mapToInt(type -> type.id().length()).max().orElse(0));
        out().println(FindingText.pad(severityHeading, severityWidth) + "  " + FindingText.pad(idHeading, idWidth)
                + "  " + texts().get("cli.findings.column.message"));
        for (FindingType type : FindingRegistry.all()) {
            FindingText words = FindingText.template(type, texts().locale());
            out().println(FindingText.pad(FindingText.severityWord(type.severity(), texts()), severityWidth) + "  "
                    + FindingText.pad(type.id(), idWidth) + "  " + words.message());
        }
    }
}
