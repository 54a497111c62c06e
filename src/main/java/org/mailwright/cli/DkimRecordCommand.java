package org.mailwright.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailwright.dkim.DkimDnsRecord;
import org.mailwright.dkim.DkimKey;
import org.mailwright.findings.Finding;
import org.mailwright.findings.Severity;
import org.mailwright.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code mailwright dkim record}: the record that publishes an existing private key, which is
 * read only when it proves it can sign; a key too short to be trusted comes with its finding.
 */
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
        List<Finding> findings = loaded.strengthFindings();
        if (options().json()) {
            Map<String, Object> json = jsonOf(record);
            json.put("strings", record.strings());
            json.put("zone_line", record.zoneLine());
            json.put("key_type", loaded.type().tagValue());
            json.put("bits", loaded.bits());
            json.put("findings", FindingText.json(findings, texts().locale()));
            out().println(Json.write(json));
        } else {
            printRecord(out(), texts(), record, findings);
        }
        return findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR) ? ExitCode.FAILED : ExitCode.OK;
    }

    /** The record in both forms admins paste (the value alone, and the zone-file line), then what is wrong with the key. */
    static void printRecord(PrintWriter out, Texts texts, DkimDnsRecord record, List<Finding> findings) {
        out.println(texts.get("cli.dkim.record.value", record.name()));
        out.println(record.value());
        out.println();
        out.println(texts.get("cli.dkim.record.zone-line"));
        out.println(record.zoneLine());
        if (!findings.isEmpty()) {
            out.println();
            FindingText.print(out, findings, texts, "");
        }
    }

    /** The fields that begin the JSON of {@code dkim record} and {@code dkim keygen}, in their order. */
    static Map<String, Object> jsonOf(DkimDnsRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domain", record.domain());
        json.put("selector", record.selector());
        json.put("name", record.name());
        json.put("record", record.value());
        return json;
    }
}
