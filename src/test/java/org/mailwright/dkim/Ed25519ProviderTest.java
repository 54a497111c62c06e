package org.mailwright.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import org.junit.jupiter.api.Test;

class Ed25519ProviderTest {

    @Test
    void ed25519KeysAndSignaturesComeFromTheRuntimesOwnProvider() throws Exception {
        KeyPair pair = Ed25519Provider.keyPairGenerator().generateKeyPair();
        Signature signer = Ed25519Provider.signature();
        assertEquals("SunEC", signer.getProvider().getName());
        assertEquals("SunEC", Ed25519Provider.keyFactory().getProvider().getName());

        byte[] message = "Mailwright".getBytes(StandardCharsets.US_ASCII);
        signer.initSign(pair.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        // Checked by whatever the runtime's list of providers gives: the keys are ordinary ones.
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }
}
