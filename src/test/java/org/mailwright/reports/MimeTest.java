package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MIME walk and decoders on the shapes report mail takes. */
class MimeTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void nestedMultipartsInDocumentOrderWithTheirParents() {
        String message = "Subject: x\nContent-Type: multipart/mixed; boundary=\"outer\"\n\npreamble\n--outer\n"
                + "Content-Type: multipart/alternative; boundary=inner\n\n--inner\nContent-Type: text/plain\n\nhello\n--inner\n"
                + "Content-Type: text/html\n\n<p>hello</p>\n--inner--\n--outer\nContent-Type: application/gzip; name=\"r.xml.gz\"\n"
                + "Content-Transfer-Encoding: base64\n\nSGVs\nbG8=\n--outer--\nepilogue\n";
        List<Mime.Part> parts = Mime.parts(bytes(message), ReportLimits.DEFAULT);
        assertEquals(List.of("multipart/mixed", "multipart/alternative", "text/plain", "text/html", "application/gzip"),
                parts.stream().map(Mime.Part::type).toList());
        assertEquals(List.of(-1, 0, 1, 1, 0), parts.stream().map(Mime.Part::parent).toList());
        assertEquals("hello", new String(parts.get(2).content(), StandardCharsets.US_ASCII));
        assertArrayEquals(bytes("Hello"), parts.get(4).content());
        assertEquals("r.xml.gz", parts.get(4).parameters().get("name"));
    }

    @Test
    void aMissingClosingBoundaryEndsTheLastPartAtTheEnd() {
        String message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nunused\r\n";
        List<Mime.Part> parts = Mime.parts(bytes(message), ReportLimits.DEFAULT);
        assertEquals("unused\r\n", new String(parts.get(1).content(), StandardCharsets.US_ASCII));
    }

    @Test
    void decoders() {
        assertArrayEquals(bytes("Hello!"), base64(" SGVs\r\n bG8h ;;"));
        assertArrayEquals(bytes("Hell"), base64("SGVsbA"));
        byte[] quoted = bytes("a=3Db long=\r\n line=");
        assertArrayEquals(bytes("a=b long line="), Mime.quotedPrintable(quoted, 0, quoted.length));
        // RFC 2047: the space between two encoded words is not part of the text; around plain words it is.
        assertEquals("Übersichtcafé", Mime.decodeWords("=?utf-8?B?w5xiZXJzaWNodA==?= =?iso-8859-1?Q?caf=E9?="));
        assertEquals("Ja, Übersicht ok", Mime.decodeWords("Ja, =?utf-8?B?w5xiZXJzaWNodA==?= ok"));
        assertEquals("=?bogus?B?x?= kept", Mime.decodeWords("=?bogus?B?x?= kept"));
    }

    @Test
    void aHeaderOfRawUtf8IsReadAsUtf8AndOtherOctetsAsLatin1() {
        // head() keeps each octet as one character; "señor" in UTF-8 is then "seÃ±or".
        assertEquals("Factura señor", Mime.headerText("Factura se\u00c3\u00b1or"));
        assertEquals("Factura señor", Mime.headerText("Factura se\u00f1or"), "a lone octet is no UTF-8: Latin-1, as written");
        assertEquals("Übersicht señor", Mime.headerText("=?utf-8?B?w5xiZXJzaWNodA==?= se\u00c3\u00b1or"));
        assertEquals("plain", Mime.headerText("plain"));
    }

    private static byte[] base64(String text) {
        byte[] octets = bytes(text);
        return Mime.base64(octets, 0, octets.length);
    }

    @Test
    void parametersQuotedUnquotedAndRfc2231() {
        java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();
        assertEquals("application/zip", Mime.mediaType("Application/ZIP; name=\"a;b.zip\"; filename*=utf-8''r%20.zip; x=1", parameters));
        assertEquals("a;b.zip", parameters.get("name"));
        assertEquals("r%20.zip", parameters.get("filename"));
        assertEquals("1", parameters.get("x"));
    }
}
