package org.mailwright.check;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailwright.dns.DnsRecord;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.MxData;
import org.mailwright.spf.IpText;

/**
 * A domain's mail hosts as DNS answers them now: the MX lookup, and each host with its address
 * lookups. Several areas of the check need them (reverse DNS, blocklists, MTA-STS, DANE, SMTP),
 * so they are looked up once per check.
 *
 * @param lookup the MX lookup of the domain
 * @param hosts each MX record's host, in order of preference, duplicates kept
 */
public record MailHosts(LookupResult lookup, List<Host> hosts) {

    public MailHosts {
        Objects.requireNonNull(lookup, "lookup");
        hosts = List.copyOf(hosts);
    }

    /** True when the domain publishes RFC 7505's null MX: it accepts no mail. */
    public boolean isNullMx() {
        return lookup.mx().stream().anyMatch(MxData::isNullMx);
    }

    /** Every address of every host, each once, in the order met. */
    public List<InetAddress> addresses() {
        List<InetAddress> all = new ArrayList<>();
        hosts.forEach(host -> host.addresses().stream().filter(address -> !all.contains(address)).forEach(all::add));
        return all;
    }

    /**
     * One mail host.
     *
     * @param mx the MX record's data
     * @param name the host as a domain name; empty for an address written as a name or a host that is no valid name
     * @param ipLiteral true when the MX names an address instead of a host
     * @param ipv4 the A lookup of the host, when it has a name
     * @param ipv6 the AAAA lookup of the host, when it has a name
     */
    public record Host(MxData mx, Optional<DomainName> name, boolean ipLiteral, Optional<LookupResult> ipv4,
                       Optional<LookupResult> ipv6) {

        public Host {
            Objects.requireNonNull(mx, "mx");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(ipv4, "ipv4");
            Objects.requireNonNull(ipv6, "ipv6");
        }

        /** The addresses the host's A and AAAA lookups gave. */
        public List<InetAddress> addresses() {
            List<InetAddress> addresses = new ArrayList<>();
            for (Optional<LookupResult> lookup : List.of(ipv4, ipv6)) {
                lookup.ifPresent(result -> result.values().forEach(value -> addresses.add(IpText.parseAddress(value))));
            }
            return addresses;
        }

        /** The aliases (CNAME) the address lookups followed from the host's name. */
        public List<DnsRecord> aliases() {
            return ipv4.or(() -> ipv6).map(LookupResult::aliases).orElse(List.of());
        }

        /** True when the MX record names an address, such as {@code 192.0.2.1} or {@code [192.0.2.1]}. */
        static boolean looksLikeAddress(String host) {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            try {
                IpText.parseAddress(bare);
                return true;
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
    }
}
