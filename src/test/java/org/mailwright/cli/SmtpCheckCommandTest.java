package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.testdns.TestDnsServer;

/**
 * {@code mailwright check --smtp} talks to the mail hosts and says what it found; without the
 * option it never connects. The mail host is 127.0.0.1, so the probe knocks on this machine's
 * port 25 and nowhere else; what it finds there depends on the machine, so only the presence of
 * an SMTP finding is asserted (the findings themselves are SmtpProbeTest's).
 */
class SmtpCheckCommandTest {

    private final TestDnsServer dns = TestDnsServer.start("""
            $ORIGIN corp.test.
            @     300 IN MX 10 mail
            mail  300 IN A  127.0.0.1
            """);

    @AfterEach
    void close() {
        dns.close();
    }

    @Test
    void smtpFindingsAppearOnlyWithTheOption() {
        CommandRun with = check("--smtp");
        CommandRun without = check();

        assertTrue(with.out().contains("\"id\":\"smtp."), with.out() + with.err());
        assertFalse(without.out().contains("\"id\":\"smtp."), without.out() + without.err());
    }

    private CommandRun check(String... more) {
        String[] args = {"check", "corp.test", "--server", dns.address().toString(), "--timeout-ms", "500",
                "--dnsbl", "dnsbl.corp.test", "--json"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CommandRun.run(all);
    }
}
