package org.mailwright.ui.shell;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.mailwright.Version;
import org.mailwright.dmarc.PlanStore;
import org.mailwright.propagation.ExpectedRecord;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.Texts;
import org.mailwright.ui.check.FixWizard;
import org.mailwright.ui.check.HealthCheckViewModel;
import org.mailwright.ui.check.WizardRequest;
import org.mailwright.ui.dmarc.DmarcViewModel;
import org.mailwright.ui.dmarc.PlanReminders;
import org.mailwright.ui.dkim.DkimViewModel;
import org.mailwright.ui.domain.DomainViewModel;
import org.mailwright.ui.reports.ReportsViewModel;
import org.mailwright.ui.propagation.PropagationViewModel;
import org.mailwright.ui.settings.SettingsViewModel;
import org.mailwright.ui.spf.SpfViewModel;

/**
 * The window's state: which page is shown (remembered between runs), the pages' own view models
 * (kept while the window lives, so a language switch that rebuilds the views loses nothing), and
 * what the status bar says.
 */
public final class ShellViewModel {

    /** What a progress indicator reads as "cannot tell how far". */
    static final double INDETERMINATE = -1;

    private final AppContext context;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page");
    private final ReadOnlyObjectWrapper<List<ExpectedRecord>> propagationRequest =
            new ReadOnlyObjectWrapper<>(this, "propagationRequest", List.of());
    private final DomainViewModel domain;
    private final HealthCheckViewModel health;
    private final SettingsViewModel settings;
    private SpfViewModel spf;
    private final PlanStore plans;
    private final PlanReminders planReminders;
    private DmarcViewModel dmarc;
    private final DkimViewModel dkim;
    private final PropagationViewModel propagation;
    private final ReportsViewModel reports;
    private final StringBinding workMessage;
    private final DoubleBinding progress;
    private final StringBinding resolverText;

    public ShellViewModel(AppContext context) {
        this.context = Objects.requireNonNull(context, "context");
        var remembered = context.settings().lastPageProperty();
        page.set(Page.byId(remembered.get()).orElse(Page.DOMAIN));
        page.addListener((observable, old, shown) -> remembered.set(shown.id()));

        health = new HealthCheckViewModel(context, this::openWizard);
        domain = new DomainViewModel(context, health, () -> page.set(Page.HEALTH));
        settings = new SettingsViewModel(context.settings(), context::bundle);
        plans = PlanStore.in(context.dataFolder());
        planReminders = new PlanReminders(context, plans, Clock.systemDefaultZone());
        dkim = new DkimViewModel(context, this::openPropagation);
        propagation = new PropagationViewModel(context);
        propagationRequest.addListener((observable, old, records) -> propagation.watch(records));
        reports = new ReportsViewModel(context, this::openWizard);
        var language = context.settings().languageProperty();
        var work = context.work();
        workMessage = Bindings.createStringBinding(
                () -> work.busyProperty().get() ? work.messageProperty().get() : Texts.format(context.bundle(), "status.ready"),
                work.busyProperty(), work.messageProperty(), language);
        progress = Bindings.createDoubleBinding(
                () -> work.progressProperty().get() > 0 ? work.progressProperty().get() : INDETERMINATE,
                work.progressProperty());
        var stored = context.settings();
        resolverText = Bindings.createStringBinding(() -> {
            ResourceBundle words = context.bundle();
            return Texts.format(words, "status.resolver", context.describeResolver(words))
                    + " · " + Texts.format(words, "status.timeout", stored.timeoutProperty().get().toMillis());
        }, language, stored.resolverChoiceProperty(), stored.customResolverProperty(), stored.timeoutProperty());
    }

    public List<Page> pages() {
        return List.of(Page.values());
    }

    /** The page shown. */
    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    /** Shows the page of shortcut {@code number} (Ctrl+1 is the first); other numbers do nothing. */
    public void showShortcut(int number) {
        Page.byShortcut(number).ifPresent(page::set);
    }

