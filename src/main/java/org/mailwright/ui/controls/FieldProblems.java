package org.mailwright.ui.controls;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import net.synedra.validatorfx.Check;
import net.synedra.validatorfx.Decoration;
import net.synedra.validatorfx.Validator;

/**
 * Connects a view model's "why this is not valid" text to ValidatorFX, which marks the field
 * that holds the answer. The view model decides; ValidatorFX only shows.
 */
public final class FieldProblems {

    private static final String PROBLEM = "problem";

    /**
     * The field itself in the theme's danger state (its border in the danger colour, in light and
     * dark). ValidatorFX's default decoration pins an unthemed picture over the field instead,
     * through a layer it puts around the scene's root, and content put in place of that layer (a
     * language switch rebuilds the window) lost the theme's looked-up colours. Every field marked
     * here has its problem said in words beside it.
     */
    private static final Decoration DANGER_STATE = new Decoration() {
        @Override
        public void add(Node target) {
            target.pseudoClassStateChanged(Styles.STATE_DANGER, true);
        }

        @Override
        public void remove(Node target) {
            target.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        }
    };

    private FieldProblems() {
    }

    /**
     * Marks {@code field} with an error while {@code problem} is not empty, and clears the mark
     * when it is.
     */
    public static Check mark(Validator validator, Node field, ObservableValue<String> problem) {
        return validator.createCheck()
                .dependsOn(PROBLEM, problem)
                .withMethod(context -> {
                    String text = context.get(PROBLEM);
                    if (text != null && !text.isBlank()) {
                        context.error(text);
                    }
                })
                .decorates(field)
                .decoratingWith(message -> DANGER_STATE)
                .immediate();
    }
}
