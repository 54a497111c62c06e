package org.mailwright.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ServerAddress;
import org.mailwright.i18n.Messages;

/**
 * Publishing, step by step, for the command line and the window alike: a change planned against
 * what the zone's primary publishes now; a saved change set read again before it is sent, with
 * every record changed since named; the update sent and, once accepted, read back from the primary
 * before anyone is told it is published.
 */
public final class Publication {

    private Publication() {
    }

    /**
     * A change set read against the primary now.
     *
     * @param changeSet the changes, against what is published now (empty when a name could not be read)
     * @param conflicts the names whose records changed since the set was made, where that still matters
     * @param unreadable the first name the primary could not answer for, when there was one
     */
    public record Reading(Optional<ChangeSet> changeSet, List<Conflict> conflicts, Optional<PublishedRecords> unreadable) {

        public Reading {
            conflicts = List.copyOf(conflicts);
        }
    }

    /**
     * Records changed behind Mailwright's back: what the change set was made against and what is there now.
     *
     * @param name the records' owner
     * @param then the records the set was made against
     * @param now the records the primary publishes now
     */
    public record Conflict(DomainName name, List<TxtData> then, List<TxtData> now) {

        public Conflict {
            then = List.copyOf(then);
            now = List.copyOf(now);
        }
    }

    /**
     * {@code intent} at {@code name}, planned against what {@code server} publishes there now. The
     * TTL is {@code ttl} when given, else that of the records published, else {@link RecordChange#STANDARD_TTL}.
     */
    public static CompletableFuture<Reading> plan(ResolverService resolver, ServerAddress server, DomainName zone,
            DomainName name, RecordChange.Intent intent, OptionalLong ttl) {
        return PublishedRecords.read(resolver, server, name).thenApply(now -> {
            if (!now.readable()) {
                return new Reading(Optional.empty(), List.of(), Optional.of(now));
            }
            long recordTtl = ttl.orElse(now.lookup().hasTtl() && !now.records().isEmpty()
                    ? now.lookup().ttl() : RecordChange.STANDARD_TTL);
            return new Reading(Optional.of(ChangeSet.of(zone, RecordChange.plan(name, recordTtl, now.records(), intent))),
                    List.of(), Optional.empty());
        });
    }

    /**
     * {@code saved} read again against {@code server}: each change made against what is there now
     * ({@link RecordChange#against}), and each name whose records changed since listed as a
     * conflict, unless they changed to exactly what the set wants.
     */
    public static CompletableFuture<Reading> readAgain(ResolverService resolver, ServerAddress server, ChangeSet saved) {
        List<CompletableFuture<PublishedRecords>> reads = saved.changes().stream()
                .map(change -> PublishedRecords.read(resolver, server, change.name())).toList();
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<RecordChange> current = new ArrayList<>();
            List<Conflict> conflicts = new ArrayList<>();
            for (int i = 0; i < reads.size(); i++) {
                PublishedRecords now = reads.get(i).join();
                RecordChange change = saved.changes().get(i);
                if (!now.readable()) {
                    return new Reading(Optional.empty(), List.of(), Optional.of(now));
                }
                RecordChange rebased = change.against(now.records());
                current.add(rebased);
                if (!now.records().equals(change.published()) && rebased.action() != RecordChange.Action.NONE) {
                    conflicts.add(new Conflict(change.name(), change.published(), now.records()));
                }
            }
            return new Reading(Optional.of(new ChangeSet(saved.zone(), current)), conflicts, Optional.empty());
        });
    }

    /**
     * How publishing ended: the server's answer and, when it accepted, the names the primary does
     * not serve as wanted when read back.
     *
     * @param result the server's answer to the update
     * @param notServed the names whose records, read back, are not the ones wanted
     */
    public record Outcome(UpdateResult result, List<DomainName> notServed) {

        public Outcome {
            notServed = List.copyOf(notServed);
        }

        /** True when the server accepted the update and now serves every record as wanted. */
        public boolean published() {
            return result.accepted() && notServed.isEmpty();
        }

        /** The status scripts read: accepted, not-served, unverified, refused or no-answer. */
        public String jsonName() {
            return result.accepted() && !notServed.isEmpty() ? "not-served" : result.status().jsonName();
        }

        /** What happened, in sentences. */
        public String explain(Locale locale) {
            String said = result.explain(locale);
            if (published()) {
                return said + " " + Messages.get(locale, "publish.outcome.served");
            }
            if (result.accepted()) {
                return said + " " + Messages.get(locale, "publish.outcome.not-served",
                        String.join(", ", notServed.stream().map(DomainName::ascii).toList()));
            }
            if (result.status() == UpdateResult.Status.REFUSED) {
                said += " " + Messages.get(locale, "publish.outcome.zone-unchanged");
            }
            if (result.changedSinceRead()) {
                said += " " + Messages.get(locale, "publish.outcome.read-again");
            }
            return said;
        }
    }

    /**
     * Sends {@code changeSet} to {@code server} signed with {@code key} and, when it is accepted,
     * reads every changed name back from the primary through {@code resolver} (past any cache).
     * Blocks: call it from a background thread.
     */
    public static Outcome send(ResolverService resolver, ServerAddress server, TsigKey key, ChangeSet changeSet,
            Duration timeout) {
        UpdateResult result = DynamicUpdate.send(changeSet, server, Optional.of(key), timeout);
        if (!result.accepted()) {
            return new Outcome(result, List.of());
        }
        ResolverService check = resolver.newCheck();
        List<RecordChange> changes = changeSet.effective();
        List<CompletableFuture<PublishedRecords>> reads = changes.stream()
                .map(change -> PublishedRecords.read(check, server, change.name())).toList();
        List<DomainName> notServed = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            PublishedRecords after = reads.get(i).join();
            if (!after.readable() || !Set.copyOf(after.records()).equals(Set.copyOf(changes.get(i).wanted()))) {
                notServed.add(changes.get(i).name());
            }
        }
        return new Outcome(result, notServed);
    }
}
