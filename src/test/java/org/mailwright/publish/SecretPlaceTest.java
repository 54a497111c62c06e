package org.mailwright.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where new secrets go: the keyring unless the property or the environment asks for files. */
class SecretPlaceTest {

    @Test
    void theKeyringUnlessFilesAreAskedForThePropertyBeforeTheEnvironment() {
        assertEquals(SecretPlace.KEYRING, SecretPlace.preferred(null, Map.of()));
        assertEquals(SecretPlace.KEYRING, SecretPlace.preferred(" ", Map.of()));
        assertEquals(SecretPlace.FILE, SecretPlace.preferred("file", Map.of()));
        assertEquals(SecretPlace.FILE, SecretPlace.preferred("File", Map.of()));
        assertEquals(SecretPlace.FILE, SecretPlace.preferred(null, Map.of(SecretPlace.VARIABLE, "file")));
        assertEquals(SecretPlace.KEYRING, SecretPlace.preferred("keyring", Map.of(SecretPlace.VARIABLE, "file")),
                "the property decides over the environment");
        assertEquals(SecretPlace.FILE, SecretPlace.preferred("keychain", Map.of()), "a word that is neither means the file");
    }

    @Test
    void theSettingsWordsAreReadBack() {
        assertEquals(Optional.of(SecretPlace.KEYRING), SecretPlace.parse("keyring"));
        assertEquals(Optional.of(SecretPlace.FILE), SecretPlace.parse(" file\n"));
        assertEquals(Optional.empty(), SecretPlace.parse(null));
        assertEquals(Optional.empty(), SecretPlace.parse("vault"));
    }
}
