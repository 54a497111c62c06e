package org.mailwright.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailwright.dns.ServerAddress;
import org.mailwright.i18n.Messages;

/**
 * A change set in the forms admins carry to their DNS host: zone-file lines, an {@code nsupdate}
 * script and a sheet for web panels. JSON is {@link ChangeSetJson}. Each form says the same
 * changes; the window and the CLI print these, never forms of their own.
 */
public final class ChangeSetExport {

    private ChangeSetExport() {
    }

    /**
     * The records the zone should have at each changed name, as BIND zone-file lines (absolute
     * names, TTL, TXT values cut into strings of at most 255 octets), with the records to take out
     * as comments above them.
     */
    public static String zoneSnippet(ChangeSet changeSet, Locale locale) {
        StringBuilder text = new StringBuilder();
        text.append("; ").append(Messages.get(locale, "publish.export.zone.heading", changeSet.zone().ascii(),
                changeSet.effective().size())).append('\n');
        for (RecordChange change : changeSet.effective()) {
            text.append('\n').append("; ").append(Messages.get(locale, "publish.export.zone.change",
                    change.name().ascii(), change.type().name(), Messages.get(locale, "publish.action." + change.action().jsonName())))
                    .append('\n');
            for (TxtData removed : change.removed()) {
                text.append("; ").append(Messages.get(locale, "publish.export.zone.remove")).append(' ')
                        .append(zoneLine(change, removed)).append('\n');
            }
            for (TxtData record : change.wanted()) {
                text.append(zoneLine(change, record)).append('\n');
            }
        }
        return text.toString();
    }

    private static String zoneLine(RecordChange change, TxtData record) {
        return change.name().ascii() + ". " + change.ttl() + " IN " + change.type().name() + " " + record.presentation();
    }

    /**
     * A script for {@code nsupdate -k KEYFILE}: the records read as the prerequisite (RFC 2136
     * section 2.4), the deletions and additions, and {@code send}. The key is not in it, so the
     * script can be shown, saved and mailed.
     */
    public static String nsupdateScript(ChangeSet changeSet, Optional<ServerAddress> server, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add("; " + Messages.get(locale, "publish.export.nsupdate.heading"));
        server.ifPresent(address -> lines.add("server " + address.host() + " " + address.port()));
        lines.add("zone " + changeSet.zone().ascii() + ".");
        for (RecordChange change : changeSet.effective()) {
            String owner = change.name().ascii() + ". ";
            if (change.published().isEmpty()) {
                lines.add("prereq nxrrset " + owner + change.type().name());
            }
            for (TxtData record : change.published()) {
                lines.add("prereq yxrrset " + owner + change.type().name() + " " + record.presentation());
            }
            for (TxtData record : change.removed()) {
                lines.add("update delete " + owner + change.type().name() + " " + record.presentation());
            }
            for (TxtData record : change.added()) {
                lines.add("update add " + owner + change.ttl() + " " + change.type().name() + " " + record.presentation());
            }
        }
        lines.add("send");
        return String.join("\n", lines) + "\n";
    }

    /**
     * The fields a DNS web panel asks for, one row per record to add or remove: the host relative
     * to the zone and in full, the type, the value unquoted (panels cut and quote it themselves) and
     * the TTL.
     */
    public static List<PanelRow> panelSheet(ChangeSet changeSet) {
        List<PanelRow> rows = new ArrayList<>();
        for (RecordChange change : changeSet.effective()) {
            for (TxtData record : change.removed()) {
                rows.add(new PanelRow(PanelRow.Step.REMOVE, changeSet.relativeName(change), change.name().ascii(),
                        change.type().name(), record.value(), change.ttl()));
            }
            for (TxtData record : change.added()) {
                rows.add(new PanelRow(PanelRow.Step.ADD, changeSet.relativeName(change), change.name().ascii(),
                        change.type().name(), record.value(), change.ttl()));
            }
        }
        return rows;
    }

    /** The panel sheet as text: a block of fields per record, in the user's language. */
    public static String panelText(ChangeSet changeSet, Locale locale) {
        StringBuilder text = new StringBuilder();
        for (PanelRow row : panelSheet(changeSet)) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(Messages.get(locale, "publish.panel.step." + row.step().jsonName())).append('\n');
            text.append("  ").append(Messages.get(locale, "publish.panel.host")).append(": ").append(row.host()).append('\n');
            text.append("  ").append(Messages.get(locale, "publish.panel.fqdn")).append(": ").append(row.fqdn()).append('\n');
            text.append("  ").append(Messages.get(locale, "publish.panel.type")).append(": ").append(row.type()).append('\n');
            text.append("  ").append(Messages.get(locale, "publish.panel.value")).append(": ").append(row.value()).append('\n');
            text.append("  ").append(Messages.get(locale, "publish.panel.ttl")).append(": ").append(row.ttl()).append('\n');
        }
        return text.toString();
    }

    /**
     * One record to enter in (or take out of) a DNS web panel.
     *
     * @param step whether the record is added or removed
     * @param host the host relative to the zone, {@code @} for the apex
     * @param fqdn the whole name, for panels that want it
     * @param type the record type
     * @param value the value as one unquoted text
     * @param ttl the time to live in seconds
     */
    public record PanelRow(Step step, String host, String fqdn, String type, String value, long ttl) {

        public enum Step {
            ADD,
            REMOVE;

            public String jsonName() {
                return name().toLowerCase(Locale.ROOT);
            }
        }
    }
}
