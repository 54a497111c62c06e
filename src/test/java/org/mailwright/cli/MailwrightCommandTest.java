package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailwright.testdns.TestDnsServer;

/** The command line end to end: arguments in, text and exit code out, DNS from the test server. */
class MailwrightCommandTest {

    private static final String ZONE = """
            $ORIGIN example.test.
            $TTL 300
            ; "a\\195\\177o" is "año" in UTF-8, as it travels (dnsjava reads zone text byte by byte)
            @              IN SOA   ns1 hostmaster 2026010101 3600 600 86400 120
            @              IN NS    ns1
            @              IN MX    10 mail
            ns1            IN A     192.0.2.53
            mail           IN A     192.0.2.25
            _dmarc         IN TXT   "v=DMARC1; p=none; " "rua=mailto:dmarc@example.test"
            quoted         IN TXT   "say \\"hi\\"" "a\\195\\177o"
            www        200 IN CNAME mail
            """;

    private final TestDnsServer dns = TestDnsServer.start(ZONE);

    @AfterEach
    void stopServer() {
        dns.close();
    }

    @Test
    void txtAsJsonIsOneObjectWithTheStringsJoined() {
        CommandRun run = run("lookup", "TXT", "_dmarc.example.test", "--server", server(), "--json");
        assertEquals(0, run.exitCode());
        assertEquals("{\"name\":\"_dmarc.example.test\",\"type\":\"TXT\",\"status\":\"ok\","
                + "\"records\":[\"v=DMARC1; p=none; rua=mailto:dmarc@example.test\"],\"ttl\":300,"
                + "\"server\":\"" + server() + "\",\"message\":\"" + server()
                + " answered with one TXT record for _dmarc.example.test.\"}\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void jsonKeepsQuotesEscapedAndNonAsciiAsUtf8() {
        CommandRun run = run("--json", "lookup", "txt", "quoted.example.test", "--server", server());
        assertTrue(run.out().startsWith("{\"name\":\"quoted.example.test\",\"type\":\"TXT\",\"status\":\"ok\","
                + "\"records\":[\"say \\\"hi\\\"año\"],"), run.out());
    }

    @Test
    void humanOutputListsRecordsLikeDigWithEachTxtStringQuoted() {
        CommandRun run = run("lookup", "TXT", "_dmarc.example.test", "--server", server());
        assertEquals(0, run.exitCode());
        assertEquals("""
                _dmarc.example.test.  300  IN  TXT  "v=DMARC1; p=none; " "rua=mailto:dmarc@example.test"

                %s answered with one TXT record for _dmarc.example.test.
                """.formatted(server()), run.out());
    }

    @Test
    void humanOutputShowsTheAliasesFollowedAndEscapesQuotes() {
        CommandRun www = run("lookup", "A", "www.example.test", "--server", server());
        assertEquals("""
                www.example.test.   200  IN  CNAME  mail.example.test.
                mail.example.test.  300  IN  A      192.0.2.25
                """, www.out().substring(0, www.out().indexOf("\n\n") + 1));
        CommandRun quoted = run("lookup", "TXT", "quoted.example.test", "--server", server());
        assertTrue(quoted.out().startsWith("quoted.example.test.  300  IN  TXT  \"say \\\"hi\\\"\" \"año\"\n"),
                quoted.out());
    }

    @Test
    void nxdomainIsAnAnswerWithTheNegativeTtl() {
        CommandRun json = run("lookup", "A", "nope.example.test", "--server", server(), "--json");
        assertEquals(0, json.exitCode());
        assertTrue(json.out().startsWith("{\"name\":\"nope.example.test\",\"type\":\"A\",\"status\":\"nxdomain\","
                + "\"records\":[],\"ttl\":120,"), json.out());
        CommandRun human = run("lookup", "A", "nope.example.test", "--server", server());
        assertEquals(0, human.exitCode());
        assertEquals("nope.example.test does not exist (NXDOMAIN from " + server()
                + "). Check the spelling, or publish the record if it should be there.\n", human.out());
        assertEquals("", human.err());
    }

    @Test
    void nodataIsAnAnswer() {
        CommandRun run = run("lookup", "MX", "mail.example.test", "--server", server(), "--json");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("{\"name\":\"mail.example.test\",\"type\":\"MX\",\"status\":\"nodata\","
                + "\"records\":[],\"ttl\":120,"), run.out());
    }

