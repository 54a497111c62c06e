package org.mailwright.cli;

import java.net.InetAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mailwright.dkim.ArcReport;
import org.mailwright.dkim.ArcSet;
import org.mailwright.dkim.MailMessage;
import org.mailwright.dkim.Reason;
import org.mailwright.dkim.SignatureResult;
import org.mailwright.dmarc.DiscoveredPolicy;
import org.mailwright.dmarc.Policy;
import org.mailwright.dns.ResolverService;
import org.mailwright.i18n.ProblemException;
import org.mailwright.json.Json;
import org.mailwright.message.DkimVerdict;
import org.mailwright.message.DmarcVerdict;
import org.mailwright.message.Envelope;
import org.mailwright.message.MessageChecker;
import org.mailwright.message.MessageVerdict;
import org.mailwright.message.SpfVerdict;
import org.mailwright.message.StampedResults;
import org.mailwright.spf.IpText;
import org.mailwright.spf.SpfEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mailwright message check}: SPF, every DKIM signature, DMARC with alignment and the ARC
 * chain of one message, as a receiver decides them, beside the message's own Authentication-Results.
 */
@Command(name = "check", sortOptions = false)
final class MessageCheckCommand extends Subcommand {

    @Mixin
    private DkimMessageOptions message;

    @Option(names = "--ip", paramLabel = "IP", order = 10, descriptionKey = "message.ip")
    private String ip;

    @Option(names = "--helo", paramLabel = "NAME", order = 11, descriptionKey = "message.helo")
    private String helo;

    @Option(names = "--mail-from", paramLabel = "ADDRESS", order = 12, descriptionKey = "message.mail-from")
    private String mailFrom;

    @Override
    public Integer call() {
        Envelope envelope = new Envelope(client(), Optional.ofNullable(helo), Optional.ofNullable(mailFrom));
        MailMessage parsed = message.read(texts());
        MessageVerdict verdict;
        try (ResolverService resolver = options().openResolver()) {
            verdict = new MessageChecker(resolver, options().target(), Clock.systemUTC()).check(parsed, envelope).join();
        }
        if (options().json()) {
            out().println(Json.write(json(verdict, texts().locale())));
        } else {
            print(verdict);
        }
        return verdict.dmarc().result() == DmarcVerdict.Result.PASS ? ExitCode.OK : ExitCode.FAILED;
    }

    private Optional<InetAddress> client() {
        if (ip == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(IpText.parseAddress(ip));
        } catch (ProblemException e) {
            throw new UsageException(e.problem().text(texts().locale()));
        }
    }

