package org.mailwright.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerStatusTest {

    @ParameterizedTest
    @CsvSource({
            "2026010101, 2026010102, -1",
            "2026010102, 2026010101,  1",
            "7, 7, 0",
            // RFC 1982: a serial that wrapped past 2^32 is newer than one just below it.
            "4294967295, 5, -1",
            "5, 4294967295, 1",
    })
    void serialsCompareWithSerialNumberArithmetic(long a, long b, int expected) {
        assertEquals(expected, Integer.signum(ServerStatus.compareSerials(a, b)));
    }
}
