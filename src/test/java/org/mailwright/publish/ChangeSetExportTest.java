package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ServerAddress;
import org.mailwright.publish.ChangeSetExport.PanelRow;
import org.mailwright.publish.RecordChange.Intent;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

class ChangeSetExportTest {

    private static final DomainName ZONE = DomainName.of("example.com");
    private static final String KEY = "v=DKIM1; k=rsa; p=" + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".repeat(9);

    private static ChangeSet sample() {
        return new ChangeSet(ZONE, List.of(
                RecordChange.plan(ZONE, 3600, List.of(TxtData.of("v=spf1 -all"), TxtData.of("verification=1")),
                        new Intent.Replace("v=spf1 mx -all")),
                RecordChange.plan(DomainName.of("s1._domainkey.example.com"), 600, List.of(), new Intent.Add(KEY)),
                RecordChange.plan(DomainName.of("_dmarc.example.com"), 300, List.of(), new Intent.Add("quote \" back\\slash ñ"))));
    }

    @Test
    void theZoneSnippetMeansTheRecordsWantedToAnIndependentZoneParser() throws IOException {
        String snippet = ChangeSetExport.zoneSnippet(sample(), Locale.ENGLISH);

        List<Record> parsed = new ArrayList<>();
        try (Master zone = new Master(new ByteArrayInputStream(snippet.getBytes(StandardCharsets.UTF_8)), Name.root, 0)) {
            for (Record record = zone.nextRecord(); record != null; record = zone.nextRecord()) {
                parsed.add(record);
            }
        }

        List<String> values = parsed.stream().map(record -> record.getName() + " " + record.getTTL() + " "
                + joined((TXTRecord) record)).toList();
        assertEquals(List.of("example.com. 3600 verification=1", "example.com. 3600 v=spf1 mx -all",
                "s1._domainkey.example.com. 600 " + KEY, "_dmarc.example.com. 300 quote \" back\\slash ñ"), values);
        assertTrue(snippet.contains("; remove: example.com. 3600 IN TXT \"v=spf1 -all\""), snippet);
        snippet.lines().filter(line -> line.contains("\"")).forEach(line ->
                assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "escaped as plain ASCII: " + line));
    }

    @Test
    void theNsupdateScriptGuardsEachChangeWithWhatWasRead() {
        String script = ChangeSetExport.nsupdateScript(sample(), Optional.of(new ServerAddress("192.0.2.53", 5353)), Locale.ENGLISH);

        assertTrue(script.contains("server 192.0.2.53 5353\nzone example.com.\n"), script);
        assertTrue(script.contains("prereq yxrrset example.com. TXT \"v=spf1 -all\"\n"
                + "prereq yxrrset example.com. TXT \"verification=1\"\n"
                + "update delete example.com. TXT \"v=spf1 -all\"\n"
                + "update add example.com. 3600 TXT \"v=spf1 mx -all\"\n"), script);
        assertTrue(script.contains("prereq nxrrset s1._domainkey.example.com. TXT\n"), script);
        assertTrue(script.endsWith("send\n"), script);
    }

    @Test
    void thePanelSheetGivesEachFieldUnquotedWithTheHostRelativeAndInFull() {
        List<PanelRow> rows = ChangeSetExport.panelSheet(sample());

        assertEquals(new PanelRow(PanelRow.Step.REMOVE, "@", "example.com", "TXT", "v=spf1 -all", 3600), rows.get(0));
        assertEquals(new PanelRow(PanelRow.Step.ADD, "@", "example.com", "TXT", "v=spf1 mx -all", 3600), rows.get(1));
        assertEquals(new PanelRow(PanelRow.Step.ADD, "s1._domainkey", "s1._domainkey.example.com", "TXT", KEY, 600), rows.get(2));
        assertEquals(4, rows.size());
        assertTrue(ChangeSetExport.panelText(sample(), Locale.forLanguageTag("es")).startsWith("Quite este registro\n  Host: @\n"));
    }

    private static String joined(TXTRecord record) {
        StringBuilder value = new StringBuilder();
        for (Object octets : record.getStringsAsByteArrays()) {
            value.append(new String((byte[]) octets, StandardCharsets.UTF_8));
        }
        return value.toString();
    }
}
