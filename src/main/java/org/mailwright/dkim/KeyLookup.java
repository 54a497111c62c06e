package org.mailwright.dkim;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;

/**
 * The key records found at {@code selector._domainkey.domain}.
 *
 * @param name the name asked for
 * @param outcome how the lookup ended
 * @param records the TXT values found (character-strings joined)
 * @param dns the DNS answer, with its server and TTL; empty when the record was given rather
 *     than looked up (the key test's sample check)
 * @param problem what went wrong, in English, when the lookup failed; empty otherwise
 */
public record KeyLookup(String name, Outcome outcome, List<String> records, Optional<LookupResult> dns, String problem) {

    public KeyLookup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        records = List.copyOf(records);
        Objects.requireNonNull(dns, "dns");
        problem = problem == null ? "" : problem;
    }

    public static KeyLookup of(LookupResult result) {
        String problem = result.outcome().isAnswer() ? result.outcome().jsonName() : result.detail();
        return new KeyLookup(result.name(), result.outcome(), result.values(), Optional.of(result),
                result.outcome() == Outcome.OK ? "" : problem);
    }

    /** A record known without asking DNS. */
    public static KeyLookup given(String name, String record) {
        return new KeyLookup(name, Outcome.OK, List.of(record), Optional.empty(), "");
    }
}
