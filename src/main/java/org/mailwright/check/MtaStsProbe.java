package org.mailwright.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;
import org.mailwright.i18n.Problem;

/**
 * MTA-STS (RFC 8461): one {@code v=STSv1} record with an {@code id} at {@code _mta-sts.<domain>},
 * the policy it announces fetched as senders fetch it, and that policy read: its mode, how long
 * senders keep it, and whether its {@code mx} patterns name every mail host the domain publishes.
 */
final class MtaStsProbe implements Probe {

    static final String VERSION = "v=STSv1";
    /** A policy kept less than a day lapses whenever its host is down or blocked for a day. */
    static final long SHORT_MAX_AGE = 86_400;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");

    private final PolicyFetcher fetcher;

    MtaStsProbe() {
        this(new PolicyFetcher());
    }

    MtaStsProbe(PolicyFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public CheckArea area() {
        return CheckArea.TRANSPORT;
    }

    @Override
    public CompletableFuture<List<Finding>> run(CheckContext context) {
        DomainName name = context.domain().prefixed("_mta-sts");
        return context.lookup(name, RecordType.TXT).thenCompose(txt -> {
            Optional<Finding> noPolicy = judgeRecord(context.domain(), name, txt);
            if (noPolicy.isPresent()) {
                return CompletableFuture.completedFuture(List.of(noPolicy.get()));
            }
            String url = PolicyFetcher.url(context.domain(), context.settings().httpsPort());
            return fetcher.fetch(context).thenCombine(context.mailHosts(), (fetch, hosts) -> judgePolicy(url, fetch, hosts));
        });
    }

    /** Why the record announces no policy to fetch; empty when it announces one. */
    static Optional<Finding> judgeRecord(DomainName domain, DomainName name, LookupResult txt) {
        if (!txt.outcome().isConclusive()) {
            return Optional.of(CheckFinding.CHECK_INCOMPLETE.of(CheckArea.TRANSPORT, new LookupProblem(txt)));
        }
        List<String> records = TaggedRecord.withVersion(txt.values(), VERSION);
        if (records.isEmpty()) {
            return Optional.of(CheckFinding.MTASTS_MISSING.of(domain.unicode()));
        }
        if (records.size() > 1) {
            // RFC 8461 section 3.1: with more than one record senders take the domain to have no policy.
            return Optional.of(CheckFinding.MTASTS_RECORD_INVALID.of(name.unicode(),
                    Words.of("check.record.several", records.size())));
        }
        TaggedRecord record = TaggedRecord.parse(records.get(0));
        if (record.problem().isPresent()) {
            return Optional.of(CheckFinding.MTASTS_RECORD_INVALID.of(name.unicode(), new Words(record.problem().get())));
        }
        Optional<String> id = record.tag("id");
        if (id.isEmpty()) {
            return Optional.of(CheckFinding.MTASTS_RECORD_INVALID.of(name.unicode(), Words.of("check.record.missing-tag", "id")));
        }
        if (!ID.matcher(id.get()).matches()) {
            return Optional.of(CheckFinding.MTASTS_RECORD_INVALID.of(name.unicode(),
                    Words.of("check.mtasts.record.id", Problem.shown(id.get()))));
        }
        return Optional.empty();
    }

    static List<Finding> judgePolicy(String url, PolicyFetcher.Fetch fetch, MailHosts hosts) {
        if (fetch instanceof PolicyFetcher.Unresolved unresolved) {
            return List.of(CheckFinding.CHECK_INCOMPLETE.of(CheckArea.TRANSPORT, new LookupProblem(unresolved.lookup())));
        }
        if (fetch instanceof PolicyFetcher.Unreachable unreachable) {
            return List.of(CheckFinding.MTASTS_POLICY_UNREACHABLE.of(url, new Words(unreachable.reason())));
        }
        PolicyFetcher.Served served = (PolicyFetcher.Served) fetch;
        if (!served.mediaType().equals("text/plain")) {
            return List.of(CheckFinding.MTASTS_POLICY_INVALID.of(url, served.mediaType().isEmpty()
                    ? Words.of("check.mtasts.policy.no-media-type")
                    : Words.of("check.mtasts.policy.media-type", Problem.shown(served.mediaType()))));
        }
        MtaStsPolicy.Parsed parsed = MtaStsPolicy.parse(served.body());
        if (parsed.problem().isPresent()) {
            return List.of(CheckFinding.MTASTS_POLICY_INVALID.of(url, new Words(parsed.problem().get())));
        }
        return judge(parsed.policy().orElseThrow(), hosts);
    }

    /** What a readable policy means for the domain's mail hosts. */
    static List<Finding> judge(MtaStsPolicy policy, MailHosts hosts) {
        if (policy.mode() == MtaStsPolicy.Mode.NONE) {
            // A withdrawn policy names no hosts and is meant to lapse: nothing else about it matters.
            return List.of(CheckFinding.MTASTS_TESTING.of(policy.mode().word()));
        }
        List<Finding> findings = new ArrayList<>();
        Set<DomainName> names = new LinkedHashSet<>();
        if (hosts.lookup().outcome().isConclusive()) {
            hosts.hosts().forEach(host -> host.name().ifPresent(names::add));
        } else {
            findings.add(CheckFinding.CHECK_INCOMPLETE.of(CheckArea.TRANSPORT, new LookupProblem(hosts.lookup())));
        }
        for (DomainName name : names) {
            if (!policy.matches(name)) {
                findings.add(CheckFinding.MTASTS_MX_NOT_COVERED.of(name.unicode(), Problem.shown(policy.patterns())));
            }
        }
        if (policy.mode() == MtaStsPolicy.Mode.TESTING) {
            findings.add(CheckFinding.MTASTS_TESTING.of(policy.mode().word()));
        }
        if (policy.maxAge() < SHORT_MAX_AGE) {
            findings.add(CheckFinding.MTASTS_SHORT_MAX_AGE.of(policy.maxAge()));
        }
        if (findings.isEmpty()) {
            String covered = names.isEmpty() ? policy.patterns()
                    : names.stream().map(DomainName::unicode).collect(Collectors.joining(", "));
            findings.add(CheckFinding.MTASTS_OK.of(policy.mode().word(), Problem.shown(covered)));
        }
        return findings;
    }
}
