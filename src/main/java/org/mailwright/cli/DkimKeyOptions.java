package org.mailwright.cli;

import java.nio.file.Path;
import java.util.Arrays;
import org.mailwright.dkim.DkimKey;
import org.mailwright.dkim.KeyFileException;
import org.mailwright.dkim.KeyFiles;
import picocli.CommandLine.Option;

/** {@code --key FILE} and {@code --passphrase-file FILE}: an existing private key. */
final class DkimKeyOptions {

    @Option(names = "--key", required = true, paramLabel = "FILE", order = 12, descriptionKey = "dkim.key")
    Path key;

    @Option(names = "--passphrase-file", paramLabel = "FILE", order = 13, descriptionKey = "dkim.passphrase-file")
    Path passphraseFile;

    /** @throws UsageException when the key cannot be read, in the user's language */
    DkimKey load(Texts texts) {
        char[] passphrase = passphrase(passphraseFile, texts);
        try {
            return KeyFiles.read(key, passphrase);
        } catch (KeyFileException e) {
            throw new UsageException(texts.get("cli.dkim.key-unreadable", key, e.message(texts.locale())));
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /** The first line of the file, or null when no file is given; the caller clears it. */
    static char[] passphrase(Path file, Texts texts) {
        if (file == null) {
            return null;
        }
        try {
            return KeyFiles.readPassphrase(file);
        } catch (KeyFileException e) {
            throw new UsageException(e.message(texts.locale()));
        }
    }
}
