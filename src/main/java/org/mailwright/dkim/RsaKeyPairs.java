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
 * three primes in ten), and the candidates after a start are sieved by the odd primes below 2^17
 * (the JDK's search: below 19,200), which spares about one primality test in six.
 */
final class RsaKeyPairs {

    private static final BigInteger E = RSAKeyGenParameterSpec.F4;
    /** The odd primes below 2^17 (12,250 of them), whose multiples are struck from a window. */
    private static final int[] SIEVE_PRIMES = oddPrimesBelow(1 << 17);
    /** Odd candidates searched from one random start: some 23 primes among them for 1024 bits. */
    private static final int WINDOW = 1 << 13;

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
                        BigInteger prime = prime(half, lowest, random, done);
                        if (prime != null) {
                            found.add(prime);
                        }
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
     * A random prime of {@code half} bits above {@code lowest}, with p - 1 coprime to 65537, or null
     * once {@code done} is set (checked between candidates, so a losing thread stops within one
     * test). The prime is the first after a random odd start, as {@link BigInteger#probablePrime}
     * finds its own: candidates divisible by a small prime are struck out first, each one left is
     * tested as {@link BigInteger#isProbablePrime} tests (Miller-Rabin and Lucas, the chance of a
     * composite at most 2^-100). Only the start needs to be secret; the tests' own bases may come
     * from an ordinary generator.
     */
    static BigInteger prime(int half, BigInteger lowest, SecureRandom random, AtomicBoolean done) {
        while (!done.get()) {
            BigInteger start = new BigInteger(half, random).setBit(half - 1).setBit(0);
            if (start.compareTo(lowest) > 0) {
                BigInteger prime = firstPrimeFrom(start, half, done);
                if (prime != null) {
                    return prime;
                }
            }
        }
        return null;
    }

    /**
     * The first prime of {@code half} bits from the odd {@code start} on, within {@link #WINDOW}
     * odd numbers, that is not 1 modulo 65537; null when there is none, or once {@code done} is set.
     */
    static BigInteger firstPrimeFrom(BigInteger start, int half, AtomicBoolean done) {
        int[] words = words(start);
        boolean[] struck = new boolean[WINDOW];
        for (int p : SIEVE_PRIMES) {
            // start + 2k = 0 (mod p) where k = -start / 2 = (p - r) * (p + 1) / 2 (mod p).
            long k = (long) (p - remainder(words, p)) * ((p + 1) / 2) % p;
            for (; k < WINDOW; k += p) {
                struck[(int) k] = true;
            }
        }
        // 65537 is prime, so it is coprime with p - 1 unless it divides it: p = 1 (mod 65537).
        int e = E.intValue();
        int modE = remainder(words, e);
        for (int k = 0; k < WINDOW; k++) {
            if (struck[k] || (modE + 2L * k) % e == 1) {
                continue;
            }
            if (done.get()) {
                return null;
            }
            BigInteger candidate = start.add(BigInteger.valueOf(2L * k));
            if (candidate.bitLength() != half) {
                return null;
            }
            if (candidate.isProbablePrime(100)) {
                return candidate;
            }
        }
        return null;
    }

    /** The magnitude of a positive number in 32-bit words, most significant first. */
    private static int[] words(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int[] words = new int[(bytes.length + 3) / 4];
        for (int i = 0; i < bytes.length; i++) {
            int fromEnd = bytes.length - 1 - i;
            words[words.length - 1 - fromEnd / 4] |= (bytes[i] & 0xff) << (8 * (fromEnd % 4));
        }
        return words;
    }

    /** {@code words} (a magnitude, most significant word first) modulo {@code p}. */
    private static int remainder(int[] words, int p) {
        long r = 0;
        for (int word : words) {
            r = ((r << 32) | (word & 0xffffffffL)) % p;
        }
        return (int) r;
    }

    private static int[] oddPrimesBelow(int limit) {
        boolean[] composite = new boolean[limit];
        int count = 0;
        for (int i = 3; i < limit; i += 2) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j < limit; j += 2L * i) {
                    composite[(int) j] = true;
                }
            }
        }
        int[] primes = new int[count];
        for (int i = 3, n = 0; i < limit; i += 2) {
            if (!composite[i]) {
                primes[n++] = i;
            }
        }
        return primes;
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
