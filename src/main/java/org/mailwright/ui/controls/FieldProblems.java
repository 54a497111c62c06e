package org.mailwright.ui.controls;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import net.synedra.validatorfx.Check;
import net.synedra.validatorfx.Validator;

/**
 * Connects a view model's "why this is not valid" text to ValidatorFX, which marks the field
 * that holds the answer. The view model decides; ValidatorFX only shows.
 */
public final class FieldProblems {

    private static final String PROBLEM = "problem";

    private FieldProblems() {
    }

    /**
     * Marks {@code field} with an error while {@code problem} is not empty, and clears the mark
     * when it is.
     */
    public static Check mark(Validator validator, Node field, ObservableValue<String> problem) {
        Check check = validator.createCheck()
                .dependsOn(PROBLEM, problem)
                .withMethod(context -> {
                    String text = context.get(PROBLEM);
                    if (text != null && !text.isBlank()) {
                        context.error(text);
                    }
                })
                .decorates(field)
                .immediate();
        return check;
    }
}
