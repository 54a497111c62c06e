package org.mailwright.ui.check;

import java.util.Objects;
import java.util.Optional;

/**
 * A wizard to open on the domain every page follows, and what it adds to its record before the
 * user answers anything: how a suggestion that knows its fix hands it over.
 *
 * @param spfInclude for the SPF wizard, the include its record gets (as in {@code _spf.google.com});
 *     empty to start from the record as the domain publishes it
 */
public record WizardRequest(FixWizard wizard, Optional<String> spfInclude) {

    public WizardRequest {
        Objects.requireNonNull(wizard, "wizard");
        Objects.requireNonNull(spfInclude, "spfInclude");
    }

    /** The SPF wizard, its record including {@code include}. */
    public static WizardRequest spfIncluding(String include) {
        return new WizardRequest(FixWizard.SPF, Optional.of(include));
    }
}
