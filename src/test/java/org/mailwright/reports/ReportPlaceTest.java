package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Where in a file a problem is, said in the reader's language. */
class ReportPlaceTest {

    @Test
    void eachStepIsSaidInTheReadersLanguage() {
        ReportPlace place = ReportPlace.FILE.message(1204).part(2, "google.com!example.com.xml.gz").entry("report.xml");
        assertEquals("message 1204, part 2 (google.com!example.com.xml.gz), entry report.xml", place.text(Locale.ENGLISH));
        assertEquals("mensaje 1204, parte 2 (google.com!example.com.xml.gz), entrada report.xml",
                place.text(Locale.forLanguageTag("es")));
        assertEquals("parte 3", ReportPlace.FILE.part(3, null).text(Locale.forLanguageTag("es")));
    }

    @Test
    void theFileItselfHasNoPlaceToSay() {
        assertTrue(ReportPlace.FILE.isFile());
        assertEquals("", ReportPlace.FILE.text(Locale.ENGLISH));
        FileImport.FileProblem problem = new FileImport.FileProblem(ReportPlace.FILE.entry("a'b {0}.xml"),
                new org.mailwright.i18n.Problem("reports.error.empty"));
        assertTrue(problem.text(Locale.ENGLISH).startsWith("entry a'b {0}.xml: "), problem.text(Locale.ENGLISH));
    }
}
