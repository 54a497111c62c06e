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

        /** The name, then what it held and what it holds now, on three lines, in {@code locale}'s words. */
        public String explain(Locale locale) {
            return Messages.get(locale, "cli.publish.changed-since", name.ascii()) + "\n  "
                    + Messages.get(locale, "cli.publish.changed-since.then", listed(then, locale)) + "\n  "
                    + Messages.get(locale, "cli.publish.changed-since.now", listed(now, locale));
        }

        private static String listed(List<TxtData> records, Locale locale) {
            return records.isEmpty() ? Messages.get(locale, "cli.publish.none")
                    : String.join(" | ", records.stream().map(TxtData::value).toList());
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
     * One update message's answer.
     *
     * @param name the name the message changed
     * @param result the server's answer
     */
    public record Sent(DomainName name, UpdateResult result) {
    }

    /**
     * How publishing ended: each message's answer in order (sending stops at the first one not
     * accepted), the names never sent, and, of those accepted, the names the primary does not
     * serve as wanted when read back.
     *
     * @param sent the messages sent and their answers
     * @param notSent the names not sent because an earlier message was not accepted
     * @param notServed the names accepted whose records, read back, are not the ones wanted
     */
    public record Outcome(List<Sent> sent, List<DomainName> notSent, List<DomainName> notServed) {

        public Outcome {
            sent = List.copyOf(sent);
            notSent = List.copyOf(notSent);
            notServed = List.copyOf(notServed);
        }

        /** True when the server accepted every message and now serves every record as wanted. */
        public boolean published() {
            return notSent.isEmpty() && notServed.isEmpty() && sent.stream().allMatch(one -> one.result().accepted());
        }

        /** The answer that decides: the first not accepted, else the last. */
        public UpdateResult result() {
            return sent.stream().map(Sent::result).filter(result -> !result.accepted()).findFirst()
                    .orElse(sent.get(sent.size() - 1).result());
        }

        /** The names the server accepted a change for. */
        public List<DomainName> accepted() {
            return sent.stream().filter(one -> one.result().accepted()).map(Sent::name).toList();
        }

        /** The status scripts read: accepted, not-served, unverified, refused or no-answer. */
        public String jsonName() {
            return published() || !result().accepted() ? result().status().jsonName() : "not-served";
        }

        /** What happened, in sentences. */
        public String explain(Locale locale) {
            UpdateResult decisive = result();
            String said = decisive.explain(locale);
            if (published()) {
                return said + " " + Messages.get(locale, "publish.outcome.served");
            }
            if (decisive.accepted()) {
                return said + " " + Messages.get(locale, "publish.outcome.not-served", names(notServed));
            }
            List<DomainName> made = accepted();
            if (made.isEmpty() && decisive.status() == UpdateResult.Status.REFUSED) {
                said += " " + Messages.get(locale, "publish.outcome.zone-unchanged");
            }
            if (!made.isEmpty()) {
                said += " " + Messages.get(locale, "publish.outcome.partly-made", names(made));
            }
            if (!notSent.isEmpty()) {
                said += " " + Messages.get(locale, "publish.outcome.not-sent", names(notSent));
            }
            if (decisive.changedSinceRead()) {
                said += " " + Messages.get(locale, "publish.outcome.read-again");
            }
            return said;
        }

        private static String names(List<DomainName> names) {
            return String.join(", ", names.stream().map(DomainName::ascii).toList());
        }
    }

    /**
     * Sends {@code changeSet} to {@code server} signed with {@code key}, one message per name
     * ({@link ChangeSet#perName()}), stopping at the first message not accepted; then reads every
     * name accepted back from the primary through {@code resolver} (past any cache). Blocks: call
     * it from a background thread.
     */
    public static Outcome send(ResolverService resolver, ServerAddress server, TsigKey key, ChangeSet changeSet,
            Duration timeout) {
        List<Sent> sent = new ArrayList<>();
        List<DomainName> notSent = new ArrayList<>();
        for (ChangeSet one : changeSet.perName()) {
            DomainName name = one.changes().get(0).name();
            if (!sent.isEmpty() && !sent.get(sent.size() - 1).result().accepted()) {
                notSent.add(name);
            } else {
                sent.add(new Sent(name, DynamicUpdate.send(one, server, Optional.of(key), timeout)));
            }
        }
        ResolverService check = resolver.newCheck();
        List<RecordChange> accepted = changeSet.effective().stream()
                .filter(change -> sent.stream().anyMatch(one -> one.name().equals(change.name()) && one.result().accepted()))
                .toList();
        List<CompletableFuture<PublishedRecords>> reads = accepted.stream()
                .map(change -> PublishedRecords.read(check, server, change.name())).toList();
        List<DomainName> notServed = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            PublishedRecords after = reads.get(i).join();
            if (!after.readable() || !Set.copyOf(after.records()).equals(Set.copyOf(accepted.get(i).wanted()))) {
                notServed.add(accepted.get(i).name());
            }
        }
        return new Outcome(sent, notSent, notServed);
    }
}
