package org.mailwright.dmarc;

import java.util.Locale;

/**
 * The steps from monitoring to full enforcement. Each test step ({@code t=y}) lets receivers
 * following RFC 9989 apply one level less, so its effect shows in the reports before it bites.
 */
public enum RolloutStep {
    /** {@code p=none}: reports only. */
    MONITOR(Policy.NONE, false, 28),
    /** {@code p=quarantine; t=y}: RFC 9989 receivers still deliver (one level less is none). */
    QUARANTINE_TEST(Policy.QUARANTINE, true, 14),
    /** {@code p=quarantine}: failing mail goes to spam. */
    QUARANTINE(Policy.QUARANTINE, false, 28),
    /** {@code p=reject; t=y}: RFC 9989 receivers quarantine rather than reject. */
    REJECT_TEST(Policy.REJECT, true, 14),
    /** {@code p=reject}: failing mail is refused. */
    REJECT(Policy.REJECT, false, 0);

    private final Policy policy;
    private final boolean testing;
    private final int minimumDays;

    RolloutStep(Policy policy, boolean testing, int minimumDays) {
        this.policy = policy;
        this.testing = testing;
        this.minimumDays = minimumDays;
    }

    public Policy policy() {
        return policy;
    }

    /** True for the steps published with {@code t=y}. */
    public boolean testing() {
        return testing;
    }

    /** The recommended least time at this step, in days; 0 for the last, which lasts. */
    public int minimumDays() {
        return minimumDays;
    }

    /**
     * The step that asks receivers for what {@code policy} asks them now: a rollout starting
     * there keeps the domain's protection, where an earlier step would weaken it. Monitoring when
     * no policy applies or receivers ignore it.
     */
    public static RolloutStep asking(DiscoveredPolicy policy) {
        boolean testing = policy.record().map(DmarcRecord::testing).orElse(false);
        return switch (policy.requestedPolicy().orElse(Policy.NONE)) {
            case NONE -> MONITOR;
            case QUARANTINE -> testing ? QUARANTINE_TEST : QUARANTINE;
            case REJECT -> testing ? REJECT_TEST : REJECT;
        };
    }

    /** The step's name in JSON and in bundle keys: {@code monitor}, {@code quarantine-test}... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
