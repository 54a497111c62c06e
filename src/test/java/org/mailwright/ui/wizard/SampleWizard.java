package org.mailwright.ui.wizard;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** A small wizard of two questions, as the DKIM wizard will ask them, to drive the framework in tests. */
final class SampleWizard {

    final TextField domain = new TextField();
    final TextField selector = new TextField("s1");
    final AtomicInteger finished = new AtomicInteger();
    final WizardStep domainStep;
    final WizardStep selectorStep;
    final WizardViewModel model;

    SampleWizard() {
        domain.setId("sample-domain");
        selector.setId("sample-selector");
        StringBinding domainProblem = Bindings.createStringBinding(() -> {
            String text = domain.getText().strip();
            if (text.isEmpty()) {
                return "Enter the domain that signs its mail.";
            }
            return text.contains(".") ? "" : "A domain has a dot, as in example.com.";
        }, domain.textProperty());
        StringBinding selectorProblem = Bindings.createStringBinding(
                () -> selector.getText().matches("[a-z0-9-]+") ? "" : "Use lower-case letters, digits and hyphens.",
                selector.textProperty());
        domainStep = new WizardStep("Domain", "Which domain signs its mail?",
                "The key is published under this domain.", domainProblem, domain.textProperty());
        selectorStep = new WizardStep("Selector", "What should this key be called?",
                "The selector lets you publish a new key before retiring the old one.", selectorProblem, selector.textProperty());
        StringBinding record = Bindings.createStringBinding(
                () -> domainProblem.get().isEmpty() ? selector.getText() + "._domainkey." + domain.getText().strip()
                        + " TXT \"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"" : "",
                domain.textProperty(), selector.textProperty(), domainProblem);
        model = new WizardViewModel(List.of(domainStep, selectorStep), record, finished::incrementAndGet);
    }

    Map<WizardStep, WizardView.StepContent> contents() {
        return Map.of(
                domainStep, new WizardView.StepContent(new VBox(domain), domain),
                selectorStep, new WizardView.StepContent(new VBox(selector), selector));
    }
}
