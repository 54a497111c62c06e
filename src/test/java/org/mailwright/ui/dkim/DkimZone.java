package org.mailwright.ui.dkim;

import org.mailwright.dkim.DkimDnsRecord;
import org.mailwright.dkim.DkimKey;

/** Zone text for the test DNS server: corp.example, its two name servers on loopback, and DKIM records. */
final class DkimZone {

    private DkimZone() {
    }

    static String corpExample(String records) {
        return """
                $ORIGIN corp.example.
                @    300 IN SOA ns1 hostmaster 1 3600 600 86400 60
                @    300 IN NS  ns1
                @    300 IN NS  ns2
                ns1  300 IN A   127.0.0.1
                ns2  300 IN A   127.0.0.1
                """ + records;
    }

    /** The key's record at 202611a._domainkey.corp.example, as a zone-file line. */
    static String keyRecord(DkimKey key) {
        return new DkimDnsRecord("202611a", "corp.example", key.record()).zoneLine(300) + "\n";
    }
}
