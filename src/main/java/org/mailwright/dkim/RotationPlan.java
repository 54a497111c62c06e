package org.mailwright.dkim;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.i18n.Messages;

/**
 * How to move signing to a new key without a day of failing signatures: publish the new
 * selector, switch the signer once every server answers with it, keep the old key published for
 * a week (mail already sent is still being checked), then revoke the old key with an empty p=.
 *
 * @param domain the signing domain
 * @param newRecord the new selector's record
 * @param oldSelector the selector in use now; empty for a domain's first key
 * @param steps the steps, in order, each with its earliest date
 */
public record RotationPlan(String domain, DkimDnsRecord newRecord, Optional<DkimDnsRecord> oldSelector, List<Step> steps) {

    /** How long the old key stays published after the switch. */
    public static final Duration KEEP_OLD_KEY = Duration.ofDays(7);

    public RotationPlan {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(newRecord, "newRecord");
        Objects.requireNonNull(oldSelector, "oldSelector");
        steps = List.copyOf(steps);
    }

    /** What a step asks of the admin. */
    public enum Action {
        PUBLISH_NEW,
        SWITCH_SIGNER,
        KEEP_OLD,
        REVOKE_OLD;

        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One step.
     *
     * @param action what to do
     * @param date the earliest day to do it
     * @param record the record to publish in this step, if it publishes one
     */
    public record Step(Action action, LocalDate date, Optional<DkimDnsRecord> record) {

        /** A short title, such as "Publish the new selector". */
        public String title(Locale locale) {
            return Messages.get(locale, "dkim.rotation." + action.key() + ".title");
        }

        /** What to do and why, naming the records and the date. */
        public String detail(Locale locale, RotationPlan plan) {
            return Messages.get(locale, "dkim.rotation." + action.key() + ".detail", plan.newRecord().name(),
                    plan.oldSelector().map(DkimDnsRecord::name).orElse(""), date.toString());
        }
    }

    /**
     * Plans a rotation starting on {@code start}.
     *
     * @param newRecord the new key's record, under its new selector
     * @param oldSelector the selector signing today; empty for a domain's first key
     * @param oldType the old key's type, which its revocation record keeps
     * @param ttl the TTL the new record is published with: the switch waits at least that long
     *     (and at least a day) so resolvers that remember "no such name" forget it
     */
    public static RotationPlan plan(DkimDnsRecord newRecord, Optional<String> oldSelector, KeyType oldType,
                                    LocalDate start, Duration ttl) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Action.PUBLISH_NEW, start, Optional.of(newRecord)));
        long waitDays = Math.max(1, (ttl.toSeconds() + 86_399) / 86_400);
        LocalDate switchDay = start.plusDays(waitDays);
        steps.add(new Step(Action.SWITCH_SIGNER, switchDay, Optional.empty()));
        Optional<DkimDnsRecord> old = oldSelector.map(s -> new DkimDnsRecord(s, newRecord.domain(), DkimKeyRecord.revoked(oldType)));
        if (old.isPresent()) {
            steps.add(new Step(Action.KEEP_OLD, switchDay, Optional.empty()));
            steps.add(new Step(Action.REVOKE_OLD, switchDay.plusDays(KEEP_OLD_KEY.toDays()), old));
        }
        return new RotationPlan(newRecord.domain(), newRecord, old, steps);
    }

    /** Why keys are rotated, in one or two sentences. */
    public static String why(Locale locale) {
        return Messages.get(locale, "dkim.rotation.why");
    }
}
