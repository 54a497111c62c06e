package org.mailwright.dkim;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a DKIM signature's header hash covers (RFC 6376 section 3.7). */
final class SignedData {

    private SignedData() {
    }

    /**
     * Writes the canonical header fields named in {@code names} to {@code sink}, each name taking
     * the lowest field of that name not yet taken (RFC 6376 section 5.4.2; a name with none left
     * adds nothing: oversigning), then the signature field itself with b= empty and without its
     * final CRLF. Each field is found in one step through the message's fields by name, so this
     * takes time linear in h= and the fields it covers, however many fields the message has.
     */
    static void writeHeaders(MailMessage message, List<String> names, Canonicalization canonicalization,
                             HeaderField signatureField, byte[] signatureWithoutValue, ByteSink sink) {
        BufferedSink out = new BufferedSink(sink);
        // Per name, the index of the field taken last: the next one is just above it.
        Map<String, Integer> taken = new HashMap<>();
        for (String name : names) {
            String key = name.toLowerCase(Locale.ROOT);
            List<HeaderField> fields = message.headers(key);
            int next = taken.getOrDefault(key, fields.size()) - 1;
            // The field being checked is never among the ones it covers, even when h= names its kind.
            if (next >= 0 && fields.get(next) == signatureField) {
                next--;
            }
            if (next >= 0) {
                canonicalization.writeHeader(fields.get(next).rawView(), true, out);
            }
            taken.put(key, Math.max(next, 0));
        }
        canonicalization.writeHeader(signatureWithoutValue, false, out);
        out.flush();
    }
}
