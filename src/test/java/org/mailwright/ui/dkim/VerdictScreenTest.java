package org.mailwright.ui.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dkim.ArcProblem;
import org.mailwright.dkim.ArcReport;
import org.mailwright.dkim.ArcResult;
import org.mailwright.dkim.ArcSet;
import org.mailwright.dkim.DkimResult;
import org.mailwright.dkim.SignatureKind;
import org.mailwright.dkim.SignatureResult;
import org.mailwright.dmarc.Policy;
import org.mailwright.dns.DomainName;
import org.mailwright.message.Author;
import org.mailwright.message.DkimVerdict;
import org.mailwright.message.DmarcVerdict;
import org.mailwright.message.MessageVerdict;
import org.mailwright.message.SpfVerdict;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.work.BackgroundWork;

/** A forwarded message's ARC chain and signatures of every kind, worded as the page shows them. */
class VerdictScreenTest {

    private final ThrowawayPreferences preferences = new ThrowawayPreferences();
    private final AppSettings settings = AppSettings.load(preferences.node());
    private final AppContext context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
    private final Words words = new Words(context);

    @AfterEach
    void close() throws Exception {
        context.close();
        preferences.close();
    }

    private static SignatureResult signature(SignatureKind kind, String domain, String selector, DkimResult result) {
        return new SignatureResult(kind, "", domain, selector, "rsa-sha256", "relaxed/relaxed", "", List.of(), OptionalLong.empty(),
                Optional.empty(), Optional.empty(), result, Optional.empty(), List.of(), Optional.empty(), OptionalInt.empty(), List.of());
    }

    /** Forwarded by a list that changed the body: the author's signature breaks, the list's seal is bad too. */
    private static MessageVerdict forwarded() {
        ArcReport arc = new ArcReport(ArcResult.FAIL, Optional.of(ArcProblem.SEAL), List.of(2), List.of(
                new ArcSet(1, "mx.relay.example.com; dkim=pass", "none", Optional.empty(),
                        Optional.of(signature(SignatureKind.ARC_SEAL, "relay.example.com", "arc1", DkimResult.PASS))),
                new ArcSet(2, "lists.example.net; arc=pass", "pass",
                        Optional.of(signature(SignatureKind.ARC_MESSAGE_SIGNATURE, "lists.example.net", "arc2", DkimResult.PASS)),
                        Optional.of(signature(SignatureKind.ARC_SEAL, "lists.example.net", "arc2", DkimResult.FAIL)))));
        List<DkimVerdict> dkim = List.of(
                new DkimVerdict(signature(SignatureKind.DKIM, "example.org", "sel", DkimResult.FAIL), true),
                new DkimVerdict(signature(SignatureKind.DOMAINKEYS, "example.org", "old", DkimResult.NEUTRAL), false));
        return new MessageVerdict(new Author(Optional.of(DomainName.of("example.org")), List.of("alice@example.org"), Optional.empty()),
                new SpfVerdict(Optional.empty(), Optional.empty(), SpfVerdict.Source.NONE, "", "", false), dkim,
                new DmarcVerdict(DmarcVerdict.Result.FAIL, Optional.of(Policy.REJECT), Policy.REJECT, Optional.empty()), arc,
                List.of(), List.of(), List.of());
    }

    @Test
    void aBrokenArcChainSaysWhyAndListsEachSetOldestFirst() {
        settings.languageProperty().set(Language.ENGLISH);

        VerdictCard arc = VerdictScreen.of(forwarded(), "Quad9", words).arc();

        assertEquals(CheckState.ERROR, arc.state());
        assertEquals("Fail", arc.word());
        assertEquals("The seal of set 2 does not verify.", arc.sentence(), "the core's sentence, as the command line says it");
        assertEquals(List.of("set 1: sealed by relay.example.com, cv=none, seal Pass",
                "set 2: sealed by lists.example.net, cv=pass, seal Fail"), arc.lines());

        settings.languageProperty().set(Language.SPANISH);
        VerdictCard spanish = VerdictScreen.of(forwarded(), "Quad9", words).arc();
        assertEquals("El sello del conjunto 2 no se verifica.", spanish.sentence());
        assertEquals("conjunto 1: sellado por relay.example.com, cv=none, sello Superado", spanish.lines().get(0));
    }

    @Test
    void everyKindOfSignatureIsNamedAndDmarcWithoutARecordSaysSo() {
        settings.languageProperty().set(Language.ENGLISH);
        VerdictScreen screen = VerdictScreen.of(forwarded(), "Quad9", words);

        assertEquals(List.of("DKIM signature by example.org, selector sel", "DomainKeys signature by example.org, selector old"),
                screen.dkim().stream().map(SignatureRow::title).toList());
        assertEquals(new SignatureRow.Tag("Alignment with the From domain", "not aligned"), screen.dkim().get(1).tags().get(0));
        for (SignatureKind kind : SignatureKind.values()) {
            SignatureRow row = SignatureRow.of(new DkimVerdict(signature(kind, "lists.example.net", "arc2", DkimResult.PASS), false), words);
            assertFalse(row.title().contains("["), kind + ": " + row.title());
        }
        assertEquals("ARC seal by lists.example.net, selector arc2",
                SignatureRow.of(new DkimVerdict(signature(SignatureKind.ARC_SEAL, "lists.example.net", "arc2", DkimResult.PASS), false),
                        words).title());
        assertEquals("Fails DMARC", screen.overall());
        assertEquals("From domain: example.org", screen.fromDomain());
        assertEquals("none found", screen.dmarc().facts().get(2).value());
        assertEquals("reject", screen.dmarc().facts().get(1).value());
    }
}
