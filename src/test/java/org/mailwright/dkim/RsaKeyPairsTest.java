package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RsaKeyPairsTest {

    /** Every rule of FIPS 186-5 A.1.3 the JDK's own generator keeps, on keys made by one and by several threads. */
    @ParameterizedTest
    @CsvSource({"1024, 1", "1024, 3", "2048, 2", "3072, 2"})
    void makesKeysByTheRulesTheJdkKeeps(int bits, int workers) throws Exception {
        KeyPair pair = RsaKeyPairs.generate(bits, workers);
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
        BigInteger p = key.getPrimeP();
        BigInteger q = key.getPrimeQ();
        BigInteger e = BigInteger.valueOf(65537);
        BigInteger one = BigInteger.ONE;

        assertEquals(bits, publicKey.getModulus().bitLength());
        assertEquals(publicKey.getModulus(), key.getModulus());
        assertEquals(p.multiply(q), key.getModulus());
        assertEquals(e, publicKey.getPublicExponent());
        assertEquals(e, key.getPublicExponent());
        assertTrue(p.isProbablePrime(100) && q.isProbablePrime(100), "p and q are prime");
        BigInteger lowest = one.shiftLeft(bits - 1).sqrt();
        assertTrue(p.compareTo(lowest) > 0 && q.compareTo(lowest) > 0, "each prime is above sqrt(2) * 2^(half - 1)");
        assertEquals(bits / 2, p.bitLength());
        assertEquals(bits / 2, q.bitLength());
        assertTrue(p.subtract(q).abs().compareTo(one.shiftLeft(bits / 2 - 100)) > 0, "the primes are far apart");
        BigInteger p1 = p.subtract(one);
        BigInteger q1 = q.subtract(one);
        BigInteger lcm = p1.multiply(q1).divide(p1.gcd(q1));
        assertEquals(one, e.multiply(key.getPrivateExponent()).mod(lcm), "d is e's inverse modulo lcm(p - 1, q - 1)");
        assertTrue(key.getPrivateExponent().compareTo(one.shiftLeft(bits / 2)) > 0, "d is above 2^half");
        assertEquals(key.getPrivateExponent().mod(p1), key.getPrimeExponentP());
        assertEquals(key.getPrivateExponent().mod(q1), key.getPrimeExponentQ());
        assertEquals(one, q.multiply(key.getCrtCoefficient()).mod(p), "the CRT coefficient is q's inverse modulo p");

        byte[] data = "DKIM-Signature: v=1".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(data);
        assertTrue(verifier.verify(signature), "what the private key signs, the public key verifies");
    }

    @Test
    void everyKeyIsNew() throws Exception {
        KeyPair one = RsaKeyPairs.generate(1024, 2);
        KeyPair two = RsaKeyPairs.generate(1024, 2);
        assertNotEquals(((RSAPublicKey) one.getPublic()).getModulus(), ((RSAPublicKey) two.getPublic()).getModulus());
    }

    /** The sieve strikes only composites: the prime found is the first one after the start, as BigInteger finds it. */
    @Test
    void findsTheFirstPrimeAfterTheStart() {
        SecureRandom random = new SecureRandom();
        BigInteger e = BigInteger.valueOf(65537);
        for (int bits : new int[] {40, 64, 512}) {
            for (int i = 0; i < 200; i++) {
                BigInteger start = new BigInteger(bits, random).setBit(bits - 1).setBit(0);
                BigInteger expected = start.subtract(BigInteger.ONE).nextProbablePrime();
                while (expected.mod(e).equals(BigInteger.ONE)) {
                    expected = expected.nextProbablePrime();
                }
                BigInteger found = RsaKeyPairs.firstPrimeFrom(start, bits, new AtomicBoolean());
                if (expected.bitLength() == bits && expected.subtract(start).compareTo(BigInteger.valueOf(2 * 8192)) < 0) {
                    assertEquals(expected, found, "after " + start);
                }
            }
        }
    }

    @Test
    void aSearchEndsWhenToldTo() {
        assertNull(RsaKeyPairs.prime(1024, BigInteger.ONE.shiftLeft(1023), new SecureRandom(), new AtomicBoolean(true)));
    }

    @Test
    void refusesLengthsItDoesNotMake() {
        assertThrows(IllegalArgumentException.class, () -> RsaKeyPairs.generate(512, 1));
        assertThrows(IllegalArgumentException.class, () -> RsaKeyPairs.generate(2047, 1));
    }

    @Test
    void anInterruptedCallerStopsWaiting() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                RsaKeyPairs.generate(1024, 1);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        caller.join(10_000);
        assertTrue(thrown.get() instanceof CancellationException, "cancelled, not a key: " + thrown.get());
    }
}
