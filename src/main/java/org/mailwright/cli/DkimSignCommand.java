package org.mailwright.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mailwright.dkim.Canonicalization;
import org.mailwright.dkim.DkimAlgorithm;
import org.mailwright.dkim.DkimKey;
import org.mailwright.dkim.DkimSigner;
import org.mailwright.dkim.MailMessage;
import org.mailwright.dkim.Selector;
import org.mailwright.dkim.SigningOptions;
import org.mailwright.dns.DomainName;
import org.mailwright.i18n.ProblemException;
import org.mailwright.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mailwright dkim sign}: writes the message, signed, to standard output. */
@Command(name = "sign", sortOptions = false)
final class DkimSignCommand extends Subcommand {

    @Mixin
    private DkimKeyOptions key;

    @Mixin
    private DkimNameOptions name;

    @Option(names = "--canon", paramLabel = "HEADER/BODY", order = 20, descriptionKey = "dkim.canon")
    private String canon = "relaxed/relaxed";

    @Mixin
    private DkimMessageOptions message;

    @Override
    public Integer call() {
        Canonicalization[] canonicalization;
        try {
            canonicalization = SigningOptions.parseCanonicalization(canon);
        } catch (IllegalArgumentException e) {
            throw new UsageException(texts().get("cli.dkim.bad-canon", canon));
        }
        DomainName domain = name.domain(texts());
        Selector selector = name.selector(texts());
        MailMessage parsed = message.read(texts());
        DkimKey loaded = key.load(texts());
        String field;
        try {
            field = new DkimSigner(loaded, domain.ascii(), selector.value(),
                    SigningOptions.defaults().withCanonicalization(canonicalization[0], canonicalization[1]), Clock.systemUTC())
                    .signatureField(parsed);
        } catch (ProblemException refused) {
            // A key too short to sign with, or a message that cannot be signed: said before any output.
            throw new UsageException(refused.problem().text(texts().locale()));
        }
        if (options().json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("domain", domain.ascii());
            json.put("selector", selector.value());
            json.put("algorithm", DkimAlgorithm.forSigning(loaded.type()).tagValue());
            json.put("field", field);
            out().println(Json.write(json));
        } else {
            byte[] signed = parsed.prepend(field);
            var stdout = binaryOut();
            stdout.write(signed, 0, signed.length);
            stdout.flush();
        }
        return ExitCode.OK;
    }
}
