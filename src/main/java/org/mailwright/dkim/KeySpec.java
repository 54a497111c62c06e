package org.mailwright.dkim;

import java.util.List;
import java.util.Objects;

/**
 * What key to make: RSA of 1024, 2048, 3072 or 4096 bits, or Ed25519 (always 256 bits).
 *
 * @param type the key type
 * @param bits the RSA modulus length; 256 for Ed25519
 */
public record KeySpec(KeyType type, int bits) {

    /** The RSA sizes offered: 1024 only for old DNS panels that cannot take longer records. */
    public static final List<Integer> RSA_SIZES = List.of(1024, 2048, 3072, 4096);

    /** RSA 2048: what every receiver accepts and the size recommended today. */
    public static final KeySpec DEFAULT = new KeySpec(KeyType.RSA, 2048);

    public KeySpec {
        Objects.requireNonNull(type, "type");
        if (type == KeyType.RSA && !RSA_SIZES.contains(bits)) {
            throw new IllegalArgumentException("RSA keys can be 1024, 2048, 3072 or 4096 bits, not " + bits + ".");
        }
        if (type == KeyType.ED25519 && bits != 256) {
            throw new IllegalArgumentException("Ed25519 keys have 256 bits, not " + bits + ".");
        }
    }

    public static KeySpec rsa(int bits) {
        return new KeySpec(KeyType.RSA, bits);
    }

    public static KeySpec ed25519() {
        return new KeySpec(KeyType.ED25519, 256);
    }
}
