package org.mailwright.reports;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any octets as XML: the scanner ends or refuses with a {@link ReportFormatException}, never another
 * exception or a hang, and reads every document as Woodstox reads it ({@link XmlScannerTest}). The
 * inputs beside this class are the regression corpus; {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=XmlScannerFuzzTest} fuzzes.
 */
class XmlScannerFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void scan(byte[] data) {
        XmlScannerTest.assertSameAsReference(data);
    }
}
