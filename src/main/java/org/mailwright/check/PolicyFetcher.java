package org.mailwright.check;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.RecordType;
import org.mailwright.i18n.Problem;
import org.mailwright.spf.IpText;

/**
 * Fetches a domain's MTA-STS policy the way RFC 8461 section 3.3 has senders do: HTTPS to
 * {@code mta-sts.<domain>}, the certificate valid for that name, the answer taken only when it is
 * a 200 (a redirect is not followed), bounded in size and time.
 *
 * <p>The host's addresses come from Mailwright's resolver, so the check sees what the chosen
 * servers publish rather than what the machine's own resolver says. The blocking network work runs
 * on this fetcher's few daemon threads, never on the resolver's.
 */
final class PolicyFetcher {

    static final String PATH = "/.well-known/mta-sts.txt";
    /** The longest status line and headers read: real servers send well under 2 KB. */
    static final int MAX_HEADERS = 16 * 1024;
    static final Duration DEFAULT_TIME = Duration.ofSeconds(10);
    /** The most addresses of the host tried, one after another, within the fetch's time. */
    static final int MAX_ADDRESSES = 4;
    private static final Duration CONNECT_TIME = Duration.ofSeconds(5);
    private static final int THREADS = 4;

    private final Duration time;
    private final ExecutorService executor;

    PolicyFetcher() {
        this(DEFAULT_TIME);
    }

