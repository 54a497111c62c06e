package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A broken report's XML fault is said in the reader's language, not in the XML parser's English. */
class XmlFaultTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        <feedback><a></b></feedback> | The XML is not well-formed at line 1: the end tag </b> comes where <a> should be closed | El XML no está bien formado en la línea 1: la etiqueta de cierre </b> aparece donde debería cerrarse <a>
        <feedback><a x="1" x="2"/></feedback> | The XML is not well-formed at line 1: the attribute x is given twice in one element | El XML no está bien formado en la línea 1: el atributo x aparece dos veces en un mismo elemento
        <feedback><p:a/></feedback> | The XML is not well-formed at line 1: the namespace prefix p is used but never declared | El XML no está bien formado en la línea 1: se usa el prefijo de espacio de nombres p sin declararlo
        <feedback><a b=1/></feedback> | The XML is not well-formed at line 1: an unexpected character ‘1’ (U+0031) in a start tag | El XML no está bien formado en la línea 1: un carácter inesperado ‘1’ (U+0031) en una etiqueta de apertura
        <feedback><a>x < y</a></feedback> | The XML is not well-formed at line 1: an unexpected character U+0020 after ‘<’, where an element’s name should start | El XML no está bien formado en la línea 1: un carácter inesperado U+0020 después de ‘<’, donde debería empezar el nombre de un elemento
        <feedback><email><bad@example.net></email></feedback> | The XML is not well-formed at line 1: an unexpected character ‘@’ (U+0040) in a start tag | El XML no está bien formado en la línea 1: un carácter inesperado ‘@’ (U+0040) en una etiqueta de apertura
        <feedback><a b="<"/></feedback> | The XML is not well-formed at line 1: an unexpected character ‘<’ (U+003C) in an attribute value | El XML no está bien formado en la línea 1: un carácter inesperado ‘<’ (U+003C) en el valor de un atributo
        <feedback><!-- a -- b --></feedback> | The XML is not well-formed at line 1: a comment holds ‘--’, which XML forbids there | El XML no está bien formado en la línea 1: un comentario contiene ‘--’, que XML no permite ahí
        <feedback><a>]]></a></feedback> | The XML is not well-formed at line 1: a text holds ‘]]>’, which XML forbids outside CDATA | El XML no está bien formado en la línea 1: un texto contiene ‘]]>’, que XML no permite fuera de CDATA
        <feedback><a>&#0;</a></feedback> | The XML is not well-formed at line 1: a character reference names a character XML forbids | El XML no está bien formado en la línea 1: una referencia de carácter nombra un carácter que XML prohíbe
        <?xml version="2.0"?><feedback/> | The XML is not well-formed at line 1: the XML declaration names a version other than 1.0 or 1.1 | El XML no está bien formado en la línea 1: la declaración XML indica una versión distinta de 1.0 y 1.1
        '  <?xml version="1.0"?><feedback/>' | The XML is not well-formed at line 1: the XML declaration (<?xml ...?>) is not at the very start of the file | El XML no está bien formado en la línea 1: la declaración XML (<?xml ...?>) no está al principio del archivo
        """)
    void aBrokenReportIsSaidInTheReadersLanguage(String xml, String english, String spanish) {
        ReportFormatException refused = assertThrows(ReportFormatException.class,
                () -> AggregateReportReader.parse(xml.getBytes(StandardCharsets.UTF_8)));

        assertEquals(english, refused.problem().text(Locale.ENGLISH));
        assertEquals(spanish, refused.problem().text(SPANISH));
    }
}
