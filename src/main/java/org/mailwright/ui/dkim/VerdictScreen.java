package org.mailwright.ui.dkim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailwright.dkim.ArcReport;
import org.mailwright.dkim.ArcResult;
import org.mailwright.dkim.ArcSet;
import org.mailwright.dkim.SignatureResult;
import org.mailwright.dmarc.DiscoveredPolicy;
import org.mailwright.dmarc.Policy;
import org.mailwright.findings.Finding;
import org.mailwright.i18n.ControlCharacters;
import org.mailwright.message.DmarcVerdict;
import org.mailwright.message.MessageVerdict;
import org.mailwright.message.SpfVerdict;
import org.mailwright.message.StampedResults;
import org.mailwright.spf.IpText;
import org.mailwright.spf.SpfEvaluation;
import org.mailwright.ui.controls.CheckState;

/**
 * A message's verdict as the page words it, in one language: the decisions are the core's
 * ({@link MessageVerdict}); this only puts them into the user's words, the command line's where
 * both say the same thing.
 *
 * @param state the overall badge's state: DMARC's result, the receiver's decision
 * @param overall that result in a few words
 * @param fromDomain the From domain, or that there is none
 * @param status whom DNS was asked of
 * @param spf the SPF card
 * @param dkimSummary how many signatures there are and how many pass, or that there is none
 * @param dkim a row per signature, top to bottom
 * @param dmarc the DMARC card
 * @param arc the ARC card
 * @param stamped the message's Authentication-Results fields, newest first, beside Mailwright's results
 * @param findings what to know and do, most severe first
 */
