package org.mailwright.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mailwright.dns.InvalidDomainNameException;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.json.Json;
import org.mailwright.propagation.Cell;
import org.mailwright.propagation.CellState;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.propagation.ProbeHistory;
import org.mailwright.propagation.PropagationEstimate;
import org.mailwright.propagation.PropagationProbe;
import org.mailwright.propagation.Row;
import org.mailwright.propagation.ServerChoice;
import org.mailwright.propagation.ServerStatus;
import org.mailwright.propagation.Snapshot;
import org.mailwright.propagation.WatchPlan;
import org.mailwright.propagation.WatchPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mailwright propagation --name N --type T}: asks each server on its own whether it
 * publishes the record, as a table or one JSON object; with {@code --watch}, again until every
 * server matches or the wait is over. Exit 0 when every server matches, 1 otherwise.
 */
@Command(name = "propagation", sortOptions = false)
final class PropagationCommand extends Subcommand {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Option(names = "--name", required = true, paramLabel = "NAME", order = 10, descriptionKey = "propagation.name")
    private String name;

    @Option(names = "--type", required = true, paramLabel = "TYPE", order = 11, descriptionKey = "propagation.type")
    private String typeText;

    @Option(names = "--expect", paramLabel = "VALUE", order = 12, descriptionKey = "propagation.expect")
    private List<String> expected = new ArrayList<>();

    @Option(names = "--authoritative", order = 13, descriptionKey = "propagation.authoritative")
    private boolean authoritative;

    @Option(names = "--watch", order = 14, descriptionKey = "propagation.watch")
    private boolean watch;

    @Option(names = "--interval", paramLabel = "S", order = 15, descriptionKey = "propagation.interval")
    private int intervalSeconds = 15;

    @Option(names = "--max-wait", paramLabel = "S", order = 16, descriptionKey = "propagation.max-wait")
    private int maxWaitSeconds = 600;

    @Override
    public Integer call() throws InterruptedException {
        RecordType type = recordType(typeText);
        ExpectedRecord record;
        try {
            record = new ExpectedRecord(name, type, expected);
        } catch (InvalidDomainNameException malformedName) {
            throw new UsageException(texts().get("cli.propagation.bad-name", name.strip(),
                    malformedName.problem().text(texts().locale())));
        }
        if (intervalSeconds < 1) {
            throw new UsageException(texts().get("cli.error.interval", intervalSeconds));
        }
        if (maxWaitSeconds < 0) {
            throw new UsageException(texts().get("cli.error.max-wait", maxWaitSeconds));
        }
        ServerChoice choice = serverChoice();
        Clock clock = Clock.systemUTC();
        try (ResolverService resolver = options().openResolver()) {
            WatchPlan plan = WatchPlanner.plan(resolver, record.name(), choice).join();
            if (!plan.zoneFound()) {
                err().println(texts().get("cli.propagation.no-zone", record.name()));
            } else if (choice.asksNameServers() && plan.authoritativeCount() == 0) {
                err().println(texts().get("cli.propagation.no-nameservers", plan.zone()));
            }
            Instant deadline = clock.instant().plusSeconds(maxWaitSeconds);
            ProbeHistory history = ProbeHistory.empty();
            // The first round counts with finding the servers, as one command; each later round of
            // a watch is a check of its own (--max-queries, --deadline-ms), the watch bounded by --max-wait.
            ResolverService round = resolver;
            while (true) {
                Snapshot snapshot = new PropagationProbe(round, clock).probe(plan.zone(), List.of(record), plan.servers()).join();
                history = history.record(snapshot);
                boolean changed = !history.lastDiff().orElseThrow().isEmpty();
                boolean last = snapshot.propagated() || !watch
                        || clock.instant().plusSeconds(intervalSeconds).isAfter(deadline);
                if (!options().json()) {
                    printRound(snapshot, changed, last);
                }
                if (last) {
                    if (options().json()) {
                        out().println(Json.write(toJson(snapshot)));
                    }
                    if (watch && !snapshot.propagated() && !options().json()) {
                        out().println(texts().get("cli.propagation.watch.gave-up", maxWaitSeconds));
                    }
                    return snapshot.propagated() ? ExitCode.OK : ExitCode.FAILED;
                }
                Thread.sleep(Duration.ofSeconds(intervalSeconds).toMillis());
                round = resolver.newCheck();
            }
        }
    }

    /**
     * The servers as given: the first {@code --server} (or this machine's resolvers) finds the
     * zone; every {@code --server} is asked on its own; {@code --authoritative} adds the name servers.
     */
    private ServerChoice serverChoice() {
        List<ResolverTarget> given = options().eachServer();
        ResolverTarget resolver = given.isEmpty() ? ResolverTarget.system() : given.get(0);
        // --server names the servers to ask in place of the standard resolvers.
        return new ServerChoice(resolver, given, given.isEmpty(), authoritative, options().nameServerPort());
    }

