package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.findings.FindingCatalogue;
import org.mailwright.findings.FindingCatalogue.Part;
import org.mailwright.findings.FindingRegistry;
import org.mailwright.findings.FindingType;
import org.mailwright.findings.SpfFinding;
import org.mailwright.testdns.TestDnsServer;
import org.yaml.snakeyaml.Yaml;

/**
 * The findings as the command line shows them: the catalogue ({@code findings}), one entry
 * ({@code explain}), and the one shape every command's findings take.
 */
class FindingsCommandTest {

    private static final List<String> FINDING_KEYS = List.of("id", "severity", "message", "why", "fix");
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @TempDir
    Path dir;

    private TestDnsServer dns;

    @AfterEach
    void stopServer() {
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void findingsListsTheWholeCatalogueAsATable() {
        CommandRun run = run("findings");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("SEVERITY +ID +MESSAGE"), lines.get(0));
        assertEquals(FindingRegistry.all().size() + 1, lines.size(), run.out());
        // Columns as wide as their widest entry: SEVERITY, then the longest id.
        assertTrue(lines.contains("ERROR     spf.too-many-lookups" + " ".repeat(idWidth() - "spf.too-many-lookups".length())
                + "  The record needs ‹lookups› DNS lookups; receivers stop at ‹limit› (‹lookups›/‹limit›): ‹breakdown›."),
                run.out());
        for (FindingType type : FindingRegistry.all()) {
            assertTrue(run.out().contains(" " + type.id() + " "), type.id());
        }
    }

    @Test
    void findingsAsJsonHaveBothLanguagesAndTheArgumentNames() {
        List<Map<String, Object>> english = parse(run("findings", "--json").out());
        List<Map<String, Object>> spanish = parse(run(SPANISH, "findings", "--json").out());

        assertEquals(FindingRegistry.all().stream().map(FindingType::id).toList(), english.stream().map(e -> e.get("id")).toList());
        Map<String, Object> lookups = english.stream().filter(e -> e.get("id").equals("spf.too-many-lookups")).findFirst().orElseThrow();
        assertEquals(List.of("id", "severity", "arguments", "message", "why", "fix", "es"), List.copyOf(lookups.keySet()));
        assertEquals("error", lookups.get("severity"));
        assertEquals(List.of("lookups", "limit", "breakdown"), lookups.get("arguments"));
        assertEquals(template(SpfFinding.TOO_MANY_LOOKUPS, Locale.ENGLISH, Part.FIX), lookups.get("fix"));
        assertEquals(Map.of("message", template(SpfFinding.TOO_MANY_LOOKUPS, SPANISH, Part.MESSAGE),
                "why", template(SpfFinding.TOO_MANY_LOOKUPS, SPANISH, Part.WHY),
                "fix", template(SpfFinding.TOO_MANY_LOOKUPS, SPANISH, Part.FIX)), lookups.get("es"));

        Map<String, Object> inSpanish = spanish.stream().filter(e -> e.get("id").equals("spf.too-many-lookups")).findFirst().orElseThrow();
        assertEquals(List.of("id", "severity", "arguments", "message", "why", "fix", "en"), List.copyOf(inSpanish.keySet()),
                "the nested object is the other language");
        assertEquals(lookups.get("es"), Map.of("message", inSpanish.get("message"), "why", inSpanish.get("why"), "fix", inSpanish.get("fix")));
    }

