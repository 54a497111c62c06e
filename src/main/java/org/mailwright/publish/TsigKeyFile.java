package org.mailwright.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailwright.dns.DomainName;
import org.mailwright.i18n.Problem;
import org.mailwright.i18n.ProblemException;

/**
 * A TSIG secret read from a file, in whichever form the server's tools wrote it: the Base64
 * secret alone, BIND's {@code key "name" { algorithm ...; secret "..."; };} (tsig-keygen,
 * rndc-confgen), Knot's {@code key: - id: ... algorithm: ... secret: ...} (keymgr -t), or
 * {@code algorithm:name:secret} (nsupdate -y). A file that names the key and its algorithm
 * needs no options; where options are given too they must agree with it.
 */
public final class TsigKeyFile {

    /** The largest key file read: a key is a few hundred characters. */
    public static final int MAX_BYTES = 16 * 1024;

    private static final Pattern BIND_KEY = Pattern.compile(
            "key\\s+\"?([^\"\\s{]+)\"?\\s*\\{([^}]*)}", Pattern.CASE_INSENSITIVE);
    private static final Pattern BIND_ALGORITHM = Pattern.compile("algorithm\\s+\"?([A-Za-z0-9.-]+)\"?\\s*;",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BIND_SECRET = Pattern.compile("secret\\s+\"([A-Za-z0-9+/=\\s]+)\"\\s*;",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KNOT_FIELD = Pattern.compile("^\\s*-?\\s*(id|algorithm|secret)\\s*:\\s*(\\S+)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern COLON_FORM = Pattern.compile("^\\s*(?:([A-Za-z0-9-]+):)?([^:\\s]+):([A-Za-z0-9+/=]+)\\s*$");
    private static final Pattern BASE64_ALONE = Pattern.compile("^\\s*([A-Za-z0-9+/=]+)\\s*$");

    private TsigKeyFile() {
    }

    /**
     * The key in {@code file}; {@code name} and {@code algorithm} fill in what the file does not say.
     *
     * @throws ProblemException when the file holds no key, several and no name to choose, or one
     *     that disagrees with the options
     * @throws IOException when the file cannot be read
     */
    public static TsigKey read(Path file, Optional<String> name, Optional<TsigAlgorithm> algorithm) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ProblemException(new Problem("publish.key.too-large", file.toString(), MAX_BYTES));
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), name, algorithm);
    }

    /** The key in {@code text}: see {@link #read}. */
    public static TsigKey parse(String text, Optional<String> name, Optional<TsigAlgorithm> algorithm) {
        List<Found> found = bindKeys(text);
        if (found.isEmpty()) {
            knotKey(text).ifPresent(found::add);
        }
        if (found.isEmpty()) {
            Matcher colon = COLON_FORM.matcher(text);
            Matcher alone = BASE64_ALONE.matcher(text);
            if (alone.matches()) {
                found.add(new Found(Optional.empty(), Optional.empty(), alone.group(1)));
            } else if (colon.matches()) {
                found.add(new Found(Optional.of(colon.group(2)), Optional.ofNullable(colon.group(1)), colon.group(3)));
            }
        }
        if (found.isEmpty()) {
            throw new ProblemException(new Problem("publish.key.no-key"));
        }
        Found key = choose(found, name);
        DomainName keyName = keyName(key.name().or(() -> name)
                .orElseThrow(() -> new ProblemException(new Problem("publish.key.no-name"))));
        if (name.isPresent() && !keyName(name.get()).equals(keyName)) {
            throw new ProblemException(new Problem("publish.key.other-name", keyName.ascii(), name.get()));
        }
        TsigAlgorithm keyAlgorithm;
        if (key.algorithm().isPresent()) {
            keyAlgorithm = TsigAlgorithm.parse(key.algorithm().get()).orElseThrow(() ->
                    new ProblemException(new Problem("publish.key.algorithm", key.algorithm().get())));
            if (algorithm.isPresent() && algorithm.get() != keyAlgorithm) {
                throw new ProblemException(new Problem("publish.key.other-algorithm", keyAlgorithm.id(), algorithm.get().id()));
            }
        } else {
            keyAlgorithm = algorithm.orElseThrow(() -> new ProblemException(new Problem("publish.key.no-algorithm")));
        }
        byte[] secret;
        try {
            secret = Base64.getMimeDecoder().decode(key.secret().replaceAll("\\s", ""));
        } catch (IllegalArgumentException notBase64) {
            throw new ProblemException(new Problem("publish.key.secret"));
        }
        if (secret.length == 0 || secret.length > TsigKey.MAX_SECRET_OCTETS) {
            throw new ProblemException(new Problem("publish.key.secret"));
        }
        return new TsigKey(keyName, keyAlgorithm, secret);
    }

    private static List<Found> bindKeys(String text) {
        List<Found> keys = new ArrayList<>();
        Matcher key = BIND_KEY.matcher(text);
        while (key.find()) {
            Matcher algorithm = BIND_ALGORITHM.matcher(key.group(2));
            Matcher secret = BIND_SECRET.matcher(key.group(2));
            if (secret.find()) {
                keys.add(new Found(Optional.of(key.group(1)),
                        algorithm.find() ? Optional.of(algorithm.group(1)) : Optional.empty(), secret.group(1)));
            }
        }
        return keys;
    }

    private static Optional<Found> knotKey(String text) {
        if (!text.contains("secret:")) {
            return Optional.empty();
        }
        Optional<String> id = Optional.empty();
        Optional<String> algorithm = Optional.empty();
        Optional<String> secret = Optional.empty();
        Matcher field = KNOT_FIELD.matcher(text);
        while (field.find()) {
            String value = field.group(2).replace("\"", "");
            switch (field.group(1)) {
                case "id" -> id = id.or(() -> Optional.of(value));
                case "algorithm" -> algorithm = algorithm.or(() -> Optional.of(value));
                default -> secret = secret.or(() -> Optional.of(value));
            }
        }
        Optional<String> name = id;
        Optional<String> algorithmName = algorithm;
        return secret.map(value -> new Found(name, algorithmName, value));
    }

    private static Found choose(List<Found> found, Optional<String> name) {
        if (found.size() == 1) {
            return found.get(0);
        }
        if (name.isEmpty()) {
            throw new ProblemException(new Problem("publish.key.several", found.size()));
        }
        DomainName wanted = keyName(name.get());
        return found.stream()
                .filter(key -> key.name().map(TsigKeyFile::keyName).filter(wanted::equals).isPresent())
                .findFirst()
                .orElseThrow(() -> new ProblemException(new Problem("publish.key.not-in-file", name.get())));
    }

    /** A key's name is a domain name (RFC 8945 section 4.2). */
    public static DomainName keyName(String text) {
        DomainName.Parsed parsed = DomainName.parse(text);
        return parsed.name().orElseThrow(() -> new ProblemException(new Problem("publish.key.name",
                Problem.shown(text))));
    }

    private record Found(Optional<String> name, Optional<String> algorithm, String secret) {
    }
}
