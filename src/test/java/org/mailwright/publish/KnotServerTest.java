package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * The Knot fixture itself: it starts, serves the zone it was given, applies a TSIG-signed dynamic
 * update that its ACL allows, and refuses one signed with a key it does not know or with the
 * wrong secret, leaving the zone as it was.
 */
class KnotServerTest {

    private static final String ZONE = "example.test";
    private static final String UPDATE_ACL = """
            acl:
              - id: mailwright-update
                key: mailwright
                action: update
            """;

    private final KnotServer.TsigKey key = KnotServer.TsigKey.random("mailwright", "hmac-sha256");
    private KnotServer knot;

    @BeforeEach
    void startKnot() {
        knot = KnotServer.builder()
                .zone(ZONE, """
                        @    TXT "v=spf1 -all"
                        www  A   192.0.2.80
                        """)
                .key(key)
                .acl(UPDATE_ACL)
                .zoneAcl(ZONE, "mailwright-update")
                .start();
    }

    @AfterEach
    void stopKnot() {
        if (knot != null) {
            knot.close();
        }
    }

    @Test
    void servesTheZoneItWasGivenOnLoopback() {
        assertEquals("127.0.0.1", knot.host());
        assertTrue(knot.port() > 0);
        assertEquals(List.of("v=spf1 -all"), knot.txt(ZONE));
        assertEquals(1, knot.query("www." + ZONE, Type.A).size());
        assertEquals(1, knot.serial(ZONE));
        assertTrue(knot.zoneFileText(ZONE).contains("v=spf1 -all"), knot.zoneFileText(ZONE));
    }

    @Test
    void aSignedUpdateTheAclAllowsIsApplied() throws Exception {
        Message response = knot.send(spfUpdate("v=spf1 mx -all"), key);

        assertEquals(Rcode.NOERROR, response.getRcode(), Rcode.string(response.getRcode()) + "\n" + knot.log());
        assertEquals(List.of("v=spf1 mx -all"), knot.txt(ZONE));
        assertEquals(2, knot.serial(ZONE));
        assertTrue(knot.zoneFileText(ZONE).contains("v=spf1 mx -all"), knot.zoneFileText(ZONE));
    }

    @Test
    void aKeyKnotDoesNotKnowIsRefusedWithBadKeyAndTheZoneIsUnchanged() throws Exception {
        KnotServer.TsigKey stranger = KnotServer.TsigKey.random("stranger", "hmac-sha256");

        Message response = knot.send(spfUpdate("v=spf1 +all"), stranger);

        assertRefused(response, Rcode.BADKEY);
    }

    @Test
    void theRightKeyNameWithTheWrongSecretIsRefusedWithBadSigAndTheZoneIsUnchanged() throws Exception {
        Message response = knot.send(spfUpdate("v=spf1 +all"), key.withOtherSecret());

        assertRefused(response, Rcode.BADSIG);
    }

    @Test
    void anUnsignedUpdateIsRefused() throws Exception {
        Message response = knot.resolver().send(spfUpdate("v=spf1 +all"));

        assertEquals(Rcode.NOTAUTH, response.getRcode(), Rcode.string(response.getRcode()));
        assertUnchanged();
    }

    @Test
    void closingStopsKnotAndDeletesItsFolder() {
        var folder = knot.folder();
        knot.close();
        assertFalse(Files.exists(folder), folder + " is left behind");
        knot = null;
    }

    private void assertRefused(Message response, int tsigError) {
        assertEquals(Rcode.NOTAUTH, response.getRcode(), Rcode.string(response.getRcode()) + "\n" + knot.log());
        TSIGRecord tsig = response.getTSIG();
        assertNotNull(tsig, "Knot's refusal carries a TSIG record that says why");
        assertEquals(tsigError, tsig.getError(), "TSIG error " + Rcode.TSIGstring(tsig.getError()));
        assertUnchanged();
    }

    private void assertUnchanged() {
        assertEquals(List.of("v=spf1 -all"), knot.txt(ZONE));
        assertEquals(1, knot.serial(ZONE));
    }

    private static Update spfUpdate(String spf) throws Exception {
        Name zone = Name.fromString(ZONE + ".");
        Update update = new Update(zone);
        update.replace(zone, Type.TXT, 300, "\"" + spf + "\"");
        return update;
    }
}
