package org.mailwright.ui.spf;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import net.synedra.validatorfx.Validator;
import org.mailwright.ui.ViewLifetime;
import org.mailwright.findings.Finding;
import org.mailwright.spf.Ending;
import org.mailwright.spf.SpfProvider;
import org.mailwright.ui.Fxml;
import org.mailwright.ui.Texts;
import org.mailwright.ui.controls.CheckState;
import org.mailwright.ui.controls.FieldProblems;
import org.mailwright.ui.controls.FindingCard;
import org.mailwright.ui.controls.RecordBox;
import org.mailwright.ui.controls.StateBadge;
import org.mailwright.ui.publish.PublishPane;
import org.mailwright.ui.wizard.WizardStep;
import org.mailwright.ui.wizard.WizardView;

/** Shows a {@link SpfViewModel}: the wizard's step contents and the details under its live result. Only wiring. */
public final class SpfView {

    private final SpfViewModel model;
    private final ResourceBundle bundle;
    private final ViewLifetime lifetime;
    private final Validator validator = new Validator();

    @FXML
    private StackPane root;
    @FXML
    private ToggleGroup startGroup;
    @FXML
    private ToggleGroup endingGroup;
    @FXML
    private HBox stillWorkingBox;
    @FXML
    private Label stillWorkingLabel;
    @FXML
    private Button switchDomainButton;
    @FXML
    private VBox domainStep;
    @FXML
    private TextField domainField;
    @FXML
    private Button readAgainButton;
    @FXML
    private VBox publishedCard;
    @FXML
    private HBox publishedHead;
    @FXML
    private Label publishedHeadline;
    @FXML
    private VBox publishedRecordHost;
    @FXML
    private VBox publishedFindingsBox;
    @FXML
    private VBox startBox;
    @FXML
    private VBox startPublishedOption;
    @FXML
    private RadioButton startPublished;
    @FXML
    private RadioButton startNew;
    @FXML
    private RadioButton startNoMail;
    @FXML
    private VBox serversStep;
    @FXML
    private CheckBox mxBox;
    @FXML
    private Label mailHostsLabel;
    @FXML
    private CheckBox aBox;
    @FXML
    private Label ownAddressesLabel;
    @FXML
    private TextArea addressesArea;
    @FXML
    private Hyperlink listAddressesLink;
    @FXML
    private VBox keptBox;
    @FXML
    private TextField keptField;
    @FXML
    private Label reorderNote;
    @FXML
    private VBox servicesStep;
    @FXML
    private GridPane providerGrid;
    @FXML
    private TextArea customArea;
    @FXML
    private Button flattenButton;
    @FXML
    private Button undoFlattenButton;
    @FXML
    private Label flattenMessage;
    @FXML
    private VBox endingStep;
    @FXML
    private RadioButton endFail;
    @FXML
    private RadioButton endSoftfail;
    @FXML
    private RadioButton endNeutral;
    @FXML
    private RadioButton endPass;
    @FXML
    private RadioButton endRedirect;
    @FXML
    private VBox redirectOption;
    @FXML
    private VBox testStep;
    @FXML
    private TextField ipField;
    @FXML
    private TextField senderField;
    @FXML
    private VBox testCard;
    @FXML
    private HBox testHead;
    @FXML
    private Label testHeadline;
    @FXML
    private Label testMatched;
    @FXML
    private Label testExplanation;
    @FXML
    private Label testLookups;
    @FXML
    private TitledPane tracePane;
    @FXML
    private Label testTrace;
    @FXML
    private VBox publishStep;
    @FXML
    private Label publishHow;
    @FXML
    private Button verifyButton;
    @FXML
    private Button watchButton;
    @FXML
    private VBox verifyCard;
    @FXML
    private HBox verifyHead;
    @FXML
    private Label verifyHeadline;
    @FXML
    private Label verifyDetail;
    @FXML
    private VBox verifyPublishedHost;
    @FXML
    private VBox verifyFindingsBox;
    @FXML
    private VBox resultDetails;
    @FXML
    private HBox lookupsHead;
    @FXML
    private Label lookupsSummary;
    @FXML
    private Hyperlink treeToggle;
    @FXML
    private Hyperlink checkAgainLink;
    @FXML
    private Label lookupTree;
    @FXML
    private VBox findingsBox;

