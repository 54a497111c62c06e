package org.mailwright.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.mailwright.dns.DnsRecord;
import org.mailwright.dns.InvalidDomainNameException;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;
import org.mailwright.dns.TxtStrings;
import org.mailwright.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mailwright lookup TYPE NAME}: one lookup, printed like dig or as one JSON object. */
@Command(name = "lookup", sortOptions = false)
final class LookupCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "TYPE", descriptionKey = "lookup.type")
    private String typeText;

    @Parameters(index = "1", paramLabel = "NAME", descriptionKey = "lookup.name")
    private String name;

    @Override
    public Integer call() {
        RecordType type = recordType(typeText);
        ResolverTarget target = options().target();
        LookupResult result;
        try (ResolverService resolver = options().openResolver()) {
            CompletableFuture<LookupResult> lookup;
            try {
                // Any name DNS can carry, as dig takes it (*.example.com); an international one as its A-label.
                lookup = resolver.lookup(name, type, target);
            } catch (InvalidDomainNameException malformedName) {
                throw new UsageException(texts().get("cli.error.lookup-name", GlobalOptions.shown(name.strip()),
                        malformedName.problem().text(texts().locale())));
            }
            result = lookup.join();
        }
        if (options().json()) {
            out().println(Json.write(toJson(result)));
        } else if (result.outcome().isAnswer()) {
            printListing(result);
        }
        if (!result.outcome().isAnswer()) {
            err().println(result.explain(texts().locale()));
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    /**
     * The lookup as one JSON object: name, type, status, records, ttl, then server and message.
     * The message is English whatever the user's language, so scripts and logs read the same.
     */
    static Map<String, Object> toJson(LookupResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", result.name());
        json.put("type", result.type().name());
        json.put("status", result.outcome().jsonName());
        json.put("records", result.values());
        json.put("ttl", result.hasTtl() ? result.ttl() : null);
        json.put("server", result.server().isEmpty() ? null : result.server());
        json.put("message", result.explain(Locale.ENGLISH));
        return json;
    }

    /** The answer as dig shows it (the CNAMEs followed, then the records), then what it means. */
    private void printListing(LookupResult result) {
        List<DnsRecord> rows = new ArrayList<>(result.aliases());
        rows.addAll(result.records());
        int ownerWidth = rows.stream().mapToInt(row -> row.name().length() + 1).max().orElse(0);
        int ttlWidth = rows.stream().mapToInt(row -> Long.toString(row.ttl()).length()).max().orElse(0);
        int typeWidth = rows.stream().mapToInt(row -> row.type().name().length()).max().orElse(0);
        for (DnsRecord row : rows) {
            out().println(String.format("%-" + ownerWidth + "s  %" + ttlWidth + "d  IN  %-" + typeWidth + "s  %s",
                    row.name() + ".", row.ttl(), row.type().name(), presentation(row)));
        }
        if (!rows.isEmpty()) {
            out().println();
        }
        out().println(result.explain(texts().locale()));
    }

    /** TXT as its quoted character-strings, escaped as in a zone file but letters kept; others as given. */
    private static String presentation(DnsRecord record) {
        return record.type() == RecordType.TXT ? TxtStrings.readable(record.strings()) : record.value();
    }
}
