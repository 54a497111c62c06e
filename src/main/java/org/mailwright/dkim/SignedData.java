package org.mailwright.dkim;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** What a DKIM signature covers: the body hash input and the header hash input (RFC 6376 3.7). */
final class SignedData {

    private SignedData() {
    }

    /**
     * The canonical header fields named in {@code names}, each name taking the lowest field of that
     * name not yet taken (a name with none left adds nothing: oversigning), then the signature
     * field itself with b= empty and without its final CRLF.
     */
    static byte[] headers(List<HeaderField> fields, List<String> names, Canonicalization canonicalization,
                          HeaderField signatureField, byte[] signatureWithoutValue) {
        List<HeaderField> available = new ArrayList<>(fields);
        // The field being checked is never among the ones it covers, even when h= names its kind.
        available.removeIf(field -> field == signatureField);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : names) {
            for (int i = available.size() - 1; i >= 0; i--) {
                if (available.get(i).hasName(name)) {
                    out.writeBytes(canonicalization.header(available.remove(i).raw()));
                    break;
                }
            }
        }
        byte[] own = canonicalization.header(signatureWithoutValue);
        out.write(own, 0, HeaderField.trimmedLength(own));
        return out.toByteArray();
    }

    /** The canonical body cut to {@code length} octets when l= is given. */
    static byte[] limit(byte[] canonicalBody, OptionalLong length) {
        if (length.isEmpty() || length.getAsLong() >= canonicalBody.length) {
            return canonicalBody;
        }
        byte[] cut = new byte[(int) length.getAsLong()];
        System.arraycopy(canonicalBody, 0, cut, 0, cut.length);
        return cut;
    }
}
