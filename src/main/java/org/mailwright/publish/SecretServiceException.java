package org.mailwright.publish;

import java.io.IOException;

/**
 * The keyring (the Secret Service) did not do what was asked: it refused, failed, or did not answer
 * in time. The message says which, for the log; it never holds a secret.
 */
public final class SecretServiceException extends IOException {

    private static final long serialVersionUID = 1L;

    public SecretServiceException(String message) {
        super(message);
    }
}
