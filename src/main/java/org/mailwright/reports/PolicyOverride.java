package org.mailwright.reports;

/**
 * Why a receiver applied another disposition than the policy asked for ({@code reason}): RFC 7489's
 * forwarded, sampled_out, trusted_forwarder, mailing_list, local_policy, other, and RFC 9990's
 * policy_test_mode and others; lower case.
 *
 * @param type the reason, lower case
 * @param comment the receiver's words, or null
 */
public record PolicyOverride(String type, String comment) {
}