    @Test
    void explainPrintsOneFindingForPeopleAndForScripts() {
        CommandRun human = run("explain", "spf.too-many-lookups");
        CommandRun json = run("explain", "SPF.Too-Many-Lookups", "--json");

        assertEquals(0, human.exitCode(), human.err());
        assertEquals("ERROR   spf.too-many-lookups\n"
                + "        " + template(SpfFinding.TOO_MANY_LOOKUPS, Locale.ENGLISH, Part.MESSAGE) + "\n"
                + "        Why: " + template(SpfFinding.TOO_MANY_LOOKUPS, Locale.ENGLISH, Part.WHY) + "\n"
                + "        Fix: " + template(SpfFinding.TOO_MANY_LOOKUPS, Locale.ENGLISH, Part.FIX) + "\n", human.out());
        assertEquals(0, json.exitCode(), json.err());
        Map<String, Object> entry = new Yaml().load(json.out());
        assertEquals(FINDING_KEYS, List.copyOf(entry.keySet()));
        assertEquals("spf.too-many-lookups", entry.get("id"));
        assertEquals(template(SpfFinding.TOO_MANY_LOOKUPS, Locale.ENGLISH, Part.WHY), entry.get("why"));

        CommandRun spanish = run(SPANISH, "explain", "spf.too-many-lookups");
        assertTrue(spanish.out().contains("\n         Por qué: "), spanish.out());
    }

    @Test
    void anUnknownIdIsAUsageErrorThatSuggestsTheCloseOnes() {
        CommandRun typo = run("explain", "spf.too-many-lookup");
        CommandRun withoutArea = run("explain", "multiple-records");
        CommandRun far = run("explain", "nonsense");

        assertEquals(2, typo.exitCode());
        assertEquals("", typo.out());
        assertEquals("No finding has the id \"spf.too-many-lookup\" (did you mean spf.too-many-lookups?); "
                + "run 'mailwright findings' to list them all.\n", typo.err());
        assertTrue(withoutArea.err().contains("(did you mean spf.multiple-records, dkim.multiple-records, "
                + "dmarc.multiple-records?)"), withoutArea.err());
        assertEquals(2, far.exitCode());
        assertEquals("No finding has the id \"nonsense\"; run 'mailwright findings' to list them all.\n", far.err());
        assertTrue(run(SPANISH, "explain", "nonsense").err().startsWith("Ningún hallazgo tiene el identificador \"nonsense\""));
    }

    @Test
    void everyCommandGivesFindingsTheSameShape() throws Exception {
        dns = TestDnsServer.start("""
                $ORIGIN corp.test.
                @       300 IN SOA ns1 hostmaster 1 3600 600 86400 60
                @       300 IN NS  ns1
                ns1     300 IN A   127.0.0.1
                @       300 IN TXT "v=spf1 +all"
                _dmarc  300 IN TXT "v=DMARC1; p=none"
                """);
        String server = dns.address().toString();
        run("dkim", "keygen", "--domain", "corp.test", "--selector", "s1", "--out", dir.toString());

        List<List<Map<String, Object>>> findings = List.of(
                findings(run("spf", "lint", "corp.test", "--server", server, "--json")),
                findings(run("dmarc", "lint", "corp.test", "--server", server, "--json")),
                findings(run("dmarc", "build", "--p", "none", "--json")),
                findings(run("dkim", "test", "--domain", "corp.test", "--selector", "s1", "--key",
                        dir.resolve("s1.private").toString(), "--server", server, "--ns-port", String.valueOf(dns.port()), "--json")));

        for (List<Map<String, Object>> each : findings) {
            assertTrue(!each.isEmpty(), findings.toString());
            for (Map<String, Object> finding : each) {
                assertEquals(FINDING_KEYS, List.copyOf(finding.keySet()), finding.toString());
                FindingType type = FindingRegistry.byId((String) finding.get("id")).orElseThrow();
                assertEquals(type.severity().jsonName(), finding.get("severity"));
                assertTrue(((String) finding.get("why")).length() > 20 && ((String) finding.get("fix")).length() > 10, finding.toString());
            }
        }
    }

    private static List<Map<String, Object>> findings(CommandRun run) {
        Map<String, Object> json = new Yaml().load(run.out());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) json.get("findings");
        return findings;
    }

    private static List<Map<String, Object>> parse(String json) {
        return new Yaml().load(json);
    }

    private static String template(FindingType type, Locale locale, Part part) {
        return FindingCatalogue.template(type, locale, part);
    }

    private static int idWidth() {
        return FindingRegistry.all().stream().mapToInt(type -> type.id().length()).max().orElseThrow();
    }
}
