package org.mailwright.dkim;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.mailwright.findings.Finding;
import org.mailwright.i18n.LocalizedText;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;

/**
 * What the key test found: the selector as the chosen resolver and every authoritative server
 * publish it, compared with the private key, plus a sample message signed with the key and
 * verified against the published record.
 *
 * @param domain the signing domain
 * @param selector the selector
 * @param name {@code selector._domainkey.domain}
 * @param result match only when every server publishes this key (in the record written for it,
 *     when the test was given one); otherwise the most serious result among the servers
 *     (mismatch, malformed, revoked, other options, missing, error)
 * @param servers each server asked, the chosen resolver first
 * @param findings what is right or wrong, with why and how to fix it
 * @param sample the sample signature checked against the resolver's record, when there was one
 */
public record KeyTestReport(String domain, String selector, String name, KeyTestResult result,
                            List<ServerCheck> servers, List<Finding> findings, Optional<SignatureResult> sample) {

    public KeyTestReport {
        Objects.requireNonNull(result, "result");
        servers = List.copyOf(servers);
        findings = List.copyOf(findings);
        Objects.requireNonNull(sample, "sample");
    }

    /**
     * The TTL the zone gives the record at {@link #name()}, as its name servers answer it (never
     * what a resolver's cache has left of it), for a zone-file line that replaces it; empty when
     * no name server publishes anything there.
     */
    public OptionalLong publishedTtl() {
        return servers.stream()
                .filter(check -> check.source() == Source.AUTHORITATIVE && check.lookup().outcome() == Outcome.OK
                        && check.lookup().hasTtl())
                .mapToLong(check -> check.lookup().ttl())
                .findFirst();
    }

    /** Where an answer came from. */
    public enum Source {
        /** The resolver the user chose (what receivers see, cache included). */
        RESOLVER,
        /** One address of one of the zone's name servers (the source of truth). */
        AUTHORITATIVE
    }

    /**
     * One server's answer.
     *
     * @param source resolver or authoritative server
     * @param nameServer the NS host name for an authoritative server; the resolver's name otherwise
     * @param lookup the DNS answer (server address, outcome, records, TTL)
     * @param result the comparison with the private key
     * @param record the DKIM record it publishes, when one parses
     * @param problem why the record is malformed or the lookup failed, said in any language; empty otherwise
     */
    public record ServerCheck(Source source, String nameServer, LookupResult lookup, KeyTestResult result,
                              Optional<DkimKeyRecord> record, Optional<LocalizedText> problem) {
        public ServerCheck {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(lookup, "lookup");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(problem, "problem");
        }
    }
}
