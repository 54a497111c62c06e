package org.mailwright.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mailwright.dkim.DkimKey;
import org.mailwright.dkim.KeyTest;
import org.mailwright.dkim.KeyTestReport;
import org.mailwright.dkim.KeyTestResult;
import org.mailwright.dkim.Reason;
import org.mailwright.dkim.Selector;
import org.mailwright.dns.DomainName;
import org.mailwright.dns.ResolverService;
import org.mailwright.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code mailwright dkim test}: the key test, like opendkim-testkey: the published record on the
 * chosen resolver and every authoritative server, against the private key.
 */
@Command(name = "test", sortOptions = false)
final class DkimTestCommand extends Subcommand {

    @Mixin
    private DkimNameOptions name;

    @Mixin
    private DkimKeyOptions key;

    @Override
    public Integer call() {
        DomainName domain = name.domain(texts());
        Selector selector = name.selector(texts());
        DkimKey loaded = key.load(texts());
        int port = options().nameServerPort();
        KeyTestReport report;
        try (ResolverService resolver = options().openResolver()) {
            report = new KeyTest(resolver, Clock.systemUTC(), port)
                    .run(domain.ascii(), selector.value(), loaded, options().target()).join();
        }
        if (options().json()) {
            out().println(Json.write(toJson(report, texts().locale())));
        } else {
            print(report);
        }
        return report.result() == KeyTestResult.MATCH ? ExitCode.OK : ExitCode.FAILED;
    }

    private static Map<String, Object> toJson(KeyTestReport report, Locale locale) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", report.result().jsonName());
        json.put("servers", report.servers().stream().map(check -> {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("source", check.source().name().toLowerCase(Locale.ROOT));
            server.put("name_server", check.nameServer());
            server.put("server", check.lookup().server());
            server.put("status", check.lookup().outcome().jsonName());
            server.put("result", check.result().jsonName());
            server.put("record", check.lookup().values().isEmpty() ? null : String.join(" | ", check.lookup().values()));
            server.put("problem", check.problem().map(problem -> problem.text(locale)).orElse(null));
            return server;
        }).toList());
        json.put("domain", report.domain());
        json.put("selector", report.selector());
        json.put("name", report.name());
        json.put("findings", FindingText.json(report.findings(), locale));
        json.put("sample", report.sample().map(sample -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("result", sample.result().jsonName());
            result.put("reason", sample.reason().map(Reason::id).orElse(null));
            return result;
        }).orElse(null));
        return json;
    }

    private void print(KeyTestReport report) {
        out().println(texts().get("cli.dkim.test.heading", report.name()));
        for (KeyTestReport.ServerCheck check : report.servers()) {
            out().println(String.format("  %-9s  %-22s  %s", check.result().jsonName(), check.lookup().server(),
                    check.nameServer()));
        }
        out().println();
        FindingText.print(out(), report.findings(), texts(), "");
        out().println();
        out().println(texts().get("cli.dkim.test.result", report.result().jsonName()));
    }
}
