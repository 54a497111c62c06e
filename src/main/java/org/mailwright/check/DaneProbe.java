package org.mailwright.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;
import org.xbill.DNS.TLSARecord;

/**
 * DANE for SMTP (RFC 7672): the TLSA records at {@code _25._tcp.<mail host>}, which senders use
 * only when they validate; so they must sit in a signed zone, and name the certificate as SMTP
 * does (DANE-TA or DANE-EE, usages 2 and 3). A host without TLSA records is no finding: DANE is
 * optional. Comparing the records with the certificate the host presents needs {@code --smtp}.
 */
final class DaneProbe implements Probe {

    /** The most mail hosts looked at. */
    static final int MAX_HOSTS = 8;

    private final SecondOpinion validation;

    DaneProbe(SecondOpinion validation) {
        this.validation = validation;
    }

    @Override
    public CheckArea area() {
        return CheckArea.TRANSPORT;
    }

    @Override
    public CompletableFuture<List<Finding>> run(CheckContext context) {
        return context.mailHosts().thenCompose(hosts -> {
            Set<DomainName> names = new LinkedHashSet<>();
            hosts.hosts().forEach(host -> host.name().ifPresent(names::add));
            List<CompletableFuture<Optional<Finding>>> checks = new ArrayList<>();
            names.stream().limit(MAX_HOSTS).forEach(host -> checks.add(host(context, host)));
            return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                    .thenApply(done -> checks.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
        });
    }

    private CompletableFuture<Optional<Finding>> host(CheckContext context, DomainName host) {
        Optional<DomainName> name = DomainName.parse("_25._tcp." + host.ascii()).name();
        if (name.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return context.lookup(name.get(), RecordType.TLSA).thenCompose(tlsa -> {
            if (tlsa.outcome() != Outcome.OK) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return validation.validate(context, name.get(), RecordType.TLSA).thenApply(verdict -> Optional.of(switch (verdict.status()) {
                case SECURE -> usageProblem(verdict.records())
                        .map(problem -> CheckFinding.DANE_MISMATCH.of(host.unicode(), problem))
                        .orElseGet(() -> CheckFinding.DANE_OK.of(host.unicode()));
                case INSECURE -> CheckFinding.DANE_MISMATCH.of(host.unicode(), Words.of("check.dane.unsigned"));
                case BOGUS -> CheckFinding.DANE_MISMATCH.of(host.unicode(), Words.of("check.dane.bogus", verdict.reason()));
                case FAILED -> CheckFinding.CHECK_INCOMPLETE.of(area(), Words.of("check.dnssec.no-answer"));
                case RESOLVER_BLIND -> CheckFinding.CHECK_INCOMPLETE.of(area(), Words.of("check.dnssec.resolver-blind"));
            }));
        });
    }

    /** RFC 7672 section 3.1.3: SMTP ignores PKIX-TA (0) and PKIX-EE (1) records; a set of only those protects nothing. */
    private static Optional<Words> usageProblem(List<org.xbill.DNS.Record> records) {
        boolean usable = records.stream().filter(TLSARecord.class::isInstance).map(TLSARecord.class::cast)
                .anyMatch(tlsa -> tlsa.getCertificateUsage() == TLSARecord.CertificateUsage.TRUST_ANCHOR_ASSERTION
                        || tlsa.getCertificateUsage() == TLSARecord.CertificateUsage.DOMAIN_ISSUED_CERTIFICATE);
        return usable ? Optional.empty() : Optional.of(Words.of("check.dane.pkix-usage"));
    }
}
