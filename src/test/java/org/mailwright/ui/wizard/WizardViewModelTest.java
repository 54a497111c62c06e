package org.mailwright.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;
import org.mailwright.ui.wizard.WizardViewModel.Answer;
import org.mailwright.ui.wizard.WizardViewModel.StepState;
import org.mailwright.ui.wizard.WizardViewModel.StripStep;

class WizardViewModelTest {

    private final StringProperty domain = new SimpleStringProperty("");
    private final StringProperty policy = new SimpleStringProperty("none");
    private final WizardStep domainStep = new WizardStep("Domain", "Which domain?", "The record is published there.",
            Bindings.createStringBinding(() -> domain.get().contains(".") ? "" : "Enter a domain with a dot.", domain), domain);
    private final WizardStep policyStep = new WizardStep("Policy", "What should receivers do?", "Start by watching.",
            WizardStep.noProblem(), policy);
    private final AtomicInteger finishes = new AtomicInteger();
    private final WizardViewModel wizard = new WizardViewModel(List.of(domainStep, policyStep),
            Bindings.concat("v=DMARC1; p=", policy), finishes::incrementAndGet);

    @Test
    void startsOnTheFirstQuestionWithNextBlockedUntilItIsAnswered() {
        assertEquals(0, wizard.indexProperty().get());
        assertSame(domainStep, wizard.currentStepProperty().get());
        assertFalse(wizard.canGoBackProperty().get());
        assertFalse(wizard.canGoNextProperty().get());
        assertEquals("Enter a domain with a dot.", wizard.currentProblemProperty().get());

        wizard.next();
        assertEquals(0, wizard.indexProperty().get(), "Next does nothing while the answer is not valid");

        domain.set("example.com");
        assertTrue(wizard.canGoNextProperty().get());
        assertEquals("", wizard.currentProblemProperty().get());
    }

    @Test
    void walksToTheSummaryAndBack() {
        domain.set("example.com");
        wizard.next();
        assertSame(policyStep, wizard.currentStepProperty().get());
        assertTrue(wizard.canGoBackProperty().get());

        wizard.next();
        assertTrue(wizard.onSummaryProperty().get());
        assertNull(wizard.currentStepProperty().get());
        assertEquals(3, wizard.stepCount());

        wizard.back();
        wizard.back();
        assertEquals(0, wizard.indexProperty().get());
        wizard.back();
        assertEquals(0, wizard.indexProperty().get(), "there is nothing before the first step");
    }

    @Test
    void aStepMadeInvalidAgainBlocksNext() {
        domain.set("example.com");
        assertTrue(wizard.canGoNextProperty().get());

        domain.set("example");

        assertFalse(wizard.canGoNextProperty().get());
    }

    @Test
    void theStripMarksDoneCurrentAndToDo() {
        domain.set("example.com");
        wizard.next();

        assertEquals(StepState.DONE, wizard.stateOf(0));
        assertEquals(StepState.CURRENT, wizard.stateOf(1));
        assertEquals(StepState.TODO, wizard.stateOf(2));
    }

    @Test
    void theSummaryListsEveryAnswerAsItIsNow() {
        domain.set("example.com");
        policy.set("quarantine");

        assertEquals(List.of(new Answer("Domain", "example.com"), new Answer("Policy", "quarantine")), wizard.summary());
        assertEquals("v=DMARC1; p=quarantine", wizard.liveResult().getValue());
    }

    @Test
    void nextOnTheSummaryFinishesOnce() {
        domain.set("example.com");
        wizard.next();
        wizard.next();

        wizard.next();
        wizard.next();

        assertTrue(wizard.finishedProperty().get());
        assertEquals(1, finishes.get());
        assertFalse(wizard.canGoBackProperty().get());
        assertEquals(StepState.DONE, wizard.stateOf(2));
    }

    @Test
    void goToOnlyReturnsToStepsAlreadyAnswered() {
        domain.set("example.com");
        wizard.goTo(1);
        assertEquals(0, wizard.indexProperty().get());

        wizard.next();
        wizard.next();
        wizard.goTo(0);
        assertEquals(0, wizard.indexProperty().get());
    }

    @Test
    void theStripReachesBackAndForwardAsFarAsTheUserHadGoneThroughValidAnswers() {
        assertEquals(List.of(new StripStep(StepState.CURRENT, false), new StripStep(StepState.TODO, false),
                new StripStep(StepState.TODO, false)), wizard.stripProperty().get(), "nothing reached yet");
        domain.set("example.com");
        wizard.next();
        wizard.next();
        assertEquals(List.of(true, true, false), reachable(wizard));

        wizard.goTo(0);

        assertEquals(0, wizard.indexProperty().get());
        assertEquals(List.of(new StripStep(StepState.CURRENT, false), new StripStep(StepState.TODO, true),
                new StripStep(StepState.TODO, true)), wizard.stripProperty().get(), "the summary was reached: it can be chosen again");
        domain.set("example");
        assertEquals(List.of(false, false, false), reachable(wizard), "not past an answer that is no longer valid");
        wizard.goTo(2);
        assertEquals(0, wizard.indexProperty().get());

        domain.set("example.org");
        wizard.goTo(2);
        assertTrue(wizard.onSummaryProperty().get());
    }

