package org.mailwright.reports;

/**
 * One DKIM signature's result ({@code auth_results/dkim}), before alignment.
 *
 * @param domain the d= of the signature
 * @param selector the s= of the signature, or null
 * @param result none, pass, fail, policy, neutral, temperror or permerror (lower case)
 * @param humanResult the receiver's words, or null
 */
public record DkimAuthResult(String domain, String selector, String result, String humanResult) {
}
