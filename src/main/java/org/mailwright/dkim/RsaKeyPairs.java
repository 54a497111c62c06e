package org.mailwright.dkim;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * RSA key pairs whose two primes are searched for on every processor at once: the search is
 * nearly all of the work, a run of random length, and the JDK's own generator does it on one
 * thread, one prime after the other. The key is the kind the JDK's generator makes (FIPS 186-5
 * A.1.3, as in {@code sun.security.rsa.RSAKeyPairGenerator}): public exponent 65537; each prime of
 * half the modulus length and above sqrt(2) * 2^(half - 1), so the modulus has exactly the asked
 * length; the primes more than 2^(half - 100) apart; e coprime with p - 1 and q - 1;
 * d = e^-1 mod lcm(p - 1, q - 1), above 2^half. A random start below the bound is drawn again
 * before any primality work, where the JDK tests it first and then throws the prime away (about
 * three primes in ten).
 */
final class RsaKeyPairs {

    private static final BigInteger E = RSAKeyGenParameterSpec.F4;

    private RsaKeyPairs() {
    }

    /**
     * Makes a key pair of {@code bits} (an even length, 1024 or more) with {@code workers} threads
     * searching for primes. A thread still searching when the key is made ends after its current
     * prime: the search cannot be interrupted, and the threads are daemons, so they keep no
     * program from ending.
     *
     * @throws CancellationException when the calling thread is interrupted while it waits
     */
    static KeyPair generate(int bits, int workers) throws GeneralSecurityException {
        if (bits < 1024 || bits % 2 != 0) {
            throw new IllegalArgumentException("RSA keys here are of an even length from 1024 bits, not " + bits + ".");
        }
        int half = bits / 2;
        // floor(sqrt(2^(bits-1))) = floor(sqrt(2) * 2^(half-1)): primes above it make a modulus of
        // exactly `bits` bits, as each is below 2^half.
        BigInteger lowest = BigInteger.ONE.shiftLeft(bits - 1).sqrt();
        BigInteger apart = BigInteger.ONE.shiftLeft(half - 100);
        BlockingQueue<Object> found = new LinkedBlockingQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        for (int i = 0; i < Math.max(1, workers); i++) {
            Thread worker = new Thread(() -> {
                SecureRandom random = new SecureRandom();
                try {
                    while (!done.get()) {
                        found.add(prime(half, lowest, random));
                    }
                } catch (RuntimeException | Error e) {
                    found.add(e);
                }
            }, "mailwright-rsa-prime-" + i);
            worker.setDaemon(true);
            worker.start();
        }
        try {
            List<BigInteger> primes = new ArrayList<>();
            while (true) {
                Object next = found.take();
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                if (next instanceof Error e) {
                    throw e;
                }
                BigInteger prime = (BigInteger) next;
                for (BigInteger other : primes) {
                    KeyPair pair = pair(prime.max(other), prime.min(other), apart);
                    if (pair != null) {
                        return pair;
                    }
                }
                primes.add(prime);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("The key generation was interrupted.");
            cancelled.initCause(e);
            throw cancelled;
        } finally {
            done.set(true);
        }
    }

    /**
     * A random prime of {@code half} bits above {@code lowest}, with p - 1 coprime to 65537: the
     * first probable prime (the chance of a composite at most 2^-100) after a random start, as
     * {@link BigInteger#probablePrime} finds its own. Only the start needs to be secret; the
     * primality test's own bases may come from an ordinary generator.
     */
    private static BigInteger prime(int half, BigInteger lowest, SecureRandom random) {
        while (true) {
            BigInteger start = new BigInteger(half, random).setBit(half - 1);
            if (start.compareTo(lowest) <= 0) {
                continue;
            }
            BigInteger prime = start.nextProbablePrime();
            // 65537 is prime, so it is coprime with p - 1 unless it divides it.
            if (prime.bitLength() == half && !prime.mod(E).equals(BigInteger.ONE)) {
                return prime;
            }
        }
    }

    /** The key pair of primes {@code p > q}, or null when they do not make a good one. */
    private static KeyPair pair(BigInteger p, BigInteger q, BigInteger apart) throws GeneralSecurityException {
        if (p.subtract(q).compareTo(apart) <= 0) {
            return null;
        }
        BigInteger p1 = p.subtract(BigInteger.ONE);
        BigInteger q1 = q.subtract(BigInteger.ONE);
        BigInteger lcm = p1.multiply(q1).divide(p1.gcd(q1));
        BigInteger d = E.modInverse(lcm);
        if (d.compareTo(BigInteger.ONE.shiftLeft(p.bitLength())) <= 0) {
            return null;
        }
        BigInteger n = p.multiply(q);
        KeyFactory factory = KeyFactory.getInstance("RSA");
        return new KeyPair(
                factory.generatePublic(new RSAPublicKeySpec(n, E)),
                factory.generatePrivate(new RSAPrivateCrtKeySpec(n, E, d, p, q, d.mod(p1), d.mod(q1), q.modInverse(p))));
    }
}
