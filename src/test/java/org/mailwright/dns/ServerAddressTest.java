package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailwright.i18n.ProblemException;

class ServerAddressTest {

    @ParameterizedTest(name = "\"{0}\" is {1} port {2}")
    @CsvSource({
            "192.0.2.53,              192.0.2.53,         53,   192.0.2.53:53",
            "192.0.2.53:5353,         192.0.2.53,         5353, 192.0.2.53:5353",
            "' ns1.example.test:54 ', ns1.example.test,   54,   ns1.example.test:54",
            "[2001:db8::53]:5353,     2001:db8::53,       5353, [2001:db8::53]:5353",
            "[2001:db8::53],          2001:db8::53,       53,   [2001:db8::53]:53",
            "2001:db8::53,            2001:db8::53,       53,   [2001:db8::53]:53",
            "::1,                     ::1,                53,   [::1]:53"})
    void parsesEveryWrittenForm(String text, String host, int port, String written) {
        ServerAddress address = ServerAddress.parse(text);

        assertEquals(new ServerAddress(host, port), address);
        assertEquals(written, address.toString());
        assertEquals(address, ServerAddress.parse(address.toString()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "''                 | The server address is empty.",
            "192.0.2.53:0       | Port 0 in \"192.0.2.53:0\" is not between 1 and 65535.",
            "192.0.2.53:65536   | Port 65536 in \"192.0.2.53:65536\" is not between 1 and 65535.",
            "192.0.2.53:dns     | \"dns\" in \"192.0.2.53:dns\" is not a port number.",
            "[2001:db8::53]:x   | \"x\" in \"[2001:db8::53]:x\" is not a port number.",
            "[2001:db8::53      | \"[2001:db8::53\" opens a bracket it does not close.",
            "[2001:db8::53]5353 | \"[2001:db8::53]5353\" is not HOST[:PORT].",
            "192.0.2.53:        | \"192.0.2.53:\" has a colon but no port after it.",
            "[2001:db8::53]:    | \"[2001:db8::53]:\" has a colon but no port after it.",
            ":53                | The server’s host is empty."})
    void rejectsBadAddressesWithASentence(String text, String message) {
        var error = assertThrows(ProblemException.class, () -> ServerAddress.parse(text));

        assertEquals(message, error.problem().text(Locale.ENGLISH));
    }

    @Test
    void saysWhyInSpanishToo() {
        var error = assertThrows(ProblemException.class, () -> ServerAddress.parse("192.0.2.53:dns"));

        assertEquals("\"dns\" en \"192.0.2.53:dns\" no es un número de puerto.", error.problem().text(Locale.forLanguageTag("es")));
    }
}
