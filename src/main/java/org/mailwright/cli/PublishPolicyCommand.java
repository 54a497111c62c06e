package org.mailwright.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailwright.i18n.ProblemException;
import org.mailwright.json.Json;
import org.mailwright.publish.UpdatePolicy;
import org.mailwright.publish.UpdatePolicy.Configuration;
import org.mailwright.publish.UpdatePolicy.Snippet;
import org.mailwright.publish.UpdatePolicy.Software;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mailwright publish-policy}: the configuration a zone's primary server needs so that one
 * TSIG key may change only the zone's mail records, for Knot DNS, BIND 9 and PowerDNS. Each
 * configuration is printed as what it allows and where it goes, then the texts to paste or run.
 */
@Command(name = "publish-policy", sortOptions = false)
final class PublishPolicyCommand extends Subcommand {

    @Option(names = "--zone", required = true, paramLabel = "ZONE", order = 10, descriptionKey = "publish-policy.zone")
    private String zone;

    @Option(names = "--tsig-name", required = true, paramLabel = "NAME", order = 11, descriptionKey = "publish-policy.tsig-name")
    private String keyName;

    @Option(names = "--tsig-alg", required = true, paramLabel = "hmac-sha256|hmac-sha512", order = 12,
            descriptionKey = "publish-policy.tsig-alg")
    private String algorithm;

    @Option(names = "--software", paramLabel = "knot|bind|powerdns", order = 13, descriptionKey = "publish-policy.software")
    private String software;

    @Override
    public Integer call() {
        UpdatePolicy policy;
        try {
            policy = UpdatePolicy.of(zone, keyName, algorithm);
        } catch (ProblemException refused) {
            throw new UsageException(refused.problem().text(texts().locale()));
        }
        List<Configuration> configurations = software == null
                ? policy.configurations()
                : List.of(policy.configuration(Software.parse(software).orElseThrow(() ->
                        new UsageException(texts().get("cli.publish-policy.software", GlobalOptions.shown(software.strip()))))));
        if (options().json()) {
            out().println(Json.write(json(policy, configurations)));
        } else {
            print(configurations);
        }
        return ExitCode.OK;
    }

    private void print(List<Configuration> configurations) {
        boolean first = true;
        for (Configuration configuration : configurations) {
            if (!first) {
                out().println();
            }
            first = false;
            out().println(texts().get("publish.policy.software." + configuration.software().id()));
            // A paragraph a line: what it allows, where it goes, then what to watch for.
            configuration.explanation().forEach(paragraph -> out().println(paragraph.in(texts().locale())));
            for (Snippet snippet : configuration.snippets()) {
                out().println();
                out().println(snippet.where().in(texts().locale()));
                // Each text ends with its own line break.
                out().print(snippet.text());
            }
        }
        out().flush();
    }

    private Map<String, Object> json(UpdatePolicy policy, List<Configuration> configurations) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("zone", policy.zone().ascii());
        json.put("key", policy.keyName().ascii());
        json.put("algorithm", policy.algorithm().id());
        json.put("grants", policy.grants().stream().map(grant -> {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("owner", grant.owner().ascii());
            object.put("match", grant.match().id());
            object.put("types", grant.types().stream().map(Enum::name).toList());
            return object;
        }).toList());
        json.put("configurations", configurations.stream().map(configuration -> {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("software", configuration.software().id());
            object.put("explanation", configuration.explanation(texts().locale()));
            object.put("snippets", configuration.snippets().stream().map(snippet -> {
                Map<String, Object> part = new LinkedHashMap<>();
                part.put("where", snippet.where().in(texts().locale()));
                part.put("text", snippet.text());
                return part;
            }).toList());
            return object;
        }).toList());
        return json;
    }
}
