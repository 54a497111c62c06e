package org.mailwright.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small SMTP server on loopback for the SMTP probe's tests: a two-line greeting, EHLO with or
 * without STARTTLS, and after STARTTLS a TLS handshake with the certificate it was given. It
 * keeps the commands it was sent and the name the client asked for by SNI.
 */
final class SmtpPeer implements AutoCloseable {

    private static final char[] PASSWORD = "test".toCharArray();
    private static final AtomicLong SERIAL = new AtomicLong(1);

    private final ServerSocket server;
    private final Optional<SSLContext> tls;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();

    /** @param tls the server's TLS context, or empty for a server that offers no STARTTLS */
    SmtpPeer(Optional<SSLContext> tls) {
        this.tls = tls;
        try {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "smtp-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<String> commands() {
        return commands;
    }

    /** The host names the clients asked for by SNI. */
    List<String> serverNames() {
        return serverNames;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread conversation = new Thread(() -> converse(socket), "smtp-peer-conversation");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket plain) {
        try (plain) {
            plain.setSoTimeout(10_000);
            Socket socket = plain;
            BufferedReader in = reader(socket);
            send(socket, "220-mail.corp.test ESMTP ready\r\n220 and a second greeting line\r\n");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                commands.add(line);
                String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
                if (verb.equals("EHLO")) {
                    send(socket, "250-mail.corp.test\r\n250-PIPELINING\r\n"
                            + (tls.isPresent() ? "250-STARTTLS\r\n" : "") + "250 8BITMIME\r\n");
                } else if (verb.equals("STARTTLS") && tls.isPresent()) {
                    send(socket, "220 go ahead\r\n");
                    SSLSocket secured = (SSLSocket) tls.get().getSocketFactory().createSocket(socket, null, true);
                    secured.setUseClientMode(false);
                    secured.startHandshake();
                    for (SNIServerName name : ((ExtendedSSLSession) secured.getSession()).getRequestedServerNames()) {
                        if (name instanceof SNIHostName) {
                            serverNames.add(((SNIHostName) name).getAsciiName());
                        }
                    }
                    socket = secured;
                    in = reader(socket);
                } else if (verb.equals("QUIT")) {
                    send(socket, "221 bye\r\n");
                    return;
                } else {
                    send(socket, "502 not here\r\n");
                }
            }
        } catch (IOException expected) {
            // The certificate tests end in a handshake the client refuses.
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A certificate authority made for a test, which signs the hosts' certificates. */
    record Authority(KeyPair keys, X509Certificate certificate) {

        static Authority create(String name) {
            KeyPair keys = keyPair();
            X500Name subject = new X500Name("CN=" + name);
            Instant now = Instant.now();
            return new Authority(keys, sign(subject, keys.getPublic(), subject, keys, now.minusSeconds(3600),
                    now.plusSeconds(86_400L * 365), true));
        }

        /** A client context that trusts this authority alone. */
        SSLContext clientContext() {
            try {
                KeyStore trusted = KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                trusted.setCertificateEntry("authority", certificate);
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trusted);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                return context;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A server context showing a certificate for {@code names}, valid between the two instants, signed by this authority. */
        SSLContext serverContext(Instant notBefore, Instant notAfter, String... names) {
            KeyPair host = keyPair();
            X509Certificate leaf = sign(new X500Name("CN=" + names[0]), host.getPublic(),
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), keys, notBefore, notAfter, false, names);
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("host", host.getPrivate(), PASSWORD, new Certificate[] {leaf, certificate});
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, PASSWORD);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), null, null);
                return context;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static KeyPair keyPair() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(256);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static X509Certificate sign(X500Name subject, java.security.PublicKey key, X500Name issuer,
                                            KeyPair issuerKeys, Instant notBefore, Instant notAfter, boolean authority,
                                            String... names) {
            try {
                JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                        BigInteger.valueOf(SERIAL.getAndIncrement()), Date.from(notBefore), Date.from(notAfter), subject, key);
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
                if (names.length > 0) {
                    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                            java.util.Arrays.stream(names).map(name -> new GeneralName(GeneralName.dNSName, name))
                                    .toArray(GeneralName[]::new)));
                }
                return new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
            } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
