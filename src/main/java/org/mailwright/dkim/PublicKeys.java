package org.mailwright.dkim;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Public keys to and from the octets of a key record's {@code p=} tag. */
final class PublicKeys {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key octets follow it. */
    private static final byte[] ED25519_SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final int ED25519_LENGTH = 32;

    private PublicKeys() {
    }

    /** RSA: the SubjectPublicKeyInfo; Ed25519: the raw 32-octet key (RFC 8463 section 4). */
    static byte[] recordData(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (key instanceof EdECPublicKey) {
            return Arrays.copyOfRange(encoded, encoded.length - ED25519_LENGTH, encoded.length);
        }
        return encoded;
    }

    /** The size in bits: the RSA modulus length, or 256 for Ed25519. */
    static int bits(PublicKey key) {
        return key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 256;
    }

    /**
     * Reads {@code p=} octets. RSA keys are a SubjectPublicKeyInfo; a bare PKCS#1 RSAPublicKey is
     * accepted too, since some publishers paste that and major verifiers take it.
     *
     * @throws GeneralSecurityException ({@link KeyDataException}) when the octets are not a key of
     *     that type, saying why in words (never the runtime's own, which name Java classes)
     */
    static PublicKey fromRecordData(KeyType type, byte[] data) throws GeneralSecurityException {
        if (type == KeyType.ED25519) {
            if (data.length != ED25519_LENGTH) {
                throw new KeyDataException("ed25519-length", data.length);
            }
            byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + ED25519_LENGTH);
            System.arraycopy(data, 0, spki, ED25519_SPKI_PREFIX.length, ED25519_LENGTH);
            try {
                return Ed25519Provider.keyFactory().generatePublic(new X509EncodedKeySpec(spki));
            } catch (InvalidKeySpecException e) {
                throw new KeyDataException(e, "not-ed25519");
            }
        }
        org.bouncycastle.asn1.pkcs.RSAPublicKey rsa = rsaStructure(data);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (InvalidKeySpecException e) {
            throw new KeyDataException(e, "rsa-unusable");
        }
    }

    /** The modulus length of RSA {@code p=} octets, read before any size limit applies. */
    static int rsaBits(byte[] data) throws GeneralSecurityException {
        BigInteger modulus = rsaStructure(data).getModulus();
        return modulus.bitLength();
    }

    private static org.bouncycastle.asn1.pkcs.RSAPublicKey rsaStructure(byte[] data) throws GeneralSecurityException {
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(data);
            try {
                SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(primitive);
                if (!PKCSObjectIdentifiers.rsaEncryption.equals(info.getAlgorithm().getAlgorithm())) {
                    throw new KeyDataException("not-rsa");
                }
                return org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(info.parsePublicKey());
            } catch (IllegalArgumentException notSpki) {
                return org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(primitive);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // BouncyCastle reports malformed DER with whichever unchecked exception the bad octet
            // leads to (IllegalStateException "Expected CONTEXT tag but found APPLICATION",
            // ClassCastException...); p= is written by strangers, so each of them means "no key".
            throw new KeyDataException(e, "not-rsa-data");
        }
    }
}
