package org.mailwright.check;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.mailwright.dns.DomainName;
import org.mailwright.findings.CheckFinding;
import org.mailwright.findings.Finding;
import org.mailwright.i18n.Problem;
import org.mailwright.spf.IpText;

/**
 * Each mail host as a sender meets it (RFC 5321, RFC 3207): the greeting, EHLO, whether STARTTLS
 * is offered, and the certificate the host shows for its name, trusted and unexpired. Off unless
 * asked for, since many home and cloud networks block outbound port 25 and a host that cannot be
 * reached from here may well be reachable from everywhere else.
 *
 * <p>Sockets block, so the conversations run on a few threads of their own, never on the
 * resolver's, and as many run at once as there are threads, however many domains a batch checks.
 */
final class SmtpProbe implements Probe {

    /** The most hosts talked to per domain, and addresses per host: each is a connection. */
    static final int MAX_HOSTS = 8;
    static final int ADDRESSES_PER_HOST = 2;
    /** The most conversations at once, over every domain this check is run on. */
    static final int CONNECTIONS = 8;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** A certificate closer than this to its end is said to be expiring. */
    static final int EXPIRING_DAYS = 14;
    /** RFC 5321 allows 512 octets a reply line; servers write longer ones, never legitimately this long. */
    static final int MAX_LINE = 4096;
    static final int MAX_REPLY_LINES = 100;
    private static final int NAMES_SHOWN = 4;

    private final Clock clock;
    private final ExecutorService conversations;

    SmtpProbe(Clock clock) {
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(CONNECTIONS, CONNECTIONS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "mailwright-smtp-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        // Idle threads end, so a health check needs no closing and holds no thread between batches.
        pool.allowCoreThreadTimeOut(true);
        this.conversations = pool;
    }

    @Override
    public CheckArea area() {
        return CheckArea.TRANSPORT;
    }

    @Override
    public CompletableFuture<List<Finding>> run(CheckContext context) {
        CheckSettings settings = context.settings();
        long deadline = System.nanoTime() + settings.probeTimeout().toNanos();
        return context.mailHosts().thenCompose(hosts -> {
            Map<DomainName, List<CompletableFuture<Session>>> sessions = new LinkedHashMap<>();
            for (MailHosts.Host host : hosts.hosts()) {
                Optional<DomainName> name = host.name();
                if (name.isEmpty() || sessions.containsKey(name.get()) || sessions.size() == MAX_HOSTS) {
                    continue;
                }
                List<CompletableFuture<Session>> started = host.addresses().stream()
                        .limit(ADDRESSES_PER_HOST)
                        .map(address -> CompletableFuture.supplyAsync(
                                () -> converse(name.get(), address, settings, deadline), conversations))
                        .toList();
                if (!started.isEmpty()) {
                    sessions.put(name.get(), started);
                }
            }
            return CompletableFuture.allOf(sessions.values().stream().flatMap(List::stream)
                    .toArray(CompletableFuture[]::new)).thenApply(done -> {
                        List<Finding> findings = new ArrayList<>();
                        sessions.forEach((host, each) -> findings.addAll(
                                judge(host, each.stream().map(CompletableFuture::join).toList())));
                        return findings;
                    });
        });
    }

    /**
     * The host's findings from its addresses' sessions. An address that could not be reached is
     * not said when another address of the host was: senders try the next address, and the likelier
     * cause is this network (an IPv6 address from a network without IPv6, say).
     */
    static List<Finding> judge(DomainName host, List<Session> sessions) {
        boolean anyReached = sessions.stream().anyMatch(Session::reached);
        List<Finding> problems = sessions.stream()
                .filter(session -> session.reached() || !anyReached)
                .flatMap(session -> session.problem().stream())
                .distinct()
                .toList();
        return problems.isEmpty() ? List.of(CheckFinding.SMTP_OK.of(host.unicode())) : problems;
    }

    /**
     * What one conversation came to.
     *
     * @param reached whether the host greeted and the conversation got as far as EHLO
     * @param problem what is wrong, if anything
     */
    record Session(boolean reached, Optional<Finding> problem) {

        static Session unreachable(DomainName host, InetAddress address, Words why) {
            return new Session(false, Optional.of(CheckFinding.SMTP_UNREACHABLE.of(
                    host.unicode() + " (" + IpText.format(address) + ")", why)));
        }

        static Session found(Finding problem) {
            return new Session(true, Optional.of(problem));
        }
    }

    private Session converse(DomainName host, InetAddress address, CheckSettings settings, long deadline) {
        if (System.nanoTime() - deadline > 0) {
            // The check gave up waiting for this host while the conversation queued: knocking now helps no one.
            return Session.unreachable(host, address, Words.of("check.problem.timeout", settings.probeTimeout().toSeconds()));
        }
        Socket socket = new Socket();
        try {
            try {
                socket.connect(new InetSocketAddress(address, settings.smtpPort()), (int) CONNECT_TIMEOUT.toMillis());
            } catch (IOException failed) {
                return Session.unreachable(host, address, unreachable(failed, CONNECT_TIMEOUT));
            }
            Optional<Session> plain;
            try {
                socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
                plain = plainText(host, address, socket);
            } catch (IOException failed) {
                return Session.unreachable(host, address, unreachable(failed, READ_TIMEOUT));
            }
            return plain.isPresent() ? plain.get() : secured(host, socket, settings);
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // The findings are made; a socket that fails to close changes none of them.
            }
        }
    }

