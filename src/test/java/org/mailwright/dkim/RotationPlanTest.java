package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailwright.dkim.RotationPlan.Action;

class RotationPlanTest {

    private static final DkimKey KEY = KeyGenerator.generate(KeySpec.ed25519());

    @Test
    void suggestsTheFirstFreeDateBasedSelector() {
        LocalDate november = LocalDate.of(2026, 11, 24);

        assertEquals("202611a", Selectors.suggest(november, List.of()));
        assertEquals("202611c", Selectors.suggest(november, List.of("202611A", "202611b", "202610a")));
        List<String> allLetters = "abcdefghijklmnopqrstuvwxyz".chars().mapToObj(c -> "202611" + (char) c).toList();
        assertEquals("202611aa", Selectors.suggest(november, allLetters));
        assertEquals("202701a", Selectors.suggest(LocalDate.of(2027, 1, 2), List.of()));
    }

    @Test
    void aRotationPublishesSwitchesKeepsForAWeekAndRevokes() {
        DkimDnsRecord fresh = new DkimDnsRecord("202611a", "corp.example", KEY.record());

        RotationPlan plan = RotationPlan.plan(fresh, Optional.of("202605a"), KeyType.RSA, LocalDate.of(2026, 11, 24), Duration.ofHours(1));

        assertEquals(List.of(Action.PUBLISH_NEW, Action.SWITCH_SIGNER, Action.KEEP_OLD, Action.REVOKE_OLD),
                plan.steps().stream().map(RotationPlan.Step::action).toList());
        assertEquals(List.of(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 25),
                LocalDate.of(2026, 12, 2)), plan.steps().stream().map(RotationPlan.Step::date).toList());
        DkimDnsRecord revocation = plan.steps().get(3).record().orElseThrow();
        assertEquals("202605a._domainkey.corp.example", revocation.name());
        assertEquals("v=DKIM1; k=rsa; p=", revocation.value());
        assertEquals("On 2026-12-02, replace the record at 202605a._domainkey.corp.example with one whose p= is empty. "
                + "Receivers then know the old key is withdrawn, not lost.", plan.steps().get(3).detail(Locale.ENGLISH, plan));
        assertEquals("Revocar la clave antigua", plan.steps().get(3).title(Locale.forLanguageTag("es")));
    }

    @Test
    void aLongTtlDelaysTheSwitchAndAFirstKeyHasNothingToRevoke() {
        DkimDnsRecord fresh = new DkimDnsRecord("202611a", "corp.example", KEY.record());

        RotationPlan plan = RotationPlan.plan(fresh, Optional.empty(), KeyType.ED25519, LocalDate.of(2026, 11, 24), Duration.ofHours(50));

        assertEquals(List.of(Action.PUBLISH_NEW, Action.SWITCH_SIGNER), plan.steps().stream().map(RotationPlan.Step::action).toList());
        assertEquals(LocalDate.of(2026, 11, 27), plan.steps().get(1).date());
        assertTrue(RotationPlan.why(Locale.ENGLISH).startsWith("Rotate DKIM keys"));
    }
}
