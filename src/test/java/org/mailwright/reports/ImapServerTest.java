package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailwright.i18n.ProblemException;

/** {@code --imap HOST[:PORT]}: IMAPS's port unless another is given, IPv6 in brackets or bare. */
class ImapServerTest {

    @Test
    void aHostAloneIsItsImapsPort() {
        assertEquals(new ImapServer("imap.example.com", 993), ImapServer.parse("imap.example.com"));
        assertEquals(new ImapServer("192.0.2.1", 9993), ImapServer.parse(" 192.0.2.1:9993 "));
        assertEquals(new ImapServer("2001:db8::1", 993), ImapServer.parse("2001:db8::1"));
        assertEquals(new ImapServer("2001:db8::1", 995), ImapServer.parse("[2001:db8::1]:995"));
        assertEquals(new ImapServer("::1", 993), ImapServer.parse("[::1]"));
        assertEquals("[2001:db8::1]:995", ImapServer.parse("[2001:db8::1]:995").toString());
        assertEquals("imap.example.com:993", ImapServer.parse("imap.example.com").toString());
    }

    @Test
    void anythingElseIsOneSentence() {
        for (String bad : new String[] {"", "imap.example.com:", "imap.example.com:0", "imap.example.com:99999",
                "imap.example.com:imaps", "[::1", "[::1]993", "imap example.com", "imap.example.com/INBOX", "x".repeat(300)}) {
            ProblemException problem = assertThrows(ProblemException.class, () -> ImapServer.parse(bad), bad);
            assertEquals("reports.mailbox.bad-server", problem.problem().key(), bad);
        }
        assertEquals("imap.example.com:99999 is not an IMAP server: give HOST or HOST:PORT, for example imap.example.com "
                + "or imap.example.com:993.", assertThrows(ProblemException.class,
                        () -> ImapServer.parse("imap.example.com:99999")).problem().text(Locale.ENGLISH));
    }
}