    @Test
    void servfailAndRefusedAreAnswersWithoutTtl() {
        CommandRun refused = run("lookup", "A", "example.org", "--server", server(), "--json");
        assertEquals(0, refused.exitCode());
        assertTrue(refused.out().startsWith("{\"name\":\"example.org\",\"type\":\"A\",\"status\":\"refused\","
                + "\"records\":[],\"ttl\":null,"), refused.out());

        dns.setBehaviour(TestDnsServer.Behaviour.SERVFAIL);
        CommandRun servfail = run("lookup", "A", "mail.example.test", "--server", server());
        assertEquals(0, servfail.exitCode());
        assertTrue(servfail.out().contains("(SERVFAIL)"), servfail.out());
    }

    @Test
    void timeoutIsExitOneWithOneLineOnStderr() {
        dns.setBehaviour(TestDnsServer.Behaviour.SILENT);
        CommandRun run = run("lookup", "A", "mail.example.test", "--server", server(), "--timeout-ms", "150", "--retries", "0");
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("No answer from " + server() + " for mail.example.test A: no answer within 150 ms"),
                run.err());
    }

    @Test
    void timeoutWithJsonStillPrintsTheObject() {
        dns.setBehaviour(TestDnsServer.Behaviour.SILENT);
        CommandRun run = run("--json", "--timeout-ms", "150", "--retries", "0", "lookup", "A", "mail.example.test",
                "--server", server());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith("{\"name\":\"mail.example.test\",\"type\":\"A\",\"status\":\"timeout\","
                + "\"records\":[],\"ttl\":null,\"server\":\"" + server() + "\",\"message\":\"No answer"), run.out());
        assertEquals(1, run.out().lines().count());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {"lookup", "XYZ", "example.test"},
                        "\"XYZ\" is not a record type Mailwright looks up; use one of A, AAAA, MX, TXT, CNAME, NS, SOA, PTR, CAA, TLSA."),
                Arguments.of(new String[] {"lookup", "A", "example.test", "--server", "127.0.0.1:99999"},
                        "Port 99999 in \"127.0.0.1:99999\" is not between 1 and 65535."),
                Arguments.of(new String[] {"lookup", "A", "example.test", "--server", "dns server!"},
                        "\"dns server!\" is not a server address;"),
                Arguments.of(new String[] {"lookup", "A", "example.test", "--server", "300.1.2.3"},
                        "\"300.1.2.3\" is not a server address;"),
                Arguments.of(new String[] {"lookup", "A", "exa..mple.test", "--server", "127.0.0.1"},
                        "\"exa..mple.test\" is not a valid domain name"),
                Arguments.of(new String[] {"lookup", "A"}, "Missing required parameter: 'NAME'."),
                Arguments.of(new String[] {"lookup", "A", "example.test", "--timeout-ms", "soon"},
                        "Invalid value for option '--timeout-ms': 'soon' is not an int."),
                Arguments.of(new String[] {"lookup", "A", "example.test", "--timeout-ms", "0"},
                        "--timeout-ms must be at least 1 millisecond, not 0."),
                Arguments.of(new String[] {"lookup", "A", "example.test", "--retries", "-1"},
                        "--retries cannot be negative (-1)."),
                Arguments.of(new String[] {"--jsno", "lookup", "A", "example.test"}, "Unknown option: '--jsno'."),
                Arguments.of(new String[] {"--json"}, "Name a command, for example: mailwright lookup TXT _dmarc.example.com."),
                Arguments.of(new String[] {"resolve", "A", "example.test"}, "Unmatched arguments"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void usageErrorsExitTwoWithOneLineAndAHint(String[] args, String expectedStart) {
        CommandRun run = run(args);
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(expectedStart), run.err());
        assertTrue(run.err().stripTrailing().endsWith("--help' for usage."), run.err());
    }

    static Stream<Arguments> usageErrorsInSpanish() {
        return Stream.of(
                Arguments.of(new String[] {"lookup", "A"}, "Falta el argumento obligatorio 'NAME'."),
                Arguments.of(new String[] {"dmarc", "build"}, "Falta la opción obligatoria '--p=POLICY'."),
                Arguments.of(new String[] {"reports", "import", "--db"}, "Falta el valor de '--db'."),
                Arguments.of(new String[] {"lookup", "A", "example.test", "--timeout-ms", "soon"},
                        "Valor no válido para '--timeout-ms': 'soon'. Indique un número entero."),
                Arguments.of(new String[] {"--jsno", "lookup", "A", "example.test"}, "Opción desconocida: '--jsno'. ¿Quería decir '--json'?"),
                Arguments.of(new String[] {"dmark", "lint", "example.test"},
                        "Argumentos que esta orden no admite: 'dmark', 'lint', 'example.test'. ¿Quería decir 'dmarc'?"));
    }

    /** Picocli says its parse errors in English only; the Spanish command line says them itself. */
    @ParameterizedTest
    @MethodSource("usageErrorsInSpanish")
    void usageErrorsAreSaidInTheUsersLanguage(String[] args, String expectedStart) {
        CommandRun run = run(Locale.forLanguageTag("es"), args);
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(expectedStart), run.err());
        assertTrue(run.err().stripTrailing().endsWith("para ver el uso."), run.err());
    }

    /**
     * The examples in every command's help (a JSON object, a command to copy) fit an 80-column
     * terminal line by line: picocli breaks a longer line wherever it must, inside a JSON value or
     * a command's argument, where prose it wraps between words.
     */
    @Test
    void everyHelpExampleFitsEightyColumns() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
            java.util.ResourceBundle help = java.util.ResourceBundle.getBundle("org.mailwright.i18n.messages", language);
            List<String> footers = help.keySet().stream().filter(key -> key.endsWith(".usage.footer")).toList();
            assertTrue(footers.size() > 15, "the commands' footers: " + footers.size());
            for (String key : footers) {
                for (String line : String.format(help.getString(key)).lines().toList()) {
                    boolean example = line.startsWith("  ") && (line.contains("{") || line.contains("\"")
                            || line.strip().startsWith("mailwright ") || line.strip().startsWith("--"));
                    assertTrue(!example || line.length() <= 80, key + " (" + language + "): " + line);
                }
            }
        }
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        CommandRun after = run("lookup", "TXT", "_dmarc.example.test", "--server", server(), "--json");
        CommandRun before = run("--json", "--server", server(), "lookup", "TXT", "_dmarc.example.test");
        assertEquals(0, before.exitCode());
        assertEquals(after.out(), before.out());
    }

    @Test
    void serversGivenBeforeAndAfterTheCommandAreTriedInOrder() {
        try (TestDnsServer silent = TestDnsServer.start(ZONE)) {
            silent.setBehaviour(TestDnsServer.Behaviour.SILENT);
            CommandRun run = run("--server", silent.address().toString(), "--timeout-ms", "150", "--retries", "0",
                    "lookup", "MX", "example.test", "--server", server(), "--json");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("\"records\":[\"10 mail.example.test.\"]"), run.out());
            assertTrue(run.out().contains("\"server\":\"" + server() + "\""), run.out());
            assertEquals(1, silent.udpQueries());

            CommandRun commaSeparated = run("lookup", "MX", "example.test", "--timeout-ms", "150", "--retries", "0",
                    "--server", silent.address() + "," + server());
            assertEquals(0, commaSeparated.exitCode(), commaSeparated.err());
            assertEquals(2, silent.udpQueries());
        }
    }

    @Test
    void versionIsTheBuildsVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/mailwright/version.properties")) {
            build.load(in);
        }
        assertTrue(build.getProperty("version").matches("\\d+\\.\\d+\\.\\d+.*"), build.toString());
        for (String[] args : new String[][] {{"--version"}, {"-V"}, {"lookup", "--version"}}) {
            CommandRun run = run(args);
            assertEquals(0, run.exitCode());
            assertEquals("Mailwright " + build.getProperty("version") + "\n", run.out());
        }
    }

    @Test
    void helpSaysWhatMailwrightIsItsCommandsAndExitCodes() {
        CommandRun run = run("--help");
        assertEquals(0, run.exitCode());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("Usage: mailwright "), run.out());
        assertTrue(run.out().contains("SPF, DKIM and DMARC"), run.out());
        assertTrue(run.out().matches("(?s).*\n  lookup +Look up one record type at a name.*"), run.out());
        assertTrue(run.out().contains("--server=HOST[:PORT]"), run.out());
        assertTrue(run.out().contains("Exit codes:\n  0 "), run.out());

        CommandRun lookup = run("lookup", "--help");
        assertEquals(0, lookup.exitCode());
        assertTrue(lookup.out().contains("Usage: mailwright lookup [-hV] [--json]"), lookup.out());
        assertTrue(lookup.out().contains("TYPE NAME"), lookup.out());
    }

    @Test
    void onlyTheCommandsTheArgumentsNameAreBuiltAndAllOfThemWhenNoneIs() {
        assertEquals(List.of(DkimCommand.class),
                MailwrightCommand.commandsFor(new String[] {"--server", "127.0.0.1", "dkim", "keygen", "--domain", "example.test"}));
        // A command's name as an option's value adds that command too, and leaves out none that runs.
        assertEquals(List.of(SpfCommand.class, DkimCommand.class),
                MailwrightCommand.commandsFor(new String[] {"dkim", "keygen", "--selector", "spf"}));
        assertEquals(12, MailwrightCommand.commandsFor(new String[] {"--help"}).size());
        assertEquals(12, MailwrightCommand.commandsFor(new String[] {"dkm", "keygen"}).size());

        CommandRun mistyped = run("dmark", "lint", "example.test");
        assertEquals(2, mistyped.exitCode());
        assertTrue(mistyped.err().startsWith("Unmatched arguments from index 0: 'dmark', 'lint', 'example.test'. Did you mean 'dmarc'?"),
                mistyped.err());
        CommandRun spanishHelp = run(Locale.forLanguageTag("es"), "dkim", "keygen", "--help");
        assertTrue(spanishHelp.out().contains("Uso: mailwright dkim keygen"), spanishHelp.out());
    }

    @Test
    void speaksSpanish() {
        CommandRun help = run(Locale.forLanguageTag("es"), "--help");
        assertTrue(help.out().startsWith("Uso: mailwright "), help.out());
        assertTrue(help.out().contains("Códigos de salida:"), help.out());

        CommandRun nxdomain = run(Locale.forLanguageTag("es"), "lookup", "A", "nope.example.test", "--server", server());
        assertTrue(nxdomain.out().startsWith("nope.example.test no existe"), nxdomain.out());
        CommandRun json = run(Locale.forLanguageTag("es"), "lookup", "A", "nope.example.test", "--server", server(), "--json");
        assertTrue(json.out().contains("\"message\":\"nope.example.test does not exist"), "JSON stays English: " + json.out());

        CommandRun badType = run(Locale.forLanguageTag("es"), "lookup", "XYZ", "example.test");
        assertTrue(badType.err().startsWith("\"XYZ\" no es un tipo de registro"), badType.err());
        assertTrue(badType.err().stripTrailing().endsWith("Ejecute 'mailwright lookup --help' para ver el uso."),
                badType.err());
    }

    private String server() {
        return dns.address().toString();
    }
}
