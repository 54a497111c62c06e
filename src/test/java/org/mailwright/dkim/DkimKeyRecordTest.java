package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DkimKeyRecordTest {

    private static final DkimKey RSA = KeyGenerator.generate(KeySpec.DEFAULT);
    private static final DkimKey ED25519 = KeyGenerator.generate(KeySpec.ed25519());

    @Test
    void anRsaRecordCarriesTheSubjectPublicKeyInfo() throws KeyRecordException {
        DkimKeyRecord record = RSA.record();

        assertTrue(record.value().startsWith("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"));
        assertTrue(RSA.matches(DkimKeyRecord.parse(record.value()).toPublicKey()));
        assertEquals(2048, DkimKeyRecord.parse(record.value()).keyBits());
    }

    @Test
    void anEd25519RecordCarriesTheRaw32OctetKey() throws KeyRecordException {
        DkimKeyRecord record = ED25519.record();

        assertTrue(record.value().startsWith("v=DKIM1; k=ed25519; p="));
        assertEquals(44, record.publicKey().length(), "32 octets are 44 base64 characters");
        assertTrue(ED25519.matches(DkimKeyRecord.parse(record.value()).toPublicKey()));
    }

    @Test
    void optionsAppearInTheirPlaceAndReadBack() throws KeyRecordException {
        DkimKeyRecord record = RSA.record().withHashAlgorithms(List.of("sha256")).withServiceTypes(List.of("email"))
                .withTesting(true).withStrictIdentity(true).withNotes("Ops; call x=1");

        assertTrue(record.value().startsWith("v=DKIM1; k=rsa; h=sha256; s=email; t=y:s; n=Ops=3B=20call=20x=3D1; p="),
                record.value());
        DkimKeyRecord read = DkimKeyRecord.parse(record.value());
        assertEquals(record, read);
        assertEquals("Ops; call x=1", read.notes());
    }

    @Test
    void anEmptyPublicKeyIsARevokedRecord() throws KeyRecordException {
        DkimKeyRecord revoked = DkimKeyRecord.revoked(KeyType.RSA);

        assertEquals("v=DKIM1; k=rsa; p=", revoked.value());
        assertTrue(DkimKeyRecord.parse("v=DKIM1; k=rsa; p=").isRevoked());
        assertEquals(Reason.KEY_REVOKED, assertThrows(KeyRecordException.class, revoked::toPublicKey).reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=DKIM1: g=*; k=rsa; p=AAAA        | KEY_VERSION",
        "k=rsa; v=DKIM1; p=AAAA             | KEY_VERSION",
        "v=DKIM2; p=AAAA                    | KEY_VERSION",
        "v=DKIM1; k=ed25519-sha256; p=AAAA  | KEY_TYPE_UNSUPPORTED",
        "v=DKIM1; k=rsa                     | KEY_SYNTAX",
        "v=DKIM1; k=rsa; t; p=AAAA          | KEY_SYNTAX",
        "v=DKIM1; p=AAAA; p=BBBB            | KEY_SYNTAX",
        "''                                 | KEY_SYNTAX"})
    void brokenRecordsSayWhy(String text, Reason reason) {
        assertEquals(reason, assertThrows(KeyRecordException.class, () -> DkimKeyRecord.parse(text)).reason());
    }

    @Test
    void badKeyDataIsReportedWhenTheKeyIsRead() throws KeyRecordException {
        DkimKeyRecord truncated = DkimKeyRecord.parse("v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDk");
        DkimKeyRecord spkiForEd25519 = DkimKeyRecord.parse("v=DKIM1; k=ed25519; p=MCowBQYDK2VwAyEA3SUqa9UbfciWkk7tlcJ9P1VD5pXAasg0JUn/OgjVbKE=");

        assertEquals(Reason.KEY_DATA, assertThrows(KeyRecordException.class, truncated::toPublicKey).reason());
        assertEquals(Reason.KEY_DATA, assertThrows(KeyRecordException.class, spkiForEd25519::toPublicKey).reason());
    }

    @Test
    void serviceAndHashListsLimitTheKey() throws KeyRecordException {
        DkimKeyRecord record = DkimKeyRecord.parse("v=DKIM1; h=sha1:sha256; s=email:web; p=AAAA");

        assertTrue(record.allowsEmail());
        assertTrue(record.allowsHash("sha256"));
        assertFalse(DkimKeyRecord.parse("v=DKIM1; s=tlsrpt; p=AAAA").allowsEmail());
        assertFalse(DkimKeyRecord.parse("v=DKIM1; h=sha1; p=AAAA").allowsHash("sha256"));
        assertEquals(KeyType.RSA, DkimKeyRecord.parse("p=AAAA").keyType(), "k= defaults to rsa");
    }

    @Test
    void recordsMeaningTheSameHaveOneCanonicalForm() throws Exception {
        String key = RSA.record().publicKey();
        String written = "v=DKIM1; k=rsa; h=sha256; s=email; t=y:s; p=" + key;
        String pkcs1 = Base64.getEncoder().encodeToString(
                SubjectPublicKeyInfo.getInstance(Base64.getDecoder().decode(key)).parsePublicKey().getEncoded());

        for (String same : List.of(
                "v=DKIM1; p=" + key.substring(0, 100) + " \t " + key.substring(100) + "; t=S:y:x; s=EMAIL; h=SHA256:sha256; k=RSA",
                "v=DKIM1; k=rsa; h=sha256; s=email; t=y:s; foo=bar; p=" + pkcs1)) {
            assertEquals(DkimKeyRecord.canonicalOf(written), DkimKeyRecord.canonicalOf(same), same);
        }
        assertEquals(DkimKeyRecord.canonicalOf("v=DKIM1; p=" + key), DkimKeyRecord.canonicalOf("k=rsa; s=*; p=" + key),
                "k=rsa and s=* are what leaving them out means");
        assertEquals(written, DkimKeyRecord.canonicalOf(written).orElseThrow().value());
    }

    @Test
    void anotherKeyOtherOptionsOrATagNameInCapitalsMeanAnotherRecord() {
        String key = RSA.record().publicKey();
        DkimKeyRecord written = DkimKeyRecord.canonicalOf("v=DKIM1; k=rsa; p=" + key).orElseThrow();

        assertFalse(written.equals(DkimKeyRecord.canonicalOf(KeyGenerator.generate(KeySpec.DEFAULT).record().value()).orElseThrow()));
        DkimKeyRecord testing = DkimKeyRecord.canonicalOf("v=DKIM1; k=rsa; t=y; p=" + key).orElseThrow();
        assertFalse(written.equals(testing));
        assertTrue(written.sameKey(testing), "the same key with other options");
        assertFalse(written.sameKey(DkimKeyRecord.revoked(KeyType.RSA)));
        // RFC 6376 3.2: tag names are case-sensitive, so a verifier finds no p= here.
        assertEquals(Optional.empty(), DkimKeyRecord.canonicalOf("v=DKIM1; k=rsa; P=" + key));
        assertEquals(Optional.empty(), DkimKeyRecord.canonicalOf("k=rsa; v=DKIM1; p=" + key), "v= must come first");
    }

    @Test
    void theDnsFormsSplitLongValuesInto255CharacterStrings() {
        DkimKey big = KeyGenerator.generate(KeySpec.rsa(4096));
        DkimDnsRecord record = new DkimDnsRecord("202611A", "Corp.Example.", big.record());

        assertEquals("202611a._domainkey.corp.example", record.name());
        List<String> strings = record.strings();
        assertEquals(record.value(), String.join("", strings));
        assertTrue(strings.size() == 3 && strings.stream().allMatch(s -> s.length() <= 255), strings.toString());
        assertEquals(255, strings.get(0).length());
        assertEquals("202611a._domainkey.corp.example. 3600 IN TXT \"" + strings.get(0) + "\" \"" + strings.get(1)
                + "\" \"" + strings.get(2) + "\"", record.zoneLine(3600));
    }

    @Test
    void selectorsAndDomainsMustBeDnsNames() {
        assertThrows(IllegalArgumentException.class, () -> new DkimDnsRecord("my selector", "corp.example", RSA.record()));
        assertThrows(IllegalArgumentException.class, () -> new DkimDnsRecord("s1", "corp..example", RSA.record()));
    }

    @Test
    void whyARecordIsRefusedIsSaidWhollyInTheReadersLanguage() {
        java.util.Locale spanish = java.util.Locale.forLanguageTag("es");
        KeyRecordException twice = assertThrows(KeyRecordException.class, () -> DkimKeyRecord.parse("v=DKIM1; p=AAAA; p=BBBB"));
        assertTrue(twice.message(java.util.Locale.ENGLISH).contains("the tag p= appears twice"), twice.message(java.util.Locale.ENGLISH));
        assertTrue(twice.message(spanish).contains("la etiqueta p= aparece dos veces"), twice.message(spanish));

        KeyRecordException notRsa = assertThrows(KeyRecordException.class,
                () -> DkimKeyRecord.parse("v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDk").toPublicKey());
        assertEquals(Reason.KEY_DATA, notRsa.reason());
        assertTrue(notRsa.message(spanish).endsWith("los datos de la clave no son una clave pública RSA."), notRsa.message(spanish));
    }
}
