package org.mailwright.publish;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ServerAddress;
import org.mailwright.dns.TxtStrings;
import org.mailwright.i18n.Messages;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * A change set as one RFC 2136 UPDATE message, and sending it. The records read before are the
 * prerequisite (section 2.4.2, or "no such record set" when there were none: 2.4.3), so a value
 * changed behind Mailwright's back makes the server refuse the whole update instead of
 * overwriting it. Only the records that change are deleted (class NONE, section 2.5.4) or added:
 * the site verification beside an SPF record is never touched.
 */
public final class DynamicUpdate {

    private DynamicUpdate() {
    }

    /** The UPDATE message for {@code changeSet}, unsigned: what a dry run shows and what is signed and sent. */
    public static Update message(ChangeSet changeSet) {
        Update update = new Update(wireName(changeSet.zone()));
        for (RecordChange change : changeSet.effective()) {
            Name owner = wireName(change.name());
            int type = change.type().code();
            if (change.published().isEmpty()) {
                update.absent(owner, type);
            }
            for (TxtData record : change.published()) {
                update.present(record(owner, type, 0, record));
            }
            for (TxtData record : change.removed()) {
                update.delete(record(owner, type, 0, record));
            }
            for (TxtData record : change.added()) {
                update.add(record(owner, type, change.ttl(), record));
            }
        }
        return update;
    }

    /**
     * The updates as a dry run shows them, one message per name: each section's records as a zone
     * file writes them, and the message's size before the signature is added.
     */
    public static String presentation(ChangeSet changeSet, Locale locale) {
        StringBuilder text = new StringBuilder();
        List<ChangeSet> messages = changeSet.perName();
        for (int m = 0; m < messages.size(); m++) {
            Update update = message(messages.get(m));
            text.append(";; ").append(Messages.get(locale, "publish.section.message", m + 1, messages.size())).append('\n');
            String[] headings = {"zone", "prerequisites", "update"};
            int[] sections = {Section.ZONE, Section.PREREQ, Section.UPDATE};
            for (int i = 0; i < sections.length; i++) {
                text.append(";; ").append(Messages.get(locale, "publish.section." + headings[i])).append('\n');
                for (Record record : update.getSection(sections[i])) {
                    text.append(sections[i] == Section.ZONE ? ";" + record.getName() + " IN SOA" : presentation(record))
                            .append('\n');
                }
            }
            text.append(";; ").append(Messages.get(locale, "publish.section.size", update.toWire().length)).append('\n');
        }
        return text.toString();
    }

    /** One record as a zone file writes it, its TXT strings quoted and escaped as in every export. */
    private static String presentation(Record record) {
        String line = record.getName() + " " + record.getTTL() + " " + DClass.string(record.getDClass()) + " "
                + Type.string(record.getType());
        if (record instanceof TXTRecord txt) {
            List<String> strings = new ArrayList<>();
            for (byte[] octets : txt.getStringsAsByteArrays()) {
                strings.add(new String(octets, StandardCharsets.UTF_8));
            }
            line += " " + TxtStrings.presentation(strings);
        }
        return line;
    }

    /**
     * Signs {@code changeSet}'s update with {@code key} (when given) and sends it over TCP to
     * {@code server}, the zone's primary, waiting at most {@code timeout}.
     */
    public static UpdateResult send(ChangeSet changeSet, ServerAddress server, Optional<TsigKey> key, Duration timeout) {
        Update update = message(changeSet);
        Message response;
        try {
            SimpleResolver primary = new SimpleResolver(new InetSocketAddress(server.host(), server.port()));
            // An update is not repeated over UDP after a loss: TCP says whether the server got it.
            primary.setTCP(true);
            primary.setTimeout(timeout);
            key.ifPresent(tsig -> primary.setTSIGKey(tsig.signer()));
            response = primary.sendAsync(update).toCompletableFuture().get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return UpdateResult.noAnswer(server, "interrupted");
        } catch (TimeoutException late) {
            return UpdateResult.noAnswer(server, "timeout");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            return UpdateResult.noAnswer(server, cause instanceof java.net.ConnectException ? "connection-refused"
                    : cause instanceof java.net.SocketTimeoutException || cause instanceof TimeoutException
                    ? "timeout" : "io");
        } catch (IllegalArgumentException unresolved) {
            return UpdateResult.noAnswer(server, "io");
        }
        return UpdateResult.of(server, response, key.isPresent());
    }

    /** A TXT record built from its octets, so no presentation escape ever changes what is sent. */
    private static Record record(Name owner, int type, long ttl, TxtData data) {
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        for (String string : data.strings()) {
            byte[] octets = string.getBytes(StandardCharsets.UTF_8);
            rdata.write(octets.length);
            rdata.writeBytes(octets);
        }
        return Record.newRecord(owner, type, DClass.IN, ttl, rdata.toByteArray());
    }

    static Name wireName(DomainName name) {
        try {
            return Name.fromString(name.ascii() + ".");
        } catch (TextParseException impossible) {
            throw new IllegalStateException("A checked domain name is a DNS name.", impossible);
        }
    }

    /** The rcode's mnemonic, with the TSIG error when the server gave one: {@code NOTAUTH}, {@code BADKEY}. */
    static String rcodeName(Message response) {
        TSIGRecord tsig = response.getTSIG();
        if (tsig != null && tsig.getError() != Rcode.NOERROR) {
            return Rcode.TSIGstring(tsig.getError());
        }
        return Rcode.string(response.getRcode());
    }
}
