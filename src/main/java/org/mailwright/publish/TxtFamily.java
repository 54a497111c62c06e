package org.mailwright.publish;

import java.util.Locale;
import java.util.Optional;
import org.mailwright.dns.DomainName;
import org.mailwright.propagation.RecordKind;

/**
 * Which TXT records at a name are versions of the same record, so that replacing one leaves the
 * others alone: at a domain's apex the SPF record shares its name with site verifications and
 * other TXT records that must survive. Records say what they are by their first tag
 * ({@code v=spf1}, {@code v=DMARC1}, {@code v=DKIM1}, {@code v=STSv1}, {@code v=TLSRPTv1},
 * {@code v=BIMI1}); a DKIM key record may leave out its {@code v=}, so under {@code _domainkey}
 * every TXT record is the key.
 */
final class TxtFamily {

    private TxtFamily() {
    }

    /** True when replacing {@code wanted} at {@code name} replaces {@code published}. */
    static boolean sameRecord(DomainName name, String published, String wanted) {
        if (RecordKind.selectorOf(name.ascii()).isPresent()) {
            return true;
        }
        Optional<String> wantedVersion = version(wanted);
        // A value that names no version replaces everything at its name: nothing says which one it is.
        return wantedVersion.isEmpty() || wantedVersion.equals(version(published));
    }

    /** The value of a record's leading {@code v=} tag, in upper case; empty when it has none. */
    static Optional<String> version(String value) {
        String text = value.stripLeading();
        if (text.length() < 2 || Character.toLowerCase(text.charAt(0)) != 'v') {
            return Optional.empty();
        }
        String rest = text.substring(1).stripLeading();
        if (rest.isEmpty() || rest.charAt(0) != '=') {
            return Optional.empty();
        }
        String version = rest.substring(1).stripLeading();
        int end = 0;
        while (end < version.length() && version.charAt(end) != ';' && version.charAt(end) != ' '
                && version.charAt(end) != '\t') {
            end++;
        }
        return end == 0 ? Optional.empty() : Optional.of(version.substring(0, end).toUpperCase(Locale.ROOT));
    }
}
