package org.mailwright.message;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.mailwright.dkim.DkimKey;
import org.mailwright.dkim.DkimSigner;
import org.mailwright.dkim.KeyGenerator;
import org.mailwright.dkim.KeySpec;
import org.mailwright.dkim.SigningOptions;

/**
 * The domains the message tests send as, served by the in-process DNS server: example.org (SPF
 * for 192.0.2.0/24, p=reject, key {@code sel}), its subdomain mail.example.org, strict.example
 * (aspf=s, quarantine in test mode), soft.example.com (~all, no DMARC) and a sending service,
 * mailer.example.net (SPF for 203.0.113.0/24, key {@code s1}).
 */
public final class MessageFixtures {

    public static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    public static final DkimKey KEY = KeyGenerator.generate(KeySpec.DEFAULT);
    public static final String MESSAGE = "From: Alice <alice@example.org>\r\n"
            + "To: bob@example.net\r\n"
            + "Subject: Figures\r\n"
            + "Date: Sun, 06 Dec 2026 09:59:00 +0000\r\n"
            + "Message-ID: <1@example.org>\r\n"
            + "\r\n"
            + "The figures are attached.\r\n";

    private MessageFixtures() {
    }

    public static String[] zones() {
        String key = quoted(KEY.record().value());
        return new String[] {
            "$ORIGIN example.org.\n"
                    + "@ 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                    + "mail 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                    + "_dmarc 300 IN TXT \"v=DMARC1; p=reject; rua=mailto:d@example.org\"\n"
                    + "sel._domainkey 300 IN TXT " + key + "\n",
            "$ORIGIN strict.example.\n"
                    + "@ 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                    + "mail 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                    + "_dmarc 300 IN TXT \"v=DMARC1; p=quarantine; aspf=s; t=y\"\n",
            "$ORIGIN soft.example.com.\n"
                    + "@ 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 ~all\"\n"
                    + "sel._domainkey 300 IN TXT " + key + "\n",
            "$ORIGIN mailer.example.net.\n"
                    + "@ 300 IN TXT \"v=spf1 ip4:203.0.113.0/24 -all\"\n"
                    + "s1._domainkey 300 IN TXT " + key + "\n",
            "$ORIGIN org.\n", "$ORIGIN net.\n", "$ORIGIN com.\n", "$ORIGIN example.\n",
            "$ORIGIN example.net.\n", "$ORIGIN example.com.\n"};
    }

    public static String sign(String message, String domain, String selector) {
        return new String(new DkimSigner(KEY, domain, selector, SigningOptions.defaults(), Clock.fixed(NOW, ZoneOffset.UTC))
                .sign(message.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** The value as zone-file character-strings of at most 255 octets. */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder();
        for (int start = 0; start < value.length(); start += 255) {
            out.append(out.length() == 0 ? "" : " ").append('"')
                    .append(value, start, Math.min(value.length(), start + 255)).append('"');
        }
        return out.toString();
    }
}