    @Test
    void restartForgetsTheStepsReached() {
        domain.set("example.com");
        wizard.next();
        wizard.next();

        wizard.restart();

        assertEquals(0, wizard.indexProperty().get());
        assertEquals(List.of(false, false, false), reachable(wizard));
        wizard.goTo(2);
        assertEquals(0, wizard.indexProperty().get());
    }

    @Test
    void aWizardFinishedOnItsSummaryOffersNoStep() {
        domain.set("example.com");
        wizard.next();
        wizard.next();
        wizard.next();

        assertEquals(List.of(false, false, false), reachable(wizard));
        wizard.goTo(0);
        assertTrue(wizard.finishedProperty().get());
    }

    @Test
    void fromTheClosingStepEveryEarlierStepReopensTheWizardButTheClosingStepNeedsFinish() {
        WizardStep publish = new WizardStep("Publish", "Publish it", "Nothing is done until DNS shows it.",
                WizardStep.noProblem(), new SimpleStringProperty(""));
        WizardViewModel closing = new WizardViewModel(List.of(domainStep, policyStep), null, null, publish, finishes::incrementAndGet);
        domain.set("example.com");
        closing.next();
        closing.next();
        assertEquals(List.of(true, true, false, false), reachable(closing), "the closing step is reached through Finish only");
        closing.next();
        assertEquals(List.of(true, true, true, false), reachable(closing));

        closing.goTo(1);

        assertSame(policyStep, closing.currentStepProperty().get());
        assertFalse(closing.finishedProperty().get());
        assertEquals(1, finishes.get());
    }

    private static List<Boolean> reachable(WizardViewModel model) {
        return model.stripProperty().get().stream().map(StripStep::reachable).toList();
    }

    @Test
    void anInactiveStepIsPassedOverBothWaysAndLeftOutOfTheSummary() {
        BooleanProperty needed = new SimpleBooleanProperty(true);
        StringProperty includes = new SimpleStringProperty("include:_spf.example.net");
        WizardStep includesStep = new WizardStep(new SimpleStringProperty("Services"), new SimpleStringProperty("Which services?"),
                new SimpleStringProperty("Each costs lookups."), WizardStep.noProblem(), includes, needed);
        WizardViewModel skipping = new WizardViewModel(List.of(domainStep, includesStep, policyStep), null, () -> { });
        domain.set("example.com");

        needed.set(false);
        skipping.next();

        assertSame(policyStep, skipping.currentStepProperty().get());
        assertEquals(StepState.SKIPPED, skipping.stateOf(1));
        assertEquals(List.of(new Answer("Domain", "example.com"), new Answer("Policy", "none")), skipping.summary());
        skipping.back();
        assertSame(domainStep, skipping.currentStepProperty().get());
        skipping.goTo(1);
        assertSame(domainStep, skipping.currentStepProperty().get(), "a skipped step cannot be jumped to");

        needed.set(true);
        skipping.next();
        assertSame(includesStep, skipping.currentStepProperty().get());
    }

    @Test
    void aClosingStepFollowsFinishAndBackReopensTheWizard() {
        StringProperty checkProblem = new SimpleStringProperty("");
        WizardStep publish = new WizardStep("Publish", "Publish it, then check it", "Nothing is done until DNS shows it.",
                checkProblem, new SimpleStringProperty(""));
        WizardViewModel closing = new WizardViewModel(List.of(domainStep), Bindings.concat("v=spf1 ", domain),
                Bindings.concat(domain, ". 3600 IN TXT \"v=spf1\""), publish, finishes::incrementAndGet);
        domain.set("example.com");
        closing.next();
        assertEquals(3, closing.stepCount());

        closing.next();

        assertEquals(1, finishes.get());
        assertSame(publish, closing.currentStepProperty().get());
        assertTrue(closing.onClosingStepProperty().get());
        assertTrue(closing.finishedProperty().get());
        assertEquals(StepState.DONE, closing.stateOf(1));
        assertEquals(StepState.CURRENT, closing.stateOf(2));
        assertFalse(closing.canGoNextProperty().get());
        assertEquals("example.com. 3600 IN TXT \"v=spf1\"", closing.liveZoneLine().getValue());

        closing.back();

        assertTrue(closing.onSummaryProperty().get());
        assertFalse(closing.finishedProperty().get());
        assertTrue(closing.canGoNextProperty().get());
    }

    @Test
    void showGoesForwardOnlyThroughValidAnswers() {
        wizard.show(2);
        assertEquals(0, wizard.indexProperty().get(), "the first answer is not valid yet");

        domain.set("example.com");
        wizard.show(2);
        assertTrue(wizard.onSummaryProperty().get());

        wizard.show(1);
        assertSame(policyStep, wizard.currentStepProperty().get());
    }

    @Test
    void aWizardWithoutQuestionsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WizardViewModel(List.of(), null, () -> { }));
    }
}
