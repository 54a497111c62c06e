package org.mailwright.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mailwright.dkim.MailMessage;
import org.mailwright.spf.IpText;

/** The From, Received and Authentication-Results fields as mail servers really write them. */
class HeaderReadersTest {

    @Test
    void receivedFieldsGiveTheClientInEachServersDialect() {
        assertHop("from mail.example.org (mail.example.org [192.0.2.1]) by mx.example.net (Postfix) with ESMTPS id 4Q; Sun, 6 Dec 2026",
                "mail.example.org", "192.0.2.1");
        assertHop("from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id x; Sun, 6 Dec 2026",
                "mail-sor-f41.google.com", "209.85.220.41");
        assertHop("from [198.51.100.7] (helo=relay.example.com) by mx.example.net with esmtps (Exim 4.96); Sun, 6 Dec 2026",
                "relay.example.com", "198.51.100.7");
        assertHop("from EUR05-DB8-obe.outbound.protection.outlook.com (2a01:111:f400:7e1a::200) by mx.example.net; Sun, 6 Dec 2026",
                "EUR05-DB8-obe.outbound.protection.outlook.com", "2a01:111:f400:7e1a::200");
        assertHop("from out.example.org ([IPv6:2001:db8::25]) by mx.example.net; Sun, 6 Dec 2026", "out.example.org", "2001:db8::25");
        assertThat(ReceivedHop.read(0, "by mx.example.net with LMTP id x; Sun, 6 Dec 2026").address()).isEmpty();
        // An empty from clause (found by the fuzzer: it ended the whole check).
        assertThat(ReceivedHop.read(0, "from by mx.example.net; Sun, 6 Dec 2026").helo()).isEmpty();
    }

    @Test
    void theClientIsTheNewestPublicAddress() {
        MailMessage message = message("Received: from localhost (localhost [127.0.0.1]) by mx.example.net; x\r\n"
                + "Received: from gw (gw [10.1.2.3]) by mx.example.net; x\r\n"
                + "Received: from cgnat (cgnat [100.64.1.1]) by mx.example.net; x\r\n"
                + "Received: from out.example.org (out.example.org [192.0.2.9]) by gw; x\r\n"
                + "Received: from laptop (laptop [192.168.1.5]) by out.example.org; x\r\n");

        assertThat(ReceivedHop.connectingClient(ReceivedHop.of(message)))
                .hasValueSatisfying(hop -> assertThat(hop.position()).isEqualTo(3));
    }

    @Test
    void theAuthorDomainComesFromTheOneFromFieldWhateverItsDisplayName() {
        assertThat(Author.of(message("From: \"Doe, Jane <x@evil.example>\" <jane@Example.ORG>\r\n")).domain())
                .hasValueSatisfying(domain -> assertThat(domain.ascii()).isEqualTo("example.org"));
        assertThat(Author.of(message("From: jane@example.org (Jane <x@evil.example>)\r\n")).domain())
                .hasValueSatisfying(domain -> assertThat(domain.ascii()).isEqualTo("example.org"));
        assertThat(Author.of(message("From: Team: a@example.org, b@example.org;\r\n")).addresses())
                .containsExactly("a@example.org", "b@example.org");
        assertThat(Author.of(message("From: jane@bücher.example\r\n")).domain())
                .hasValueSatisfying(domain -> assertThat(domain.ascii()).isEqualTo("xn--bcher-kva.example"));
        assertThat(Author.of(message("From: a@example.org, b@example.net\r\n")).problem()).contains(Author.Problem.SEVERAL_DOMAINS);
        assertThat(Author.of(message("From: a@[192.0.2.1]\r\n")).problem()).contains(Author.Problem.NOT_A_DOMAIN);
        assertThat(Author.of(message("From: a@x.example\r\nFrom: b@x.example\r\n")).problem()).contains(Author.Problem.SEVERAL_FROM_FIELDS);
        assertThat(Author.of(message("From: undisclosed\r\n")).problem()).contains(Author.Problem.NOT_A_DOMAIN);
    }

    @Test
    void authenticationResultsAreReadWithCommentsQuotesAndVersions() {
        StampedResults stamped = StampedResults.parse("mx.google.com 1; dkim=pass header.i=@example.org header.s=s1"
                + " header.b=\"a;b\"; spf=softfail (google.com: domain of transitioning x@example.org does not designate"
                + " 192.0.2.1 as permitted sender) smtp.mailfrom=x@example.org; dmarc/1 = fail reason=\"no aligned pass\" header.from=example.org", 0);

        assertThat(stamped.authservId()).isEqualTo("mx.google.com");
        assertThat(stamped.results()).extracting(StampedResults.MethodResult::method).containsExactly("dkim", "spf", "dmarc");
        assertThat(stamped.results()).extracting(StampedResults.MethodResult::result).containsExactly("pass", "softfail", "fail");
        assertThat(stamped.results().get(0).property("header.b")).contains("a;b");
        assertThat(stamped.results().get(1).property("smtp.mailfrom")).contains("x@example.org");
        assertThat(stamped.results().get(2).reason()).isEqualTo("no aligned pass");
    }

    private static void assertHop(String value, String helo, String address) {
        ReceivedHop hop = ReceivedHop.read(0, value);
        assertThat(hop.helo()).isEqualTo(helo);
        assertThat(hop.address()).contains(IpText.parseAddress(address));
    }

    private static MailMessage message(String header) {
        return MailMessage.parse((header + "Subject: x\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
