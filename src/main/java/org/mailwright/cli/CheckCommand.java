package org.mailwright.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.mailwright.check.CheckHistory;
import org.mailwright.check.CheckSettings;
import org.mailwright.check.DomainMemory;
import org.mailwright.check.HealthCheck;
import org.mailwright.check.HealthReport;
import org.mailwright.check.HealthReportExport;
import org.mailwright.check.Scorecard;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverService;
import org.mailwright.findings.Finding;
import org.mailwright.i18n.Failures;
import org.mailwright.i18n.Problem;
import org.mailwright.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mailwright check DOMAIN...}: the health check of each domain, as a scorecard for people,
 * one JSON object or CSV row per domain for scripts, in input order. A batch keeps at most
 * {@code --concurrency} domains in flight and prints each as soon as those before it are done,
 * so memory stays flat however many domains the file holds.
 */
@Command(name = "check", sortOptions = false)
final class CheckCommand extends Subcommand {

    static final int DEFAULT_CONCURRENCY = 16;
    static final int MAX_CONCURRENCY = 1_000;

    @Parameters(paramLabel = "DOMAIN", arity = "0..*", descriptionKey = "check.domains")
    private List<String> domains = new ArrayList<>();

    @Option(names = "--file", paramLabel = "FILE", order = 21, descriptionKey = "check.file")
    private String file;

