package org.mailwright.check;

import java.nio.file.Path;
import java.util.Locale;
import org.mailwright.dns.DomainName;
import org.mailwright.reports.ReportArchive;

/**
 * What a batch of health checks pays for the DKIM selectors seen in DMARC reports: the archive of a
 * data folder asked one domain at a time, against {@link DomainMemory}, which reads every domain's at
 * once from the second domain on.
 *
 * <pre>
 * mailwright reports import /tmp/bench/10k --data-dir DIR          # an archive to ask
 * java -cp ... org.mailwright.check.ReportedSelectorsBenchmark DIR 200
 * </pre>
 */
public final class ReportedSelectorsBenchmark {

    private ReportedSelectorsBenchmark() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int domains = Integer.parseInt(args[1]);
        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            try (ReportArchive archive = ReportArchive.openExisting(null, folder).orElseThrow()) {
                for (int i = 0; i < domains; i++) {
                    archive.dkimSelectors(domain(i), DomainMemory.FROM_REPORTS);
                }
            }
            long eachAlone = System.nanoTime() - start;
            start = System.nanoTime();
            try (DomainMemory memory = DomainMemory.in(folder)) {
                for (int i = 0; i < domains; i++) {
                    memory.selectors(DomainName.of(domain(i)));
                }
            }
            long remembered = System.nanoTime() - start;
            System.out.printf(Locale.ROOT, "round %d, %d domains: one query each %.2f s, DomainMemory %.2f s%n", round, domains,
                    eachAlone / 1e9, remembered / 1e9);
        }
    }

    /** The benchmark's reports are of example0.com to example19.com; half the domains asked have none. */
    private static String domain(int i) {
        return "example" + i % 40 + ".com";
    }
}
