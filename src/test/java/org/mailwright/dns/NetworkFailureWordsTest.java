package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A network failure is said in the user's words, as the system words it on Linux, macOS and Windows alike. */
class NetworkFailureWordsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void theFailuresPeopleMeetAreSaidInTheirLanguage() {
        assertEquals("este equipo no tiene ruta hacia esa red (red inalcanzable)",
                DnsTransport.network(new SocketException("Network is unreachable")).text(SPANISH));
        assertEquals("no se puede llegar al servidor desde aquí (sin ruta al host)",
                DnsTransport.network(new NoRouteToHostException("No route to host")).text(SPANISH));
        assertEquals("the server reset the connection",
                DnsTransport.network(new SocketException("Connection reset by peer")).text(Locale.ENGLISH));
        assertEquals("this machine cannot send to that kind of address (IPv6 or IPv4 is not set up here)",
                DnsTransport.network(new SocketException("Protocol family unavailable")).text(Locale.ENGLISH));
    }

    @Test
    void anyOtherIsTheSystemsWordsMarkedAsSuchWithoutAClassName() {
        assertEquals("falló la red; según el sistema (en inglés): Too many open files",
                DnsTransport.network(new SocketException("java.net.SocketException: Too many open files")).text(SPANISH));
        assertEquals("the network failed", DnsTransport.network(new SocketException()).text(Locale.ENGLISH));
    }
}