    /**
     * The snapshot as the one JSON object of the issue: name, type, expected, propagated, servers
     * (server, role, status, answer, serial, ttl); then zone and eta, and each server's message.
     * The message is English whatever the user's language, so scripts and logs read the same.
     */
    static Map<String, Object> toJson(Snapshot snapshot) {
        Row row = snapshot.rows().get(0);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", row.record().name());
        json.put("type", row.record().type().name());
        json.put("expected", row.reference());
        json.put("propagated", snapshot.propagated());
        List<Map<String, Object>> servers = new ArrayList<>();
        for (int s = 0; s < snapshot.servers().size(); s++) {
            ServerStatus status = snapshot.servers().get(s);
            Cell cell = row.cells().get(s);
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("server", cell.server().isEmpty() ? status.server().label() : cell.server());
            server.put("role", status.server().role().jsonName());
            server.put("status", cell.state().jsonName());
            server.put("answer", cell.values());
            server.put("serial", status.serial().isPresent() ? status.serial().getAsLong() : null);
            server.put("ttl", cell.answer().hasTtl() ? cell.ttl() : null);
            server.put("message", cell.explain(Locale.ENGLISH));
            servers.add(server);
        }
        json.put("servers", servers);
        json.put("zone", snapshot.zone());
        json.put("eta", snapshot.estimate().at()
                .map(at -> at.truncatedTo(ChronoUnit.SECONDS).toString()).orElse(null));
        return json;
    }

    private void printRound(Snapshot snapshot, boolean changed, boolean last) {
        String time = CLOCK_TIME.format(snapshot.takenAt().atZone(ZoneId.systemDefault()));
        if (watch && !changed && !last) {
            out().println(texts().get("cli.propagation.watch.unchanged", time, intervalSeconds));
            return;
        }
        if (watch) {
            out().println(texts().get("cli.propagation.watch.round", time));
        }
        printTable(snapshot);
    }

    private void printTable(Snapshot snapshot) {
        Locale locale = texts().locale();
        Row row = snapshot.rows().get(0);
        out().println(texts().get("cli.propagation.heading", row.record().name(), row.record().type().name(),
                snapshot.zone()));
        String reference = String.join(" | ", row.reference());
        out().println(switch (row.source()) {
            case GIVEN -> texts().get("cli.propagation.expected", reference);
            case NEWEST_ZONE -> texts().get("cli.propagation.newest", snapshot.newestSerial().orElseThrow(), reference);
            case MOST_COMMON -> texts().get("cli.propagation.reference", reference);
            case NONE -> texts().get("cli.propagation.no-reference", row.record().type().name(), row.record().name());
        });
        out().println();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {texts().get("cli.propagation.column.server"), texts().get("cli.propagation.column.role"),
                texts().get("cli.propagation.column.status"), texts().get("cli.propagation.column.serial"),
                texts().get("cli.propagation.column.ttl"), texts().get("cli.propagation.column.answer")});
        for (int s = 0; s < snapshot.servers().size(); s++) {
            ServerStatus status = snapshot.servers().get(s);
            Cell cell = row.cells().get(s);
            lines.add(new String[] {
                    cell.server().isEmpty() ? status.server().label() : cell.server(),
                    texts().get("propagation.role." + status.server().role().jsonName()),
                    texts().get("propagation.state." + cell.state().jsonName()),
                    status.serial().isPresent() ? Long.toString(status.serial().getAsLong()) : "-",
                    cell.answer().hasTtl() ? Long.toString(cell.ttl()) : "-",
                    answerText(cell, locale)});
        }
        int[] widths = new int[lines.get(0).length];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                text.append(c == line.length - 1 ? line[c] : String.format("%-" + widths[c] + "s  ", line[c]));
            }
            out().println(text.toString().stripTrailing());
        }
        out().println();
        long matching = row.count(CellState.MATCH);
        out().println(texts().get("cli.propagation.summary", matching, row.cells().size()) + " " + estimate(snapshot));
    }

    /**
     * What the server has: its records; for a missing record or an RCODE, the DNS's own word; for
     * any other fault (silence, a lame server, an alias loop...), what happened in words.
     */
    private String answerText(Cell cell, Locale locale) {
        return switch (cell.answer().outcome()) {
            case OK -> String.join(" | ", cell.values());
            case NXDOMAIN, NODATA, SERVFAIL, REFUSED -> cell.answer().outcome().name();
            default -> cell.answer().problem().text(locale);
        };
    }

    private String estimate(Snapshot snapshot) {
        PropagationEstimate estimate = snapshot.estimate();
        return switch (estimate.status()) {
            case DONE -> texts().get("cli.propagation.eta.done");
            case UNKNOWN -> texts().get("cli.propagation.eta.unknown");
            case ESTIMATED -> {
                Instant at = estimate.at().orElseThrow();
                yield texts().get("cli.propagation.eta.estimated",
                        CLOCK_TIME.format(at.atZone(ZoneId.systemDefault())),
                        inWords(Duration.between(snapshot.takenAt(), at)));
            }
        };
    }

    private static String inWords(Duration wait) {
        long seconds = Math.max(0, wait.toSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 120 ? minutes + " min" : (minutes + 59) / 60 + " h";
    }
}
