package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailwright.DataFolder;

/** The language the command line speaks, and the data folder it and the window share. */
class GlobalOptionsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> environments() {
        return Stream.of(
                Arguments.of(Map.of(), "English"),
                Arguments.of(Map.of("LANG", "es"), "Spanish"),
                Arguments.of(Map.of("LANG", "es_ES.UTF-8"), "Spanish"),
                Arguments.of(Map.of("LANG", "es_MX"), "Spanish"),
                Arguments.of(Map.of("LANG", "es_ES@euro"), "Spanish"),
                Arguments.of(Map.of("LANG", "en_US.UTF-8"), "English"),
                Arguments.of(Map.of("LANG", "C"), "English"),
                Arguments.of(Map.of("LANG", "POSIX"), "English"),
                Arguments.of(Map.of("LANG", "de_DE.UTF-8"), "English"),
                Arguments.of(Map.of("LC_MESSAGES", "es_AR.UTF-8", "LANG", "en_GB.UTF-8"), "Spanish"),
                Arguments.of(Map.of("LC_ALL", "C", "LC_MESSAGES", "es_ES", "LANG", "es_ES"), "English"),
                Arguments.of(Map.of("LC_ALL", "es_CL.UTF-8", "LANG", "C"), "Spanish"),
                Arguments.of(Map.of("LC_ALL", "", "LC_MESSAGES", "", "LANG", "es_ES.UTF-8"), "Spanish"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("environments")
    void theLocaleVariablesChooseTheLanguageInPosixOrder(Map<String, String> environment, String language) {
        CommandRun help = run(environment, "--help");

        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith(language.equals("Spanish") ? "Uso: mailwright " : "Usage: mailwright "), help.out());
    }

    @Test
    void langOverridesTheEnvironmentWhereverItIsWritten() {
        Map<String, String> spanishUser = Map.of("LANG", "es_ES.UTF-8");

        assertTrue(run(spanishUser, "--lang", "en", "--help").out().startsWith("Usage: mailwright "));
        assertTrue(run(Map.of(), "findings", "--lang=es").out().startsWith("GRAVEDAD "));
        CommandRun badType = run(Map.of("LANG", "C"), "lookup", "XYZ", "example.test", "--lang", "ES");
        assertEquals(2, badType.exitCode());
        assertTrue(badType.err().startsWith("\"XYZ\" no es un tipo de registro"), badType.err());
        assertTrue(run(spanishUser, "--help").out().contains("--lang=en|es"), "the help lists it");
    }

    @Test
    void anUnknownLanguageIsOneSentenceInTheEnvironmentsLanguage() {
        CommandRun english = run(Map.of(), "--lang", "fr", "findings");
        CommandRun spanish = run(Map.of("LANG", "es_ES.UTF-8"), "findings", "--lang=fr");

        assertEquals(2, english.exitCode());
        assertEquals("", english.out());
        assertEquals("\"fr\" is not a language Mailwright speaks; use --lang en or --lang es.\n", english.err());
        assertEquals(2, spanish.exitCode());
        assertEquals("\"fr\" no es un idioma que Mailwright hable; use --lang en o --lang es.\n", spanish.err());
    }

    @Test
    void theWindowOpensWithNoArgumentsOrOnlyADataFolder() {
        Map<String, String> environment = Map.of(DataFolder.HOME_VARIABLE, dir.resolve("home").toString());

        assertEquals(Optional.of(dir.resolve("home")), MailwrightCommand.windowDataFolder(new String[0], environment));
        assertEquals(Optional.of(dir.resolve("chosen")),
                MailwrightCommand.windowDataFolder(new String[] {"--data-dir", dir.resolve("chosen").toString()}, environment));
        assertEquals(Optional.of(dir.resolve("chosen")),
                MailwrightCommand.windowDataFolder(new String[] {"--data-dir=" + dir.resolve("chosen")}, environment));
    }

    @Test
    void anythingElseIsTheCommandLine() {
        String folder = dir.toString();
        for (String[] args : new String[][] {
            {"--data-dir", folder, "findings"}, {"findings", "--data-dir", folder}, {"--data-dir", folder, "--help"},
            {"--data-dir", folder, "--json"}, {"--data-dir"}, {"--json"}, {"--version"}, {"lookup", "A", "example.test"}}) {
            assertEquals(Optional.empty(), MailwrightCommand.windowDataFolder(args, Map.of()), String.join(" ", args));
        }
    }

    @Test
    void everyCommandAcceptsTheDataFolder() {
        CommandRun run = run("--data-dir", dir.toString(), "explain", "spf.missing", "--data-dir", dir.toString());

        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void aDataFolderThatIsAFileIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.txt"), "not a folder");

        assertEquals(Optional.empty(), MailwrightCommand.windowDataFolder(new String[] {"--data-dir", file.toString()}, Map.of()));
        CommandRun run = run("--data-dir", file.toString());
        assertEquals(2, run.exitCode());
        assertEquals(file + " is a file, so it cannot be Mailwright's data folder; give a folder. "
                + "Run 'mailwright --help' for usage.\n", run.err());
    }

    @Test
    void anEmptyDataFolderIsAUsageError() {
        CommandRun run = run("--data-dir", " ");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("\" \" is not a folder path on this system; give --data-dir a folder."), run.err());
    }
}