record VerdictScreen(CheckState state, String overall, String fromDomain, String status, VerdictCard spf, String dkimSummary,
                     List<SignatureRow> dkim, VerdictCard dmarc, VerdictCard arc, List<StampedRow> stamped,
                     List<Finding> findings) {

    /** The message's own words (its From domain) with their control characters as the command line shows them. */
    VerdictScreen {
        overall = ControlCharacters.shown(overall);
        fromDomain = ControlCharacters.shown(fromDomain);
        status = ControlCharacters.shown(status);
        dkimSummary = ControlCharacters.shown(dkimSummary);
        dkim = List.copyOf(dkim);
        stamped = List.copyOf(stamped);
        findings = List.copyOf(findings);
    }

    static VerdictScreen of(MessageVerdict verdict, String resolver, Words words) {
        String dmarcResult = verdict.dmarc().result().jsonName();
        String fromDomain = verdict.author().domain().isPresent()
                ? words.core("cli.message.from", verdict.fromDomain()) : words.core("cli.message.no-from");
        List<SignatureRow> dkim = verdict.dkim().stream().map(signature -> SignatureRow.of(signature, words)).toList();
        long passing = verdict.dkim().stream().filter(signature -> signature.signature().passed()).count();
        String dkimSummary = dkim.isEmpty() ? words.text("dkim.verify.unsigned")
                : words.text("dkim.verify.summary", dkim.size(), passing, resolver);
        return new VerdictScreen(VerdictCard.stateOf(dmarcResult), words.text("message.overall." + dmarcResult), fromDomain,
                words.text("message.status", resolver), spf(verdict.spf(), words), dkimSummary, dkim,
                dmarc(verdict.dmarc(), words), arc(verdict.arc(), words),
                verdict.stamped().stream().map(stamped -> stamped(stamped, verdict, words)).toList(), verdict.findings());
    }

    private static VerdictCard spf(SpfVerdict spf, Words words) {
        String title = words.text("message.spf.title");
        if (spf.evaluation().isEmpty()) {
            return new VerdictCard(CheckState.INFO, words.result(spf.result()), title, words.text("message.spf.unchecked"),
                    List.of(), List.of());
        }
        List<SignatureRow.Tag> facts = new ArrayList<>();
        facts.add(new SignatureRow.Tag(words.text("message.spf.domain"), spf.domain()));
        facts.add(aligned(spf.aligned(), words));
        facts.add(new SignatureRow.Tag(words.text("message.spf.client"), IpText.format(spf.client().orElseThrow()) + " ("
                + words.core("cli.message.client." + spf.clientSource().jsonName()) + ")"));
        facts.add(new SignatureRow.Tag(words.text("message.spf.helo"), spf.helo().isEmpty() ? "—" : spf.helo()));
        facts.add(new SignatureRow.Tag(words.text("message.spf.mailFrom"),
                spf.mailFrom().isEmpty() ? words.text("message.spf.nullSender") : spf.mailFrom()));
        spf.evaluation().flatMap(SpfEvaluation::domainExplanation)
                .ifPresent(explanation -> facts.add(new SignatureRow.Tag(words.text("message.spf.explanation"), explanation)));
        return new VerdictCard(VerdictCard.stateOf(spf.result()), words.result(spf.result()), title, "", facts, List.of());
    }

    static SignatureRow.Tag aligned(boolean aligned, Words words) {
        return new SignatureRow.Tag(words.text("message.aligned"),
                words.core(aligned ? "cli.message.aligned" : "cli.message.not-aligned"));
    }

    private static VerdictCard dmarc(DmarcVerdict dmarc, Words words) {
        String result = dmarc.result().jsonName();
        List<SignatureRow.Tag> facts = new ArrayList<>();
        facts.add(new SignatureRow.Tag(words.text("message.dmarc.policy"), dmarc.policy().map(policy -> policy(policy, words)).orElse("—")));
        facts.add(new SignatureRow.Tag(words.text("message.dmarc.disposition"), policy(dmarc.disposition(), words)));
        Optional<String> source = dmarc.discovered().map(DiscoveredPolicy::sourceDomain).filter(domain -> !domain.isEmpty());
        facts.add(new SignatureRow.Tag(words.text("message.dmarc.record"),
                source.map(domain -> words.core("cli.message.dmarc.source", domain)).orElseGet(() -> words.text("message.dmarc.noRecord"))));
        return new VerdictCard(VerdictCard.stateOf(result), words.result(result), words.text("message.dmarc.title"), "", facts,
                List.of());
    }

    private static String policy(Policy policy, Words words) {
        return words.text("message.policy." + policy.tagValue());
    }

    private static VerdictCard arc(ArcReport arc, Words words) {
        String result = arc.result().jsonName();
        String sentence = arc.result() == ArcResult.FAIL ? arc.problemText(words.locale()) : words.text("message.arc." + result);
        List<String> sets = arc.sets().stream().map(set -> arcSet(set, words)).toList();
        return new VerdictCard(VerdictCard.stateOf(result), words.result(result), words.text("message.arc.title"), sentence,
                List.of(), sets);
    }

    private static String arcSet(ArcSet set, Words words) {
        return words.core("cli.message.arc.set", set.instance(), set.sealer().isEmpty() ? "-" : set.sealer(), set.chainStatus(),
                set.seal().map(SignatureResult::result).map(result -> words.result(result.jsonName())).orElse("-"));
    }

    private static StampedRow stamped(StampedResults stamped, MessageVerdict verdict, Words words) {
        List<StampedRow.Method> methods = new ArrayList<>();
        for (StampedResults.MethodResult theirs : stamped.results()) {
            Optional<String> ours = verdict.ownResult(theirs);
            CheckState state = ours.isEmpty() ? CheckState.INFO : ours.get().equals(theirs.result()) ? CheckState.PASS : CheckState.WARNING;
            String comparison = words.text(ours.isEmpty() ? "message.stamped.unchecked"
                    : state == CheckState.PASS ? "message.stamped.agree" : "message.stamped.differ");
            String method = theirs.property("header.d").map(domain -> theirs.method() + " (d=" + domain + ")").orElse(theirs.method());
            methods.add(new StampedRow.Method(method, words.result(theirs.result()), ours.map(words::result).orElse("—"), state,
                    comparison));
        }
        return new StampedRow(words.text("message.stamped.by", stamped.authservId()), methods);
    }
}
