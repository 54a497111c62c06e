package org.mailwright.cli;

/**
 * A usage error found after the arguments were parsed (an unknown record type, a server address
 * that is not one, a malformed name): exit code 2. The message is one sentence for the user.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
