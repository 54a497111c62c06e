package org.mailwright.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mailwright.dkim.DkimVerifier;
import org.mailwright.dkim.KeyLookup;
import org.mailwright.dkim.KeySource;
import org.mailwright.dkim.MailMessage;
import org.mailwright.dkim.Reason;
import org.mailwright.dkim.SignatureResult;
import org.mailwright.dkim.VerificationReport;
import org.mailwright.dkim.VerificationRules;
import org.mailwright.dns.ResolverService;
import org.mailwright.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mailwright dkim verify}: each signature of a message, with its result and why. */
@Command(name = "verify", sortOptions = false)
final class DkimVerifyCommand extends Subcommand {

    @Mixin
    private DkimMessageOptions message;

    @Option(names = "--legacy", order = 20, descriptionKey = "dkim.legacy")
    private boolean legacy;

    @Override
    public Integer call() {
        MailMessage parsed = message.read(texts());
        VerificationReport report;
        try (ResolverService resolver = options().openResolver()) {
            DkimVerifier verifier = new DkimVerifier(KeySource.dns(resolver, options().target()), Clock.systemUTC(),
                    legacy ? VerificationRules.legacy() : VerificationRules.standard());
            report = verifier.verify(parsed).join();
        }
        if (options().json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("signatures", report.signatures().stream().map(signature -> toJson(signature, texts().locale())).toList());
            out().println(Json.write(json));
        } else {
            print(report);
        }
        return report.anyPass() ? ExitCode.OK : ExitCode.FAILED;
    }

    /** The signature; its notes are findings (see {@link FindingText}), in {@code locale}'s language. */
    static Map<String, Object> toJson(SignatureResult signature, Locale locale) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("domain", signature.domain());
        json.put("selector", signature.selector());
        json.put("algorithm", signature.algorithm());
        json.put("result", signature.result().jsonName());
        json.put("reason", signature.reason().map(Reason::id).orElse(null));
        json.put("message", signature.reason().isPresent() ? signature.reasonText(Locale.ENGLISH) : null);
        json.put("kind", signature.kind().name().toLowerCase(Locale.ROOT));
        json.put("identity", signature.identity());
        json.put("canonicalization", signature.canonicalization());
        json.put("signed_headers", signature.signedHeaders());
        json.put("key", signature.key().map(DkimVerifyCommand::keyJson).orElse(null));
        json.put("key_bits", signature.keyBits().isPresent() ? signature.keyBits().getAsInt() : null);
        json.put("notes", FindingText.json(signature.notes(), locale));
        return json;
    }

    private static Map<String, Object> keyJson(KeyLookup key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", key.name());
        json.put("status", key.outcome().jsonName());
        json.put("server", key.dns().map(dns -> dns.server().isEmpty() ? null : dns.server()).orElse(null));
        json.put("records", key.records());
        return json;
    }

    private void print(VerificationReport report) {
        if (report.unsigned()) {
            out().println(texts().get("cli.dkim.verify.unsigned"));
            return;
        }
        for (SignatureResult signature : report.signatures()) {
            out().println(texts().get("cli.dkim.verify.signature", signature.result().jsonName(), signature.domain(),
                    signature.selector(), signature.algorithm()));
            if (signature.reason().isPresent()) {
                out().println("  " + signature.reasonText(texts().locale()));
            }
            signature.key().ifPresent(key -> key.records().forEach(record ->
                    out().println("  " + texts().get("cli.dkim.verify.key", key.name(), record))));
            FindingText.print(out(), signature.notes(), texts(), "  ");
        }
    }
}
