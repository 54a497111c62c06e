package org.mailwright.ui.dkim;

import org.mailwright.dkim.MailServerSnippets.Server;

/**
 * One piece of mail-server configuration as the page shows it.
 *
 * @param server the server it configures
 * @param file where it goes
 * @param text the lines to add (empty when there is nothing to add, only the note)
 * @param note a sentence to read beside it, in the user's language; empty for none
 */
record SnippetRow(Server server, String file, String text, String note) {
}
