package org.mailwright.dkim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.mailwright.testdns.TestDnsServer;

/**
 * The hostile messages of issue 11, written to a folder for timing {@code dkim verify} by hand
 * (not a test), with their key records served by the in-process test DNS server meanwhile:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) org.mailwright.dkim.DkimHostileBenchmark DIR SECONDS
 * </pre>
 * It writes {@code huge.eml} (100 MB), {@code twenty.eml} (20 signatures, RSA and Ed25519, relaxed
 * and simple, on a 50 MB body), {@code h20000.eml} (one signature whose h= lists 20,000 names over
 * 20,000 fields) and {@code h20000x20.eml} (twenty such signatures), prints the server's address,
 * and serves the keys for SECONDS: {@code mailwright dkim verify DIR/twenty.eml --max-bytes 60000000
 * --server ADDRESS}.
 */
public final class DkimHostileBenchmark {

    private static final String HEADER = "From: Ana <ana@corp.example>\r\nTo: bea@else.example\r\nSubject: Big\r\n"
            + "Date: Tue, 24 Nov 2026 10:00:00 +0100\r\nMessage-ID: <big@corp.example>\r\n\r\n";
    private static final String LINE = "A line of a large body,   with  runs of spaces\tand tabs for relaxed canonicalization.\r\n";

    private DkimHostileBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int seconds = Integer.parseInt(args[1]);
        writeBody(dir.resolve("huge.eml"), HEADER, 100L * 1024 * 1024);

        DkimKey rsa = KeyGenerator.generate(KeySpec.DEFAULT);
        DkimKey ed25519 = KeyGenerator.generate(KeySpec.ed25519());
        Path unsigned = writeBody(dir.resolve("unsigned.eml"), HEADER, 50L * 1000 * 1000);
        MailMessage message = MailMessage.read(unsigned, MessageLimits.DEFAULT);
        List<String> kinds = new ArrayList<>();
        for (Canonicalization canonicalization : Canonicalization.values()) {
            for (DkimKey key : List.of(rsa, ed25519)) {
                kinds.add(new DkimSigner(key, "corp.example", key == rsa ? "rsa" : "ed",
                        SigningOptions.defaults().withCanonicalization(canonicalization, canonicalization), Clock.systemUTC())
                        .signatureField(message));
            }
        }
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < DkimVerifier.MAX_SIGNATURES; i++) {
            fields.append(kinds.get(i % kinds.size()));
        }
        writeBody(dir.resolve("twenty.eml"), fields + HEADER, 50L * 1000 * 1000);
        Files.delete(unsigned);

        String names = "from" + ":x".repeat(19_999);
        String fieldsOfX = "X: y\r\n".repeat(20_000);
        String one = "DKIM-Signature: v=1; a=rsa-sha256; d=corp.example; s=rsa; h=" + names + "; bh=AAAA; b=AAAA\r\n";
        Files.writeString(dir.resolve("h20000.eml"), one + fieldsOfX + HEADER + "Hello.\r\n", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("h20000x20.eml"), one.repeat(20) + fieldsOfX + HEADER + "Hello.\r\n", StandardCharsets.US_ASCII);

        try (TestDnsServer dns = TestDnsServer.start("$ORIGIN _domainkey.corp.example.\n"
                + "rsa 300 IN TXT " + DkimZones.quoted(rsa.record().value()) + "\n"
                + "ed 300 IN TXT " + DkimZones.quoted(ed25519.record().value()) + "\n")) {
            System.out.println(dns.address());
            Thread.sleep(seconds * 1000L);
        }
    }

    /** {@code header}, then lines of text up to {@code size} octets. */
    private static Path writeBody(Path file, String header, long size) throws IOException {
        byte[] block = LINE.repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < size; written += block.length) {
                out.write(block);
            }
        }
        return file;
    }
}
