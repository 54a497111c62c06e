package org.mailwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A failure the user did not cause is never reported as bad usage, and never as Java's own words. */
class FailureTest {

    private final StringWriter err = new StringWriter();
    private final CommandLine where = new CommandLine(CommandLine.Model.CommandSpec.create());

    FailureTest() {
        where.setErr(new PrintWriter(err, true));
    }

    @Test
    void mailwrightsOwnFailureIsAnInternalErrorToReport() {
        int code = MailwrightCommand.failure(where, new IllegalStateException("Expected CONTEXT tag but found APPLICATION"),
                new Texts(Locale.ENGLISH));

        assertEquals(3, code);
        assertEquals("Mailwright could not run the command because of an internal error; please report it with the command you ran.\n",
                err.toString());
    }

    @Test
    void aStackOverflowIsOneSentenceToo() {
        assertEquals(3, MailwrightCommand.failure(where, new StackOverflowError(), new Texts(Locale.ENGLISH)));
        assertFalse(err.toString().contains("StackOverflowError"), err.toString());
    }

    @Test
    void theFileAndTheSystemsReasonAreSaidInTheUsersLanguage() {
        MailwrightCommand.failure(where, new java.io.FileNotFoundException("/srv/keys/k.pem (Is a directory)"),
                new Texts(Locale.forLanguageTag("es")));

        assertEquals("Mailwright no pudo ejecutar la orden: /srv/keys/k.pem: es una carpeta, no un archivo.\n", err.toString());
    }

    @Test
    void whatTheSystemRefusedIsSaidAndIsNotABug() {
        int code = MailwrightCommand.failure(where, new IOException("/srv/keys: Permission denied"), new Texts(Locale.ENGLISH));

        assertEquals(2, code);
        assertEquals("Mailwright could not run the command: /srv/keys: permission denied (its permissions, or its folder’s, keep you"
                + " out).\n", err.toString());
    }
}
