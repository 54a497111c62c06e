package org.mailwright.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mailwright.json.Json;
import org.mailwright.spf.Qualifier;
import org.mailwright.spf.SpfRecipe;
import org.mailwright.spf.SpfSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mailwright spf build}: the record for the given senders, printed alone so scripts can use it. */
@Command(name = "build", sortOptions = false)
final class SpfBuildCommand extends Subcommand {

    @Option(names = "--mx", order = 10, descriptionKey = "spf.build.mx")
    private boolean mx;

    @Option(names = "--a", order = 11, descriptionKey = "spf.build.a")
    private boolean a;

    @Option(names = "--ip4", paramLabel = "CIDR", order = 12, descriptionKey = "spf.build.ip4")
    private List<String> ip4 = new ArrayList<>();

    @Option(names = "--ip6", paramLabel = "CIDR", order = 13, descriptionKey = "spf.build.ip6")
    private List<String> ip6 = new ArrayList<>();

    @Option(names = "--include", paramLabel = "DOMAIN", order = 14, descriptionKey = "spf.build.include")
    private List<String> includes = new ArrayList<>();

    @Option(names = "--all", paramLabel = "fail|softfail|neutral", order = 15, descriptionKey = "spf.build.all")
    private String all = "fail";

    @Override
    public Integer call() {
        Qualifier qualifier = switch (all.trim().toLowerCase(Locale.ROOT)) {
            case "fail" -> Qualifier.FAIL;
            case "softfail" -> Qualifier.SOFTFAIL;
            case "neutral" -> Qualifier.NEUTRAL;
            default -> throw new UsageException(texts().get("cli.error.spf-all", all));
        };
        SpfRecipe recipe = new SpfRecipe(mx, a, ip4, ip6, includes, qualifier);
        String record;
        try {
            record = recipe.build();
        } catch (SpfSyntaxException e) {
            throw new UsageException(e.message(texts().locale()));
        }
        if (options().json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("record", record);
            json.put("strings", SpfRecipe.strings(record));
            json.put("lookups", recipe.ownLookups());
            out().println(Json.write(json));
        } else {
            out().println(record);
        }
        return ExitCode.OK;
    }
}
