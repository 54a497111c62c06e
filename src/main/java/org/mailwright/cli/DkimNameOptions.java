package org.mailwright.cli;

import org.mailwright.dkim.DkimDnsRecord;
import org.mailwright.dkim.DkimKeyRecord;
import org.mailwright.dkim.Selector;
import org.mailwright.dns.DomainName;
import picocli.CommandLine.Option;

/** {@code --domain} and {@code --selector}, which name a key record. */
final class DkimNameOptions {

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", order = 10, descriptionKey = "dkim.domain")
    String domain;

    @Option(names = "--selector", required = true, paramLabel = "SELECTOR", order = 11, descriptionKey = "dkim.selector")
    String selector;

    /** The signing domain, as the window checks it. @throws UsageException saying why, in the user's language */
    DomainName domain(Texts texts) {
        DomainName.Parsed parsed = DomainName.parseDomain(domain);
        return parsed.name().orElseThrow(() -> new UsageException(parsed.problem().orElseThrow().text(texts.locale())));
    }

    /** The selector, as the window checks it. @throws UsageException saying why, in the user's language */
    Selector selector(Texts texts) {
        Selector.Parsed parsed = Selector.parse(selector, domain(texts));
        return parsed.selector().orElseThrow(() -> new UsageException(parsed.problem().orElseThrow().text(texts.locale())));
    }

    /** {@code record} at {@code selector._domainkey.domain}. @throws UsageException for a name DNS cannot hold */
    DkimDnsRecord record(Texts texts, DkimKeyRecord record) {
        return new DkimDnsRecord(selector(texts).value(), domain(texts).ascii(), record);
    }
}