    /**
     * The conversation up to STARTTLS: a session when it ends there, none when the host took
     * STARTTLS and the handshake is next.
     */
    private static Optional<Session> plainText(DomainName host, InetAddress address, Socket socket) throws IOException {
        // What the host sent after its reply to STARTTLS and this buffer holds is dropped with it, and
        // what comes later meets the handshake: text injected in plain (CVE-2011-0411) never passes
        // for a reply over TLS.
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        Reply greeting = Reply.read(in);
        if (greeting.code() != 220) {
            return Optional.of(Session.unreachable(host, address, Words.of("check.smtp.turned-away", greeting.code())));
        }
        Reply ehlo = exchange(in, out, "EHLO " + addressLiteral(socket.getLocalAddress()));
        boolean offered = ehlo.code() == 250 && ehlo.lines().stream().skip(1)
                .anyMatch(line -> line.split(" ", 2)[0].equalsIgnoreCase("STARTTLS"));
        if (!offered || exchange(in, out, "STARTTLS").code() != 220) {
            quit(in, out);
            return Optional.of(Session.found(CheckFinding.SMTP_NO_STARTTLS.of(host.unicode())));
        }
        return Optional.empty();
    }

    /** The handshake over the connection STARTTLS was accepted on, the certificate's name and dates, then QUIT. */
    private Session secured(DomainName host, Socket socket, CheckSettings settings) {
        SSLContext context = settings.tls().orElseGet(SmtpProbe::platformContext);
        SSLSocket tls;
        X509Certificate certificate;
        try {
            // Given the host's name, the socket sends it as SNI, so a host serving several names shows this one's certificate.
            tls = (SSLSocket) context.getSocketFactory().createSocket(socket, host.ascii(), socket.getPort(), true);
            tls.startHandshake();
            certificate = (X509Certificate) tls.getSession().getPeerCertificates()[0];
        } catch (IOException failed) {
            return Session.found(CheckFinding.SMTP_CERTIFICATE_INVALID.of(host.unicode(), certificateProblem(failed)));
        }
        try {
            quit(new BufferedInputStream(tls.getInputStream()), tls.getOutputStream());
        } catch (IOException ignored) {
            // As for any failed QUIT: the certificate is in hand.
        }
        List<String> names = dnsNames(certificate);
        if (names.stream().noneMatch(name -> certifies(name, host))) {
            return Session.found(CheckFinding.SMTP_CERTIFICATE_INVALID.of(host.unicode(), names.isEmpty()
                    ? Words.of("check.smtp.no-names")
                    : Words.of("check.smtp.name-mismatch", shown(names))));
        }
        long days = Duration.between(clock.instant(), certificate.getNotAfter().toInstant()).toDays();
        return days < EXPIRING_DAYS
                ? Session.found(CheckFinding.SMTP_CERTIFICATE_EXPIRING.of(host.unicode(), days))
                : new Session(true, Optional.empty());
    }

