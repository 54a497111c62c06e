package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.mailwright.testsupport.Conformance;

/** Every sample report of ../shared/conformance/dmarc-reports/ is tokenized as Woodstox reads it ({@link XmlScannerTest}). */
class XmlScannerSamplesTest {

    @Test
    void everySampleReportIsTokenizedAsTheReferenceParserReadsIt() throws IOException {
        Path samples = Conformance.path("dmarc-reports/aggregate");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(samples)) {
            files = walk.filter(file -> file.toString().endsWith(".xml") || file.toString().endsWith(".xml.gz")).sorted().toList();
        }
        assertTrue(files.size() >= 20, () -> "samples found: " + files);
        for (Path file : files) {
            byte[] octets = Files.readAllBytes(file);
            if (file.toString().endsWith(".gz")) {
                try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(octets))) {
                    octets = gzip.readAllBytes();
                }
            }
            XmlScannerTest.assertSameAsReference(octets);
        }
    }
}
