package org.mailwright.reports;

/**
 * The SPF result ({@code auth_results/spf}), before alignment.
 *
 * @param domain the domain checked
 * @param scope mfrom or helo, or null
 * @param result none, neutral, pass, fail, softfail, temperror or permerror (lower case)
 * @param humanResult the receiver's words (RFC 9990), or null
 */
public record SpfAuthResult(String domain, String scope, String result, String humanResult) {
}
