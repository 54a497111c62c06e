package org.mailwright.publish;

import java.util.Locale;
import java.util.Optional;
import org.mailwright.dns.ServerAddress;
import org.mailwright.i18n.Messages;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/**
 * How the primary server answered an update: accepted it, refused it (the rcode in words:
 * NOTAUTH, REFUSED, YXRRSET, NXRRSET, BADSIG, BADKEY, BADTIME...), or never answered.
 *
 * @param server the server the update went to
 * @param status what happened
 * @param code the rcode's mnemonic ({@code NOERROR}, {@code REFUSED}, or the TSIG error such as
 *     {@code BADKEY}); for no answer, why ({@code timeout}, {@code connection-refused}, {@code io})
 * @param signatureVerified true when the answer carried a valid signature by the key the update was signed with
 */
public record UpdateResult(ServerAddress server, Status status, String code, boolean signatureVerified) {

    public enum Status {
        ACCEPTED,
        /** The server said yes, but not signed with the key: anyone on the path could have said it. */
        UNVERIFIED,
        REFUSED,
        NO_ANSWER;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static UpdateResult of(ServerAddress server, Message response, boolean signed) {
        boolean verified = signed && response.isVerified();
        String code = DynamicUpdate.rcodeName(response);
        if (response.getRcode() == Rcode.NOERROR && code.equals("NOERROR")) {
            return new UpdateResult(server, signed && !verified ? Status.UNVERIFIED : Status.ACCEPTED, code, verified);
        }
        return new UpdateResult(server, Status.REFUSED, code, verified);
    }

    static UpdateResult noAnswer(ServerAddress server, String why) {
        return new UpdateResult(server, Status.NO_ANSWER, why, false);
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }

    /**
     * True when the server refused because the records are not what was read: someone changed them
     * since (YXRRSET, NXRRSET), which the user is shown before anything is sent again.
     */
    public boolean changedSinceRead() {
        return status == Status.REFUSED && (code.equals("YXRRSET") || code.equals("NXRRSET"));
    }

    /** One sentence: what the server said and what it means. */
    public String explain(Locale locale) {
        return switch (status) {
            case ACCEPTED -> Messages.get(locale, "publish.result.accepted", server.toString());
            case UNVERIFIED -> Messages.get(locale, "publish.result.unverified", server.toString());
            case REFUSED -> Messages.get(locale, "publish.result.refused", server.toString(), code, meaning(locale));
            case NO_ANSWER -> Messages.get(locale, "publish.result.no-answer", server.toString(),
                    Messages.get(locale, "publish.no-answer." + code));
        };
    }

    private String meaning(Locale locale) {
        String key = "publish.rcode." + code;
        String meaning = Messages.get(locale, key);
        return meaning.equals("[" + key + "]") ? Messages.get(locale, "publish.rcode.other") : meaning;
    }

    /** The rcode as a JSON field: empty when the server never answered. */
    public Optional<String> rcode() {
        return status == Status.NO_ANSWER ? Optional.empty() : Optional.of(code);
    }
}
