package org.mailwright.reports;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An aggregate report of any number of rows, written as it is read: a 100 MB report that never
 * exists in memory or on disk, for the tests that prove memory stays bounded.
 */
final class GeneratedReport extends InputStream {

    private static final byte[] HEAD = ("<?xml version=\"1.0\"?>\n<feedback>\n<report_metadata><org_name>big.example</org_name>"
            + "<report_id>big-1</report_id><date_range><begin>1700000000</begin><end>1700086399</end></date_range>"
            + "</report_metadata>\n<policy_published><domain>example.com</domain><p>none</p></policy_published>\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "</feedback>\n".getBytes(StandardCharsets.US_ASCII);

    private final int rows;
    private int row;
    private byte[] chunk = HEAD;
    private int at;

    GeneratedReport(int rows) {
        this.rows = rows;
    }

    private static byte[] record(int n) {
        String ip = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        return ("<record><row><source_ip>" + ip + "</source_ip><count>3</count><policy_evaluated><disposition>none</disposition>"
                + "<dkim>pass</dkim><spf>fail</spf><reason><type>forwarded</type><comment>a forwarder</comment></reason>"
                + "</policy_evaluated></row><identifiers><header_from>example.com</header_from><envelope_from>bounce.example.net"
                + "</envelope_from></identifiers><auth_results><dkim><domain>example.com</domain><selector>s2026</selector>"
                + "<result>pass</result><human_result>ok</human_result></dkim><dkim><domain>esp.example.net</domain>"
                + "<selector>k1</selector><result>pass</result></dkim><spf><domain>bounce.example.net</domain><scope>mfrom"
                + "</scope><result>softfail</result></spf></auth_results></record>\n" + " ".repeat(40) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Octets of a report of {@code rows} rows. */
    static long size(int rows) {
        long total = HEAD.length + TAIL.length;
        for (int n = 0; n < rows; n++) {
            total += record(n).length;
        }
        return total;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        while (chunk != null && at == chunk.length) {
            at = 0;
            if (row < rows) {
                chunk = record(row++);
            } else if (chunk != TAIL) {
                chunk = TAIL;
            } else {
                chunk = null;
            }
        }
        if (chunk == null) {
            return -1;
        }
        int n = Math.min(length, chunk.length - at);
        System.arraycopy(chunk, at, buffer, offset, n);
        at += n;
        return n;
    }
}
