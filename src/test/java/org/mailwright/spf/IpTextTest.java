package org.mailwright.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpTextTest {

    @ParameterizedTest
    @CsvSource({
        "2001:db8::1, 2001:db8::1",
        "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
        "FfFf:0:0:0:0:0:0:aBcD, ffff::abcd",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "0:0:0:0:0:ffff:192.0.2.1, 192.0.2.1",
        "::ffff:c000:0201, 192.0.2.1",
        "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
        "fe80:0000:0000:0000:0204:61ff:fe9d:f156, fe80::204:61ff:fe9d:f156",
    })
    void readsEveryIpv6Form(String text, String canonical) throws Exception {
        InetAddress address = IpText.parseAddress(text);
        assertEquals(canonical, IpText.format(address));
        assertEquals(InetAddress.getByName(canonical), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2001:db8::12345", "2001:db8::g", "2001:db8:::1", "2001::db8::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
        ":1:2:3:4:5:6:7", "2001:db8:\uff11::1", "2001:db8::\u0663", "2001:db8::-1", "2001:db8::+1", "2001:db8::1:",
        "::1.2.3", "::01.2.3.4", "1.2.3.4::", "::ffff:256.0.0.1",
    })
    void refusesWhatIsNoIpv6Address(String text) {
        assertThrows(IllegalArgumentException.class, () -> IpText.parseAddress(text));
    }
}
