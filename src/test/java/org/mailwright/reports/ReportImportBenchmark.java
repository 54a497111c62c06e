package org.mailwright.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Issue 13's import benchmark: N generated aggregate reports, gzip, 40 rows each (varied sources,
 * results, two DKIM signatures and a reason on some rows, as Google's and Microsoft's reports look).
 *
 * <pre>
 * java -cp ... org.mailwright.reports.ReportImportBenchmark write DIR 10000   # the files, and their XML size
 * java -cp ... org.mailwright.reports.ReportImportBenchmark import DIR DB     # in-process: reports/s, rows/s, MB/s
 * </pre>
 *
 * The import also gives the process's CPU seconds and the rows per CPU second: on a machine shared
 * with other work the wall time says more of the load than of the import.
 *
 * The CLI's own figure is {@code mailwright reports import DIR --db DB}, timed from outside.
 */
public final class ReportImportBenchmark {

    static final int ROWS = 40;
    private static final long BEGIN = 1_793_491_200L;

    private ReportImportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("write")) {
            write(Path.of(args[1]), Integer.parseInt(args[2]));
        } else if (args.length == 3 && args[0].equals("import")) {
            importAll(Path.of(args[1]), args[2]);
        } else if (args.length == 3 && args[0].equals("read")) {
            readAll(Path.of(args[1]), Integer.parseInt(args[2]));
        } else {
            System.err.println("write DIR N | import DIR DB | read DIR ROUNDS");
            System.exit(2);
        }
    }

    /** The report {@code n}: 40 rows from sources that recur across reports, as real ones do. */
    static String report(int n) {
        List<SampleReports.Row> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            int source = (n * 7 + i * 13) % 5000;
            String ip = i % 10 == 9 ? "2001:db8::" + Integer.toHexString(source) : "198.51." + (source >> 8) + "." + (source & 255);
            boolean good = (n + i) % 5 != 0;
            rows.add(SampleReports.row(ip, 1 + (n + i) % 17, good ? "pass" : "fail", (n + i) % 3 == 0 ? "fail" : good ? "pass" : "fail"));
        }
        String org = n % 3 == 0 ? "google.com" : n % 3 == 1 ? "Yahoo" : "Outlook.com";
        return SampleReports.xml(org, "bench-" + n, "example" + n % 20 + ".com", BEGIN + (n % 30) * 86_400L, rows)
                .replace("<dkim>pass</dkim><spf>fail</spf></policy_evaluated>",
                        "<dkim>pass</dkim><spf>fail</spf><reason><type>forwarded</type><comment>list</comment></reason></policy_evaluated>");
    }

    public static void write(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        long xml = 0;
        for (int n = 0; n < count; n++) {
            byte[] text = report(n).getBytes(StandardCharsets.UTF_8);
            xml += text.length;
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve(
                    String.format(Locale.ROOT, "r%05d.xml.gz", n))))) {
                out.write(text);
            }
        }
        System.out.printf(Locale.ROOT, "%d reports, %d rows, %.1f MB of XML%n", count, (long) count * ROWS, xml / 1e6);
    }

    /**
     * The reading side alone, on this thread, {@code rounds} times over: every file unpacked and its
     * report read into rows, nothing written. Its CPU seconds are steadier than an import's wall time.
     */
    static void readAll(Path folder, int rounds) throws IOException {
        List<Path> files = reports(folder);
        for (int round = 0; round < rounds; round++) {
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            long[] counted = new long[1];
            ReportExtractor.Visitor visitor = new ReportExtractor.Visitor() {
                @Override
                public void aggregate(ReportPlace where, java.io.InputStream xml) throws IOException {
                    counted[0] += AggregateReportReader.read(xml, ReportLimits.DEFAULT, new AggregateReportReader.Sink() {
                        @Override
                        public boolean header(ReportHeader header) {
                            return true;
                        }

                        @Override
                        public void row(ReportRow row) {
                        }
                    }).rows();
                }

                @Override
                public void failure(ReportPlace where, FailureReport report) {
                }

                @Override
                public void problem(ReportPlace where, ReportFormatException problem) {
                    throw problem;
                }
            };
            for (Path file : files) {
                ReportExtractor.extract(file, ReportLimits.DEFAULT, visitor);
            }
            System.out.printf(Locale.ROOT, "round %d: %d rows read in %.2f s (%.2f s of CPU)%n", round + 1, counted[0],
                    (System.nanoTime() - start) / 1e9, (cpuNanos() - cpuStart) / 1e9);
        }
    }

    /** The reports {@link #write} wrote into {@code folder}, in name order. */
    private static List<Path> reports(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(file -> file.toString().endsWith(".gz")).sorted().toList();
        }
    }

    static void importAll(Path folder, String db) throws IOException {
        List<Path> files = reports(folder);
        long xml = 0;
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        List<FileImport> results = new ArrayList<>();
        try (ReportArchive archive = ReportArchive.open(db, null)) {
            archive.importFiles(files, ReportLimits.DEFAULT, results::add);
            threadTimes();
        }
        int imported = results.stream().mapToInt(FileImport::imported).sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        for (Path file : files) {
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
                xml += in.transferTo(OutputStream.nullOutputStream());
            }
        }
        System.out.printf(Locale.ROOT, "%d reports imported in %.2f s (%.2f s of CPU): %.0f reports/s, %.0f rows/s, %.1f MB of XML/s;"
                + " %.0f rows per CPU second%n", imported, seconds, cpu, imported / seconds, imported * (double) ROWS / seconds,
                xml / 1e6 / seconds, imported * (double) ROWS / cpu);
    }

    /**
     * Each live thread's CPU seconds, and how long it waited for a core (Linux's {@code /proc}, names
     * cut to 15 characters), before the archive's reading threads end: which side sets the pace, what
     * the compiler and collector take, and whether the threads were short of cores.
     */
    private static void threadTimes() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : list.toList()) {
                String stat;
                String schedstat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                    schedstat = Files.readString(task.resolve("schedstat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 1/100 s.
                double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                // schedstat's second field: nanoseconds the thread was ready to run but waited for a core.
                double waited = Long.parseLong(schedstat.trim().split(" ")[1]) / 1e9;
                if (seconds >= 0.05) {
                    System.out.printf(Locale.ROOT, "  %-15s %.2f s of CPU, %.2f s waiting for a core%n", name, seconds, waited);
                }
            }
        }
    }

    /** The CPU time of the whole process so far (its threads and the JVM's own), where the platform tells it. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }
}
