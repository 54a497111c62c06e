package org.mailwright.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dmarc.DmarcLinter;
import org.mailwright.dmarc.DmarcRecord;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.MxData;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.spf.SpfLinter;

/**
 * A first look at a domain, as the Domain page shows it: its name servers, zone serial, mail
 * hosts and addresses as DNS answers them now, and its SPF and DMARC records judged by the very
 * linters the wizards and {@code mailwright spf lint} / {@code dmarc lint} use, so the page never
 * calls a record good that a linter finds wrong. Every aspect is asked at once and arrives on
 * its own, so a slow server holds up only its own row.
 */
public final class DomainOverview {

    /** One thing the overview looks at. */
    public enum Aspect {
        NS(RecordType.NS, ""),
        SOA(RecordType.SOA, ""),
        MX(RecordType.MX, ""),
        A(RecordType.A, ""),
        AAAA(RecordType.AAAA, ""),
        SPF(RecordType.TXT, ""),
        DMARC(RecordType.TXT, "_dmarc");

        private final RecordType type;
        private final String prefix;

        Aspect(RecordType type, String prefix) {
            this.type = type;
            this.prefix = prefix;
        }

        public RecordType type() {
            return type;
        }

        /** The name asked about for {@code domain}: the domain itself, or {@code _dmarc.} in front of it. */
        public DomainName nameFor(DomainName domain) {
            return prefix.isEmpty() ? domain : domain.prefixed(prefix);
        }
    }

    /** Why an aspect looks the way it does, beyond what the answer itself says. */
    public enum Note {
        /** Nothing to add. */
        NONE,
        /** No NS records: the name is not the top of a zone. */
        NO_NAME_SERVERS,
        /** No MX records: mail goes to the domain's address, if any. */
        NO_MAIL_HOSTS,
        /** A null MX (RFC 7505): the domain says it accepts no mail. */
        NULL_MX,
        /** No A or AAAA record: mail does not need one. */
        NO_ADDRESS
    }

    /**
     * What one aspect showed.
     *
     * @param aspect what was looked at
     * @param name the name asked about
     * @param answer the lookup of that name and type
     * @param severity how it stands: for SPF and DMARC the worst of the linter's findings; empty
     *     when no answer came back, so nobody can tell
     * @param note what the overview adds to the answer
     * @param records the values that matter (for SPF and DMARC only their own records)
     * @param findings the linter's findings, most serious first (SPF and DMARC only)
     */
    public record Item(Aspect aspect, DomainName name, LookupResult answer, Optional<Severity> severity, Note note,
                       List<String> records, List<Finding> findings) {
        public Item {
            Objects.requireNonNull(aspect, "aspect");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(note, "note");
            records = List.copyOf(records);
            findings = List.copyOf(findings);
        }
    }

    private final ResolverService resolver;
    private final ResolverTarget target;

    /**
     * @param resolver the service to ask; pass {@link ResolverService#fresh()} when the user asked
     *     for this look, so nothing is answered from before
     */
    public DomainOverview(ResolverService resolver, ResolverTarget target) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Starts looking at every aspect of {@code domain} at once; each future completes normally. */
    public Map<Aspect, CompletableFuture<Item>> look(DomainName domain) {
        Map<Aspect, CompletableFuture<Item>> items = new EnumMap<>(Aspect.class);
        for (Aspect aspect : Aspect.values()) {
            DomainName name = aspect.nameFor(domain);
            CompletableFuture<LookupResult> answer = resolver.lookup(name.ascii(), aspect.type(), target);
            items.put(aspect, switch (aspect) {
                // The linter asks alongside the lookup, so a silent server costs one wait, not two.
                case SPF -> answer.thenCombine(new SpfLinter(resolver, target).lint(domain.ascii()),
                        (txt, report) -> linted(aspect, name, txt, report.recordText().stream().toList(), report.findings()));
                case DMARC -> answer.thenCombine(new DmarcLinter(resolver, target).lint(domain.ascii()),
                        (txt, report) -> linted(aspect, name, txt, ownRecords(txt), report.findings()));
                default -> answer.thenApply(result -> judge(aspect, name, result));
            });
        }
        return items;
    }

    /** An aspect that is a plain lookup: what the answer says, and how it stands. */
    public static Item judge(Aspect aspect, DomainName name, LookupResult answer) {
        Outcome outcome = answer.outcome();
        if (!outcome.isAnswer()) {
            return new Item(aspect, name, answer, Optional.empty(), Note.NONE, List.of(), List.of());
        }
        // A server's answer that is a fault (SERVFAIL, a lame server, an alias loop...) is never a pass.
        if (outcome == Outcome.NXDOMAIN || !outcome.isConclusive()) {
            return new Item(aspect, name, answer, Optional.of(Severity.ERROR), Note.NONE, List.of(), List.of());
        }
        if (outcome == Outcome.NODATA) {
            return switch (aspect) {
                case NS -> new Item(aspect, name, answer, Optional.of(Severity.WARNING), Note.NO_NAME_SERVERS, List.of(), List.of());
                case MX -> new Item(aspect, name, answer, Optional.of(Severity.WARNING), Note.NO_MAIL_HOSTS, List.of(), List.of());
                case A, AAAA -> new Item(aspect, name, answer, Optional.of(Severity.INFO), Note.NO_ADDRESS, List.of(), List.of());
                default -> new Item(aspect, name, answer, Optional.of(Severity.WARNING), Note.NONE, List.of(), List.of());
            };
        }
        boolean nullMx = aspect == Aspect.MX && answer.mx().stream().anyMatch(MxData::isNullMx);
        return new Item(aspect, name, answer, Optional.of(nullMx ? Severity.INFO : Severity.PASS),
                nullMx ? Note.NULL_MX : Note.NONE, answer.values(), List.of());
    }

    private static Item linted(Aspect aspect, DomainName name, LookupResult answer, List<String> records, List<Finding> findings) {
        // A linter that finds nothing wrong says so by finding nothing.
        return new Item(aspect, name, answer, Optional.of(Severity.worstOf(findings).orElse(Severity.PASS)), Note.NONE,
                records, findings);
    }

    /** The TXT values at {@code _dmarc.<domain>} that are DMARC records, as published. */
    private static List<String> ownRecords(LookupResult txt) {
        return txt.values().stream().filter(value -> DmarcRecord.parse(value).isDmarc()).toList();
    }
}
