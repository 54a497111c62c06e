package org.mailwright.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailwright.dkim.ArcResult;
import org.mailwright.dkim.MailMessage;
import org.mailwright.dmarc.Policy;
import org.mailwright.dns.ResolverOptions;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.Finding;
import org.mailwright.testdns.TestDnsServer;

/** The receiver's whole verdict on messages sent through the in-process DNS server's zones. */
class MessageCheckerTest {

    private static final String MESSAGE = MessageFixtures.MESSAGE;

    private static TestDnsServer dns;
    private static ResolverService resolver;

    @BeforeAll
    static void serveZones() {
        dns = TestDnsServer.start(MessageFixtures.zones());
        resolver = new ResolverService(ResolverOptions.defaults().withCache(false).withTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() {
        resolver.close();
        dns.close();
    }

    @Test
    void alignedSpfAndDkimPassDmarc() {
        String message = "Return-Path: <bounce@example.org>\r\n"
                + "Received: from out.example.org (out.example.org [192.0.2.10]) by mx.example.net with ESMTPS id 1; Sun, 06 Dec 2026 10:00:00 +0000\r\n"
                + MessageFixtures.sign(MESSAGE, "example.org", "sel");

        MessageVerdict verdict = check(message, Envelope.fromMessage());

        assertThat(verdict.fromDomain()).isEqualTo("example.org");
        assertThat(verdict.spf().result()).isEqualTo("pass");
        assertThat(verdict.spf().clientSource()).isEqualTo(SpfVerdict.Source.RECEIVED);
        assertThat(verdict.spf().helo()).isEqualTo("out.example.org");
        assertThat(verdict.spf().aligned()).isTrue();
        assertThat(verdict.dkim()).hasSize(1).allSatisfy(d -> {
            assertThat(d.signature().passed()).isTrue();
            assertThat(d.aligned()).isTrue();
        });
        assertThat(verdict.dmarc().result()).isEqualTo(DmarcVerdict.Result.PASS);
        assertThat(verdict.dmarc().policy()).contains(Policy.REJECT);
        assertThat(verdict.dmarc().disposition()).isEqualTo(Policy.NONE);
        assertThat(verdict.arc().result()).isEqualTo(ArcResult.NONE);
        assertThat(ids(verdict)).containsExactly("message.dmarc-pass");
    }

    @Test
    void aServiceBounceDomainPassesSpfUnalignedAndDkimCarriesDmarc() {
        String message = "Return-Path: <b-123@mailer.example.net>\r\n" + MessageFixtures.sign(MESSAGE, "example.org", "sel");

        MessageVerdict verdict = check(message, new Envelope(Optional.of(address("203.0.113.9")), Optional.of("smtp.mailer.example.net"),
                Optional.empty()));

        assertThat(verdict.spf().result()).isEqualTo("pass");
        assertThat(verdict.spf().domain()).isEqualTo("mailer.example.net");
        assertThat(verdict.spf().aligned()).isFalse();
        assertThat(verdict.spf().clientSource()).isEqualTo(SpfVerdict.Source.GIVEN);
        assertThat(verdict.dmarc().result()).isEqualTo(DmarcVerdict.Result.PASS);
        assertThat(ids(verdict)).contains("message.spf-not-aligned");
    }

    @Test
    void noAlignedPassFailsDmarcWithThePolicysDisposition() {
        // Signed by the service's own domain, sent from its address: both pass, neither is aligned.
        String message = "Return-Path: <b-123@mailer.example.net>\r\n"
                + "Received: from smtp.mailer.example.net ([203.0.113.9]) by mx.example.net; Sun, 06 Dec 2026 10:00:00 +0000\r\n"
                + MessageFixtures.sign(MESSAGE, "mailer.example.net", "s1");

        MessageVerdict verdict = check(message, Envelope.fromMessage());

        assertThat(verdict.spf().passed()).isTrue();
        assertThat(verdict.dkim()).hasSize(1).allSatisfy(d -> {
            assertThat(d.signature().passed()).isTrue();
            assertThat(d.aligned()).isFalse();
        });
        assertThat(verdict.dmarc().result()).isEqualTo(DmarcVerdict.Result.FAIL);
        assertThat(verdict.dmarc().disposition()).isEqualTo(Policy.REJECT);
        assertThat(ids(verdict)).startsWith("message.dmarc-fail")
                .contains("message.spf-not-aligned", "message.dkim-not-aligned");
    }

    @Test
    void relaxedAlignmentFindsTheOrganizationalDomainAndStrictAlignmentDoesNot() {
        String relaxed = "Return-Path: <bounce@mail.example.org>\r\n" + MESSAGE;
        MessageVerdict verdict = check(relaxed, new Envelope(Optional.of(address("192.0.2.20")), Optional.empty(), Optional.empty()));
        assertThat(verdict.spf().aligned()).isTrue();
        assertThat(verdict.dmarc().result()).isEqualTo(DmarcVerdict.Result.PASS);

        String strict = ("Return-Path: <bounce@mail.strict.example>\r\n" + MESSAGE).replace("alice@example.org", "alice@strict.example");
        MessageVerdict strictVerdict = check(strict, new Envelope(Optional.of(address("192.0.2.20")), Optional.empty(), Optional.empty()));
        assertThat(strictVerdict.spf().passed()).isTrue();
        assertThat(strictVerdict.spf().aligned()).isFalse();
        assertThat(strictVerdict.dmarc().result()).isEqualTo(DmarcVerdict.Result.FAIL);
        // t=y: a receiver applies one level less than the quarantine asked for.
        assertThat(strictVerdict.dmarc().policy()).contains(Policy.QUARANTINE);
        assertThat(strictVerdict.dmarc().disposition()).isEqualTo(Policy.NONE);
    }

    @Test
    void internalHopsArePassedOverForTheClientTheReceiverSaw() {
        String message = "Return-Path: <bounce@example.org>\r\n"
                + "Received: from localhost (localhost [127.0.0.1]) by mx.example.net (amavis); Sun, 06 Dec 2026 10:00:01 +0000\r\n"
                + "Received: from [192.0.2.33] (helo=out2.example.org) by mx.example.net with esmtps (Exim 4.96); Sun, 06 Dec 2026 10:00:00 +0000\r\n"
                + "Received: from laptop (10.0.0.5) by out2.example.org; Sun, 06 Dec 2026 09:59:59 +0000\r\n"
                + MESSAGE;

        MessageVerdict verdict = check(message, Envelope.fromMessage());

        assertThat(verdict.spf().client()).contains(address("192.0.2.33"));
        assertThat(verdict.spf().helo()).isEqualTo("out2.example.org");
        assertThat(verdict.spf().result()).isEqualTo("pass");
    }

    @Test
    void withoutClientOrSenderSpfIsNotCheckedAndSaysWhy() {
        MessageVerdict noClient = check("Return-Path: <bounce@example.org>\r\n" + MESSAGE, Envelope.fromMessage());
        assertThat(noClient.spf().evaluation()).isEmpty();
        assertThat(noClient.spf().result()).isEqualTo("none");
        assertThat(ids(noClient)).contains("message.no-client-address");

        MessageVerdict noSender = check(MESSAGE, new Envelope(Optional.of(address("192.0.2.1")), Optional.empty(), Optional.empty()));
        assertThat(noSender.spf().evaluation()).isEmpty();
        assertThat(ids(noSender)).contains("message.no-envelope-sender");
    }

    @Test
    void headersAloneAreSaidToFailOnTheBody() {
        String signed = MessageFixtures.sign(MESSAGE, "example.org", "sel");
        String headerOnly = signed.substring(0, signed.indexOf("\r\n\r\n") + 2);

        MessageVerdict verdict = check(headerOnly, Envelope.fromMessage());

        assertThat(verdict.dkim()).hasSize(1).allSatisfy(d -> assertThat(d.signature().passed()).isFalse());
        assertThat(ids(verdict)).contains("message.headers-only");
    }

    @Test
    void theReceiversOwnResultsAreSetBesideMailwrightsAndDifferencesSaid() {
        String message = "Authentication-Results: mx.example.net; dkim=fail (bad signature) header.d=example.org header.s=sel;\r\n"
                + " dmarc=pass (p=REJECT) header.from=example.org; arc=none\r\n"
                + MessageFixtures.sign(MESSAGE, "example.org", "sel");

        MessageVerdict verdict = check(message, Envelope.fromMessage());

        assertThat(verdict.stamped()).hasSize(1).allSatisfy(stamped -> {
            assertThat(stamped.authservId()).isEqualTo("mx.example.net");
            assertThat(stamped.results()).extracting(StampedResults.MethodResult::method).containsExactly("dkim", "dmarc", "arc");
            assertThat(stamped.results().get(0).property("header.d")).contains("example.org");
        });
        assertThat(verdict.findings()).filteredOn(f -> f.id().equals("message.results-differ"))
                .hasSize(1).allSatisfy(f -> assertThat(f.arguments()).containsExactly("mx.example.net", "dkim", "fail", "pass"));
    }

    @Test
    void fromFieldsThatNameNoSingleDomainLeaveDmarcNothingToCheck() {
        MessageVerdict twoDomains = check(MESSAGE.replace("From: Alice <alice@example.org>", "From: a@example.org, b@example.net"),
                Envelope.fromMessage());
        assertThat(twoDomains.dmarc().result()).isEqualTo(DmarcVerdict.Result.PERMERROR);
        assertThat(ids(twoDomains)).contains("message.no-author-domain");

        MessageVerdict none = check(MESSAGE.replace("From: Alice <alice@example.org>\r\n", ""), Envelope.fromMessage());
        assertThat(none.dmarc().result()).isEqualTo(DmarcVerdict.Result.PERMERROR);
        assertThat(ids(none)).contains("message.no-from");
    }

    private static MessageVerdict check(String message, Envelope envelope) {
        return new MessageChecker(resolver, dns.target(), Clock.fixed(MessageFixtures.NOW, ZoneOffset.UTC))
                .check(MailMessage.parse(message.getBytes(StandardCharsets.UTF_8)), envelope).join();
    }

    private static java.util.List<String> ids(MessageVerdict verdict) {
        return verdict.findings().stream().map(Finding::id).toList();
    }

    private static InetAddress address(String text) {
        return org.mailwright.spf.IpText.parseAddress(text);
    }

}
