package org.mailwright.dkim;

import java.util.List;
import java.util.Locale;
import org.mailwright.i18n.Messages;

/** A key file that could not be written or read, said in one sentence ({@code dkim.keyfile.<id>}). */
public final class KeyFileException extends Exception {

    /** What went wrong. */
    public enum Problem {
        FILE_EXISTS("file-exists"),
        NOT_FOUND("not-found"),
        IS_FOLDER("is-folder"),
        ACCESS_DENIED("access-denied"),
        IO("io"),
        NOT_A_KEY("not-a-key"),
        PUBLIC_KEY_ONLY("public-key-only"),
        UNSUPPORTED_KEY("unsupported-key"),
        PASSPHRASE_REQUIRED("passphrase-required"),
        WRONG_PASSPHRASE("wrong-passphrase"),
        PKCS1_NEEDS_RSA("pkcs1-needs-rsa"),
        BASE64_NEEDS_ED25519("base64-needs-ed25519"),
        PASSPHRASE_NEEDS_PKCS8("passphrase-needs-pkcs8"),
        SYMBOLIC_LINK("symbolic-link"),
        TOO_LARGE("too-large"),
        UNUSABLE("unusable"),
        TOO_COSTLY("too-costly"),
        PASSPHRASE_EMPTY("passphrase-empty");

        private final String id;

        Problem(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final Problem problem;
    private final List<Object> arguments;

    KeyFileException(Problem problem, Throwable cause, Object... arguments) {
        super(Messages.get(Locale.ENGLISH, "dkim.keyfile." + problem.id(), arguments), cause);
        this.problem = problem;
        this.arguments = List.of(arguments);
    }

    public Problem problem() {
        return problem;
    }

    /** What the sentence mentions (the file first, where it names one). */
    public List<Object> arguments() {
        return arguments;
    }

    /** The sentence in the given language. */
    public String message(Locale locale) {
        return Messages.get(locale, "dkim.keyfile." + problem.id(), arguments.toArray());
    }
}
