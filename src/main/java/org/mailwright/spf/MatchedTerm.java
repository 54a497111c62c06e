package org.mailwright.spf;

/**
 * A term that decided a result: the mechanism that matched, or an include or redirect on the way to it.
 *
 * @param domain the domain whose record holds the term
 * @param term the term as written there
 * @param depth 0 for the checked domain's own record, 1 for a record it includes or redirects to, and so on
 */
public record MatchedTerm(String domain, String term, int depth) {
}
