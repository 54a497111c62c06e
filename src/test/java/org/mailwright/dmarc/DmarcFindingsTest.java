package org.mailwright.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mailwright.findings.Finding;
import org.mailwright.findings.DmarcFinding;

/** Every variant of the DMARC findings' words renders in both languages. */
class DmarcFindingsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void everySyntaxProblemReadsAsASentenceInBothLanguages() {
        for (SyntaxProblem.Kind kind : SyntaxProblem.Kind.values()) {
            Finding finding = DmarcFinding.SYNTAX.of(12, kind.code(), "p", "block", "none");
            for (Locale locale : List.of(Locale.ENGLISH, SPANISH)) {
                String message = finding.message(locale);
                assertFalse(message.contains("{") || message.contains("}"), message);
                assertTrue(message.contains(" 12: "), message);
                assertTrue(message.length() > 30, message);
            }
        }
    }

    @Test
    void everyReasonAMailboxCannotReceiveMailReadsInBothLanguages() {
        List<MailboxCheck.Status> failures = List.of(MailboxCheck.Status.values()).stream()
                .filter(MailboxCheck.Status::cannotReceive).toList();
        for (MailboxCheck.Status status : failures) {
            for (DmarcFinding type : List.of(DmarcFinding.RUA_NO_MX, DmarcFinding.RUF_NO_MX)) {
                Finding finding = type.of("mailto:d@x.test", "x.test", status.ordinal());
                for (Locale locale : List.of(Locale.ENGLISH, SPANISH)) {
                    assertFalse(finding.message(locale).contains("{"), finding.message(locale));
                }
            }
        }
        assertEquals(Set.of("null MX", "no MX record and no address", "does not exist"), failures.stream()
                .map(status -> DmarcFinding.RUA_NO_MX.of("u", "x.test", status.ordinal())
                        .message(Locale.ENGLISH))
                .map(message -> message.contains("null MX") ? "null MX"
                        : message.contains("no MX record") ? "no MX record and no address" : "does not exist")
                .collect(Collectors.toSet()));
    }
}
