package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailwright.dkim.MailServerSnippets.Server;
import org.mailwright.dkim.MailServerSnippets.Snippet;

class MailServerSnippetsTest {

    private static final Path KEY = Path.of("/etc/dkim/corp.example/202611a.private");

    @Test
    void openDkimGetsKeyTableAndSigningTableLines() {
        List<Snippet> snippets = MailServerSnippets.forKey("Corp.Example", "202611a", KEY, KeyType.RSA);

        assertEquals("202611a._domainkey.corp.example corp.example:202611a:/etc/dkim/corp.example/202611a.private\n",
                text(snippets, "/etc/opendkim/KeyTable"));
        assertEquals("*@corp.example 202611a._domainkey.corp.example\n", text(snippets, "/etc/opendkim/SigningTable"));
        assertTrue(text(snippets, "/etc/opendkim.conf").contains("SigningTable        refile:/etc/opendkim/SigningTable"));
        assertTrue(text(snippets, "/etc/postfix/main.cf (OpenDKIM)").startsWith("smtpd_milters = inet:localhost:8891\n"));
    }

    @Test
    void rspamdAndAmavisdGetTheirOwnSyntax() {
        List<Snippet> snippets = MailServerSnippets.forKey("corp.example", "202611a", KEY, KeyType.RSA);

        assertTrue(text(snippets, "/etc/rspamd/local.d/dkim_signing.conf")
                .contains("corp.example {\n    selectors [\n      { path = \"/etc/dkim/corp.example/202611a.private\"; selector = \"202611a\"; }"));
        assertTrue(text(snippets, "/etc/postfix/main.cf (rspamd)").contains("smtpd_milters = inet:localhost:11332\n"));
        assertTrue(text(snippets, "/etc/amavisd/amavisd.conf")
                .contains("dkim_key('corp.example', '202611a', '/etc/dkim/corp.example/202611a.private');"));
    }

    @Test
    void ed25519KeysComeWithTheirCaveats() {
        List<Snippet> snippets = MailServerSnippets.forKey("corp.example", "202611e", KEY, KeyType.ED25519);

        Snippet amavisd = snippets.stream().filter(s -> s.server() == Server.AMAVISD).findFirst().orElseThrow();
        assertEquals("", amavisd.text());
        assertEquals("The DKIM signing of amavisd is documented for RSA keys only; sign with Ed25519 through OpenDKIM or rspamd.",
                amavisd.note(Locale.ENGLISH));
        Snippet rspamd = snippets.stream().filter(s -> s.server() == Server.RSPAMD).findFirst().orElseThrow();
        assertTrue(rspamd.note(Locale.forLanguageTag("es")).startsWith("rspamd lee las claves Ed25519"));
    }

    @Test
    void everyNoteIsWrittenInEnglishAndSpanish() {
        for (KeyType type : KeyType.values()) {
            for (Snippet snippet : MailServerSnippets.forKey("corp.example", "s1", KEY, type)) {
                for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
                    assertFalse(snippet.note(locale).startsWith("["), snippet.noteKey() + " " + locale);
                }
            }
        }
    }

    private static String text(List<Snippet> snippets, String file) {
        return snippets.stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow().text();
    }
}
