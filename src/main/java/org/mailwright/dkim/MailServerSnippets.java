package org.mailwright.dkim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mailwright.i18n.Messages;

/**
 * The mail-server configuration that signs with a key: OpenDKIM's KeyTable and SigningTable,
 * rspamd's dkim_signing.conf, amavisd's dkim_key(), and the Postfix milter lines for the two
 * milters. The texts are configuration, the same in every language; the notes are in the user's.
 */
public final class MailServerSnippets {

    /** The servers Mailwright writes configuration for. */
    public enum Server {
        OPENDKIM,
        RSPAMD,
        AMAVISD,
        POSTFIX
    }

    /**
     * One piece of configuration.
     *
     * @param server the server it configures
     * @param file where it goes, for example {@code /etc/opendkim/KeyTable}
     * @param text the lines to add
     * @param noteKey the core bundle key of a sentence to show beside it (empty for none)
     */
    public record Snippet(Server server, String file, String text, String noteKey) {
        public String note(Locale locale) {
            return noteKey.isEmpty() ? "" : Messages.get(locale, noteKey);
        }
    }

    private MailServerSnippets() {
    }

    /**
     * The snippets for signing {@code domain}'s mail with the key at {@code keyFile} (the path it
     * will have on the mail server) published under {@code selector}.
     */
    public static List<Snippet> forKey(String domain, String selector, Path keyFile, KeyType type) {
        Objects.requireNonNull(type, "type");
        // Only the record's checked, lower-case name is used here.
        DkimDnsRecord name = new DkimDnsRecord(selector, domain, DkimKeyRecord.revoked(type));
        String d = name.domain();
        String s = name.selector();
        String key = keyFile.toString();
        List<Snippet> snippets = new ArrayList<>();

        String ed25519Note = type == KeyType.ED25519 ? "dkim.snippet.opendkim.ed25519" : "";
        snippets.add(new Snippet(Server.OPENDKIM, "/etc/opendkim/KeyTable",
                name.name() + " " + d + ":" + s + ":" + key + "\n", ed25519Note));
        snippets.add(new Snippet(Server.OPENDKIM, "/etc/opendkim/SigningTable",
                "*@" + d + " " + name.name() + "\n", "dkim.snippet.opendkim.signing-table"));
        snippets.add(new Snippet(Server.OPENDKIM, "/etc/opendkim.conf", """
                KeyTable            /etc/opendkim/KeyTable
                SigningTable        refile:/etc/opendkim/SigningTable
                Canonicalization    relaxed/relaxed
                Socket              inet:8891@localhost
                """, ""));
        snippets.add(new Snippet(Server.POSTFIX, "/etc/postfix/main.cf (OpenDKIM)", """
                smtpd_milters = inet:localhost:8891
                non_smtpd_milters = $smtpd_milters
                milter_default_action = accept
                """, "dkim.snippet.postfix.reload"));

        snippets.add(new Snippet(Server.RSPAMD, "/etc/rspamd/local.d/dkim_signing.conf", """
                domain {
                  %s {
                    selectors [
                      { path = "%s"; selector = "%s"; }
                    ]
                  }
                }
                """.formatted(d, key, s),
                type == KeyType.ED25519 ? "dkim.snippet.rspamd.ed25519" : "dkim.snippet.rspamd.owner"));
        snippets.add(new Snippet(Server.POSTFIX, "/etc/postfix/main.cf (rspamd)", """
                smtpd_milters = inet:localhost:11332
                non_smtpd_milters = $smtpd_milters
                milter_default_action = accept
                milter_protocol = 6
                """, "dkim.snippet.postfix.reload"));

        if (type == KeyType.RSA) {
            snippets.add(new Snippet(Server.AMAVISD, "/etc/amavisd/amavisd.conf", """
                    $enable_dkim_signing = 1;
                    dkim_key('%s', '%s', '%s');
                    @dkim_signature_options_bysender_maps = (
                      { '.' => { ttl => 21*24*3600, c => 'relaxed/relaxed' } } );
                    """.formatted(d, s, key), "dkim.snippet.amavisd.pkcs1"));
        } else {
            snippets.add(new Snippet(Server.AMAVISD, "/etc/amavisd/amavisd.conf", "", "dkim.snippet.amavisd.no-ed25519"));
        }
        return List.copyOf(snippets);
    }
}
