package org.mailwright.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.dns.DomainName;
import org.mailwright.i18n.Messages;
import org.mailwright.propagation.ExpectedRecord;

/**
 * What a wizard ends with and what publishing sends: changes to record sets in one zone. Each
 * name appears once, at or below the zone.
 *
 * @param zone the zone the changes are made in (its apex)
 * @param changes the changes, in the order they are shown and sent
 */
public record ChangeSet(DomainName zone, List<RecordChange> changes) {

    /** The most changes one set may hold: a wizard makes a handful, a hostile file may claim millions. */
    public static final int MAX_CHANGES = 200;

    public ChangeSet {
        Objects.requireNonNull(zone, "zone");
        changes = List.copyOf(changes);
        if (changes.size() > MAX_CHANGES) {
            throw new IllegalArgumentException("A change set holds at most " + MAX_CHANGES + " changes.");
        }
        List<DomainName> names = new ArrayList<>();
        for (RecordChange change : changes) {
            if (!change.name().isAtOrBelow(zone)) {
                throw new IllegalArgumentException(change.name() + " is not in the zone " + zone + ".");
            }
            if (names.contains(change.name())) {
                throw new IllegalArgumentException(change.name() + " appears twice in one change set.");
            }
            names.add(change.name());
        }
    }

    public static ChangeSet of(DomainName zone, RecordChange... changes) {
        return new ChangeSet(zone, List.of(changes));
    }

    /** The changes that change something. */
    public List<RecordChange> effective() {
        return changes.stream().filter(change -> change.action() != RecordChange.Action.NONE).toList();
    }

    /**
     * The effective changes, each as a change set of its own: what is sent as one update message.
     * One name per message keeps each name's prerequisite and change together, and is what
     * least-privilege server policies judge rightly (Knot judges a whole message by one ACL rule).
     */
    public List<ChangeSet> perName() {
        return effective().stream().map(change -> ChangeSet.of(zone, change)).toList();
    }

    /**
     * The same changes made in {@code other} zone, when every name is at or below it (a zone the
     * user names in place of the one a wizard assumed); empty when one is not.
     */
    public Optional<ChangeSet> inZone(DomainName other) {
        return changes.stream().allMatch(change -> change.name().isAtOrBelow(other))
                ? Optional.of(new ChangeSet(other, changes)) : Optional.empty();
    }

    /** The diff's heading: the zone and how many changes, in {@code locale}'s words. */
    public String heading(Locale locale) {
        return Messages.get(locale, "cli.publish.heading", zone.ascii(), effective().size());
    }

    /** True when every name already has the records wanted. */
    public boolean isEmpty() {
        return effective().isEmpty();
    }

    /**
     * What Propagation watches for once the set is published: every name that keeps records, with
     * the records it should have (a name emptied has nothing to expect and is left out).
     */
    public List<ExpectedRecord> expectations() {
        return effective().stream()
                .filter(change -> !change.wanted().isEmpty())
                .map(change -> new ExpectedRecord(change.name().ascii(), change.type(),
                        change.wanted().stream().map(TxtData::value).toList()))
                .toList();
    }

    /** The host as a DNS web panel asks for it: relative to the zone, {@code @} for the apex. */
    public String relativeName(RecordChange change) {
        if (change.name().equals(zone)) {
            return "@";
        }
        String name = change.name().ascii();
        return name.substring(0, name.length() - zone.ascii().length() - 1);
    }
}