    /**
     * Shows the Propagation page watching {@code records}: how every wizard's last step hands
     * over what it wrote. Wizards receive this as a {@code Consumer<List<ExpectedRecord>>}.
     */
    public void openPropagation(List<ExpectedRecord> records) {
        propagationRequest.set(List.copyOf(records));
        page.set(Page.PROPAGATION);
    }

    /** The records the Propagation page was last asked to watch; empty until a wizard hands some over. */
    public ReadOnlyObjectProperty<List<ExpectedRecord>> propagationRequestProperty() {
        return propagationRequest.getReadOnlyProperty();
    }

    /**
     * Shows the page of {@code wizard}, as the Health check page's fix buttons ask: the wizard then
     * works on the domain every page follows, unless it holds unsaved answers for another one
     * (it says so, and offers to switch).
     */
    public void openWizard(FixWizard wizard) {
        openWizard(new WizardRequest(wizard, Optional.empty()));
    }

    /**
     * Shows the page of the request's wizard, as {@link #openWizard(FixWizard)} does, once the
     * wizard has what the request adds to its record: the SPF wizard adds the include when it has
     * drafted the record of the domain every page follows.
     */
    public void openWizard(WizardRequest request) {
        request.spfInclude().ifPresent(include -> spf().addInclude(context.settings().lastDomainProperty().get(), include));
        page.set(switch (request.wizard()) {
            case SPF -> Page.SPF;
            case DKIM -> Page.DKIM;
            case DMARC -> Page.DMARC;
        });
    }

    public DomainViewModel domain() {
        return domain;
    }

    /** The Health check page, whose scorecard the Domain page shows too. */
    public HealthCheckViewModel health() {
        return health;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    /** The SPF wizard, made when its page is first shown (it starts reading the domain at once). */
    public SpfViewModel spf() {
        if (spf == null) {
            spf = new SpfViewModel(context, this::openPropagation);
        }
        return spf;
    }

    /** The DMARC wizard, made when its page is first shown (it starts reading the domain at once). */
    public DmarcViewModel dmarc() {
        if (dmarc == null) {
            dmarc = new DmarcViewModel(context, plans, new DmarcViewModel.Exits(() -> page.set(Page.SPF),
                    () -> page.set(Page.DKIM), this::openPropagation, planReminders::refresh));
        }
        return dmarc;
    }

    /** The saved DMARC plans whose next stage is due: read at start, shown in the status bar. */
    public PlanReminders planReminders() {
        return planReminders;
    }

    /** Shows the DMARC page on the first domain whose next stage is due, as the status bar's hint offers. */
    public void openDueStage() {
        String due = planReminders.firstDueDomain();
        if (!due.isEmpty()) {
            dmarc().domainProperty().set(due);
            dmarc().commitDomain();
        }
        page.set(Page.DMARC);
    }

    /** The DKIM page: the key wizard and the message checker. */
    public DkimViewModel dkim() {
        return dkim;
    }

    public PropagationViewModel propagation() {
        return propagation;
    }

    /** The Reports page: the report archive imported into and summed up. */
    public ReportsViewModel reports() {
        return reports;
    }

    /** True while background work runs. */
    public BooleanBinding busyProperty() {
        return context.work().busyProperty();
    }

    /** How far the newest background task is, from 0 to 1; -1 while it cannot tell (the spinner then spins). */
    public DoubleBinding progressProperty() {
        return progress;
    }

    /** What the background work is doing, or that the window is ready. */
    public StringBinding workMessageProperty() {
        return workMessage;
    }

    /** The resolver in use and its timeout. */
    public StringBinding resolverTextProperty() {
        return resolverText;
    }

    /** Cancels all background work (Escape). */
    public void cancelWork() {
        context.work().cancelAll();
    }

    /** The version of this build, for the navigation's footer. */
    public String version() {
        return Version.current().orElse("");
    }
}
