package org.mailwright.message;

import java.util.Objects;
import org.mailwright.dkim.SignatureResult;

/**
 * One signature of the message as DMARC sees it.
 *
 * @param signature the signature's own check
 * @param aligned its d= is aligned with the Author Domain (whatever the result)
 */
public record DkimVerdict(SignatureResult signature, boolean aligned) {

    public DkimVerdict {
        Objects.requireNonNull(signature, "signature");
    }

    /** A passing signature of an aligned domain: what DMARC counts. */
    public boolean alignedPass() {
        return aligned && signature.passed();
    }
}
