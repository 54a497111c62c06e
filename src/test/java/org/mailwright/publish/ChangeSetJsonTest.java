package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DomainName;
import org.mailwright.i18n.ProblemException;
import org.mailwright.publish.RecordChange.Intent;

class ChangeSetJsonTest {

    private static final DomainName ZONE = DomainName.of("example.com");

    @Test
    void aChangeSetReadsBackAsItWasWritten() throws IOException {
        String longKey = "v=DKIM1; k=rsa; p=" + "A".repeat(400);
        ChangeSet written = new ChangeSet(ZONE, List.of(
                RecordChange.plan(DomainName.of("_dmarc.example.com"), 3600, List.of(TxtData.of("v=DMARC1; p=none")),
                        new Intent.Replace("v=DMARC1; p=reject")),
                RecordChange.plan(DomainName.of("s1._domainkey.example.com"), 600,
                        List.of(new TxtData(List.of("v=DKIM1; ", "p=OLD"))), new Intent.Replace(longKey)),
                RecordChange.plan(DomainName.of("bücher.example.com"), 60, List.of(), new Intent.Add("ünïcode \"quoted\""))));

        ChangeSet read = read(ChangeSetJson.write(written));

        assertEquals(written, read);
    }

    @Test
    void recordsCutOtherwiseThanUsualAreWrittenAsTheirStrings() {
        ChangeSet set = ChangeSet.of(ZONE, RecordChange.plan(ZONE, 300,
                List.of(new TxtData(List.of("v=spf1 ", "-all"))), new Intent.Delete(java.util.Optional.empty())));

        String json = ChangeSetJson.write(set);

        assertTrue(json.contains("[ \"v=spf1 \", \"-all\" ]"), json);
        assertTrue(json.contains("\"action\" : \"delete\""), json);
    }

    @Test
    void eachMistakeIsOneSentenceNamingWhere() {
        assertProblem("{\"zone\": \"example.com\"}", "\"changes\"");
        assertProblem("{\"zone\": \"example.com\", \"changes\": [{\"name\": \"x.example.org\", \"type\": \"TXT\", \"ttl\": 1,"
                + " \"published\": [], \"new\": []}]}", "not in the zone example.com");
        assertProblem("{\"zone\": \"example.com\", \"changes\": [{\"name\": \"example.com\", \"type\": \"MX\", \"ttl\": 1,"
                + " \"published\": [], \"new\": []}]}", "TXT records only");
        assertProblem("{\"zone\": \"example.com\", \"changes\": [{\"name\": \"example.com\", \"type\": \"TXT\","
                + " \"ttl\": -5, \"published\": [], \"new\": []}]}", "Line 1");
        assertProblem("{\"zone\": \"exa mple\", \"changes\": []}", "not a domain name");
        assertProblem("{\"zone\": \"example.com\", \"changes\": [] ", "not valid JSON");
        assertProblem("{\"zone\": \"example.com\", \"zone\": \"example.org\", \"changes\": []}", "not valid JSON");
        assertProblem("[" .repeat(50), "should start with {");
        assertProblem("{\"zone\": \"example.com\", \"extra\": " + "[".repeat(50), "limit");
    }

    @Test
    void hostileSizesAreRefusedBeforeAnythingIsBuilt() {
        assertProblem(" ".repeat(ChangeSetJson.MAX_BYTES + 1), "larger than");
        StringBuilder many = new StringBuilder("{\"zone\": \"example.com\", \"changes\": [");
        for (int i = 0; i <= ChangeSet.MAX_CHANGES; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\": \"n").append(i)
                    .append(".example.com\", \"type\": \"TXT\", \"ttl\": 1, \"published\": [], \"new\": [\"x\"]}");
        }
        assertProblem(many.append("]}").toString(), "at most 200 changes");
        assertProblem("{\"zone\": \"example.com\", \"changes\": [{\"name\": \"example.com\", \"type\": \"TXT\", \"ttl\": 1,"
                + " \"published\": [], \"new\": [[\"" + "x".repeat(256) + "\"]]}]}", "too long");
    }

    private static void assertProblem(String json, String expected) {
        ProblemException problem = assertThrows(ProblemException.class, () -> read(json));
        String sentence = problem.problem().text(Locale.ENGLISH);
        assertTrue(sentence.contains(expected), sentence);
        assertTrue(!problem.problem().text(Locale.forLanguageTag("es")).startsWith("["), "said in Spanish too");
    }

    private static ChangeSet read(String json) throws IOException {
        return ChangeSetJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
