package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailwright.cli.CommandRun.run;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailwright.publish.UpdatePolicy;

/** {@code mailwright publish-policy}: the server configuration for a least-privilege key, for people and for scripts. */
class PublishPolicyCommandTest {

    private static final String[] ARGUMENTS = {"publish-policy", "--zone", "example.com", "--tsig-name", "mailwright",
        "--tsig-alg", "hmac-sha256"};

    @Test
    void withoutSoftwareItWritesForKnotBindAndPowerDnsEachExplainedThenItsTexts() {
        CommandRun run = run(ARGUMENTS);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        UpdatePolicy policy = UpdatePolicy.of("example.com", "mailwright", "hmac-sha256");
        String out = run.out();
        assertTrue(out.startsWith("Knot DNS\nKey mailwright may change only the mail records of example.com: "), out);
        assertTrue(out.contains("\n\nIn knot.conf, the key (its secret in place of the placeholder):\n" + policy.knotKeySection()
                + "\nIn knot.conf, the acl entries:\n" + policy.knotAclSection()
                + "\nIn knot.conf, in the entry of the zone example.com, beside any acl ids it has:\n" + policy.knotZoneAclLine()
                + "\nBIND 9\n"), out);
        assertTrue(out.contains("\nIn named.conf, inside the statement of the zone example.com, in place of any allow-update:\n"
                + policy.bindUpdatePolicy() + "\nPowerDNS\nPowerDNS's TSIG-ALLOW-DNSUPDATE can only allow a key the whole zone"), out);
        assertTrue(out.contains("\nSaved as /etc/powerdns/mailwright-update-policy.lua:\n" + policy.powerDnsScript()), out);
        assertTrue(out.endsWith(policy.powerDnsScript()), out);
    }

    @Test
    void softwareChoosesOneServer() {
        CommandRun run = run(append(ARGUMENTS, "--software", "BIND"));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("BIND 9\n"), run.out());
        assertFalse(run.out().contains("Knot DNS"), run.out());
        assertFalse(run.out().contains("PowerDNS"), run.out());
    }

    @Test
    void inSpanishTheExplanationsAndPlacesAreSpanishAndTheTextsTheSame() {
        CommandRun run = run(Locale.forLanguageTag("es"), append(ARGUMENTS, "--software", "knot"));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Knot DNS\nLa clave mailwright solo puede cambiar los registros de correo de example.com"),
                run.out());
        assertTrue(run.out().contains("\nEn knot.conf, las entradas acl:\n"
                + UpdatePolicy.of("example.com", "mailwright", "hmac-sha256").knotAclSection()), run.out());
    }

    @Test
    void jsonHoldsTheGrantsAndEachConfigurationsExplanationAndSnippets() {
        CommandRun run = run(append(ARGUMENTS, "--software", "knot", "--json"));

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.startsWith("{\"zone\":\"example.com\",\"key\":\"mailwright\",\"algorithm\":\"hmac-sha256\","
                + "\"grants\":[{\"owner\":\"example.com\",\"match\":\"exact\",\"types\":[\"TXT\"]},"), out);
        assertTrue(out.contains("{\"owner\":\"_domainkey.example.com\",\"match\":\"below\",\"types\":[\"TXT\",\"CNAME\"]}],"
                + "\"configurations\":[{\"software\":\"knot\",\"explanation\":\"Key mailwright may change only"), out);
        assertTrue(out.contains("\"snippets\":[{\"where\":\"In knot.conf, the key (its secret in place of the placeholder):\","
                + "\"text\":\"key:\\n  - id: mailwright\\n    algorithm: hmac-sha256\\n    secret: PASTE_THE_BASE64_SECRET_HERE\\n\"}"),
                out);
        assertTrue(out.endsWith("}]}]}\n"), out);
        assertEquals(1, out.lines().count());
    }

    @Test
    void aZoneThatCouldInjectConfigurationIsAUsageErrorInOneSentence() {
        CommandRun run = run("publish-policy", "--zone", "example.com\"; allow-update { any; }; //", "--tsig-name", "k",
                "--tsig-alg", "hmac-sha256");

        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("A zone name cannot hold \": written into a server's configuration, it could end the name and add "
                + "settings of its own. A zone name has only letters, digits, hyphens, underscores and dots. "
                + "Run 'mailwright publish-policy --help' for usage.\n", run.err());
    }

    @Test
    void aKeyNameWithALineBreakIsAUsageError() {
        CommandRun run = run("publish-policy", "--zone", "example.com", "--tsig-name", "k\nkey: x", "--tsig-alg", "hmac-sha256");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("A TSIG key name cannot hold U+000A: "), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void aWrongAlgorithmOrSoftwareIsAUsageErrorSayingWhatToUse() {
        CommandRun algorithm = run("publish-policy", "--zone", "example.com", "--tsig-name", "k", "--tsig-alg", "hmac-md5");
        assertEquals(2, algorithm.exitCode());
        assertTrue(algorithm.err().startsWith("\"hmac-md5\" is not a TSIG algorithm Mailwright signs with; use hmac-sha256, hmac-sha512."),
                algorithm.err());

        CommandRun software = run(append(ARGUMENTS, "--software", "djbdns"));
        assertEquals(2, software.exitCode());
        assertTrue(software.err().startsWith("\"djbdns\" is not a server Mailwright writes for; use knot, bind or powerdns."),
                software.err());

        CommandRun spanish = run(Locale.forLanguageTag("es"), append(ARGUMENTS, "--software", "djbdns"));
        assertTrue(spanish.err().startsWith("\"djbdns\" no es un servidor para el que escriba Mailwright"), spanish.err());
    }

    @Test
    void aMissingOptionIsAUsageError() {
        CommandRun run = run("publish-policy", "--zone", "example.com", "--tsig-name", "k");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--tsig-alg"), run.err());
    }

    @Test
    void theHelpDescribesEveryOptionInBothLanguages() {
        CommandRun english = run("publish-policy", "--help");
        assertEquals(0, english.exitCode());
        // Picocli wraps the help at 80 columns.
        String help = english.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("only the zone's mail records"), help);
        assertTrue(help.contains("The server to write for: knot, bind or powerdns"), help);
        assertTrue(help.contains("The TSIG key's name, as the server knows it"), help);

        CommandRun spanish = run(Locale.forLanguageTag("es"), "publish-policy", "--help");
        String ayuda = spanish.out().replaceAll("\\s+", " ");
        assertTrue(ayuda.contains("El servidor para el que escribir: knot, bind o powerdns"), ayuda);

        CommandRun top = run("--help");
        assertTrue(top.out().contains("publish-policy"), top.out());
    }

    private static String[] append(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
