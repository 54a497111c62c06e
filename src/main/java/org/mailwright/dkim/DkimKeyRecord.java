package org.mailwright.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A DKIM key record, the TXT value at {@code selector._domainkey.domain} (RFC 6376 section 3.6.1,
 * RFC 8463 section 4): {@code v=DKIM1; k=rsa; p=...}, optionally with h=, s=, t= and n=.
 *
 * @param keyType {@code k=}
 * @param hashAlgorithms {@code h=}: the hashes the key may be used with; empty means any
 * @param serviceTypes {@code s=}: empty means any ({@code *}); {@code email} limits it to mail
 * @param testing {@code t=y}: the domain is testing DKIM and asks receivers to go easy
 * @param strictIdentity {@code t=s}: an {@code i=} must be the signing domain itself, not a subdomain
 * @param notes {@code n=}, for people reading the record; empty when there is none
 * @param publicKey {@code p=} in base64; empty means the key is revoked
 * @param granularity the {@code g=} of RFC 4871 (dropped by RFC 6376), when a record has it
 */
public record DkimKeyRecord(KeyType keyType, List<String> hashAlgorithms, List<String> serviceTypes,
                            boolean testing, boolean strictIdentity, String notes, String publicKey,
                            Optional<String> granularity) {

    public DkimKeyRecord {
        Objects.requireNonNull(keyType, "keyType");
        hashAlgorithms = List.copyOf(hashAlgorithms);
        serviceTypes = List.copyOf(serviceTypes);
        notes = notes == null ? "" : notes;
        publicKey = TagList.removeFws(Objects.requireNonNull(publicKey, "publicKey"));
        Objects.requireNonNull(granularity, "granularity");
    }

    /** The record that publishes {@code key}, with no options. */
    public static DkimKeyRecord of(PublicKey key) {
        KeyType type = key.getAlgorithm().equals("RSA") ? KeyType.RSA : KeyType.ED25519;
        return new DkimKeyRecord(type, List.of(), List.of(), false, false, "",
                Base64.getEncoder().encodeToString(PublicKeys.recordData(key)), Optional.empty());
    }

    /** The revocation record for a retired key: same type, empty {@code p=}. */
    public static DkimKeyRecord revoked(KeyType type) {
        return new DkimKeyRecord(type, List.of(), List.of(), false, false, "", "", Optional.empty());
    }

    public DkimKeyRecord withTesting(boolean on) {
        return new DkimKeyRecord(keyType, hashAlgorithms, serviceTypes, on, strictIdentity, notes, publicKey, granularity);
    }

    public DkimKeyRecord withStrictIdentity(boolean on) {
        return new DkimKeyRecord(keyType, hashAlgorithms, serviceTypes, testing, on, notes, publicKey, granularity);
    }

    /** {@code h=sha256} (or any list), which tells verifiers never to accept this key with SHA-1. */
    public DkimKeyRecord withHashAlgorithms(List<String> hashes) {
        return new DkimKeyRecord(keyType, hashes, serviceTypes, testing, strictIdentity, notes, publicKey, granularity);
    }

    /** {@code s=email} (or any list). */
    public DkimKeyRecord withServiceTypes(List<String> services) {
        return new DkimKeyRecord(keyType, hashAlgorithms, services, testing, strictIdentity, notes, publicKey, granularity);
    }

    public DkimKeyRecord withNotes(String text) {
        return new DkimKeyRecord(keyType, hashAlgorithms, serviceTypes, testing, strictIdentity, text, publicKey, granularity);
    }

    public boolean isRevoked() {
        return publicKey.isEmpty();
    }

    /** True when the record allows mail ({@code s=} absent, {@code *} or {@code email}). */
    public boolean allowsEmail() {
        return serviceTypes.isEmpty() || serviceTypes.contains("*") || serviceTypes.stream().anyMatch("email"::equalsIgnoreCase);
    }

    /** True when the record allows this hash ({@code h=} absent or listing it). */
    public boolean allowsHash(String hash) {
        return hashAlgorithms.isEmpty() || hashAlgorithms.stream().anyMatch(hash::equalsIgnoreCase);
    }

    /** The public key, for a record that is not revoked. */
    public PublicKey toPublicKey() throws KeyRecordException {
        if (isRevoked()) {
            throw new KeyRecordException(Reason.KEY_REVOKED);
        }
        try {
            return PublicKeys.fromRecordData(keyType, keyData());
        } catch (GeneralSecurityException e) {
            throw keyData(e);
        }
    }

    /** The key size in bits (RSA modulus length, 256 for Ed25519). */
    public int keyBits() throws KeyRecordException {
        if (keyType == KeyType.ED25519) {
            return 256;
        }
        if (isRevoked()) {
            throw new KeyRecordException(Reason.KEY_REVOKED);
        }
        try {
            return PublicKeys.rsaBits(keyData());
        } catch (GeneralSecurityException e) {
            throw keyData(e);
        }
    }

    /** {@code p=} that is no key, and why in words of any language where the key reader said. */
    private static KeyRecordException keyData(GeneralSecurityException e) {
        return new KeyRecordException(Reason.KEY_DATA, e instanceof KeyDataException words ? words.why() : e.getMessage());
    }

    /** The octets of {@code p=}. @throws KeyRecordException when it is not base64 */
    private byte[] keyData() throws KeyRecordException {
        try {
            return Base64.getDecoder().decode(publicKey);
        } catch (IllegalArgumentException e) {
            throw new KeyRecordException(Reason.KEY_DATA, "p= is not base64");
        }
    }

    /**
     * This record as a verifier understands it, written one way: two records mean the same
     * exactly when their canonical forms are equal, and so are the {@link #value()}s of those
     * forms. Tag order, the case of keyword values ({@code k=}, the {@code h=} and {@code s=}
     * lists, the {@code t=} flags), repeats in a list and its order, {@code s=*} against no
     * {@code s=}, and how {@code p=} is written (whitespace, base64 padding, a bare PKCS#1 RSA key
     * against its SubjectPublicKeyInfo) do not count: {@code p=} is compared as the key it decodes
     * to. Tag names keep their case, as RFC 6376 section 3.2 says: a record with {@code P=} has no
     * key for a verifier. Tags a verifier ignores are left out; notes ({@code n=}) count as words.
     */
    public DkimKeyRecord canonical() {
        List<String> services = keywords(serviceTypes);
        return new DkimKeyRecord(keyType, keywords(hashAlgorithms), services.contains("*") ? List.of() : services,
                testing, strictIdentity, notes.strip(), canonicalKey(), granularity);
    }

    /**
     * The {@link #canonical()} form of a TXT value, for comparing what a name publishes with the
     * record written for it; empty when the value is not a DKIM key record a verifier can read.
     */
    public static Optional<DkimKeyRecord> canonicalOf(String text) {
        try {
            return Optional.of(parse(text).canonical());
        } catch (KeyRecordException notAKeyRecord) {
            return Optional.empty();
        }
    }

    /**
     * True when {@code other} publishes the key this record publishes (the same type and key, as
     * {@link #canonical()} compares them), whatever its options; never for a revoked record.
     */
    public boolean sameKey(DkimKeyRecord other) {
        if (isRevoked() || other.isRevoked()) {
            return false;
        }
        DkimKeyRecord mine = canonical();
        DkimKeyRecord theirs = other.canonical();
        return mine.keyType == theirs.keyType && mine.publicKey.equals(theirs.publicKey);
    }

    private static List<String> keywords(List<String> list) {
        return list.stream().map(item -> item.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
    }

    /** The key's octets in base64 as this record's own key would write them; as written when they are no key. */
    private String canonicalKey() {
        if (isRevoked()) {
            return "";
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(publicKey);
        } catch (IllegalArgumentException notBase64) {
            return publicKey;
        }
        try {
            return Base64.getEncoder().encodeToString(PublicKeys.recordData(PublicKeys.fromRecordData(keyType, data)));
        } catch (GeneralSecurityException notAKey) {
            return Base64.getEncoder().encodeToString(data);
        }
    }

    /** The TXT value: {@code v=DKIM1; k=...; [h=...; s=...; t=...; n=...;] p=...}. */
    public String value() {
        List<String> parts = new ArrayList<>();
        parts.add("v=DKIM1");
        parts.add("k=" + keyType.tagValue());
        if (!hashAlgorithms.isEmpty()) {
            parts.add("h=" + String.join(":", hashAlgorithms));
        }
        if (!serviceTypes.isEmpty()) {
            parts.add("s=" + String.join(":", serviceTypes));
        }
        List<String> flags = new ArrayList<>();
        if (testing) {
            flags.add("y");
        }
        if (strictIdentity) {
            flags.add("s");
        }
        if (!flags.isEmpty()) {
            parts.add("t=" + String.join(":", flags));
        }
        if (!notes.isEmpty()) {
            parts.add("n=" + encodeQuotedPrintable(notes));
        }
        parts.add("p=" + publicKey);
        return String.join("; ", parts);
    }

    /**
     * Reads a published record, as a verifier does (RFC 6376 section 3.6.1 and 6.1.2). A revoked
     * record (empty {@code p=}) parses; check {@link #isRevoked()}.
     *
     * @throws KeyRecordException when the record is not a usable DKIM key record
     */
    public static DkimKeyRecord parse(String text) throws KeyRecordException {
        TagList tags;
        try {
            tags = TagList.parse(text);
        } catch (TagList.TagSyntaxException e) {
            throw new KeyRecordException(Reason.KEY_SYNTAX, e.why());
        }
        Optional<String> version = tags.get("v");
        if (version.isPresent() && (!version.get().equals("DKIM1") || !tags.firstName().orElseThrow().equals("v"))) {
            throw new KeyRecordException(Reason.KEY_VERSION, version.get());
        }
        String k = tags.get("k").orElse("rsa");
        KeyType type = KeyType.fromTagValue(k).orElseThrow(() -> new KeyRecordException(Reason.KEY_TYPE_UNSUPPORTED, k));
        String p = tags.get("p").orElseThrow(() -> new KeyRecordException(Reason.KEY_SYNTAX, "the p= tag is missing"));
        List<String> flags = list(tags.get("t"));
        return new DkimKeyRecord(type, list(tags.get("h")), list(tags.get("s")),
                flags.stream().anyMatch("y"::equalsIgnoreCase), flags.stream().anyMatch("s"::equalsIgnoreCase),
                tags.get("n").map(DkimSignature::decodeQuotedPrintable).orElse(""), p,
                tags.get("g").map(TagList::removeFws));
    }

    private static List<String> list(Optional<String> value) {
        return value.map(v -> Arrays.stream(TagList.removeFws(v).split(":")).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** DKIM quoted-printable for n=: printable ASCII but {@code ;} and {@code =} as is, the rest (space too) as =XX. */
    private static String encodeQuotedPrintable(String text) {
        byte[] bytes = text.strip().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : bytes) {
            int c = b & 0xff;
            boolean safe = c >= 0x21 && c <= 0x7e && c != ';' && c != '=';
            if (safe) {
                out.write(c);
            } else {
                out.writeBytes(String.format(Locale.ROOT, "=%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
