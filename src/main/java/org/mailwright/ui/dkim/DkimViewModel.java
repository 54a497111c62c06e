package org.mailwright.ui.dkim;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.work.BackgroundJobs;

/** The DKIM page: the key wizard, and the tool that verifies a message's signatures. */
public final class DkimViewModel {

    /** What the page shows. */
    public enum Mode {
        KEY,
        VERIFY
    }

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.KEY);
    private final DkimWizardViewModel wizard;
    private final MessageCheckViewModel messageCheck;

    /** @param propagation shows the Propagation page watching the records it is given */
    public DkimViewModel(AppContext context, Consumer<List<ExpectedRecord>> propagation) {
        this(context, context.work(), propagation, Clock.systemDefaultZone());
    }

    /** @param jobs runs the page's key, file and DNS work: the window's background work, or the caller's thread in tests */
    DkimViewModel(AppContext context, BackgroundJobs jobs, Consumer<List<ExpectedRecord>> propagation, Clock clock) {
        Objects.requireNonNull(context, "context");
        wizard = new DkimWizardViewModel(context, jobs, propagation, clock);
        messageCheck = new MessageCheckViewModel(context, jobs);
    }

    /** The key wizard or the message checker; kept while the window lives. */
    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public DkimWizardViewModel wizard() {
        return wizard;
    }

    public MessageCheckViewModel messageCheck() {
        return messageCheck;
    }
}
