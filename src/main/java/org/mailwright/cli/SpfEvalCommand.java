package org.mailwright.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mailwright.i18n.Failures;
import org.mailwright.i18n.ProblemException;
import org.mailwright.json.Json;
import org.mailwright.spf.MatchedTerm;
import org.mailwright.spf.SpfEvaluation;
import org.mailwright.spf.SpfEvaluator;
import org.mailwright.spf.SpfRequest;
import org.mailwright.spf.SpfResult;
import org.mailwright.spf.TraceStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mailwright spf eval}: check_host() for one message ({@code --ip}, {@code --mail-from},
 * {@code --helo}) or for every line of a batch file, all in one process so answers are cached once.
 */
@Command(name = "eval", sortOptions = false)
final class SpfEvalCommand extends Subcommand {

    /** Batch evaluations in flight at once: enough to overlap DNS waits, few enough to stay gentle. */
    private static final int BATCH_WINDOW = 64;

    @Option(names = "--ip", paramLabel = "IP", order = 10, descriptionKey = "spf.eval.ip")
    private String ip;

    @Option(names = "--mail-from", paramLabel = "ADDR", order = 11, descriptionKey = "spf.eval.mail-from")
    private String mailFrom = "";

    @Option(names = "--helo", paramLabel = "NAME", order = 12, descriptionKey = "spf.eval.helo")
    private String helo = "";

    @Option(names = "--batch", paramLabel = "FILE", order = 13, descriptionKey = "spf.eval.batch")
    private String batch;

    @Override
    public Integer call() {
        if (batch != null) {
            if (ip != null) {
                throw new UsageException(texts().get("cli.error.spf-batch-and-ip"));
            }
            return batch();
        }
        if (ip == null) {
            throw new UsageException(texts().get("cli.error.spf-no-ip"));
        }
        if (mailFrom.isBlank() && helo.isBlank()) {
            throw new UsageException(texts().get("cli.error.spf-no-identity"));
        }
        SpfRequest request = request(ip, mailFrom, helo);
        var target = options().target();
        SpfEvaluation evaluation;
        try (var resolver = options().openResolver()) {
            evaluation = new SpfEvaluator(resolver, target).evaluate(request).join();
        }
        if (options().json()) {
            Map<String, Object> json = toJson(evaluation);
            json.put("trace", evaluation.trace().stream().map(step -> step.text(Locale.ENGLISH)).toList());
            out().println(Json.write(json));
        } else {
            printHuman(evaluation);
        }
        return evaluation.result() == SpfResult.PASS ? ExitCode.OK : ExitCode.FAILED;
    }

    /**
     * One JSON object per line of the file, in order; a line that cannot be read or evaluated gets
     * an "error" object of its own, and the lines after it are still evaluated. At most
     * {@value #BATCH_WINDOW} evaluations are in flight, and each line is read with a bounded
     * length (see {@link SpfBatchLines}), so memory stays bounded whatever the file holds.
     */
    private int batch() {
        var target = options().target();
        boolean allRead = true;
        try (InputStream input = open(batch); var resolver = options().openResolver()) {
            SpfBatchLines lines = new SpfBatchLines(input);
            Deque<CompletableFuture<Map<String, Object>>> window = new ArrayDeque<>();
            for (Optional<SpfBatchLines.Line> next = lines.next(); next.isPresent(); next = lines.next()) {
                SpfBatchLines.Line line = next.get();
                if (line.problem().isPresent()) {
                    window.add(CompletableFuture.completedFuture(lineError(line.number(),
                            line.problem().get().text(texts().locale()))));
                } else if (line.text().isBlank() || line.text().startsWith("#")) {
                    continue;
                } else {
                    // Each line is a check of its own: its own query budget and deadline, the cache shared.
                    window.add(evaluateLine(new SpfEvaluator(resolver.newCheck(), target), line.text(), line.number()));
                }
                if (window.size() >= BATCH_WINDOW) {
                    allRead &= print(window.poll().join());
                }
            }
            while (!window.isEmpty()) {
                allRead &= print(window.poll().join());
            }
        } catch (NoSuchFileException e) {
            throw new UsageException(texts().get("cli.error.spf-batch-missing", batch));
        } catch (IOException e) {
            // The system's own words ("Is a directory") are English: a folder is said in the user's.
            throw new UsageException(Files.isDirectory(Path.of(batch))
                    ? texts().get("cli.error.spf-batch-folder", batch)
                    : texts().get("cli.error.spf-batch-unreadable", batch, Failures.reason(e)));
        }
        return allRead ? ExitCode.OK : ExitCode.FAILED;
    }

    private boolean print(Map<String, Object> json) {
        out().println(Json.write(json));
        return !json.containsKey("error");
    }

    private static InputStream open(String file) throws IOException {
        return "-".equals(file) ? System.in : Files.newInputStream(Path.of(file));
    }

    private CompletableFuture<Map<String, Object>> evaluateLine(SpfEvaluator evaluator, String line, long number) {
        String[] fields = line.split("\t", -1);
        SpfRequest request;
        try {
            request = SpfRequest.of(fields[0], fields.length > 1 ? fields[1] : "", fields.length > 2 ? fields[2] : "");
        } catch (ProblemException e) {
            return CompletableFuture.completedFuture(lineError(number, e.problem().text(texts().locale())));
        }
        // An evaluation gives a result whatever the data; should one fail all the same, it is this line's error alone.
        return evaluator.evaluate(request).thenApply(SpfEvalCommand::toJson)
                .exceptionally(failure -> lineError(number, texts().get("cli.error.internal")));
    }

    private Map<String, Object> lineError(long number, String reason) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("line", number);
        error.put("error", texts().get("cli.error.spf-batch-line", number, reason));
        return error;
    }

    private SpfRequest request(String address, String from, String name) {
        try {
            return SpfRequest.of(address, from, name);
        } catch (ProblemException e) {
            throw new UsageException(e.problem().text(texts().locale()));
        }
    }

    /** result, explanation, mechanism, lookups (the documented fields), then domain and the matched path. */
    static Map<String, Object> toJson(SpfEvaluation evaluation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", evaluation.result().jsonName());
        json.put("explanation", evaluation.explanation().isEmpty() ? null : evaluation.explanation());
        json.put("mechanism", evaluation.mechanism().map(MatchedTerm::term).orElse(null));
        json.put("lookups", evaluation.lookups());
        json.put("domain", evaluation.domain());
        json.put("matched", evaluation.matched().stream()
                .map(term -> {
                    Map<String, Object> step = new LinkedHashMap<>();
                    step.put("domain", term.domain());
                    step.put("term", term.term());
                    return step;
                }).toList());
        return json;
    }

    private void printHuman(SpfEvaluation evaluation) {
        out().println(texts().get("cli.spf.eval.result", evaluation.result().jsonName(), evaluation.domain()));
        if (!evaluation.matched().isEmpty()) {
            out().println(texts().get("cli.spf.eval.mechanism", String.join(" → ", evaluation.matched().stream()
                    .map(term -> term.term() + " (" + term.domain() + ")").toList())));
        }
        out().println(texts().get("cli.spf.eval.lookups", evaluation.lookups(), SpfEvaluator.MAX_DNS_TERMS));
        if (!evaluation.explanation().isEmpty()) {
            out().println(texts().get("cli.spf.eval.explanation", evaluation.explanation()));
        }
        out().println();
        for (TraceStep step : evaluation.trace()) {
            out().println("  " + "  ".repeat(step.depth()) + step.text(texts().locale()));
        }
    }
}
