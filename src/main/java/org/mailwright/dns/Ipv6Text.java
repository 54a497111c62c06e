package org.mailwright.dns;

/**
 * IPv6 addresses in the form RFC 5952 recommends, the one {@code dig} and DNS hosting panels
 * show: lower-case hex without leading zeros, the longest run of two or more zero groups (the
 * first of equal runs) written {@code ::}, and IPv4-mapped addresses as {@code ::ffff:192.0.2.1}.
 * dnsjava and {@code InetAddress} write every group out, which admins would not recognise.
 */
public final class Ipv6Text {

    private static final int GROUPS = 8;

    private Ipv6Text() {
    }

    /** The text of a 16-byte address. */
    public static String format(byte[] address) {
        if (address.length != 2 * GROUPS) {
            throw new IllegalArgumentException("An IPv6 address has 16 bytes, not " + address.length + ".");
        }
        if (isIpv4Mapped(address)) {
            return "::ffff:" + (address[12] & 0xff) + "." + (address[13] & 0xff) + "."
                    + (address[14] & 0xff) + "." + (address[15] & 0xff);
        }
        int[] groups = new int[GROUPS];
        for (int i = 0; i < GROUPS; i++) {
            groups[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
        }
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < GROUPS; ) {
            int end = i;
            while (end < GROUPS && groups[end] == 0) {
                end++;
            }
            if (end - i > runLength) {
                runStart = i;
                runLength = end - i;
            }
            i = Math.max(end, i + 1);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static boolean isIpv4Mapped(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return (address[10] & 0xff) == 0xff && (address[11] & 0xff) == 0xff;
    }
}
