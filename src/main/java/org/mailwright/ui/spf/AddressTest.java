package org.mailwright.ui.spf;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.mailwright.dns.DomainName;
import org.mailwright.i18n.ProblemException;
import org.mailwright.spf.SpfEvaluation;
import org.mailwright.spf.SpfEvaluator;
import org.mailwright.spf.SpfRequest;
import org.mailwright.spf.SpfResult;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.work.LatestJob;

/**
 * "Would a receiver accept mail from this server?": a server's address and a sender, evaluated
 * against the record being written (not the published one) as they are typed, with the result,
 * the term that decided it and every step of the evaluation.
 */
public final class AddressTest {

    private final Words words;
    private final LatestJob job;
    private final Supplier<SpfEvaluator> evaluator;
    private final ObservableValue<String> domain;
    private final ObservableValue<String> record;
    private final StringProperty ip = new SimpleStringProperty(this, "ip", "");
    private final StringProperty sender = new SimpleStringProperty(this, "sender", "");
    private final ReadOnlyObjectWrapper<Progress> progress = new ReadOnlyObjectWrapper<>(this, "progress", Progress.IDLE);
    private final ReadOnlyObjectWrapper<SpfEvaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final StringBinding problem;
    private final StringBinding headline;
    private final StringBinding matched;
    private final StringBinding explanation;
    private final StringBinding lookups;
    private final StringBinding trace;
    private final StringBinding answer;
    private final ObjectBinding<CheckState> state;
    private final StringBinding badgeWord;

    /**
     * @param domain the domain the record is for, or empty while there is none
     * @param record the record being written, or empty while an answer is not valid
     */
    AddressTest(Words words, LatestJob job, Supplier<SpfEvaluator> evaluator, ObservableValue<String> domain,
                ObservableValue<String> record) {
        this.words = Objects.requireNonNull(words, "words");
        this.job = Objects.requireNonNull(job, "job");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.record = Objects.requireNonNull(record, "record");
        ObservableValue<?> language = words.language();
        problem = Bindings.createStringBinding(this::problemText, ip, sender, domain, language);
        headline = Bindings.createStringBinding(this::headlineText, progress, evaluation, problem, ip, sender, language);
        matched = Bindings.createStringBinding(() -> shown().map(this::matchedText).orElse(""), progress, evaluation, language);
        explanation = Bindings.createStringBinding(() -> shown().filter(e -> !e.explanation().isEmpty())
                .map(e -> words.text("spf.test.explanation", e.explanation())).orElse(""), progress, evaluation, language);
        lookups = Bindings.createStringBinding(() -> shown().map(e -> words.text("spf.test.lookups", e.lookups(),
                SpfEvaluator.MAX_DNS_TERMS, e.voidLookups(), SpfEvaluator.MAX_VOID_LOOKUPS)).orElse(""), progress, evaluation, language);
        trace = Bindings.createStringBinding(() -> shown().map(this::traceText).orElse(""), progress, evaluation, language);
        answer = Bindings.createStringBinding(() -> shown().map(e -> words.text("spf.test.answer", ip.get().strip(),
                e.result().jsonName())).orElse(words.text("spf.test.answer.none")), progress, evaluation, language);
        state = Bindings.createObjectBinding(this::stateNow, progress, evaluation, problem, ip);
        badgeWord = Bindings.createStringBinding(() -> shown().map(done -> done.result().jsonName())
                .orElseGet(() -> words.text(state.get().textKey())), progress, evaluation, state, language);
        ip.addListener((observable, old, value) -> run());
        sender.addListener((observable, old, value) -> run());
        record.addListener((observable, old, value) -> run());
        domain.addListener((observable, old, value) -> {
            // The sender follows the domain until the user writes one of their own.
            if (sender.get().isBlank() || sender.get().equals(defaultSender(old))) {
                sender.set(defaultSender(value));
            }
        });
        sender.set(defaultSender(domain.getValue()));
    }

    /** The server's address, IPv4 or IPv6. */
    public StringProperty ipProperty() {
        return ip;
    }

    /** The sender (MAIL FROM) address, at the domain the record is for. */
    public StringProperty senderProperty() {
        return sender;
    }

