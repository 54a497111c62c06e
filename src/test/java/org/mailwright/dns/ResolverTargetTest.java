package org.mailwright.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResolverTargetTest {

    @Test
    void namedTargetsParseWithoutRegardToCase() {
        assertSame(ResolverTarget.system(), ResolverTarget.parse(" System "));
        assertSame(PublicResolver.GOOGLE, ResolverTarget.parse("google"));
        assertSame(PublicResolver.CLOUDFLARE, ResolverTarget.parse("Cloudflare"));
        assertSame(PublicResolver.QUAD9, ResolverTarget.parse("QUAD9"));
    }

    @Test
    void serverListsKeepTheirOrderAndDefaultToPort53() {
        ResolverTarget target = ResolverTarget.parse("127.0.0.1:5353, [::1]:5300 192.0.2.53");

        assertEquals(new ResolverTarget.Servers(List.of(
                new ServerAddress("127.0.0.1", 5353),
                new ServerAddress("::1", 5300),
                new ServerAddress("192.0.2.53", 53))), target);
        assertEquals("127.0.0.1:5353,[::1]:5300,192.0.2.53:53", target.id());
    }

    @Test
    void everyIdParsesBackToTheSameTarget() {
        for (ResolverTarget target : List.of(ResolverTarget.system(), PublicResolver.GOOGLE, PublicResolver.CLOUDFLARE,
                PublicResolver.QUAD9, ResolverTarget.parse("127.0.0.1:5353,[2001:db8::53]:53"))) {
            assertEquals(target, ResolverTarget.parse(target.id()));
        }
    }

    @Test
    void publicResolversHaveTwoServersEachAndAReadableName() {
        assertEquals(List.of(new ServerAddress("9.9.9.9", 53), new ServerAddress("149.112.112.112", 53)),
                PublicResolver.QUAD9.servers());
        assertEquals("Cloudflare 1.1.1.1", PublicResolver.CLOUDFLARE.displayName());
    }

    @Test
    void authoritativeTargetsNameTheirZoneViaAndPort() {
        var standard = new ResolverTarget.Authoritative("corp.test", PublicResolver.GOOGLE);
        var loopback = ResolverTarget.parse("127.0.0.1:5300");
        var onPort53 = new ResolverTarget.Authoritative("corp.test", loopback);
        var onPort5300 = new ResolverTarget.Authoritative("corp.test", loopback, 5300);

        assertEquals(53, standard.port());
        assertEquals("authoritative:corp.test@google", standard.id());
        assertNotEquals(onPort53.id(), onPort5300.id());
        assertEquals("Authoritative servers of corp.test", standard.displayName());
        assertThrows(IllegalArgumentException.class,
                () -> new ResolverTarget.Authoritative("corp.test", standard));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", ", ,", "127.0.0.1:0", "[::1"})
    void badTextIsRefusedWithASentence(String text) {
        var error = assertThrows(IllegalArgumentException.class, () -> ResolverTarget.parse(text));

        assertEquals('.', error.getMessage().charAt(error.getMessage().length() - 1), error.getMessage());
    }
}
