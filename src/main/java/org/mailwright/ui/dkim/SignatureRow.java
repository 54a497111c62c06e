package org.mailwright.ui.dkim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mailwright.dkim.DkimResult;
import org.mailwright.dkim.KeyLookup;
import org.mailwright.dkim.SignatureKind;
import org.mailwright.dkim.SignatureResult;
import org.mailwright.dns.LookupResult;
import org.mailwright.findings.Finding;
import org.mailwright.i18n.ControlCharacters;
import org.mailwright.message.DkimVerdict;
import org.mailwright.ui.controls.CheckState;

/**
 * One signature of a message as the verifier found it: its result and why, whether DMARC can count
 * it and what else it says (tags), the notes worth knowing, and the DNS record it was checked against.
 *
 * @param state the badge's state
 * @param word the result in a word: pass, fail...
 * @param title who signed: the domain and the selector
 * @param reason why it passed or what failed, in a sentence
 * @param tags the signature's tags worth showing, as label and value
 * @param notes warnings and remarks, as the verifier's findings
 * @param keyName where the key record was looked for; empty when the check did not get that far
 * @param keyLookup how that lookup went, in a sentence
 * @param keyRecords the TXT values found there
 */
record SignatureRow(CheckState state, String word, String title, String reason, List<Tag> tags,
                    List<Finding> notes, String keyName, String keyLookup, List<String> keyRecords) {

    /** A stranger's control characters (from the message or the DNS) as the command line shows them. */
    SignatureRow {
        word = ControlCharacters.shown(word);
        title = ControlCharacters.shown(title);
        reason = ControlCharacters.shown(reason);
        tags = List.copyOf(tags);
        notes = List.copyOf(notes);
        keyName = ControlCharacters.shown(keyName);
        keyLookup = ControlCharacters.shown(keyLookup);
        keyRecords = ControlCharacters.shownAll(keyRecords);
    }

    /** A label and its value: one of a signature's tags, or a fact a verdict was decided on. */
    record Tag(String label, String value) {

        /** The value often comes from the message or the DNS: its control characters as the command line shows them. */
        Tag {
            label = ControlCharacters.shown(label);
            value = ControlCharacters.shown(value);
        }
    }

    /** A signature of a message's verdict: first whether DMARC counts it, its d= being aligned with the From domain. */
    static SignatureRow of(DkimVerdict verdict, Words words) {
        SignatureResult result = verdict.signature();
        Locale locale = words.locale();
        String word = words.text("dkim.verify.result." + result.result().jsonName());
        String kind = words.text(kindKey(result.kind()));
        String title = result.domain().isEmpty() ? kind
                : words.text("dkim.verify.title", kind, result.domain(), result.selector());
        String reason = result.passed()
                ? words.text("dkim.verify.passed", result.key().map(KeyLookup::name).orElse(""))
                : result.reasonText(locale);
        List<Tag> tags = new ArrayList<>();
        tags.add(VerdictScreen.aligned(verdict.aligned(), words));
        add(tags, words.text("dkim.verify.tag.algorithm"), result.algorithm());
        add(tags, words.text("dkim.verify.tag.canonicalization"), result.canonicalization());
        add(tags, words.text("dkim.verify.tag.identity"), result.identity());
        add(tags, words.text("dkim.verify.tag.headers"), String.join(", ", result.signedHeaders()));
        result.signedAt().ifPresent(at -> add(tags, words.text("dkim.verify.tag.signedAt"), shown(at)));
        result.expiresAt().ifPresent(at -> add(tags, words.text("dkim.verify.tag.expiresAt"), shown(at)));
        if (result.bodyLength().isPresent()) {
            add(tags, words.text("dkim.verify.tag.bodyLength"), words.text("dkim.verify.octets", result.bodyLength().getAsLong()));
        }
        if (result.keyBits().isPresent()) {
            add(tags, words.text("dkim.verify.tag.keyBits"), words.text("dkim.verify.bits", result.keyBits().getAsInt()));
        }
        String keyName = result.key().map(KeyLookup::name).orElse("");
        String keyLookup = result.key().map(key -> lookupSentence(key, words)).orElse("");
        List<String> keyRecords = result.key().map(KeyLookup::records).orElse(List.of());
        return new SignatureRow(stateOf(result.result()), word, title, reason, List.copyOf(tags), result.notes(), keyName, keyLookup,
                keyRecords);
    }

    private static String kindKey(SignatureKind kind) {
        return switch (kind) {
            case DKIM -> "dkim.verify.kind.dkim";
            case DOMAINKEYS -> "dkim.verify.kind.domainkeys";
            case ARC_MESSAGE_SIGNATURE -> "dkim.verify.kind.arcMessageSignature";
            case ARC_SEAL -> "dkim.verify.kind.arcSeal";
        };
    }

    static CheckState stateOf(DkimResult result) {
        return switch (result) {
            case PASS -> CheckState.PASS;
            case FAIL, PERMERROR -> CheckState.ERROR;
            case TEMPERROR -> CheckState.WARNING;
            case NEUTRAL -> CheckState.INFO;
        };
    }

    private static String lookupSentence(KeyLookup key, Words words) {
        if (key.dns().isEmpty()) {
            return "";
        }
        LookupResult dns = key.dns().get();
        return dns.outcome().isAnswer() && !dns.records().isEmpty()
                ? words.text(dns.hasTtl() ? "dkim.verify.keyAnsweredTtl" : "dkim.verify.keyAnswered", dns.server(), dns.ttl())
                : dns.explain(words.locale());
    }

    private static void add(List<Tag> tags, String label, String value) {
        if (value != null && !value.isBlank()) {
            tags.add(new Tag(label, value));
        }
    }

    private static String shown(Instant instant) {
        return instant.toString().replace('T', ' ').replace("Z", " UTC");
    }
}
