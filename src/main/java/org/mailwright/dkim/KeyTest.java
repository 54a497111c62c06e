package org.mailwright.dkim;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailwright.findings.Finding;
import org.mailwright.i18n.LocalizedText;
import org.mailwright.findings.DkimFinding;
import org.mailwright.dkim.KeyTestReport.ServerCheck;
import org.mailwright.dkim.KeyTestReport.Source;
import org.mailwright.dns.AuthoritativeLookup;
import org.mailwright.dns.AuthoritativeServers;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.ServerAddress;

/**
 * The key test, as {@code opendkim-testkey} and {@code amavisd testkeys} do it: fetch the
 * selector's record from the chosen resolver and from every authoritative server, compare each
 * with the private key (and, when given, with the record written for it), warn about weak
 * settings, and sign a sample message with the private key to verify it against the published
 * record. Every answer is asked of the servers now: an answer the resolver service cached before
 * the test (a "no such name" from before the record was published) is never reused.
 */
public final class KeyTest {

    /** Most serious first: a wrong key is worse than a broken record, which is worse than none. */
    private static final List<KeyTestResult> SERIOUSNESS = List.of(KeyTestResult.MISMATCH, KeyTestResult.MALFORMED,
            KeyTestResult.REVOKED, KeyTestResult.OTHER_OPTIONS, KeyTestResult.MISSING, KeyTestResult.ERROR, KeyTestResult.MATCH);

    private final ResolverService resolver;
    private final Clock clock;
    private final int authoritativePort;

