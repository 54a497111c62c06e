package org.mailwright.reports;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A real IMAP server in-process (GreenMail) with IMAPS on a certificate made here for 127.0.0.1,
 * so the client checks the server's name as it does against any server, and plain IMAP beside it
 * for the test that Mailwright refuses to speak without TLS. No key or certificate is kept in the
 * repository.
 *
 * <p>GreenMail reads its key store once per JVM from system properties: the certificate is made
 * once, when this class is first used, before any GreenMail server starts.
 */
public final class TestImapServer {

    public static final String USER = "dmarc@example.com";
    /** A password to look for in everything printed and stored: it must never be there. */
    public static final String PASSWORD = "Pw-5ecret!never-printed";
    public static final String FOLDER = "DMARC";
    public static final String PROCESSED = "Processed";

    private static final Tls TLS = Tls.create();
    /** IMAPS, and plain IMAP for the test that it is never spoken; on free ports. */
    private static final ServerSetup[] SETUP = ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.IMAPS, ServerSetupTest.IMAP});
    private static final GreenMailConfiguration CONFIGURATION = GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD);

    static {
        // The tests that refuse the server's certificate, or its plain text, hang up mid-handshake:
        // GreenMail's connection thread then dies of the closed socket, printing a stack trace that
        // is the test's intent, not a fault. Any other thread's death is printed as before.
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (thread.getName().startsWith("imap") && e.getCause() instanceof java.net.SocketException) {
                return;
            }
            if (before != null) {
                before.uncaughtException(thread, e);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        });
    }

    private TestImapServer() {
    }

    /** A server with the user, started and stopped around each test. */
    public static GreenMailExtension extension() {
        return new GreenMailExtension(SETUP).withConfiguration(CONFIGURATION).withPerMethodLifecycle(true);
    }

    /** A server with the user, started; the caller stops it. */
    public static GreenMail start() {
        GreenMail mail = new GreenMail(SETUP);
        mail.withConfiguration(CONFIGURATION);
        mail.start();
        return mail;
    }

    /** TLS that trusts the server's certificate and no other. */
    public static SSLSocketFactory trust() {
        return TLS.client;
    }

    /** The server's certificate in PEM, as a user gives it to {@code --ca-file}. */
    public static Path certificateFile(Path folder) throws IOException {
        return Files.writeString(folder.resolve("imap-server.pem"), TLS.pem, StandardCharsets.US_ASCII);
    }

    public static ImapServer imaps(GreenMailOperations mail) {
        return new ImapServer("127.0.0.1", mail.getImaps().getPort());
    }

    public static ImapServer plainImap(GreenMailOperations mail) {
        return new ImapServer("127.0.0.1", mail.getImap().getPort());
    }

    /** 2026-11-01T00:00:00Z. */
    private static final long NOV_1 = 1_793_491_200L;

    /** The report of the tests as Google mails it: 10 messages passing DKIM and 3 failing, in a gzip attachment. */
    public static byte[] reportMail(String subject) {
        String xml = SampleReports.xml("google.com", "g-imap-1", "example.com", NOV_1,
                List.of(SampleReports.row("192.0.2.1", 10, "pass", "fail"), SampleReports.row("198.51.100.7", 3, "fail", "fail")));
        return SampleReports.message(subject, "application/gzip", "google.com!example.com!1793491200!1793577599.xml.gz",
                SampleReports.gzip(xml)).getBytes(StandardCharsets.US_ASCII);
    }

    /** A report mail whose gzip attachment was cut short on the way. */
    public static byte[] brokenMail(String subject) {
        byte[] gzip = SampleReports.gzip(SampleReports.xml("yahoo.com", "y-imap-1", "example.com", NOV_1,
                List.of(SampleReports.row("203.0.113.5", 4, "pass", "pass"))));
        return SampleReports.message(subject, "application/gzip", "yahoo.com!example.com.xml.gz",
                java.util.Arrays.copyOf(gzip, gzip.length / 2)).getBytes(StandardCharsets.US_ASCII);
    }

    /** A message a person sent to the report address: no report in it. */
    public static byte[] personalMail(String subject) {
        return ("From: alice@example.org\r\nTo: dmarc@example.com\r\nSubject: " + subject + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nAre these reports read by anyone?\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The user's folder {@code name}, created if needed. */
    public static MailFolder folder(GreenMailOperations mail, String name) {
        GreenMailUser user = mail.getUserManager().getUser(USER);
        try {
            MailFolder folder = mail.getManagers().getImapHostManager().getFolder(user, name);
            return folder != null ? folder : mail.getManagers().getImapHostManager().createMailbox(user, name);
        } catch (FolderException | com.icegreen.greenmail.imap.AuthorizationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers {@code messages} (raw RFC 5322 octets) into {@code name}, unread, in order. */
    public static void deliver(GreenMailOperations mail, String name, byte[]... messages) {
        MailFolder folder = folder(mail, name);
        Session session = Session.getInstance(new Properties());
        for (byte[] message : messages) {
            try {
                folder.appendMessage(new MimeMessage(session, new ByteArrayInputStream(message)), new Flags(), new Date());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The subjects of the messages in {@code name}, in order, each marked "(seen)" when it is. */
    public static List<String> contents(GreenMailOperations mail, String name) {
        List<String> contents = new ArrayList<>();
        for (var stored : folder(mail, name).getMessages()) {
            try {
                contents.add(stored.getMimeMessage().getSubject() + (stored.isSet(Flags.Flag.SEEN) ? " (seen)" : ""));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return contents;
    }

    /** The server's key and certificate, and the client's trust in it. */
    private static final class Tls {
        private static final String KEY_STORE_PASSWORD = "greenmail-test";

        final SSLSocketFactory client;
        final String pem;

        private Tls(SSLSocketFactory client, String pem) {
            this.client = client;
            this.pem = pem;
        }

        static Tls create() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair keys = generator.generateKeyPair();
                Instant now = Instant.now();
                X500Name name = new X500Name("CN=127.0.0.1");
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name, keys.getPublic());
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
                X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));

                KeyStore server = KeyStore.getInstance("PKCS12");
                server.load(null, null);
                server.setKeyEntry("greenmail", keys.getPrivate(), KEY_STORE_PASSWORD.toCharArray(), new Certificate[] {certificate});
                Path file = Files.createTempFile("mailwright-greenmail", ".p12");
                file.toFile().deleteOnExit();
                try (OutputStream out = Files.newOutputStream(file)) {
                    server.store(out, KEY_STORE_PASSWORD.toCharArray());
                }
                System.setProperty("greenmail.tls.keystore.file", file.toString());
                System.setProperty("greenmail.tls.keystore.password", KEY_STORE_PASSWORD);
                System.setProperty("greenmail.tls.key.password", KEY_STORE_PASSWORD);

                KeyStore trusted = KeyStore.getInstance("PKCS12");
                trusted.load(null, null);
                trusted.setCertificateEntry("server", certificate);
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trusted);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                String pem = "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
                return new Tls(context.getSocketFactory(), pem);
            } catch (GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