    private SpfView(SpfViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.model = Objects.requireNonNull(model, "model");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /** The page; it listens to {@code model} for as long as {@code lifetime} lasts. */
    public static Parent load(SpfViewModel model, ResourceBundle bundle, ViewLifetime lifetime) {
        return Fxml.load("Spf.fxml", bundle, new SpfView(model, bundle, lifetime));
    }

    @FXML
    private void initialize() {
        wireDomainStep();
        wireServersStep();
        wireServicesStep();
        wireEndingStep();
        wireTestStep();
        wirePublishStep();
        wireResultDetails();

        List<WizardStep> steps = model.wizard().steps();
        Map<WizardStep, WizardView.StepContent> contents = Map.of(
                steps.get(0), new WizardView.StepContent(domainStep, domainField),
                steps.get(1), WizardView.StepContent.focusing(serversStep, mxBox),
                steps.get(2), WizardView.StepContent.focusing(servicesStep, ((VBox) providerGrid.getChildren().get(0)).getChildren().get(0)),
                steps.get(3), WizardView.StepContent.focusing(endingStep, selectedEnding()),
                steps.get(4), new WizardView.StepContent(testStep, ipField),
                model.wizard().closingStep(), new WizardView.StepContent(publishStep, verifyButton));
        Parent wizard = WizardView.load(model.wizard(), contents, bundle, resultDetails, lifetime);
        wizard.setId("spf-wizard");
        VBox.setVgrow(wizard, Priority.ALWAYS);
        VBox page = new VBox(stillWorkingBox, wizard);
        page.getStyleClass().add("spf-wizard-page");
        root.getChildren().setAll(page);
    }

    private void wireDomainStep() {
        stillWorkingLabel.textProperty().bind(model.stillWorkingNoticeProperty());
        switchDomainButton.textProperty().bind(model.switchDomainLabelProperty());
        showWhen(stillWorkingBox, model.pendingDomainProperty().isNotEmpty());
        domainField.textProperty().bindBidirectional(model.domainProperty());
        readAgainButton.disableProperty().bind(model.domainNameProperty().isEmpty()
                .or(model.readingProperty().isEqualTo(Progress.RUNNING)));
        showWhen(publishedCard, model.readingProperty().isNotEqualTo(Progress.IDLE));
        badge(publishedHead, model.publishedStateProperty(), null);
        publishedHeadline.textProperty().bind(model.publishedHeadlineProperty());
        Runnable showPublished = () -> records(publishedRecordHost, "spf-published", model.publishedRecords());
        onChange(model.factsProperty(), showPublished);
        showPublished.run();
        findings(publishedFindingsBox, model.publishedFindings());

        showWhen(startPublishedOption, model.canEditPublishedProperty());
        // Nothing to start from until what the domain publishes is known.
        startBox.disableProperty().bind(model.readableProperty().not());
        startPublished.setUserData(SpfViewModel.Start.PUBLISHED);
        startNew.setUserData(SpfViewModel.Start.NEW);
        startNoMail.setUserData(SpfViewModel.Start.NO_MAIL);
        choose(startGroup, model.startProperty());
    }

    private void wireServersStep() {
        mxBox.selectedProperty().bindBidirectional(model.mxProperty());
        aBox.selectedProperty().bindBidirectional(model.aProperty());
        mailHostsLabel.textProperty().bind(model.mailHostsTextProperty());
        ownAddressesLabel.textProperty().bind(model.ownAddressesTextProperty());
        addressesArea.textProperty().bindBidirectional(model.addressesProperty());
        showWhen(listAddressesLink, model.canListMailHostAddressesProperty());
        keptField.textProperty().bindBidirectional(model.keptTermsProperty());
        showWhen(keptBox, model.showKeptTermsProperty());
        reorderNote.textProperty().bind(model.reorderNoteProperty());
        showWhen(reorderNote, model.reorderNoteProperty().isNotEmpty());
        // The step has several fields: each is marked with its own problem.
        FieldProblems.mark(validator, addressesArea, model.addressesProblemProperty());
        FieldProblems.mark(validator, keptField, model.keptProblemProperty());
    }

    private void wireServicesStep() {
        SpfProvider[] providers = SpfProvider.values();
        for (int i = 0; i < providers.length; i++) {
            SpfProvider provider = providers[i];
            CheckBox box = new CheckBox(provider.displayName());
            box.setId("provider-" + provider.name().toLowerCase(Locale.ROOT));
            box.setWrapText(true);
            box.selectedProperty().bindBidirectional(model.providerProperty(provider));
            Label include = new Label();
            include.textProperty().bind(Bindings.createStringBinding(() -> {
                Integer cost = model.check().includeCosts().get(provider.include());
                return cost == null ? provider.include() : Texts.format(bundle, "spf.services.cost", provider.include(), cost);
            }, model.check().includeCosts()));
            include.getStyleClass().add("spf-include");
            include.setWrapText(true);
            VBox choice = new VBox(box, include);
            choice.getStyleClass().add("spf-option");
            providerGrid.add(choice, i % 2, i / 2);
        }
        customArea.textProperty().bindBidirectional(model.customIncludesProperty());
        flattenButton.disableProperty().bind(model.canFlattenProperty().not());
        showWhen(undoFlattenButton, model.flatteningProperty().isNotNull());
        flattenMessage.textProperty().bind(model.flatteningMessageProperty());
        hideWhenEmpty(flattenMessage);
        FieldProblems.mark(validator, customArea, model.servicesProblemProperty());
    }

    private void wireEndingStep() {
        endFail.setUserData(Ending.FAIL);
        endSoftfail.setUserData(Ending.SOFTFAIL);
        endNeutral.setUserData(Ending.NEUTRAL);
        endPass.setUserData(Ending.PASS);
        endRedirect.setUserData(Ending.REDIRECT);
        choose(endingGroup, model.endingProperty());
        showWhen(redirectOption, model.redirectAvailableProperty());
    }

    private void wireTestStep() {
        AddressTest test = model.test();
        ipField.textProperty().bindBidirectional(test.ipProperty());
        senderField.textProperty().bindBidirectional(test.senderProperty());
        // The badge says the SPF result itself (softfail, permerror...), as receivers write it.
        StackPane badge = badge(testHead, test.stateProperty(), test.badgeWordProperty());
        showWhen(badge, test.progressProperty().isEqualTo(Progress.DONE).or(test.progressProperty().isEqualTo(Progress.RUNNING)));
        testHeadline.textProperty().bind(test.headlineProperty());
        for (var pair : List.of(
                Map.entry(testMatched, test.matchedProperty()),
                Map.entry(testExplanation, test.explanationProperty()),
                Map.entry(testLookups, test.lookupsProperty()))) {
            pair.getKey().textProperty().bind(pair.getValue());
            hideWhenEmpty(pair.getKey());
        }
        // The titled pane shows and hides its content itself.
        testTrace.textProperty().bind(test.traceProperty());
        showWhen(tracePane, test.traceProperty().isNotEmpty());
    }

    private void wirePublishStep() {
        PublishCheck publish = model.publish();
        publishHow.textProperty().bind(model.publishHowProperty());
        verifyButton.disableProperty().bind(publish.progressProperty().isEqualTo(Progress.RUNNING)
                .or(model.recordProperty().isEmpty()));
        watchButton.disableProperty().bind(model.recordProperty().isEmpty());
        showWhen(verifyCard, publish.progressProperty().isNotEqualTo(Progress.IDLE));
        badge(verifyHead, publish.stateProperty(), null);
        verifyHeadline.textProperty().bind(publish.headlineProperty());
        verifyDetail.textProperty().bind(publish.detailProperty());
        hideWhenEmpty(verifyDetail);
        Runnable showPublished = () -> records(verifyPublishedHost, "spf-published-now", publish.publishedProperty().get());
        onChange(publish.publishedProperty(), showPublished);
        showPublished.run();
        findings(verifyFindingsBox, publish.findings());
        publishStep.getChildren().add(PublishPane.load(model.publication(), bundle, lifetime));
    }

    private void wireResultDetails() {
        DraftCheck check = model.check();
        badge(lookupsHead, check.stateProperty(), null);
        lookupsSummary.textProperty().bind(check.summaryProperty());
        showWhen(lookupsHead, check.progressProperty().isNotEqualTo(Progress.IDLE));
        lookupTree.textProperty().bind(check.treeProperty());
        lookupTree.setVisible(false);
        lookupTree.setManaged(false);
        treeToggle.setText(Texts.format(bundle, "spf.lookups.tree.show"));
        showWhen(treeToggle, check.treeProperty().isNotEmpty());
        showWhen(checkAgainLink, check.progressProperty().isEqualTo(Progress.CANCELLED)
                .or(check.progressProperty().isEqualTo(Progress.FAILED)));
        findings(findingsBox, check.findings());
    }

    @FXML
    private void switchDomain() {
        model.switchToPendingDomain();
    }

    @FXML
    private void readAgain() {
        model.readAgain();
    }

    @FXML
    private void listMailHostAddresses() {
        model.listMailHostAddresses();
    }

    @FXML
    private void flatten() {
        model.flatten();
    }

    @FXML
    private void undoFlattening() {
        model.undoFlattening();
    }

    @FXML
    private void watchPropagation() {
        model.watchPropagation();
    }

    @FXML
    private void verify() {
        model.verify();
    }

    @FXML
    private void checkAgain() {
        model.check().checkAgain();
    }

    @FXML
    private void toggleTree() {
        boolean shown = !lookupTree.isVisible();
        lookupTree.visibleProperty().unbind();
        lookupTree.setVisible(shown);
        lookupTree.setManaged(shown);
        treeToggle.setText(Texts.format(bundle, shown ? "spf.lookups.tree.hide" : "spf.lookups.tree.show"));
    }

    private Node selectedEnding() {
        Toggle selected = endingGroup.getSelectedToggle();
        return selected instanceof Node node ? node : endFail;
    }

    /**
     * Keeps a toggle group and a model property in step, both ways; each toggle carries its value
     * as user data, and a null value selects none.
     */
    private <T> void choose(ToggleGroup group, javafx.beans.property.ObjectProperty<T> value) {
        Runnable select = () -> group.selectToggle(group.getToggles().stream()
                .filter(toggle -> value.get() != null && Objects.equals(toggle.getUserData(), value.get()))
                .findFirst().orElse(null));
        onChange(value, select);
        select.run();
        group.selectedToggleProperty().addListener((observable, old, toggle) -> {
            if (toggle == null) {
                if (value.get() != null) {
                    select.run();
                }
            } else {
                @SuppressWarnings("unchecked")
                T chosen = (T) toggle.getUserData();
                value.set(chosen);
            }
        });
    }

    /**
     * A state badge at the start of {@code head}, following {@code state}; it says {@code word}, or
     * the state's own word when that is null.
     */
    private StackPane badge(HBox head, ObservableValue<CheckState> state, ObservableValue<String> word) {
        StackPane host = new StackPane();
        host.getStyleClass().add("spf-badge-host");
        host.setMinWidth(Region.USE_PREF_SIZE);
        Runnable show = () -> {
            String said = word == null ? null : word.getValue();
            host.getChildren().setAll(new StateBadge(state.getValue(), shown -> said == null ? stateWord(shown) : said));
        };
        onChange(state, show);
        if (word != null) {
            onChange(word, show);
        }
        show.run();
        head.getChildren().add(0, host);
        return host;
    }

    private void findings(VBox box, ObservableList<Finding> findings) {
        Runnable show = () -> {
            box.getChildren().setAll(findings.stream().map(this::card).toList());
            box.setVisible(!findings.isEmpty());
            box.setManaged(!findings.isEmpty());
        };
        lifetime.onChange(findings, (ListChangeListener<Finding>) change -> show.run());
        show.run();
    }

    private FindingCard card(Finding finding) {
        FindingCard card = FindingCard.of(finding, model.locale(), bundle);
        card.setId("finding-" + finding.id().replace('.', '-'));
        return card;
    }

    /** Shows {@code records} in a record box at the end of {@code host} (after its caption, if any); hides the host when there are none. */
    private void records(VBox host, String id, List<String> records) {
        host.getChildren().removeIf(RecordBox.class::isInstance);
        if (!records.isEmpty()) {
            // A new box each time: it measures its wrapped text as it first lays out.
            RecordBox box = new RecordBox(Texts.format(bundle, "record.copy"), Texts.format(bundle, "record.copy.tooltip"),
                    Texts.format(bundle, "record.copied"));
            box.setId(id);
            box.setRecords(records);
            host.getChildren().add(box);
        }
        host.setVisible(!records.isEmpty());
        host.setManaged(!records.isEmpty());
    }

    private String stateWord(CheckState state) {
        return Texts.format(bundle, state.textKey());
    }

    private <T> void onChange(ObservableValue<T> value, Runnable action) {
        lifetime.onChange(value, (observable, old, now) -> action.run());
    }

    private static void showWhen(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }

    private static void hideWhenEmpty(Label label) {
        showWhen(label, label.textProperty().isNotEmpty());
    }
}
