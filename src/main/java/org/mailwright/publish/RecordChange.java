package org.mailwright.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.RecordType;
import org.mailwright.i18n.Messages;

/**
 * One change to one record set: the TXT records at a name as they were read from the primary
 * server, and as they should be. The difference is what a dynamic update removes and adds; what
 * was read is the update's prerequisite, so a value changed since then is never overwritten
 * without the user seeing it.
 *
 * @param name the records' owner
 * @param type the record type (TXT: the records SPF, DKIM, DMARC, MTA-STS and TLS-RPT publish)
 * @param ttl the time to live of the records added
 * @param published the records at the name when it was read, in the server's order
 * @param wanted the records the name should have afterwards
 */
public record RecordChange(DomainName name, RecordType type, long ttl, List<TxtData> published, List<TxtData> wanted) {

    /** The longest TTL a record may have (RFC 2181 section 8: 2^31 - 1 seconds). */
    public static final long MAX_TTL = 2_147_483_647L;
    /** The TTL of a record published where none was before, until the user chooses another: an hour. */
    public static final long STANDARD_TTL = 3600;
    /** The most records one change may name on either side. */
    public static final int MAX_RECORDS = 100;

    public RecordChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (type != RecordType.TXT) {
            throw new IllegalArgumentException("Mailwright publishes TXT records only.");
        }
        if (ttl < 0 || ttl > MAX_TTL) {
            throw new IllegalArgumentException("A TTL is between 0 and 2147483647 seconds.");
        }
        published = distinct(published);
        wanted = distinct(wanted);
        if (published.size() > MAX_RECORDS || wanted.size() > MAX_RECORDS) {
            throw new IllegalArgumentException("A change names at most " + MAX_RECORDS + " records on either side.");
        }
    }

    /** What a change does, as the diff names it. */
    public enum Action {
        /** Nothing was published at the name: the records are new. */
        CREATE,
        /** Records are added beside those published, none removed. */
        ADD,
        /** Some published records are replaced by others. */
        REPLACE,
        /** Records are removed, none added. */
        DELETE,
        /** The name already has exactly the records wanted. */
        NONE;

        /** The action's name in JSON and on the command line: {@code create}, {@code replace}... */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What the user asked for a name: add a value, replace the record of its kind, or delete. */
    public sealed interface Intent {
        /** Adds {@code value} beside what is published (nothing when it is already there). */
        record Add(String value) implements Intent {
        }

        /**
         * Publishes {@code value} in place of the records of the same kind at the name (the old SPF
         * record, not the site verifications beside it); see {@link TxtFamily}.
         */
        record Replace(String value) implements Intent {
        }

        /** Removes the records whose value is {@code value}, or every record at the name when empty. */
        record Delete(Optional<String> value) implements Intent {
        }
    }

    /** The change that carries out {@code intent} at {@code name}, given what is published there now. */
    public static RecordChange plan(DomainName name, long ttl, List<TxtData> published, Intent intent) {
        List<TxtData> wanted = new ArrayList<>();
        if (intent instanceof Intent.Add add) {
            wanted.addAll(published);
            if (published.stream().noneMatch(record -> record.value().equals(add.value()))) {
                wanted.add(TxtData.of(add.value()));
            }
        } else if (intent instanceof Intent.Replace replace) {
            boolean kept = false;
            for (TxtData record : published) {
                if (record.value().equals(replace.value()) && !kept) {
                    wanted.add(record);
                    kept = true;
                } else if (!TxtFamily.sameRecord(name, record.value(), replace.value())) {
                    wanted.add(record);
                }
            }
            if (!kept) {
                wanted.add(TxtData.of(replace.value()));
            }
        } else if (intent instanceof Intent.Delete delete) {
            published.stream()
                    .filter(record -> delete.value().isPresent() && !record.value().equals(delete.value().get()))
                    .forEach(wanted::add);
        }
        return new RecordChange(name, RecordType.TXT, ttl, published, wanted);
    }

    /** The published records the change removes. */
    public List<TxtData> removed() {
        return published.stream().filter(record -> !wanted.contains(record)).toList();
    }

    /** The records the change adds. */
    public List<TxtData> added() {
        return wanted.stream().filter(record -> !published.contains(record)).toList();
    }

    /** How a diff marks a record. */
    public enum Mark {
        /** Published, and stays: {@code =}. */
        KEPT('='),
        /** Published, and taken out: {@code -}. */
        REMOVED('-'),
        /** Not published yet, and added: {@code +}. */
        ADDED('+');

        private final char symbol;

        Mark(char symbol) {
            this.symbol = symbol;
        }

        /** The sign the command line and the window put in front of the record. */
        public char symbol() {
            return symbol;
        }
    }

    /**
     * One line of a change's diff.
     *
     * @param mark whether the record is kept, removed or added
     * @param record the record
     */
    public record DiffLine(Mark mark, TxtData record) {
        public DiffLine {
            Objects.requireNonNull(mark, "mark");
            Objects.requireNonNull(record, "record");
        }
    }

    /** The change as a diff: each record published, kept or removed, in the server's order, then each record added. */
    public List<DiffLine> diff() {
        List<DiffLine> lines = new ArrayList<>();
        for (TxtData record : published) {
            lines.add(new DiffLine(wanted.contains(record) ? Mark.KEPT : Mark.REMOVED, record));
        }
        added().forEach(record -> lines.add(new DiffLine(Mark.ADDED, record)));
        return lines;
    }

    /** The diff's heading for this change: its name, type, TTL and what happens, in {@code locale}'s words. */
    public String heading(Locale locale) {
        return Messages.get(locale, "cli.publish.change", name.ascii(), type.name(), ttl,
                Messages.get(locale, "publish.action." + action().jsonName()));
    }

    public Action action() {
        boolean removes = !removed().isEmpty();
        boolean adds = !added().isEmpty();
        if (!removes && !adds) {
            return Action.NONE;
        }
        if (published.isEmpty()) {
            return Action.CREATE;
        }
        if (wanted.isEmpty()) {
            return Action.DELETE;
        }
        return removes && adds ? Action.REPLACE : adds ? Action.ADD : Action.DELETE;
    }

    /**
     * The same change made against what the server publishes now, the user's answer once told that
     * the records changed since they were read: what it removed stays removed, what it adds is
     * added, and where it replaced a record, whatever version of that record is there now is
     * replaced too (never two SPF records side by side).
     */
    public RecordChange against(List<TxtData> publishedNow) {
        boolean replaces = action() == Action.REPLACE || action() == Action.CREATE;
        List<TxtData> added = added();
        List<TxtData> after = new ArrayList<>();
        for (TxtData record : publishedNow) {
            boolean replaced = replaces && added.stream()
                    .anyMatch(adding -> TxtFamily.sameRecord(name, record.value(), adding.value()));
            if (!removed().contains(record) && !replaced) {
                after.add(record);
            }
        }
        added.stream().filter(record -> !after.contains(record)).forEach(after::add);
        return new RecordChange(name, type, ttl, publishedNow, after);
    }

    private static List<TxtData> distinct(List<TxtData> records) {
        return List.copyOf(new java.util.LinkedHashSet<>(records));
    }
}