    /**
     * @param authoritativePort the port the zone's name servers are asked on: 53, except for
     *     development servers and tests
     */
    public KeyTest(ResolverService resolver, Clock clock, int authoritativePort) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.authoritativePort = authoritativePort;
    }

    public KeyTest(ResolverService resolver) {
        this(resolver, Clock.systemUTC(), 53);
    }

    /**
     * Tests {@code key} against {@code selector._domainkey.domain}: a server matches when it
     * publishes the key, whatever options its record has.
     *
     * @throws IllegalArgumentException when the domain or selector is not a DNS name
     */
    public CompletableFuture<KeyTestReport> run(String domain, String selector, DkimKey key, ResolverTarget target) {
        return run(new DkimDnsRecord(selector, domain, key.record()), key, Optional.empty(), target);
    }

    /**
     * Tests {@code key} against the record written for it: a server matches when it publishes a
     * record that means the same as {@code written} ({@link DkimKeyRecord#canonical()}), so a
     * record with this key but other options is {@link KeyTestResult#OTHER_OPTIONS}.
     *
     * @throws IllegalArgumentException when {@code written} does not publish {@code key}
     */
    public CompletableFuture<KeyTestReport> run(DkimDnsRecord written, DkimKey key, ResolverTarget target) {
        if (!key.record().sameKey(written.record())) {
            throw new IllegalArgumentException("The record written for " + written.name() + " publishes another key.");
        }
        return run(written, key, Optional.of(written.record()), target);
    }

    private CompletableFuture<KeyTestReport> run(DkimDnsRecord published, DkimKey key, Optional<DkimKeyRecord> written,
                                                 ResolverTarget target) {
        ResolverService dns = resolver.fresh();
        Expected expected = new Expected(key, written);
        String name = published.name();
        String zoneDomain = published.domain();
        CompletableFuture<ServerCheck> fromResolver = dns.lookup(name, RecordType.TXT, target)
                .thenApply(lookup -> check(Source.RESOLVER, target.displayName(), lookup, expected));
        CompletableFuture<List<ServerCheck>> fromAuthorities = new AuthoritativeLookup(dns, target, authoritativePort)
                .zoneOf(DomainName.of(zoneDomain))
                .thenCompose(zone -> zone.isEmpty()
                        ? CompletableFuture.completedFuture(List.of())
                        : askEach(dns, name, dns.authoritativeServers(
                                new ResolverTarget.Authoritative(zone.get().ascii(), target, authoritativePort)), expected));
        return fromResolver.thenCombine(fromAuthorities, (first, others) -> {
            List<ServerCheck> checks = new ArrayList<>();
            checks.add(first);
            checks.addAll(others);
            return report(zoneDomain, published.selector(), name, key, checks, others.isEmpty());
        });
    }

    /**
     * What a server must publish: the key, and the record written for it when there is one.
     *
     * @param written the record written, whose meaning must be published; empty when any options do
     */
    private record Expected(DkimKey key, Optional<DkimKeyRecord> written) {
    }

    private static CompletableFuture<List<ServerCheck>> askEach(ResolverService dns, String name,
                                                                CompletableFuture<AuthoritativeServers> servers,
                                                                Expected expected) {
        return servers.thenCompose(found -> {
            List<CompletableFuture<ServerCheck>> asked = new ArrayList<>();
            for (AuthoritativeServers.NameServer nameServer : found.nameServers()) {
                for (ServerAddress address : nameServer.addresses()) {
                    asked.add(dns.query(name, RecordType.TXT, address, false)
                            .thenApply(lookup -> check(Source.AUTHORITATIVE, nameServer.host(), lookup, expected)));
                }
            }
            return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
                    .thenApply(done -> asked.stream().map(CompletableFuture::join).toList());
        });
    }

    private static ServerCheck check(Source source, String nameServer, LookupResult lookup, Expected expected) {
        switch (lookup.outcome()) {
            case NXDOMAIN, NODATA -> {
                return new ServerCheck(source, nameServer, lookup, KeyTestResult.MISSING, Optional.empty(), Optional.empty());
            }
            case OK -> { }
            default -> {
                return new ServerCheck(source, nameServer, lookup, KeyTestResult.ERROR, Optional.empty(),
                        Optional.of(lookup::failure));
            }
        }
        ServerCheck best = null;
        for (String value : lookup.values()) {
            ServerCheck candidate = compare(source, nameServer, lookup, value, expected);
            if (best == null || rank(candidate.result()) > rank(best.result())) {
                best = candidate;
            }
        }
        return best;
    }

    /** One TXT value against what is expected; a better result ranks higher. */
    private static ServerCheck compare(Source source, String nameServer, LookupResult lookup, String value, Expected expected) {
        DkimKeyRecord record;
        try {
            record = DkimKeyRecord.parse(value);
        } catch (KeyRecordException e) {
            return new ServerCheck(source, nameServer, lookup, KeyTestResult.MALFORMED, Optional.empty(), Optional.of(e::message));
        }
        if (record.isRevoked()) {
            return new ServerCheck(source, nameServer, lookup, KeyTestResult.REVOKED, Optional.of(record), Optional.empty());
        }
        try {
            record.toPublicKey();
        } catch (KeyRecordException e) {
            return new ServerCheck(source, nameServer, lookup, KeyTestResult.MALFORMED, Optional.of(record), Optional.of(e::message));
        }
        KeyTestResult result;
        if (!expected.key().record().sameKey(record)) {
            result = KeyTestResult.MISMATCH;
        } else if (expected.written().filter(written -> !written.canonical().equals(record.canonical())).isPresent()) {
            result = KeyTestResult.OTHER_OPTIONS;
        } else {
            result = KeyTestResult.MATCH;
        }
        return new ServerCheck(source, nameServer, lookup, result, Optional.of(record), Optional.empty());
    }

    private static int rank(KeyTestResult result) {
        return SERIOUSNESS.indexOf(result);
    }

    private KeyTestReport report(String domain, String selector, String name, DkimKey key, List<ServerCheck> checks,
                                 boolean noAuthorities) {
        KeyTestResult overall = checks.stream().map(ServerCheck::result).min(Comparator.comparingInt(KeyTest::rank)).orElseThrow();
        List<Finding> findings = new ArrayList<>();
        ServerCheck resolved = checks.get(0);
        switch (overall) {
            case MATCH -> findings.add(DkimFinding.KEY_MATCH.of(name, checks.size()));
            case MISMATCH -> findings.add(DkimFinding.KEY_MISMATCH.of(name, servers(checks, KeyTestResult.MISMATCH)));
            case OTHER_OPTIONS -> findings.add(DkimFinding.KEY_OTHER_OPTIONS.of(name, servers(checks, KeyTestResult.OTHER_OPTIONS)));
            case MALFORMED -> findings.add(DkimFinding.KEY_MALFORMED.of(name,
                    checks.stream().filter(c -> c.result() == KeyTestResult.MALFORMED).findFirst().orElseThrow().problem().orElseThrow()));
            case REVOKED -> findings.add(DkimFinding.KEY_REVOKED.of(name));
            case MISSING -> findings.add(DkimFinding.KEY_MISSING.of(name, servers(checks, KeyTestResult.MISSING)));
            case ERROR -> { }
        }
        checks.stream().filter(c -> c.result() == KeyTestResult.ERROR).forEach(c -> findings.add(DkimFinding.KEY_LOOKUP_FAILED.of(name, c.lookup().server(), c.problem().orElseThrow())));
        if (checks.stream().map(ServerCheck::result).filter(r -> r != KeyTestResult.ERROR).distinct().count() > 1) {
            findings.add(DkimFinding.SERVERS_DISAGREE.of(name));
        }
        if (noAuthorities) {
            findings.add(DkimFinding.NO_AUTHORITATIVE_SERVERS.of(domain));
        }
        long dkimRecords = resolved.lookup().values().stream().filter(KeyTest::looksLikeKeyRecord).count();
        if (dkimRecords > 1) {
            findings.add(DkimFinding.MULTIPLE_RECORDS.of(name, dkimRecords));
        }
        findings.addAll(key.strengthFindings());
        resolved.record().ifPresent(record -> {
            if (record.testing()) {
                findings.add(DkimFinding.TESTING_MODE.of(name));
            }
            if (!record.allowsHash("sha256")) {
                findings.add(DkimFinding.KEY_SHA1_ONLY.of(name));
            }
            if (!record.allowsEmail()) {
                findings.add(DkimFinding.KEY_NOT_FOR_EMAIL.of(name, String.join(":", record.serviceTypes())));
            }
        });
        Optional<SignatureResult> sample = sample(domain, selector, name, key, resolved);
        sample.ifPresent(result -> findings.add(result.passed()
                ? DkimFinding.SAMPLE_PASSED.of(name)
                : DkimFinding.SAMPLE_FAILED.of(name, result.reason().map(Reason::id).orElse(""),
                        (LocalizedText) result::reasonText)));
        return new KeyTestReport(domain, selector, name, overall, checks, findings, sample);
    }

    private static boolean looksLikeKeyRecord(String value) {
        try {
            DkimKeyRecord.parse(value);
            return true;
        } catch (KeyRecordException e) {
            return value.strip().startsWith("v=DKIM1");
        }
    }

    private static String servers(List<ServerCheck> checks, KeyTestResult result) {
        return String.join(", ", checks.stream().filter(c -> c.result() == result).map(c -> c.lookup().server()).distinct().toList());
    }

    /** Signs a sample message with the key and verifies it against what the resolver returned. */
    private Optional<SignatureResult> sample(String domain, String selector, String name, DkimKey key, ServerCheck resolved) {
        if (resolved.lookup().outcome() != Outcome.OK) {
            return Optional.empty();
        }
        DkimSigner signer;
        try {
            signer = new DkimSigner(key, domain, selector, SigningOptions.defaults(), clock);
        } catch (IllegalArgumentException tooWeakToSign) {
            return Optional.empty();
        }
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC));
        String message = "From: Mailwright key test <postmaster@" + domain + ">\r\n"
                + "To: postmaster@" + domain + "\r\n"
                + "Subject: DKIM key test for " + name + "\r\n"
                + "Date: " + date + "\r\n"
                + "Message-ID: <key-test." + clock.millis() + "@" + domain + ">\r\n"
                + "\r\n"
                + "Signed and verified on this machine by the Mailwright key test.\r\n";
        byte[] signed = signer.sign(message.getBytes(StandardCharsets.UTF_8));
        KeySource published = lookupName -> CompletableFuture.completedFuture(KeyLookup.of(resolved.lookup()));
        return Optional.of(new DkimVerifier(published, clock, VerificationRules.standard()).verify(signed).join()
                .signatures().get(0));
    }
}
