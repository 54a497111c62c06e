package org.mailwright.dns;

import java.util.Locale;
import java.util.Optional;

/**
 * One MX record's data, typed: its preference and its host.
 *
 * @param preference lower is tried first (0 to 65535)
 * @param host the mail host in presentation form, lower case, without the final dot; empty for a
 *     null MX (RFC 7505: {@code 0 .}, the domain accepts no mail). A host with escaped characters
 *     keeps them ({@code a\.b.example}), so it fails {@link DomainName#parse} rather than passing
 *     as another name.
 */
public record MxData(int preference, String host) {

    /** The data of an MX record written as dnsjava and zone files do: {@code 10 mail.example.com.} */
    public static Optional<MxData> parse(String value) {
        String[] fields = value == null ? new String[0] : value.strip().split("\\s+");
        if (fields.length != 2) {
            return Optional.empty();
        }
        try {
            int preference = Integer.parseInt(fields[0]);
            if (preference < 0 || preference > 65535) {
                return Optional.empty();
            }
            String host = fields[1].equals(".") ? "" : withoutFinalDot(fields[1]).toLowerCase(Locale.ROOT);
            return Optional.of(new MxData(preference, host));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True for RFC 7505's null MX: the domain says it accepts no mail. */
    public boolean isNullMx() {
        return host.isEmpty();
    }

    /** The host as a domain name, unless it is the null MX's root or not a valid name. */
    public Optional<DomainName> hostName() {
        return isNullMx() ? Optional.empty() : DomainName.parse(host).name();
    }

    private static String withoutFinalDot(String name) {
        return name.endsWith(".") && !name.endsWith("\\.") ? name.substring(0, name.length() - 1) : name;
    }
}
