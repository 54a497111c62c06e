package org.mailwright.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailwright.findings.FindingRegistry;
import org.mailwright.findings.FindingType;
import org.mailwright.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mailwright explain ID}: one finding's message, why it matters and how to fix it. */
@Command(name = "explain", sortOptions = false)
final class ExplainCommand extends Subcommand {

    /** At most this many edits away, an unknown id is taken for a typo of a known one. */
    private static final int MAX_TYPO_EDITS = 3;

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "explain.id")
    private String id;

    @Override
    public Integer call() {
        Optional<FindingType> type = FindingRegistry.byId(id);
        if (type.isEmpty()) {
            List<String> near = closest(id);
            err().println(near.isEmpty()
                    ? texts().get("cli.explain.unknown", id)
                    : texts().get("cli.explain.unknown-near", id, String.join(", ", near)));
            return ExitCode.USAGE;
        }
        FindingText words = FindingText.template(type.get(), texts().locale());
        if (options().json()) {
            out().println(Json.write(words.json()));
        } else {
            words.print(out(), texts(), "");
        }
        return ExitCode.OK;
    }

    /**
     * The known ids nearest to {@code typed}, when they are near enough to be what was meant: a
     * typo in the whole id, or in the id without its area ({@code too-many-lookups}). Several
     * when they are equally near ({@code multiple-records} is in three areas).
     */
    static List<String> closest(String typed) {
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        List<FindingType> all = FindingRegistry.all();
        int best = all.stream().mapToInt(type -> distance(wanted, type)).min().orElse(Integer.MAX_VALUE);
        if (best > Math.min(MAX_TYPO_EDITS, wanted.length() / 3)) {
            return List.of();
        }
        return all.stream().filter(type -> distance(wanted, type) == best).map(FindingType::id).toList();
    }

    private static int distance(String wanted, FindingType type) {
        String withoutArea = type.id().substring(type.area().length() + 1);
        return Math.min(edits(wanted, type.id()), edits(wanted, withoutArea));
    }

    /** The Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
