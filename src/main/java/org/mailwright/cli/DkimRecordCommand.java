package org.mailwright.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mailwright.dkim.DkimDnsRecord;
import org.mailwright.dkim.DkimKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mailwright dkim record}: the record that publishes an existing private key. */
@Command(name = "record", sortOptions = false)
final class DkimRecordCommand extends Subcommand {

    @Mixin
    private DkimNameOptions name;

    @Mixin
    private DkimKeyOptions key;

    @Override
    public Integer call() {
        DkimKey loaded = key.load(texts());
        DkimDnsRecord record = name.record(texts(), loaded.record());
        if (options().json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("domain", record.domain());
            json.put("selector", record.selector());
            json.put("name", record.name());
            json.put("record", record.value());
            json.put("strings", record.strings());
            json.put("zone_line", record.zoneLine());
            json.put("key_type", loaded.type().tagValue());
            json.put("bits", loaded.bits());
            out().println(Json.write(json));
        } else {
            printRecord(out(), texts(), record);
        }
        return ExitCode.OK;
    }

    /** The record in both forms admins paste: the value alone, and the zone-file line. */
    static void printRecord(PrintWriter out, Texts texts, DkimDnsRecord record) {
        out.println(texts.get("cli.dkim.record.value", record.name()));
        out.println(record.value());
        out.println();
        out.println(texts.get("cli.dkim.record.zone-line"));
        out.println(record.zoneLine());
    }
}
