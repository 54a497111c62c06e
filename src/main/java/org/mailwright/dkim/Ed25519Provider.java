package org.mailwright.dkim;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.ServiceLoader;

/**
 * Ed25519 from the Java runtime's own provider (SunEC), asked for by name. Asked for through the
 * list of providers instead, Java 17 finds SunEC, which lives in a module of its own, by making
 * every security provider on the module path until one is called "SunEC", BouncyCastle's among
 * them: a fifth of a second of every command that touches an Ed25519 key, spent on a name. Here
 * the provider is picked by its class, which makes nothing else; from Java 22 on SunEC is part of
 * java.base and the list has it at once.
 */
final class Ed25519Provider {

    private static final String ALGORITHM = "Ed25519";

    private Ed25519Provider() {
    }

    static KeyPairGenerator keyPairGenerator() throws NoSuchAlgorithmException {
        Provider provider = Found.PROVIDER;
        return provider == null ? KeyPairGenerator.getInstance(ALGORITHM) : KeyPairGenerator.getInstance(ALGORITHM, provider);
    }

    static KeyFactory keyFactory() throws NoSuchAlgorithmException {
        Provider provider = Found.PROVIDER;
        return provider == null ? KeyFactory.getInstance(ALGORITHM) : KeyFactory.getInstance(ALGORITHM, provider);
    }

    static Signature signature() throws NoSuchAlgorithmException {
        Provider provider = Found.PROVIDER;
        return provider == null ? Signature.getInstance(ALGORITHM) : Signature.getInstance(ALGORITHM, provider);
    }

    /** Looked for once, on first use; null leaves the choice to the list. */
    private static final class Found {
        static final Provider PROVIDER = ServiceLoader.load(ModuleLayer.boot(), Provider.class).stream()
                .filter(candidate -> candidate.type().getName().equals("sun.security.ec.SunEC"))
                .findFirst()
                .<Provider>map(ServiceLoader.Provider::get)
                .orElseGet(() -> Security.getProvider("SunEC"));
    }
}
