package org.mailwright.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * Whom an IMAP server's certificate must be signed by, when not by an authority the system trusts:
 * a self-hosted server often has a certificate of its own making. As with curl's {@code --cacert},
 * the certificates of the file are trusted instead of the system's authorities, and the server's
 * name is checked against its certificate all the same.
 */
public final class ImapTrust {

    /** The largest file read: a few certificates in PEM. */
    public static final int MAX_BYTES = 1 << 20;

    private ImapTrust() {
    }

    /**
     * TLS that trusts the certificates in {@code pemFile} (PEM or DER, one or several) and no other.
     *
     * @throws ProblemException when the file is too large or holds no certificate
     * @throws IOException when the file cannot be read
     */
    public static SSLSocketFactory trusting(Path pemFile) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(pemFile)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ProblemException(new Problem("reports.mailbox.ca-file-large", pemFile.toString(), MAX_BYTES));
        }
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException notCertificates) {
            certificates = java.util.List.of();
        }
        if (certificates.isEmpty()) {
            throw new ProblemException(new Problem("reports.mailbox.ca-file-empty", pemFile.toString()));
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            // Every JDK has PKCS12, X.509 and TLS; nothing the user gave can cause this.
            throw new IllegalStateException(e);
        }
    }
}