    /** The contract, {@code from_domain}, {@code spf}, {@code dkim}, {@code dmarc}, {@code arc}, and more beside it. */
    static Map<String, Object> json(MessageVerdict verdict, Locale locale) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from_domain", verdict.author().domain().isPresent() ? verdict.fromDomain() : null);
        json.put("spf", spfJson(verdict.spf()));
        json.put("dkim", verdict.dkim().stream().map(MessageCheckCommand::dkimJson).toList());
        json.put("dmarc", dmarcJson(verdict.dmarc()));
        json.put("arc", arcJson(verdict.arc()));
        json.put("authentication_results", verdict.stamped().stream().map(MessageCheckCommand::stampedJson).toList());
        json.put("findings", FindingText.json(verdict.findings(), locale));
        return json;
    }

    private static Map<String, Object> spfJson(SpfVerdict spf) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", spf.result());
        json.put("domain", spf.evaluation().isPresent() ? spf.domain() : null);
        json.put("aligned", spf.aligned());
        json.put("client_ip", spf.client().map(IpText::format).orElse(null));
        json.put("client_from", spf.clientSource().jsonName());
        json.put("helo", spf.helo().isEmpty() ? null : spf.helo());
        json.put("mail_from", spf.evaluation().map(e -> e.request().mailFrom()).orElse(null));
        json.put("explanation", spf.evaluation().map(SpfEvaluation::explanation).filter(e -> !e.isEmpty()).orElse(null));
        return json;
    }

    private static Map<String, Object> dkimJson(DkimVerdict dkim) {
        SignatureResult signature = dkim.signature();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domain", signature.domain());
        json.put("selector", signature.selector());
        json.put("result", signature.result().jsonName());
        json.put("aligned", dkim.aligned());
        json.put("kind", signature.kind().name().toLowerCase(Locale.ROOT));
        json.put("algorithm", signature.algorithm());
        json.put("reason", signature.reason().map(Reason::id).orElse(null));
        json.put("message", signature.reason().isPresent() ? signature.reasonText(Locale.ENGLISH) : null);
        return json;
    }

    private static Map<String, Object> dmarcJson(DmarcVerdict dmarc) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", dmarc.result().jsonName());
        json.put("policy", dmarc.policy().map(Policy::tagValue).orElse(null));
        json.put("disposition", dmarc.disposition().tagValue());
        json.put("source", dmarc.discovered().map(DiscoveredPolicy::sourceLabel).orElse(null));
        return json;
    }

    private static Map<String, Object> arcJson(ArcReport arc) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", arc.result().jsonName());
        json.put("reason", arc.problem().map(p -> p.id()).orElse(null));
        json.put("message", arc.problem().isPresent() ? arc.problemText(Locale.ENGLISH) : null);
        json.put("sets", arc.sets().stream().map(MessageCheckCommand::arcSetJson).toList());
        return json;
    }

    private static Map<String, Object> arcSetJson(ArcSet set) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("instance", set.instance());
        json.put("sealer", set.sealer().isEmpty() ? null : set.sealer());
        json.put("chain_status", set.chainStatus());
        json.put("seal", set.seal().map(s -> s.result().jsonName()).orElse(null));
        json.put("message_signature", set.messageSignature().map(s -> s.result().jsonName()).orElse(null));
        json.put("authentication_results", set.authenticationResults());
        return json;
    }

    private static Map<String, Object> stampedJson(StampedResults stamped) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("authserv_id", stamped.authservId());
        json.put("results", stamped.results().stream().map(result -> {
            Map<String, Object> each = new LinkedHashMap<>();
            each.put("method", result.method());
            each.put("result", result.result());
            each.put("reason", result.reason().isEmpty() ? null : result.reason());
            each.put("properties", new LinkedHashMap<>(result.properties()));
            return each;
        }).toList());
        return json;
    }

    private void print(MessageVerdict verdict) {
        Texts texts = texts();
        out().println(verdict.author().domain().isPresent()
                ? texts.get("cli.message.from", verdict.fromDomain()) : texts.get("cli.message.no-from"));
        SpfVerdict spf = verdict.spf();
        if (spf.evaluation().isPresent()) {
            out().println(texts.get("cli.message.spf", spf.result(), spf.domain(), aligned(spf.aligned()),
                    IpText.format(spf.client().orElseThrow()), texts.get("cli.message.client." + spf.clientSource().jsonName()),
                    spf.helo().isEmpty() ? "-" : spf.helo()));
        } else {
            out().println(texts.get("cli.message.spf.unchecked"));
        }
        if (verdict.dkim().isEmpty()) {
            out().println(texts.get("cli.message.dkim.none"));
        }
        for (DkimVerdict dkim : verdict.dkim()) {
            SignatureResult signature = dkim.signature();
            out().println(texts.get("cli.message.dkim", signature.result().jsonName(), signature.domain(),
                    signature.selector(), aligned(dkim.aligned())));
            if (signature.reason().isPresent()) {
                out().println("      " + signature.reasonText(texts.locale()));
            }
        }
        DmarcVerdict dmarc = verdict.dmarc();
        out().println(texts.get("cli.message.dmarc", dmarc.result().jsonName(),
                dmarc.policy().map(Policy::tagValue).orElse("-"), dmarc.disposition().tagValue()));
        dmarc.discovered().filter(d -> !d.sourceDomain().isEmpty())
                .ifPresent(d -> out().println("      " + texts.get("cli.message.dmarc.source", d.sourceDomain())));
        ArcReport arc = verdict.arc();
        out().println(texts.get("cli.message.arc", arc.result().jsonName()));
        if (arc.problem().isPresent()) {
            out().println("      " + arc.problemText(texts.locale()));
        }
        for (ArcSet set : arc.sets()) {
            out().println("      " + texts.get("cli.message.arc.set", set.instance(), set.sealer().isEmpty() ? "-" : set.sealer(),
                    set.chainStatus(), set.seal().map(s -> s.result().jsonName()).orElse("-")));
        }
        for (StampedResults stamped : verdict.stamped()) {
            out().println(texts.get("cli.message.stamped", stamped.authservId()));
            List<String> results = stamped.results().stream().map(r -> r.method() + "=" + r.result()).toList();
            out().println("      " + (results.isEmpty() ? "-" : String.join("  ", results)));
        }
        if (!verdict.findings().isEmpty()) {
            out().println();
            FindingText.print(out(), verdict.findings(), texts, "");
        }
    }

    private String aligned(boolean aligned) {
        return texts().get(aligned ? "cli.message.aligned" : "cli.message.not-aligned");
    }
}
