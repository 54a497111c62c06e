package org.mailwright.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mailwright.dns.DomainName;

/** The HTTPS fetch of a policy, against a loopback server that answers well, badly or not at all. */
class MtaStsFetcherTest {

    private static final DomainName HOST = DomainName.of("mta-sts.example.test");
    private static final TestAuthority AUTHORITY = TestAuthority.create("Mailwright test authority");
    private static final String POLICY = "version: STSv1\nmode: enforce\nmx: mx1.example.test\nmax_age: 604800\n";

    private final PolicyFetcher fetcher = new PolicyFetcher(Duration.ofSeconds(1));
    private PolicyServer https;

    @AfterEach
    void close() throws IOException {
        if (https != null) {
            https.close();
        }
    }

    private PolicyFetcher.Fetch fetch(byte[] response) {
        https = PolicyServer.start(AUTHORITY.server(HOST.ascii()), response);
        return fetch(https.port());
    }

    private PolicyFetcher.Fetch fetch(int port) {
        return fetcher.fetch(HOST, List.of(InetAddress.getLoopbackAddress()), port, Optional.of(AUTHORITY.client()));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String unreachable(PolicyFetcher.Fetch fetch) {
        return assertInstanceOf(PolicyFetcher.Unreachable.class, fetch).reason().text(Locale.ENGLISH);
    }

    @Test
    void aChunkedPolicyIsPutTogether() {
        byte[] response = ascii("HTTP/1.1 200 OK\r\nContent-Type: TEXT/Plain;charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "f;name=value\r\nversion: STSv1\n\r\n"
                + Integer.toHexString(POLICY.length() - 15) + "\r\n" + POLICY.substring(15) + "\r\n"
                + "0\r\nX-Trailer: ignored\r\n\r\n");

        PolicyFetcher.Served served = assertInstanceOf(PolicyFetcher.Served.class, fetch(response));

        assertEquals("text/plain", served.mediaType());
        assertArrayEquals(ascii(POLICY), served.body());
    }

    @Test
    void aBodyWithoutLengthIsReadToTheEndWithLfOnlyHeaders() {
        PolicyFetcher.Served served = assertInstanceOf(PolicyFetcher.Served.class,
                fetch(ascii("HTTP/1.0 200 OK\nContent-Type: text/plain\n\n" + POLICY)));

        assertArrayEquals(ascii(POLICY), served.body());
    }

    @Test
    void aBodyLargerThanAPolicyIsRefused() {
        assertEquals("it is larger than 64 KB", unreachable(fetch(ascii(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10485760\r\n\r\n" + POLICY))));
        https.respond(PolicyServer.join(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"),
                new byte[MtaStsPolicy.MAX_SIZE + 1]));
        assertEquals("it is larger than 64 KB", unreachable(fetch(https.port())));
        https.respond(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + ("1000\r\n" + "a".repeat(4096) + "\r\n").repeat(17)));
        assertEquals("it is larger than 64 KB", unreachable(fetch(https.port())));
        https.respond(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + "1\r\na\r\n".repeat(60_000)));
        assertEquals("it is larger than 64 KB", unreachable(fetch(https.port())), "one-octet chunks: the framing is bounded too");
    }

    @Test
    void headersLongerThanSixteenKilobytesAreRefused() {
        String response = "HTTP/1.1 200 OK\r\nX-Padding: " + "a".repeat(17 * 1024) + "\r\n\r\n" + POLICY;

        assertEquals("the answer's headers are longer than 16 KB", unreachable(fetch(ascii(response))));
    }

    @Test
    void onlyA200IsAPolicy() {
        assertEquals("the server answered HTTP 404 instead of 200",
                unreachable(fetch(ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"))));
        https.respond(ascii("HTTP/1.1 302 Found\r\n\r\n"));
        assertEquals("the server answers with a redirect (HTTP 302), and senders do not follow redirects",
                unreachable(fetch(https.port())));
        https.respond(ascii("SSH-2.0-OpenSSH_9.6\r\n"));
        assertEquals("the answer is not HTTP/1.1", unreachable(fetch(https.port())));
        https.respond(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n"));
        assertEquals("the answer is sent in the transfer encoding gzip, which senders need not read",
                unreachable(fetch(https.port())));
    }

    @Test
    void anAnswerCutShortIsSaid() {
        assertEquals("the server closed the connection before the whole answer arrived", unreachable(fetch(ascii(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\n" + POLICY))));
    }

    @Test
    void anAddressThatTakesNoConnectionIsPassedForTheNext() throws UnknownHostException {
        https = PolicyServer.start(AUTHORITY.server(HOST.ascii()), PolicyServer.ok(POLICY));
        List<InetAddress> addresses = List.of(InetAddress.getByName("::1"), InetAddress.getLoopbackAddress());

        PolicyFetcher.Fetch fetch = fetcher.fetch(HOST, addresses, https.port(), Optional.of(AUTHORITY.client()));

        assertInstanceOf(PolicyFetcher.Served.class, fetch);
    }

    @Test
    void withoutATestContextThePlatformsTrustDecides() {
        https = PolicyServer.start(AUTHORITY.server(HOST.ascii()), PolicyServer.ok(POLICY));

        PolicyFetcher.Fetch fetch = fetcher.fetch(HOST, List.of(InetAddress.getLoopbackAddress()), https.port(), Optional.empty());

        assertEquals("the certificate of mta-sts.example.test is not signed by a trusted certificate authority", unreachable(fetch));
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long started = System.nanoTime();

            String said = unreachable(fetch(silent.getLocalPort()));

            assertEquals("no answer within one second", said);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3000);
        }
    }

    /** One octet every 100 ms never ends a read's time, but the whole fetch's time ends it. */
    @Test
    void aServerThatTricklesIsCutOffByTheWholeFetchsTime() throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) AUTHORITY.server(HOST.ascii()).getServerSocketFactory().createServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread trickle = new Thread(() -> {
                try (Socket connection = server.accept()) {
                    SSLSocket tls = (SSLSocket) connection;
                    tls.startHandshake();
                    InputStream in = tls.getInputStream();
                    in.read(new byte[4096]);
                    OutputStream out = tls.getOutputStream();
                    out.write(ascii("HTTP/1.1 200 OK\r\nX-Slow: "));
                    for (int i = 0; i < 100; i++) {
                        out.write('a');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException stopped) {
                    // The client went away, as it should.
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            long started = System.nanoTime();

            String said = unreachable(fetch(server.getLocalPort()));

            assertEquals("no answer within one second", said);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3000);
        }
    }
}
