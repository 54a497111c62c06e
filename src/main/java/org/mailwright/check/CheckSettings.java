package org.mailwright.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ServerAddress;

/**
 * What a health check looks at and how long it may take.
 *
 * @param selectors DKIM selectors to probe besides the common ones, those the user gave first
 * @param blocklists the DNSBL zones each mail host address is looked up in
 * @param smtp whether to connect to port 25 of each mail host (off by default: many networks block it)
 * @param nameServerPort the port the zone's name servers are asked on (53; another for a test server)
 * @param httpsPort the port MTA-STS policies are fetched from (443; another for a test server)
 * @param smtpPort the port the SMTP probe connects to (25; another for a test server)
 * @param probeTimeout how long one area may take before it is reported unfinished
 * @param tls the TLS context MTA-STS fetches and the SMTP probe trust; empty for the platform's
 *     default trust store (a test passes one trusting its own certificate authority)
 * @param trustAnchor a file of DNSKEY or DS records to validate DNSSEC from instead of the root's
 */
public record CheckSettings(List<String> selectors, List<DomainName> blocklists, boolean smtp, int nameServerPort,
                            int httpsPort, int smtpPort, Duration probeTimeout, Optional<SSLContext> tls,
                            Optional<Path> trustAnchor) {

    /**
     * A short list of widely used blocklists that answer queries without an account. Each limits
     * how often it may be asked, and several refuse queries that come through public resolvers.
     */
    public static final List<DomainName> DEFAULT_BLOCKLISTS = List.of(
            DomainName.of("zen.spamhaus.org"), DomainName.of("bl.spamcop.net"), DomainName.of("psbl.surriel.com"));
    public static final int HTTPS_PORT = 443;
    public static final int SMTP_PORT = 25;
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(20);

    public CheckSettings {
        selectors = List.copyOf(selectors);
        blocklists = List.copyOf(blocklists);
        Objects.requireNonNull(probeTimeout, "probeTimeout");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(trustAnchor, "trustAnchor");
    }

    /** The defaults: common selectors only, the default blocklists, no SMTP, the standard ports. */
    public static CheckSettings defaults() {
        return new CheckSettings(List.of(), DEFAULT_BLOCKLISTS, false, ServerAddress.DNS_PORT, HTTPS_PORT, SMTP_PORT,
                DEFAULT_PROBE_TIMEOUT, Optional.empty(), Optional.empty());
    }

    public CheckSettings withSelectors(List<String> newSelectors) {
        return new CheckSettings(newSelectors, blocklists, smtp, nameServerPort, httpsPort, smtpPort, probeTimeout, tls, trustAnchor);
    }

    public CheckSettings withBlocklists(List<DomainName> zones) {
        return new CheckSettings(selectors, zones, smtp, nameServerPort, httpsPort, smtpPort, probeTimeout, tls, trustAnchor);
    }

    public CheckSettings withSmtp(boolean on) {
        return new CheckSettings(selectors, blocklists, on, nameServerPort, httpsPort, smtpPort, probeTimeout, tls, trustAnchor);
    }

    public CheckSettings withNameServerPort(int port) {
        return new CheckSettings(selectors, blocklists, smtp, port, httpsPort, smtpPort, probeTimeout, tls, trustAnchor);
    }

    public CheckSettings withHttpsPort(int port) {
        return new CheckSettings(selectors, blocklists, smtp, nameServerPort, port, smtpPort, probeTimeout, tls, trustAnchor);
    }

    public CheckSettings withSmtpPort(int port) {
        return new CheckSettings(selectors, blocklists, smtp, nameServerPort, httpsPort, port, probeTimeout, tls, trustAnchor);
    }

    public CheckSettings withProbeTimeout(Duration timeout) {
        return new CheckSettings(selectors, blocklists, smtp, nameServerPort, httpsPort, smtpPort, timeout, tls, trustAnchor);
    }

    public CheckSettings withTls(SSLContext context) {
        return new CheckSettings(selectors, blocklists, smtp, nameServerPort, httpsPort, smtpPort, probeTimeout,
                Optional.of(context), trustAnchor);
    }

    public CheckSettings withTrustAnchor(Path file) {
        return new CheckSettings(selectors, blocklists, smtp, nameServerPort, httpsPort, smtpPort, probeTimeout, tls,
                Optional.of(file));
    }
}
