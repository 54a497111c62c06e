package org.mailwright.dmarc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.MxData;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;

/**
 * Checks the places a record sends its reports to: whether an external destination authorizes the
 * domain, and whether a report mailbox's domain can receive mail.
 *
 * <p>Authorization (RFC 9990 section 3): when the destination host's Organizational Domain differs
 * from that of the domain publishing the policy, receivers look for a TXT record starting with
 * {@code v=DMARC1} at {@code <policy domain>._report._dmarc.<destination host>} and send nothing
 * without it. A wildcard ({@code *._report._dmarc.<destination host>}) counts: the DNS answers
 * the specific name from it.
 */
public final class ReportDestinations {

    /** The record a destination publishes to accept a domain's reports. */
    public static final String AUTHORIZATION_RECORD = "v=DMARC1;";

    private static final String REPORT_LABELS = "._report._dmarc.";

    private final ResolverService resolver;
    private final ResolverTarget target;
    private final PolicyDiscovery discovery;

    public ReportDestinations(ResolverService resolver, ResolverTarget target) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
        this.discovery = new PolicyDiscovery(resolver, target);
    }

    /**
     * {@code <policyDomain>._report._dmarc.<destinationHost>}, which may be longer than a DNS name
     * can be (253 characters) when both names are long: then no receiver can ask it.
     */
    public static String authorizationName(String policyDomain, String destinationHost) {
        return DomainName.of(policyDomain).ascii() + REPORT_LABELS + DomainName.of(destinationHost).ascii();
    }

    /** The wildcard a destination may publish instead, to accept reports for every domain. */
    public static String wildcardName(String destinationHost) {
        return "*" + REPORT_LABELS + DomainName.of(destinationHost).ascii();
    }

    /**
     * Everything about one destination: its authorization and, for {@code mailto:}, its mailbox;
     * what {@code dmarc lint} and the DMARC wizard's reports step both check.
     */
    public CompletableFuture<DestinationReport> check(String policyDomain, DmarcTag tag, ReportUri uri) {
        CompletableFuture<DestinationCheck> authorization = checkAuthorization(policyDomain, tag, uri);
        CompletableFuture<Optional<MailboxCheck>> mailbox = uri.isMailto()
                ? checkMailbox(tag, uri).thenApply(Optional::of)
                : CompletableFuture.completedFuture(Optional.empty());
        return authorization.thenCombine(mailbox, DestinationReport::new);
    }

    /**
     * Whether {@code uri}, named in the {@code tag} of the record published for
     * {@code policyDomain}, may receive its reports. Destinations in the same organization need no
     * authorization, nor do destinations named by address (an https URI to an IP address); the two
     * Organizational Domains are found by the RFC 9989 tree walk.
     */
    public CompletableFuture<DestinationCheck> checkAuthorization(String policyDomain, DmarcTag tag, ReportUri uri) {
        String domain = DomainName.of(policyDomain).ascii();
        String host = uri.host();
        if (isAddress(host) || !DomainName.isValid(host) || DomainName.of(host).isAtOrBelow(DomainName.of(domain))) {
            return CompletableFuture.completedFuture(
                    new DestinationCheck(tag, uri, domain, false, DestinationCheck.Status.NOT_NEEDED, Optional.empty()));
        }
        CompletableFuture<TreeWalk> ours = discovery.treeWalk(domain);
        CompletableFuture<TreeWalk> theirs = discovery.treeWalk(host);
        return ours.thenCombine(theirs, (a, b) -> a.organizationalDomain().equals(b.organizationalDomain()))
                .thenCompose(sameOrganization -> {
                    if (sameOrganization) {
                        return CompletableFuture.completedFuture(new DestinationCheck(tag, uri, domain, false,
                                DestinationCheck.Status.NOT_NEEDED, Optional.empty()));
                    }
                    String name = authorizationName(domain, host);
                    if (name.length() > DomainName.MAX_LENGTH) {
                        return CompletableFuture.completedFuture(new DestinationCheck(tag, uri, domain, true,
                                DestinationCheck.Status.NAME_TOO_LONG, Optional.empty()));
                    }
                    return resolver.lookup(name, RecordType.TXT, target).thenApply(lookup ->
                            new DestinationCheck(tag, uri, domain, true, authorization(lookup), Optional.of(lookup)));
                });
    }

    /** Whether the domain of a {@code mailto:} destination, named in {@code tag}, can receive mail. */
    public CompletableFuture<MailboxCheck> checkMailbox(DmarcTag tag, ReportUri uri) {
        String host = uri.host();
        return resolver.lookup(host, RecordType.MX, target).thenCompose(mx -> switch (mx.outcome()) {
            case OK -> CompletableFuture.completedFuture(new MailboxCheck(tag, uri,
                    isNullMx(mx.mx()) ? MailboxCheck.Status.NULL_MX : MailboxCheck.Status.RECEIVES_MAIL, List.of(mx)));
            case NXDOMAIN -> CompletableFuture.completedFuture(
                    new MailboxCheck(tag, uri, MailboxCheck.Status.DOES_NOT_EXIST, List.of(mx)));
            // RFC 5321 section 5.1: without MX records, the domain's own address is the mail server.
            case NODATA -> resolver.lookup(host, RecordType.A, target)
                    .thenCombine(resolver.lookup(host, RecordType.AAAA, target), (a, aaaa) ->
                            new MailboxCheck(tag, uri, implicitMx(a, aaaa), List.of(mx, a, aaaa)));
            default -> CompletableFuture.completedFuture(
                    new MailboxCheck(tag, uri, MailboxCheck.Status.UNKNOWN, List.of(mx)));
        });
    }

    /** An IP address in place of a host name ({@code https://192.0.2.1/}, {@code [2001:db8::1]}): no DNS name to authorize. */
    private static boolean isAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":") || host.startsWith("[");
    }

    private static DestinationCheck.Status authorization(LookupResult lookup) {
        return switch (lookup.outcome()) {
            case OK -> lookup.values().stream().anyMatch(DmarcRecord::startsWithVersion)
                    ? DestinationCheck.Status.AUTHORIZED : DestinationCheck.Status.NOT_AUTHORIZED;
            case NXDOMAIN, NODATA -> DestinationCheck.Status.NOT_AUTHORIZED;
            default -> DestinationCheck.Status.UNKNOWN;
        };
    }

    /** RFC 7505: a single MX record with preference 0 and the root as its host. */
    private static boolean isNullMx(List<MxData> mx) {
        return mx.size() == 1 && mx.get(0).isNullMx();
    }

    private static MailboxCheck.Status implicitMx(LookupResult a, LookupResult aaaa) {
        if (a.outcome() == Outcome.OK || aaaa.outcome() == Outcome.OK) {
            return MailboxCheck.Status.RECEIVES_MAIL;
        }
        boolean answered = List.of(a, aaaa).stream().allMatch(r -> r.outcome() == Outcome.NODATA || r.outcome() == Outcome.NXDOMAIN);
        return answered ? MailboxCheck.Status.NO_MAIL_SERVER : MailboxCheck.Status.UNKNOWN;
    }
}
