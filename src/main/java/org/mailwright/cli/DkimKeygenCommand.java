package org.mailwright.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.mailwright.dkim.DkimDnsRecord;
import org.mailwright.dkim.DkimKey;
import org.mailwright.dkim.KeyFileException;
import org.mailwright.dkim.KeyFiles;
import org.mailwright.dkim.KeyGenerator;
import org.mailwright.dkim.KeySpec;
import org.mailwright.dkim.KeyType;
import org.mailwright.dkim.SelectorsMade;
import org.mailwright.i18n.Failures;
import org.mailwright.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mailwright dkim keygen}: makes a key pair on this machine, writes {@code DIR/S.private}
 * (owner-only) and {@code DIR/S.txt} (the zone-file line), and prints the record.
 */
@Command(name = "keygen", sortOptions = false)
final class DkimKeygenCommand extends Subcommand {

    @Mixin
    private DkimNameOptions name;

    @Option(names = "--type", paramLabel = "rsa|ed25519", order = 20, descriptionKey = "dkim.type")
    private String type = "rsa";

    @Option(names = "--bits", paramLabel = "N", order = 21, descriptionKey = "dkim.bits")
    private Integer bits;

    @Option(names = "--out", required = true, paramLabel = "DIR", order = 22, descriptionKey = "dkim.out")
    private Path out;

    @Option(names = "--format", paramLabel = "pkcs8|pkcs1|base64", order = 23, descriptionKey = "dkim.format")
    private String format = "pkcs8";

    @Option(names = "--passphrase-file", paramLabel = "FILE", order = 24, descriptionKey = "dkim.passphrase-file.new")
    private Path passphraseFile;

    @Option(names = "--force", order = 25, descriptionKey = "dkim.force")
    private boolean force;

    @Override
    public Integer call() {
        KeySpec spec = spec();
        KeyFiles.KeyFormat keyFormat = keyFormat();
        // Checked before the key is made: nothing is made or written when a name or a file is wrong.
        String selector = name.selector(texts()).value();
        Path privateFile = out.resolve(selector + ".private");
        Path zoneFile = out.resolve(selector + ".txt");
        KeyFiles.IfExists ifExists = force ? KeyFiles.IfExists.REPLACE : KeyFiles.IfExists.FAIL;
        for (Path file : new Path[] {privateFile, zoneFile}) {
            try {
                KeyFiles.checkWritable(file, ifExists);
            } catch (KeyFileException e) {
                throw refused(e);
            }
        }
        DkimKey key = KeyGenerator.generate(spec);
        DkimDnsRecord record = name.record(texts(), key.record());
        char[] passphrase = DkimKeyOptions.passphrase(passphraseFile, texts());
        KeyFiles.SavedKey saved;
        try {
            saved = KeyFiles.save(key, privateFile, new KeyFiles.SaveOptions(keyFormat, passphrase, ifExists));
            KeyFiles.saveText(zoneFile, record.zoneLine() + "\n", ifExists);
        } catch (KeyFileException e) {
            throw refused(e);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
        try {
            new SelectorsMade(options().dataFolder()).add(record.domain(), record.selector());
        } catch (IOException unwritable) {
            // The key is made and saved; only the health check's hint is lost, so say so and go on.
            err().println(texts().get("cli.dkim.keygen.not-remembered", Failures.reason(unwritable)));
        }
        if (options().json()) {
            Map<String, Object> json = DkimRecordCommand.jsonOf(record);
            json.put("private_key", privateFile.toString());
            json.put("zone_file", zoneFile.toString());
            json.put("key_type", key.type().tagValue());
            json.put("bits", key.bits());
            json.put("permissions", saved.permissions().orElse(null));
            json.put("findings", FindingText.json(key.strengthFindings(), texts().locale()));
            out().println(Json.write(json));
        } else {
            out().println(texts().get("cli.dkim.keygen.saved", privateFile, saved.permissions().orElse(texts().get("cli.dkim.no-posix"))));
            out().println(texts().get("cli.dkim.keygen.zone-file", zoneFile));
            out().println();
            DkimRecordCommand.printRecord(out(), texts(), record, key.strengthFindings());
            out().println();
            out().println(texts().get("cli.dkim.keygen.next", record.domain(), record.selector(), privateFile));
        }
        return ExitCode.OK;
    }

    /** Why a file may not be written, with the way out that this command offers for an existing one. */
    private UsageException refused(KeyFileException e) {
        return new UsageException(e.problem() == KeyFileException.Problem.FILE_EXISTS
                ? texts().get("cli.dkim.exists", e.arguments().get(0))
                : e.message(texts().locale()));
    }

    private KeySpec spec() {
        KeyType keyType = KeyType.fromTagValue(type.strip())
                .orElseThrow(() -> new UsageException(texts().get("cli.dkim.bad-type", type)));
        if (keyType == KeyType.ED25519) {
            if (bits != null && bits != 256) {
                throw new UsageException(texts().get("cli.dkim.bits-ed25519", bits));
            }
            return KeySpec.ed25519();
        }
        int size = bits == null ? KeySpec.DEFAULT.bits() : bits;
        if (!KeySpec.RSA_SIZES.contains(size)) {
            throw new UsageException(texts().get("cli.dkim.bad-bits", size));
        }
        return KeySpec.rsa(size);
    }

    private KeyFiles.KeyFormat keyFormat() {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "pkcs8" -> KeyFiles.KeyFormat.PKCS8;
            case "pkcs1" -> KeyFiles.KeyFormat.PKCS1;
            case "base64" -> KeyFiles.KeyFormat.ED25519_BASE64;
            default -> throw new UsageException(texts().get("cli.dkim.bad-format", format));
        };
    }
}
