package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailwright.testdns.TestDnsServer;

/** {@code mailwright check}: the contract of its output, its batch and its history, against a server on loopback. */
class CheckCommandTest {

    private static final String GOOD = dkimKey() + """
            $ORIGIN good.test.
            @        SOA   ns1 hostmaster 2026120601 3600 600 86400 300
            @        NS    ns1
            @        NS    ns2
            ns1      A     127.0.0.1
            ns2      A     127.0.0.1
            @        MX    10 mail
            mail     A     192.0.2.25
            @        TXT   "v=spf1 mx -all"
            _dmarc   TXT   "v=DMARC1; p=reject; rua=mailto:dmarc@good.test"
            """;
    private static final String BAD = """
            $ORIGIN bad.test.
            @        SOA   ns1 hostmaster 2026120601 3600 600 86400 300
            @        NS    ns1
            ns1      A     127.0.0.1
            @        MX    10 192.0.2.7.
            @        TXT   "v=spf1 mx -all"
            """;
    private static final String REVERSE = "$ORIGIN 2.0.192.in-addr.arpa.\n25 PTR mail.good.test.\n";

    private static final String CUSTOM = dkimKey().replace("good.test", "custom.test").replace("s1._domainkey", "brand7._domainkey")
            + dkimKey().replace("good.test", "custom.test").replace("s1._domainkey", "rpt9._domainkey")
            + dkimKey().replace("good.test", "custom.test").replace("s1._domainkey", "made3._domainkey");
    private final TestDnsServer dns = TestDnsServer.start(GOOD, BAD, REVERSE, CUSTOM);
    @TempDir
    Path data;

    @AfterEach
    void close() {
        dns.close();
    }

    /** A 2048-bit key at s1._domainkey, so the good domain has DKIM too. */
    private static String dkimKey() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String key = java.util.Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
            return "$ORIGIN good.test.\ns1._domainkey TXT ( \"v=DKIM1; p=" + key.substring(0, 200) + "\" \"" + key.substring(200)
                    + "\" )\n";
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private CommandRun check(String... arguments) {
        List<String> all = new java.util.ArrayList<>(List.of("check", "--server", dns.address().toString(), "--ns-port",
                Integer.toString(dns.port()), "--dnsbl", "bl.good.test", "--data-dir", data.toString()));
        all.addAll(List.of(arguments));
        return run(all.toArray(String[]::new));
    }

    @Test
    void jsonIsOneObjectPerDomainWithTheNamedFields() {
        CommandRun run = check("good.test", "--json");

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.size(), run.out());
        String json = lines.get(0);
        assertTrue(json.startsWith("{\"domain\":\"good.test\",\"grade\":\""), json);
        assertTrue(Pattern.compile("\"score\":\\d+").matcher(json).find(), json);
        assertTrue(json.contains("\"findings\":[{\"id\":\""), json);
        for (String field : List.of("\"severity\":", "\"message\":", "\"why\":", "\"fix\":", "\"areas\":{\"ns\":{\"grade\":")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
        assertFalse(json.contains("\"severity\":\"error\"") || json.contains("\"severity\":\"warning\""), json);
    }