    /** Evaluates again, for example after a cancellation or when the resolver changed. */
    public void run() {
        if (!problem.get().isEmpty() || ip.get().isBlank() || record.getValue() == null || record.getValue().isEmpty()) {
            job.abandon();
            evaluation.set(null);
            progress.set(Progress.IDLE);
            return;
        }
        SpfRequest request = SpfRequest.of(ip.get().strip(), sender.get().strip(), "");
        String draft = record.getValue();
        progress.set(Progress.RUNNING);
        job.start(words.text("spf.progress.test", request.client().getHostAddress(), domain.getValue()),
                () -> evaluator.get().evaluate(request, draft), (done, failed) -> {
                    if (failed == null) {
                        evaluation.set(done);
                        progress.set(Progress.DONE);
                    } else {
                        progress.set(Words.ended(failed));
                    }
                });
    }

    public ReadOnlyObjectProperty<Progress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The last evaluation; null before one ends. */
    public ReadOnlyObjectProperty<SpfEvaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** Why the address or the sender cannot be tested; empty when they can (or nothing is typed yet). */
    public StringBinding problemProperty() {
        return problem;
    }

    /** The result in one sentence, or what to type, or what is happening. */
    public StringBinding headlineProperty() {
        return headline;
    }

    /** The terms that decided the result, outermost first. */
    public StringBinding matchedProperty() {
        return matched;
    }

    /** For a fail, what the sender is told. */
    public StringBinding explanationProperty() {
        return explanation;
    }

    /** How many lookups the evaluation made. */
    public StringBinding lookupsProperty() {
        return lookups;
    }

    /** Every step of the evaluation, one a line, indented by include depth. */
    public StringBinding traceProperty() {
        return trace;
    }

    /** The test as the summary repeats it. */
    public StringBinding answerProperty() {
        return answer;
    }

    /** The result as a state: pass, fail as error, softfail as warning, the others as info or unknown. */
    public ObjectBinding<CheckState> stateProperty() {
        return state;
    }

    /** The word in the result's badge: the SPF result itself, as receivers write it (softfail, permerror...). */
    public StringBinding badgeWordProperty() {
        return badgeWord;
    }

    private Optional<SpfEvaluation> shown() {
        return progress.get() == Progress.DONE ? Optional.ofNullable(evaluation.get()) : Optional.empty();
    }

    /** Why the address or the sender cannot be tested: the sender must be at the domain whose draft is tested. */
    private String problemText() {
        String address = ip.get().strip();
        if (address.isEmpty()) {
            return "";
        }
        SpfRequest request;
        try {
            request = SpfRequest.of(address, sender.get(), "");
        } catch (ProblemException notAnAddress) {
            return notAnAddress.problem().text(words.locale());
        }
        String at = domain.getValue();
        if (at == null || at.isEmpty() || request.checks(DomainName.of(at))) {
            return "";
        }
        return words.text("spf.test.problem.sender", at);
    }

    private String headlineText() {
        if (!problem.get().isEmpty()) {
            return problem.get();
        }
        return switch (progress.get()) {
            case IDLE -> words.text("spf.test.empty");
            case RUNNING -> words.text("spf.test.running");
            case FAILED -> words.text("spf.test.failed");
            case CANCELLED -> words.text("spf.test.cancelled");
            case DONE -> words.text("spf.test.result." + evaluation.get().result().jsonName(),
                    ip.get().strip(), evaluation.get().request().sender());
        };
    }

    private String matchedText(SpfEvaluation done) {
        if (done.matched().isEmpty()) {
            return words.text("spf.test.noMatch");
        }
        return words.text("spf.test.matched", done.matched().stream().map(term -> term.term()).collect(Collectors.joining(" › ")));
    }

    private String traceText(SpfEvaluation done) {
        Locale locale = words.locale();
        return done.trace().stream().map(step -> "  ".repeat(step.depth()) + step.text(locale)).collect(Collectors.joining("\n"));
    }

    private CheckState stateNow() {
        if (!problem.get().isEmpty()) {
            return CheckState.ERROR;
        }
        if (progress.get() == Progress.RUNNING) {
            return CheckState.PENDING;
        }
        if (shown().isEmpty()) {
            return CheckState.UNKNOWN;
        }
        SpfResult result = evaluation.get().result();
        return switch (result) {
            case PASS -> CheckState.PASS;
            case FAIL, PERMERROR -> CheckState.ERROR;
            case SOFTFAIL -> CheckState.WARNING;
            case NEUTRAL, NONE -> CheckState.INFO;
            case TEMPERROR -> CheckState.UNKNOWN;
        };
    }

    private static String defaultSender(String domain) {
        return domain == null || domain.isEmpty() ? "" : "postmaster@" + domain;
    }
}