    /** @param time how long one fetch may take in all, from the first connection to the last octet */
    PolicyFetcher(Duration time) {
        this.time = time;
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "mailwright-mta-sts-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        // Idle threads end, so a health check needs no closing and a finished one holds no threads.
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /** How a fetch ended. */
    sealed interface Fetch permits Served, Unreachable, Unresolved {
    }

    /**
     * The server answered 200.
     *
     * @param mediaType the Content-Type's media type in lower case, without parameters; empty when none was sent
     */
    record Served(String mediaType, byte[] body) implements Fetch {
    }

    /** No policy came back, for this reason. */
    record Unreachable(Problem reason) implements Fetch {
    }

    /** The host's addresses could not be looked up: the lookup that failed says why. */
    record Unresolved(LookupResult lookup) implements Fetch {
    }

    /** The policy's address for people: {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}. */
    static String url(DomainName domain, int port) {
        return "https://" + host(domain).unicode() + (port == CheckSettings.HTTPS_PORT ? "" : ":" + port) + PATH;
    }

    static DomainName host(DomainName domain) {
        return domain.prefixed("mta-sts");
    }

    /** Fetches {@code domain}'s policy; the future always completes normally. */
    CompletableFuture<Fetch> fetch(CheckContext context) {
        DomainName host = host(context.domain());
        CompletableFuture<LookupResult> ipv4 = context.lookup(host, RecordType.A);
        CompletableFuture<LookupResult> ipv6 = context.lookup(host, RecordType.AAAA);
        return ipv4.thenCombine(ipv6, List::of).thenCompose(lookups -> {
            List<InetAddress> addresses = new ArrayList<>();
            lookups.forEach(lookup -> lookup.values().forEach(value -> addresses.add(IpText.parseAddress(value))));
            if (addresses.isEmpty()) {
                Optional<LookupResult> failed = lookups.stream().filter(lookup -> !lookup.outcome().isConclusive()).findFirst();
                return CompletableFuture.completedFuture(failed.<Fetch>map(Unresolved::new)
                        .orElseGet(() -> new Unreachable(new Problem("check.mtasts.fetch.no-address", host.unicode()))));
            }
            CheckSettings settings = context.settings();
            return CompletableFuture.supplyAsync(() -> fetch(host, addresses, settings.httpsPort(), settings.tls()), executor);
        });
    }

    /**
     * Fetches the policy from {@code host} at the first of {@code addresses} that takes the connection.
     *
     * @param tls the context whose trust decides, or empty for the platform's
     */
    Fetch fetch(DomainName host, List<InetAddress> addresses, int port, Optional<SSLContext> tls) {
        long deadline = System.nanoTime() + time.toNanos();
        Unreachable last = null;
        for (InetAddress address : addresses.subList(0, Math.min(addresses.size(), MAX_ADDRESSES))) {
            Socket socket = new Socket();
            try {
                long connectMillis = Math.min(CONNECT_TIME.toMillis(), millisLeft(deadline));
                if (connectMillis <= 0) {
                    break;
                }
                socket.connect(new InetSocketAddress(address, port), (int) connectMillis);
            } catch (IOException failed) {
                close(socket);
                last = new Unreachable(connectProblem(failed, host, address, port));
                continue;
            }
            // Connected: what the server then says is its answer, not a reason to try another address.
            try (SSLSocket tlsSocket = secure(socket, host, port, tls)) {
                return exchange(tlsSocket, host, port, deadline);
            } catch (IOException failed) {
                return new Unreachable(exchangeProblem(failed, host));
            } finally {
                close(socket);
            }
        }
        return last != null ? last : new Unreachable(new Problem("check.mtasts.fetch.timeout", time.toSeconds()));
    }

    private static SSLSocket secure(Socket socket, DomainName host, int port, Optional<SSLContext> tls) throws IOException {
        SSLContext context;
        SNIHostName serverName;
        try {
            context = tls.isPresent() ? tls.get() : SSLContext.getDefault();
            serverName = new SNIHostName(host.ascii());
        } catch (NoSuchAlgorithmException | IllegalArgumentException noTls) {
            // No TLS in this Java, or a name (with an underscore) that no certificate can hold.
            throw new SSLException(noTls);
        }
        SSLSocket secured = (SSLSocket) context.getSocketFactory().createSocket(socket, host.ascii(), port, true);
        SSLParameters parameters = secured.getSSLParameters();
        parameters.setServerNames(List.of(serverName));
        // RFC 8461 section 3.3: the certificate must be valid for the mta-sts host, as for any HTTPS site.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        secured.setSSLParameters(parameters);
        return secured;
    }

    private Fetch exchange(SSLSocket socket, DomainName host, int port, long deadline) throws IOException {
        InputStream in = new BufferedInputStream(new DeadlineStream(socket, deadline));
        socket.setSoTimeout((int) Math.max(1, millisLeft(deadline)));
        socket.startHandshake();
        OutputStream out = socket.getOutputStream();
        String request = "GET " + PATH + " HTTP/1.1\r\n"
                + "Host: " + host.ascii() + (port == CheckSettings.HTTPS_PORT ? "" : ":" + port) + "\r\n"
                + "User-Agent: Mailwright\r\n"
                + "Accept: text/plain\r\n"
                + "Connection: close\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return HttpResponse.read(in);
    }

    /** Why a connection to {@code address} was not made. */
    private Problem connectProblem(IOException failed, DomainName host, InetAddress address, int port) {
        if (failed instanceof SocketTimeoutException) {
            return new Problem("check.mtasts.fetch.timeout", time.toSeconds());
        }
        String where = IpText.format(address);
        return failed instanceof ConnectException
                ? new Problem("check.mtasts.fetch.refused", host.unicode(), where, port)
                : new Problem("check.mtasts.fetch.unreachable", host.unicode(), where, port);
    }

    /** Why a connection that was made gave no policy, in words rather than the exception's. */
    private Problem exchangeProblem(IOException failed, DomainName host) {
        if (failed instanceof HttpResponse.Refused refused) {
            return refused.problem;
        }
        if (failed instanceof SocketTimeoutException) {
            return new Problem("check.mtasts.fetch.timeout", time.toSeconds());
        }
        if (failed instanceof SSLHandshakeException) {
            return certificateProblem(failed, host);
        }
        if (failed instanceof SSLException) {
            return new Problem("check.mtasts.fetch.tls");
        }
        if (failed instanceof EOFException) {
            return new Problem("check.mtasts.fetch.closed");
        }
        return new Problem("check.mtasts.fetch.failed");
    }

    /**
     * What was wrong with the certificate. The JDK says it only through the types of the causes:
     * an expired or not yet valid certificate, a chain to no trusted authority, and, with a plain
     * CertificateException, a name the certificate does not hold (the HTTPS endpoint check).
     */
    private static Problem certificateProblem(Throwable failed, DomainName host) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failed.getCause(); cause != null && causes.size() < 10; cause = cause.getCause()) {
            causes.add(cause);
        }
        if (causes.stream().anyMatch(cause -> cause instanceof CertificateExpiredException
                || cause instanceof CertificateNotYetValidException)) {
            return new Problem("check.mtasts.fetch.certificate-expired", host.unicode());
        }
        if (causes.stream().anyMatch(cause -> cause instanceof CertPathBuilderException
                || cause instanceof CertPathValidatorException)) {
            return new Problem("check.mtasts.fetch.certificate-untrusted", host.unicode());
        }
        if (causes.stream().anyMatch(cause -> cause.getClass() == CertificateException.class)) {
            return new Problem("check.mtasts.fetch.certificate-name", host.unicode());
        }
        if (causes.stream().anyMatch(cause -> cause instanceof GeneralSecurityException)) {
            return new Problem("check.mtasts.fetch.certificate-untrusted", host.unicode());
        }
        return new Problem("check.mtasts.fetch.tls");
    }

    private static long millisLeft(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // Nothing was read from it that matters now.
        }
    }

    /**
     * The socket's input, each read allowed only the time left to the whole fetch: a server that
     * trickles an octet at a time cannot hold the fetch past its time.
     */
    private static final class DeadlineStream extends FilterInputStream {

        private final SSLSocket socket;
        private final long deadline;

        DeadlineStream(SSLSocket socket, long deadline) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            allowTimeLeft();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            allowTimeLeft();
            return super.read(buffer, offset, length);
        }

        private void allowTimeLeft() throws IOException {
            long left = millisLeft(deadline);
            if (left <= 0) {
                throw new SocketTimeoutException("the fetch's time is over");
            }
            socket.setSoTimeout((int) left);
        }
    }

    /** The reading of an HTTP/1.x response, bounded in every part. */
    static final class HttpResponse {

        /** The response is one no sender takes, for this reason. */
        static final class Refused extends IOException {
            private static final long serialVersionUID = 1L;
            private final transient Problem problem;

            Refused(Problem problem) {
                super(problem.key());
                this.problem = problem;
            }
        }

        private HttpResponse() {
        }

        /** Reads a whole response from {@code in}: a policy served with 200, or why there is none. */
        static Fetch read(InputStream in) throws IOException {
            Budget headers = new Budget(MAX_HEADERS, new Problem("check.mtasts.fetch.headers-too-large", MAX_HEADERS / 1024));
            String statusLine = headers.line(in);
            String[] status = statusLine.split(" ", 3);
            if (status.length < 2 || !status[0].matches("HTTP/1\\.[01]") || !status[1].matches("[0-9]{3}")) {
                throw new Refused(new Problem("check.mtasts.fetch.not-http"));
            }
            int code = Integer.parseInt(status[1]);
            String contentType = null;
            String location = null;
            String transferEncoding = null;
            long contentLength = -1;
            for (String header = headers.line(in); !header.isEmpty(); header = headers.line(in)) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new Refused(new Problem("check.mtasts.fetch.not-http"));
                }
                String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).strip();
                switch (name) {
                    case "content-type" -> contentType = contentType == null ? value : contentType;
                    case "location" -> location = value;
                    case "transfer-encoding" -> transferEncoding = value.toLowerCase(Locale.ROOT);
                    case "content-length" -> contentLength = contentLength(value);
                    default -> {
                        // Other headers say nothing about the policy.
                    }
                }
            }
            if (code >= 300 && code < 400) {
                throw new Refused(location == null
                        ? new Problem("check.mtasts.fetch.redirect-nowhere", code)
                        : new Problem("check.mtasts.fetch.redirect", code, Problem.shown(location)));
            }
            if (code != 200) {
                throw new Refused(new Problem("check.mtasts.fetch.status", code));
            }
            byte[] body;
            if (transferEncoding != null) {
                if (!transferEncoding.equals("chunked")) {
                    throw new Refused(new Problem("check.mtasts.fetch.encoding", Problem.shown(transferEncoding)));
                }
                body = chunked(in);
            } else if (contentLength >= 0) {
                if (contentLength > MtaStsPolicy.MAX_SIZE) {
                    throw tooLarge();
                }
                body = in.readNBytes((int) contentLength);
                if (body.length < contentLength) {
                    throw new EOFException();
                }
            } else {
                body = in.readNBytes(MtaStsPolicy.MAX_SIZE + 1);
                if (body.length > MtaStsPolicy.MAX_SIZE) {
                    throw tooLarge();
                }
            }
            return new Served(mediaType(contentType), body);
        }

        /** The body of a chunked response (RFC 9112 section 7.1), extensions and trailers skipped. */
        private static byte[] chunked(InputStream in) throws IOException {
            // The framing of a policy cut in one-octet chunks is several times the policy: allowed, within bounds.
            Budget framing = new Budget(4 * MtaStsPolicy.MAX_SIZE, tooLarge().problem);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = framing.line(in);
                int semicolon = sizeLine.indexOf(';');
                String size = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
                if (!size.matches("[0-9A-Fa-f]{1,8}")) {
                    throw new Refused(new Problem("check.mtasts.fetch.not-http"));
                }
                long length = Long.parseLong(size, 16);
                if (length == 0) {
                    break;
                }
                if (body.size() + length > MtaStsPolicy.MAX_SIZE) {
                    throw tooLarge();
                }
                byte[] chunk = in.readNBytes((int) length);
                if (chunk.length < length) {
                    throw new EOFException();
                }
                body.write(chunk);
                if (!framing.line(in).isEmpty()) {
                    throw new Refused(new Problem("check.mtasts.fetch.not-http"));
                }
            }
            while (!framing.line(in).isEmpty()) {
                // Trailer fields say nothing about the policy.
            }
            return body.toByteArray();
        }

        /** The octets of lines a part of the response may still take, and what is said when it takes more. */
        private static final class Budget {
            private int left;
            private final Problem overrun;

            Budget(int size, Problem overrun) {
                this.left = size;
                this.overrun = overrun;
            }

            /** One line ending in LF or CRLF, without its ending. */
            String line(InputStream in) throws IOException {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                while (true) {
                    int octet = in.read();
                    if (octet < 0) {
                        throw new EOFException();
                    }
                    if (--left < 0) {
                        throw new Refused(overrun);
                    }
                    if (octet == '\n') {
                        byte[] bytes = line.toByteArray();
                        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
                    }
                    line.write(octet);
                }
            }
        }

        private static long contentLength(String value) throws Refused {
            if (!value.matches("[0-9]{1,18}")) {
                throw new Refused(new Problem("check.mtasts.fetch.not-http"));
            }
            return Long.parseLong(value);
        }

        private static String mediaType(String contentType) {
            if (contentType == null) {
                return "";
            }
            int semicolon = contentType.indexOf(';');
            return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        }

        private static Refused tooLarge() {
            return new Refused(new Problem("check.mtasts.policy.too-large", MtaStsPolicy.MAX_SIZE / 1024));
        }
    }
}