    @Option(names = "--selectors", paramLabel = "s1,s2", split = ",", order = 22, descriptionKey = "check.selectors")
    private List<String> selectors = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "N", order = 23, descriptionKey = "check.concurrency")
    private int concurrency = DEFAULT_CONCURRENCY;

    @Option(names = "--dnsbl", paramLabel = "ZONE", order = 24, descriptionKey = "check.dnsbl")
    private List<String> blocklists = new ArrayList<>();

    @Option(names = "--trust-anchor", paramLabel = "FILE", order = 25, descriptionKey = "check.trust-anchor")
    private String trustAnchor;

    @Option(names = "--smtp", order = 26, descriptionKey = "check.smtp")
    private boolean smtp;

    @Option(names = "--shard", paramLabel = "K/N", order = 27, descriptionKey = "check.shard")
    private String shard;

    @Option(names = "--csv", order = 28, descriptionKey = "check.csv")
    private boolean csv;

    @Option(names = "--since-last", order = 29, descriptionKey = "check.since-last")
    private boolean sinceLast;

    @Option(names = "--no-history", order = 30, descriptionKey = "check.no-history")
    private boolean noHistory;

    private CheckHistory history;

    /** One line of input: a domain to check, or why it is none. */
    private record Input(String text, Optional<DomainName> domain, Optional<String> problem) {
    }

    @Override
    public Integer call() {
        if (domains.isEmpty() && file == null) {
            throw new UsageException(texts().get("cli.error.check-nothing"));
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new UsageException(texts().get("cli.error.check-concurrency", MAX_CONCURRENCY));
        }
        if (csv && options().json()) {
            throw new UsageException(texts().get("cli.error.check-json-and-csv"));
        }
        int[] slice = shard();
        history = noHistory ? null : new CheckHistory(options().dataFolder());
        CheckSettings settings = settings();
        Progress progress = new Progress(err(), System.console() != null && (file != null || domains.size() > 1),
                total(slice));
        boolean anyError = false;
        if (csv) {
            out().println(HealthReportExport.CSV_HEADER);
        }
        try (ResolverService resolver = options().openResolver();
             DomainMemory remembered = DomainMemory.in(options().dataFolder());
             InputStream input = file == null ? InputStream.nullInputStream() : open(file)) {
            HealthCheck check = new HealthCheck(resolver, options().target(), settings, Clock.systemUTC());
            // Each entry prints its domain when taken, so the output keeps the input's order.
            Deque<CompletableFuture<BooleanSupplier>> window = new ArrayDeque<>();
            long[] index = {0};
            Consumer<Input> submit = in -> {
                if (index[0]++ % slice[1] != slice[0] - 1) {
                    return;
                }
                window.add(in.domain().isPresent()
                        ? check.check(in.domain().get(), remembered).thenApply(report -> () -> print(report))
                        : CompletableFuture.completedFuture(() -> printError(in.text(), in.problem().orElseThrow())));
            };
            List<Boolean> outcomes = new ArrayList<>();
            for (String domain : domains) {
                submit.accept(input(domain));
                drain(window, concurrency, outcomes, progress);
            }
            if (file != null) {
                SpfBatchLines lines = new SpfBatchLines(input);
                for (Optional<SpfBatchLines.Line> next = lines.next(); next.isPresent(); next = lines.next()) {
                    SpfBatchLines.Line line = next.get();
                    String text = line.text().strip();
                    if (line.problem().isPresent()) {
                        submit.accept(new Input("line " + line.number(), Optional.empty(),
                                Optional.of(line.problem().get().text(texts().locale()))));
                    } else if (!text.isEmpty() && !text.startsWith("#")) {
                        submit.accept(input(text));
                    }
                    drain(window, concurrency, outcomes, progress);
                }
            }
            drain(window, 1, outcomes, progress);
            anyError = outcomes.contains(Boolean.FALSE);
        } catch (NoSuchFileException e) {
            throw new UsageException(texts().get("cli.error.check-file-missing", file));
        } catch (IOException e) {
            throw new UsageException(texts().get("cli.error.check-file-unreadable", file, Failures.reason(e)));
        }
        progress.finish();
        return anyError ? ExitCode.FAILED : ExitCode.OK;
    }

    /** Waits for the oldest checks until fewer than {@code room} are in flight; each is printed as it is taken. */
    private static void drain(Deque<CompletableFuture<BooleanSupplier>> window, int room, List<Boolean> outcomes,
                              Progress progress) {
        while (window.size() >= room && !window.isEmpty()) {
            boolean clean = window.poll().join().getAsBoolean();
            if (!clean) {
                outcomes.add(Boolean.FALSE);
            }
            progress.done();
        }
    }

    private Input input(String text) {
        var parsed = DomainName.parseDomain(text);
        return parsed.name().isPresent()
                ? new Input(text, parsed.name(), Optional.empty())
                : new Input(text, Optional.empty(), parsed.problem().map(problem -> problem.text(texts().locale())));
    }

    /** Keeps the report in the history, then prints it (with what changed, if asked); true when it has no error. */
    private boolean print(HealthReport report) {
        Locale locale = texts().locale();
        Optional<CheckHistory.Changes> changes = Optional.empty();
        if (history != null) {
            try {
                Optional<CheckHistory.Entry> last = sinceLast ? history.last(report.domain()) : Optional.empty();
                changes = last.map(entry -> CheckHistory.compare(entry, report));
                history.record(report);
            } catch (IOException unwritable) {
                err().println(texts().get("cli.check.history-unwritable", report.domain().unicode(), Failures.reason(unwritable)));
            }
        }
        if (options().json()) {
            out().println(HealthReportExport.json(report, locale, changes));
        } else if (csv) {
            out().println(HealthReportExport.csvRow(report));
        } else {
            printScorecard(report);
            if (sinceLast) {
                printChanges(changes);
            }
        }
        out().flush();
        return !report.hasErrors();
    }

    private void printChanges(Optional<CheckHistory.Changes> changes) {
        if (changes.isEmpty()) {
            out().println(texts().get("cli.check.first-check"));
        } else if (changes.get().isEmpty()) {
            out().println(texts().get("cli.check.no-changes", changes.get().since().toString()));
        } else {
            out().println(texts().get("cli.check.changes", changes.get().since().toString()));
            changes.get().appeared().forEach(mark -> out().println("  + " + mark.severity().jsonName() + " " + mark.id()
                    + ": " + mark.message(texts().locale())));
            changes.get().fixed().forEach(mark -> out().println("  - " + mark.severity().jsonName() + " " + mark.id()
                    + ": " + mark.message(texts().locale())));
        }
        out().println();
    }

    private boolean printError(String text, String reason) {
        if (options().json()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("domain", Problem.shown(text));
            error.put("error", reason);
            out().println(Json.write(error));
        } else if (csv) {
            out().println(HealthReportExport.csvError(Problem.shown(text), reason));
        } else {
            err().println(texts().get("cli.check.not-a-domain", Problem.shown(text), reason));
        }
        out().flush();
        return false;
    }

    private void printScorecard(HealthReport report) {
        Locale locale = texts().locale();
        Scorecard card = report.scorecard();
        out().println(texts().get("cli.check.domain", report.domain().unicode(), card.grade().name(), card.score()));
        for (Scorecard.AreaScore area : card.areas()) {
            out().println("  " + area.mark().map(mark -> texts().get("cli.check.area", area.area().text(locale), mark.grade().name(),
                    mark.score())).orElseGet(() -> texts().get("cli.check.area-not-checked", area.area().text(locale))));
        }
        for (Scorecard.AreaScore area : card.areas()) {
            List<Finding> findings = area.costs().stream().map(Scorecard.Cost::finding).toList();
            if (findings.isEmpty()) {
                continue;
            }
            out().println();
            out().println(area.area().text(locale));
            FindingText.print(out(), findings, texts(), "  ");
        }
        out().println();
    }

    private CheckSettings settings() {
        CheckSettings settings = CheckSettings.defaults()
                .withSelectors(selectors)
                .withSmtp(smtp)
                .withNameServerPort(options().nameServerPort());
        if (!blocklists.isEmpty()) {
            List<DomainName> zones = new ArrayList<>();
            for (String zone : blocklists) {
                var parsed = DomainName.parseDomain(zone);
                if (parsed.name().isEmpty()) {
                    throw new UsageException(texts().get("cli.error.check-dnsbl", Problem.shown(zone),
                            parsed.problem().map(problem -> problem.text(texts().locale())).orElse("")));
                }
                zones.add(parsed.name().get());
            }
            settings = settings.withBlocklists(zones);
        }
        if (trustAnchor != null) {
            Path anchor = Path.of(trustAnchor);
            if (!Files.isReadable(anchor)) {
                throw new UsageException(texts().get("cli.error.check-trust-anchor", trustAnchor));
            }
            settings = settings.withTrustAnchor(anchor);
        }
        return settings;
    }

    /** {@code --shard K/N} as {K, N}; {1, 1} without it. */
    private int[] shard() {
        if (shard == null) {
            return new int[] {1, 1};
        }
        String[] parts = shard.split("/", -1);
        try {
            if (parts.length == 2) {
                int k = Integer.parseInt(parts[0].strip());
                int n = Integer.parseInt(parts[1].strip());
                if (n >= 1 && k >= 1 && k <= n) {
                    return new int[] {k, n};
                }
            }
        } catch (NumberFormatException e) {
            // Said below, with what was given.
        }
        throw new UsageException(texts().get("cli.error.check-shard", Problem.shown(shard)));
    }

    /** How many domains this shard checks, when that can be known before starting: empty for standard input. */
    private Optional<Long> total(int[] slice) {
        long count = domains.size();
        if (file != null) {
            if ("-".equals(file) || !Files.isRegularFile(Path.of(file))) {
                return Optional.empty();
            }
            try (var lines = Files.lines(Path.of(file), StandardCharsets.UTF_8)) {
                count += lines.map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).count();
            } catch (IOException | UncheckedIOException unreadable) {
                return Optional.empty();
            }
        }
        return Optional.of((count + slice[1] - slice[0]) / slice[1]);
    }

    private static InputStream open(String file) throws IOException {
        return "-".equals(file) ? System.in : Files.newInputStream(Path.of(file));
    }

    /** The batch's progress on standard error, for a person watching a terminal: done, per second, time left. */
    private final class Progress {
        private final PrintWriter err;
        private final boolean shown;
        private final Optional<Long> total;
        private final long started = System.nanoTime();
        private long done;

        Progress(PrintWriter err, boolean shown, Optional<Long> total) {
            this.err = err;
            this.shown = shown;
            this.total = total;
        }

        void done() {
            done++;
            if (shown) {
                double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                double rate = done / seconds;
                String line = total.isPresent()
                        ? texts().get("cli.check.progress.eta", done, total.get(), rate,
                                Math.round(Math.max(0, total.get() - done) / rate))
                        : texts().get("cli.check.progress", done, rate);
                err.print("\r" + line);
                err.flush();
            }
        }

        void finish() {
            if (shown && done > 0) {
                err.println();
            }
        }
    }
}