    @Test
    void aDomainWithAnErrorExitsWithOneAndTheBatchKeepsInputOrder() throws IOException {
        Path file = data.resolve("domains.txt");
        Files.writeString(file, "# providers' customers\nbad.test\n\nnot a domain!\ngood.test\n");

        CommandRun run = check("--file", file.toString(), "--json", "--concurrency", "2");

        assertEquals(ExitCode.FAILED, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("{\"domain\":\"bad.test\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"id\":\"mx.target-ip-literal\",\"severity\":\"error\""), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"domain\":\"not a domain!\",\"error\":"), lines.get(1));
        assertTrue(lines.get(2).startsWith("{\"domain\":\"good.test\""), lines.get(2));
    }

    @Test
    void shardsSplitTheDomainsWithoutOverlap() {
        String[] domains = {"good.test", "bad.test", "good.test", "bad.test", "good.test"};
        String first = check(concat(domains, "--shard", "1/2", "--json")).out();
        String second = check(concat(domains, "--shard", "2/2", "--json")).out();

        assertEquals(3, first.lines().count());
        assertEquals(2, second.lines().count());
        assertTrue(second.lines().allMatch(line -> line.startsWith("{\"domain\":\"bad.test\"")), second);
        assertEquals(ExitCode.USAGE, check("good.test", "--shard", "3/2").exitCode());
    }

    @Test
    void csvHasAHeaderAndARowPerDomain() {
        CommandRun run = check("good.test", "bad.test", "--csv");

        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("domain,grade,score,ns,mx,spf,dkim,dmarc,"), lines.get(0));
        assertTrue(lines.get(2).startsWith("bad.test,"), lines.get(2));
        assertTrue(lines.get(2).contains("mx.target-ip-literal"), lines.get(2));
        assertEquals(ExitCode.USAGE, check("good.test", "--csv", "--json").exitCode());
    }

    @Test
    void theSecondCheckSaysWhatChangedSinceTheFirst() {
        check("good.test", "--json");
        dns.replaceZones(GOOD.replace("v=DMARC1; p=reject;", "v=DMARC1; p=none;"), BAD, REVERSE);

        CommandRun run = check("good.test", "--json", "--since-last");

        Matcher changes = Pattern.compile("\"changes\":\\{\"since\":\"[^\"]+\",\"new\":\\[(.*)],\"fixed\":\\[(.*)]}").matcher(run.out());
        assertTrue(changes.find(), run.out());
        assertTrue(changes.group(1).contains("\"id\":\"dmarc.policy-none\""), changes.group(1));
        assertTrue(Files.exists(data.resolve("checks").resolve("good.test.jsonl")));
    }

    @Test
    void aSelectorFoundOnceIsTriedAgainWithoutBeingGiven() {
        assertTrue(check("custom.test", "--json").out().contains("\"id\":\"dkim.missing\""));
        assertTrue(check("custom.test", "--json", "--selectors", "brand7").out().contains("brand7._domainkey.custom.test"));

        String again = check("custom.test", "--json").out();

        assertTrue(again.contains("A DKIM key is published at brand7._domainkey.custom.test"), again);
    }

    @Test
    void theSelectorOfAKeyMadeHereIsTried() {
        CommandRun keygen = run("dkim", "keygen", "--domain", "custom.test", "--selector", "made3", "--out",
                data.resolve("keys").toString(), "--data-dir", data.toString());
        assertEquals(ExitCode.OK, keygen.exitCode(), keygen.err());

        String checked = check("custom.test", "--json").out();

        assertTrue(checked.contains("A DKIM key is published at made3._domainkey.custom.test"), checked);
    }

    @Test
    void selectorsSeenInDmarcReportsAreTried() throws IOException {
        Path report = data.resolve("report.xml");
        Files.writeString(report, """
                <?xml version="1.0"?>
                <feedback>
                  <report_metadata><org_name>receiver.test</org_name><email>r@receiver.test</email>
                    <report_id>r-1</report_id><date_range><begin>1764979200</begin><end>1765065600</end></date_range></report_metadata>
                  <policy_published><domain>custom.test</domain><p>none</p></policy_published>
                  <record><row><source_ip>192.0.2.25</source_ip><count>3</count>
                    <policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>fail</spf></policy_evaluated></row>
                    <identifiers><header_from>custom.test</header_from></identifiers>
                    <auth_results><dkim><domain>custom.test</domain><selector>rpt9</selector><result>pass</result></dkim>
                      <spf><domain>custom.test</domain><result>fail</result></spf></auth_results></record>
                </feedback>
                """);
        assertEquals(ExitCode.OK, run("reports", "import", report.toString(), "--data-dir", data.toString()).exitCode());

        String checked = check("custom.test", "--json").out();

        assertTrue(checked.contains("A DKIM key is published at rpt9._domainkey.custom.test"), checked);
    }

    @Test
    void aBatchTriesTheSelectorsSeenInDmarcReportsToo() throws IOException {
        Path report = data.resolve("report.xml");
        Files.writeString(report, org.mailwright.reports.SampleReports.xml("r-1", "custom.test", java.time.LocalDate.of(2025, 12, 6),
                org.mailwright.reports.SampleReports.record("192.0.2.25", 3, "none", List.of("custom.test/rpt9/pass"), List.of())));
        assertEquals(ExitCode.OK, run("reports", "import", report.toString(), "--data-dir", data.toString()).exitCode());
        Path file = data.resolve("domains.txt");
        Files.writeString(file, "good.test\ncustom.test\n");

        // From the second domain on, every domain's reported selectors are read in one pass.
        String batch = check("--file", file.toString(), "--json", "--concurrency", "1").out();

        assertTrue(batch.lines().toList().get(1).contains("A DKIM key is published at rpt9._domainkey.custom.test"), batch);
    }

    @Test
    void theDmarcAreaSaysWhatTheReportsSayOfReadiness() throws IOException {
        long first = java.time.Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
        for (int day : new int[] {0, 14}) {
            Files.writeString(data.resolve("r" + day + ".xml"), org.mailwright.reports.SampleReports.xml("google.com", "g-" + day,
                    "good.test", first + day * 86_400L, List.of(org.mailwright.reports.SampleReports.row("192.0.2.25", 100, "pass", "pass"))));
        }
        assertEquals(ExitCode.OK, run("reports", "import", data.resolve("r0.xml").toString(), data.resolve("r14.xml").toString(),
                "--data-dir", data.toString()).exitCode());

        String checked = check("good.test", "--json").out();

        assertTrue(checked.contains("\"id\":\"reports.ready-for-next-stage\",\"severity\":\"pass\""), checked);
        assertTrue(checked.contains("\"dmarc\":{\"grade\":\"A\",\"score\":100,\"costs\":[{\"id\":\"reports.ready-for-next-stage\""),
                checked);
    }

    @Test
    void aFixedFindingIsSaidInTheUsersLanguage() {
        dns.replaceZones(GOOD.replace("v=DMARC1; p=reject;", "v=DMARC1; p=none;"), BAD, REVERSE, CUSTOM);
        check("good.test", "--json");
        dns.replaceZones(GOOD, BAD, REVERSE, CUSTOM);

        CommandRun run = run(Locale.forLanguageTag("es"), "check", "good.test", "--since-last", "--server", dns.address().toString(),
                "--ns-port", Integer.toString(dns.port()), "--dnsbl", "bl.good.test", "--data-dir", data.toString());

        assertTrue(run.out().contains("  - warning dmarc.policy-none: La política vigente es p=none"), run.out());
    }

    @Test
    void theScorecardIsInTheUsersLanguage() {
        CommandRun run = run(Locale.forLanguageTag("es"), "check", "bad.test", "--server", dns.address().toString(), "--ns-port",
                Integer.toString(dns.port()), "--dnsbl", "bl.good.test", "--data-dir", data.toString());

        assertTrue(run.out().contains("bad.test: nota "), run.out());
        assertTrue(run.out().contains("Servidores de correo"), run.out());
        assertTrue(run.out().contains("El registro MX nombra una dirección"), run.out());
    }

    @Test
    void nothingToCheckIsAUsageError() {
        CommandRun run = check();

        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("Give at least one domain"), run.err());
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more)).toArray(String[]::new);
    }
}
