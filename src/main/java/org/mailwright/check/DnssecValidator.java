package org.mailwright.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ServerAddress;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * DNSSEC validation of one question, through dnsjava's validating resolver: the answer comes
 * from a resolver (one that passes DNSSEC records on) and is validated here, from the root's
 * trust anchors or those of a file, never trusting the resolver's own AD flag.
 */
final class DnssecValidator {

    /** The root zone's key-signing keys, KSK-2017 and KSK-2024, as IANA publishes them (root-anchors.xml). */
    static final String ROOT_ANCHORS = """
            . IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D
            . IN DS 38696 8 2 683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16
            """;
    /** The most a trust anchor file may weigh: a few keys, not a zone. */
    static final int MAX_ANCHOR_BYTES = 64 * 1024;

    /** What validation showed. */
    enum Status {
        /** The answer's signatures lead to a trust anchor. */
        SECURE,
        /** The zone is provably unsigned, or no trust anchor covers it. */
        INSECURE,
        /** Signatures should be there and do not validate. */
        BOGUS,
        /** No answer to validate came back. */
        FAILED,
        /**
         * The resolver does not pass on what validation needs: the trust anchor's own keys did not
         * validate through it, so no verdict on any domain through it would be believable.
         */
        RESOLVER_BLIND
    }

    /**
     * A validation's result.
     *
     * @param status how it stands
     * @param reason the validator's reason, in English, for bogus or insecure; empty when none was given
     * @param records the answer's records of the asked type, when secure or insecure
     */
    record Verdict(Status status, String reason, List<Record> records) {
        Verdict {
            Objects.requireNonNull(status, "status");
            reason = reason == null ? "" : reason;
            records = List.copyOf(records);
        }
    }

    private final ValidatingResolver validator;
    private final Executor executor;
    private final Name anchorZone;
    private CompletableFuture<Boolean> chainWorks;

    private DnssecValidator(ValidatingResolver validator, Executor executor, Name anchorZone) {
        this.validator = validator;
        this.executor = executor;
        this.anchorZone = anchorZone;
    }

    /**
     * A validator asking {@code server}, with the trust anchors of {@code anchorFile} or the root's.
     *
     * @throws IOException when the anchor file cannot be read or holds no anchor
     */
    static DnssecValidator of(ServerAddress server, Duration timeout, Optional<Path> anchorFile, Clock clock,
                              Executor executor) throws IOException {
        SimpleResolver head = new SimpleResolver(new InetSocketAddress(server.host(), server.port()));
        head.setTimeout(timeout);
        ValidatingResolver validator = new ValidatingResolver(head, clock);
        validator.setTimeout(timeout);
        validator.setAddReasonToAdditional(true);
        try (InputStream anchors = anchorFile.isPresent() ? boundedAnchors(anchorFile.get())
                : new ByteArrayInputStream(ROOT_ANCHORS.getBytes(StandardCharsets.US_ASCII))) {
            validator.loadTrustAnchors(anchors);
        }
        if (validator.getTrustAnchors().items().isEmpty()) {
            throw new IOException("no DS or DNSKEY record");
        }
        return new DnssecValidator(validator, executor, validator.getTrustAnchors().items().iterator().next().getName());
    }

    /**
     * Validates the answer to {@code name} {@code type}; the future always completes normally.
     * When the resolver cannot validate the trust anchor's own keys, the verdict is
     * {@link Status#RESOLVER_BLIND}, never bogus: a resolver that strips DNSSEC records is not the domain's fault.
     */
    CompletableFuture<Verdict> validate(DomainName name, RecordType type) {
        return chainWorks().thenCompose(works -> works
                ? ask(name.ascii() + ".", type.code()).thenApply(reply -> verdict(reply, type.code()))
                        .exceptionally(failure -> new Verdict(Status.FAILED, "", List.of()))
                : CompletableFuture.completedFuture(new Verdict(Status.RESOLVER_BLIND, "", List.of())));
    }

    /** Whether the anchor's zone's keys validate through this resolver: asked once, for every domain after. */
    private synchronized CompletableFuture<Boolean> chainWorks() {
        if (chainWorks == null) {
            chainWorks = ask(anchorZone.toString(), org.xbill.DNS.Type.DNSKEY)
                    .thenApply(reply -> verdict(reply, org.xbill.DNS.Type.DNSKEY).status() == Status.SECURE)
                    .exceptionally(failure -> false);
        }
        return chainWorks;
    }

    private CompletableFuture<Message> ask(String name, int type) {
        try {
            return validator.sendAsync(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)), executor)
                    .toCompletableFuture();
        } catch (TextParseException impossible) {
            return CompletableFuture.failedFuture(impossible);
        }
    }

    private static Verdict verdict(Message reply, int type) {
        String reason = reason(reply);
        if (reply.getRcode() == Rcode.SERVFAIL) {
            // The validator answers SERVFAIL for a bogus answer and says why; without a reason the resolver itself failed.
            return new Verdict(reason.isEmpty() ? Status.FAILED : Status.BOGUS, reason, List.of());
        }
        List<Record> records = reply.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
        return new Verdict(reply.getHeader().getFlag(Flags.AD) ? Status.SECURE : Status.INSECURE, reason, records);
    }

    private static String reason(Message reply) {
        for (RRset set : reply.getSectionRRsets(Section.ADDITIONAL)) {
            if (set.getName().equals(Name.root) && set.getType() == org.xbill.DNS.Type.TXT
                    && set.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS) {
                return String.join(" ", ((TXTRecord) set.first()).getStrings());
            }
        }
        return "";
    }

    private static InputStream boundedAnchors(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_ANCHOR_BYTES + 1);
        }
        if (bytes.length > MAX_ANCHOR_BYTES) {
            throw new IOException("larger than " + MAX_ANCHOR_BYTES + " bytes");
        }
        return new ByteArrayInputStream(bytes);
    }
}
