package org.mailwright.cli;

import org.mailwright.dkim.DkimDnsRecord;
import org.mailwright.dkim.DkimKeyRecord;
import picocli.CommandLine.Option;

/** {@code --domain} and {@code --selector}, which name a key record. */
final class DkimNameOptions {

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", order = 10, descriptionKey = "dkim.domain")
    String domain;

    @Option(names = "--selector", required = true, paramLabel = "SELECTOR", order = 11, descriptionKey = "dkim.selector")
    String selector;

    /** The record at the checked, lower-case name. @throws UsageException for a name DNS cannot hold */
    DkimDnsRecord record(DkimKeyRecord record) {
        try {
            return new DkimDnsRecord(selector, domain, record);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