    private static SSLContext platformContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("This Java runtime offers no TLS.", unavailable);
        }
    }

    private static Reply exchange(InputStream in, OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return Reply.read(in);
    }

    /** Says goodbye; whatever the host answers, or fails to, the findings are made. */
    private static void quit(InputStream in, OutputStream out) {
        try {
            exchange(in, out, "QUIT");
        } catch (IOException ignored) {
            // Nothing is learned from a host that mishandles QUIT.
        }
    }

    /** EHLO's argument for a client without a name it can vouch for (RFC 5321, 4.1.4): its address. */
    private static String addressLiteral(InetAddress address) {
        return address instanceof Inet4Address ? "[" + IpText.format(address) + "]" : "[IPv6:" + IpText.format(address) + "]";
    }

    private static Words unreachable(IOException failure, Duration timeout) {
        if (failure instanceof SocketTimeoutException) {
            return Words.of("check.smtp.timeout", timeout.toSeconds());
        }
        if (failure instanceof NoRouteToHostException) {
            return Words.of("check.smtp.no-route");
        }
        if (failure instanceof ConnectException) {
            return Words.of("check.smtp.refused");
        }
        if (failure instanceof EOFException) {
            return Words.of("check.smtp.closed");
        }
        if (failure instanceof NotSmtp) {
            return Words.of("check.smtp.not-smtp");
        }
        return Words.of("check.smtp.failed");
    }

    /**
     * Why the handshake failed, from the kinds of the exceptions the trust manager raised: a
     * certificate out of its dates, else one whose chain does not lead to a trusted authority,
     * else a handshake that never got as far as a certificate.
     */
    private static Words certificateProblem(IOException failure) {
        boolean certificate = false;
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException) {
                return Words.of("check.smtp.expired");
            }
            if (cause instanceof CertificateNotYetValidException) {
                return Words.of("check.smtp.not-yet-valid");
            }
            certificate |= cause instanceof CertificateException || cause instanceof CertPathBuilderException
                    || cause instanceof CertPathValidatorException;
        }
        return Words.of(certificate ? "check.smtp.untrusted" : "check.smtp.handshake");
    }

    /**
     * The DNS names the certificate is for. RFC 9525 drops the subject's common name as a name
     * of the host, so only the subject alternative names count.
     */
    private static List<String> dnsNames(X509Certificate certificate) {
        Collection<List<?>> alternatives;
        try {
            alternatives = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException unreadable) {
            return List.of();
        }
        if (alternatives == null) {
            return List.of();
        }
        int dnsName = 2;
        return alternatives.stream()
                .filter(entry -> entry.size() == 2 && Integer.valueOf(dnsName).equals(entry.get(0))
                        && entry.get(1) instanceof String)
                .map(entry -> (String) entry.get(1))
                .toList();
    }

    /**
     * True when the certificate's name {@code pattern} is the host's (RFC 9525, 6.3): the same
     * name, or a wildcard standing for exactly the host's first label under a parent of at
     * least two labels.
     */
    static boolean certifies(String pattern, DomainName host) {
        String name = pattern.toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        String ascii = host.ascii();
        if (name.equals(ascii)) {
            return true;
        }
        int firstDot = ascii.indexOf('.');
        return name.startsWith("*.") && name.indexOf('.', 2) > 0 && firstDot > 0
                && name.substring(1).equals(ascii.substring(firstDot));
    }

    private static String shown(List<String> names) {
        String shown = names.stream().limit(NAMES_SHOWN).map(Problem::shown).collect(Collectors.joining(", "));
        return names.size() > NAMES_SHOWN ? shown + ", …" : shown;
    }

    /** A host's answer that is no SMTP reply: not three digits, or a line or reply past the bounds. */
    private static final class NotSmtp extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * One SMTP reply (RFC 5321, 4.2): its code and each line's text after the code.
     *
     * @param code the three-digit code of the last line
     * @param lines the text of each line, without the code and separator
     */
    record Reply(int code, List<String> lines) {

        static Reply read(InputStream in) throws IOException {
            List<String> lines = new ArrayList<>();
            while (lines.size() < MAX_REPLY_LINES) {
                String line = line(in);
                if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(c -> c >= '0' && c <= '9')
                        || line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-') {
                    throw new NotSmtp();
                }
                lines.add(line.length() > 4 ? line.substring(4) : "");
                if (line.length() == 3 || line.charAt(3) == ' ') {
                    return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
                }
            }
            throw new NotSmtp();
        }

        /** One line, without its CRLF (a bare LF is taken too, as servers send it). */
        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int octet = in.read(); octet != '\n'; octet = in.read()) {
                if (octet < 0) {
                    throw new EOFException();
                }
                if (line.length() == MAX_LINE) {
                    throw new NotSmtp();
                }
                line.append((char) octet);
            }
            int end = line.length();
            return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
        }
    }
}
