package org.mailwright.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.reports.SampleReports;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.StyleWarnings;
import org.mailwright.ui.WindowUnderTest;
import org.mailwright.ui.dkim.DkimSteps;
import org.mailwright.ui.dkim.DkimViewModel;
import org.mailwright.ui.dkim.DkimWizardViewModel;
import org.mailwright.ui.dmarc.DmarcViewModel;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.wizard.WizardViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every page of the real window, at 800×600 and 1400×900, in English and in Spanish, walked node by
 * node: nothing the user is meant to read is cut short, nothing sticks out sideways, and the Spanish
 * window shows no English and no raw codes.
 *
 * <p>What a walk fails on:
 * <ul>
 * <li>a clipped text: JavaFX's {@code LabeledSkinBase} writes the string it can fit (with "…" or cut,
 * by the control's overrun style) into the {@code LabeledText} child it lays out, so a visible
 * {@link Labeled} whose shown string differs from its {@code getText()} (after mnemonic parsing) is
 * cut short on screen;</li>
 * <li>a control sticking out of its container: a visible control or text whose left or right edge
 * lies outside what its nearest scroll viewport, list or table viewport, clip or the window shows,
 * that is, only reachable by a horizontal scroll none of the pages means to have;</li>
 * <li>a text field squeezed below its preferred width (up to {@value #READABLE_FIELD_WIDTH} px), as
 * the SPF domain field once was, at four letters, or too narrow for its prompt; a spinner's or date
 * picker's field too narrow for its value;</li>
 * <li>in Spanish, shown text (labels, buttons, headers, prompt texts and tooltips) equal to an English
 * value of the window's, the core's or the findings' bundle whose Spanish value differs, or made
 * from such a pattern with its arguments filled in, or using an English word no Spanish sentence
 * uses; in both languages, a raw code: a finding id, a bundle key, a kebab-case code in brackets.</li>
 * </ul>
 *
 * <p>Covered, with the navigation and status bar around each: every page as a fresh data folder
 * shows it (empty states, the DKIM page in both its modes); every step of the SPF, DKIM and DMARC
 * wizards on their default path, a key made and saved, up to the live check of the record; the
 * Domain page after a lookup, the SPF lookup tree with an include that has no record, the
 * Propagation grid after a run and the Health check's scorecard, against a test zone whose name
 * server has a long name. Not covered: pages filled from imported reports (the Reports rows table
 * scrolls sideways by design), the message checker with a message in it, the wizards' other paths
 * (a key read from a file, a record edited by hand), the lists of closed combo boxes, and menus and
 * tooltips' layout (they are pop-up windows; tooltips' words are checked).
 */
@ExtendWith(ApplicationExtension.class)
class PageLayoutUiTest {

    private WindowUnderTest app;
    private static final double READABLE_FIELD_WIDTH = 120;
    /** Sub-pixel rounding of snapped layouts. */
    private static final double SLACK = 1;
    private static final List<double[]> SIZES = List.of(new double[] {800, 600}, new double[] {1400, 900});
    private static final List<Language> LANGUAGES = List.of(Language.ENGLISH, Language.SPANISH);
    /** The imported report's day, 2026-12-01, as the Reports page's own test has it. */
    private static final long REPORT_DAY = 1_796_083_200L;

    /**
     * English words that are never Spanish: one of them in a Spanish window is a sentence left
     * untranslated, even one built in code rather than taken from a bundle.
     */
    private static final Set<String> ENGLISH_ONLY_WORDS = Set.of("the", "and", "with", "your", "this", "which",
            "been", "will", "should", "would", "there", "yet", "choose", "enter", "check", "checked");
    /** Names that read the same in every language, taken out of a text before its words are read: a CLI command. */
    private static final List<String> NAMES = List.of("mailwright check");
    /** A code in brackets, as a lookup's outcome once showed: {@code (dns-error)}, {@code (no-record)}. */
    private static final Pattern BRACKETED_CODE = Pattern.compile("\\([a-z]+(?:-[a-z]+)+\\)");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Words WORDS = Words.load();

    private Stage stage;
    private StyleWarnings styleWarnings;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        styleWarnings = StyleWarnings.listen();
        app = WindowUnderTest.open(stage, TestDnsServer.start("""
                $ORIGIN example.test.
                $TTL 300
                @      SOA  ns1 hostmaster 1 3600 600 86400 300
                @      NS   ns1.newco-hosting-services.example.test.
                ns1.newco-hosting-services A 127.0.0.1
                @      MX   10 mail
                mail   A    192.0.2.10
                @      TXT  "v=spf1 mx include:_spf.gone.example.test -all"
                _dmarc TXT  "v=DMARC1; p=none; rua=mailto:dmarc@example.test; ruf=mailto:forensic-reports@example.test; fo=1:d"
                """), settings -> {
            settings.timeoutProperty().set(Duration.ofMillis(500));
            settings.lastDomainProperty().set("example.test");
        });
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        styleWarnings.close();
        assertEquals(List.of(), styleWarnings.first(), "every style on every page resolved");
    }

    @Test
    void everyPageFitsAndSpeaksTheWindowsLanguage(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (Language language : LANGUAGES) {
            speak(robot, language);
            for (double[] size : SIZES) {
                FxWait.resize(stage, size[0], size[1]);
                for (View view : View.values()) {
                    robot.interact(() -> view.show(app.window()));
                    settle();
                    walk(robot, view.toString(), size, language, problems);
                }
            }
        }
        assertNone(problems);
    }

    @Test
    void everyWizardStepFitsAndSpeaksTheWindowsLanguage(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (Language language : LANGUAGES) {
            speak(robot, language);
            for (View view : List.of(View.SPF, View.DKIM_KEY, View.DMARC)) {
                robot.interact(() -> view.show(app.window()));
                WizardViewModel wizard = wizardOf(view);
                robot.interact(() -> {
                    while (wizard.canGoBackProperty().get()) {
                        wizard.back();
                    }
                });
                for (int step = 1; ; step++) {
                    settle();
                    for (double[] size : SIZES) {
                        FxWait.resize(stage, size[0], size[1]);
                        walk(robot, view + " step " + step, size, language, problems);
                    }
                    if (wizard.onClosingStepProperty().get()) {
                        break;
                    }
                    answer(robot, view, wizard);
                    int before = wizard.indexProperty().get();
                    robot.interact(wizard::next);
                    assertTrue(wizard.indexProperty().get() > before, view + " goes on from step " + step + " in " + language);
                }
            }
        }
        assertNone(problems);
    }

    @Test
    void pagesFilledWithLookupsFitAndSpeakTheWindowsLanguage(FxRobot robot) throws IOException {
        List<String> problems = new ArrayList<>();
        Path inbox = Files.createDirectories(app.preferences().dataFolder().resolve("inbox"));
        Files.write(inbox.resolve("google.xml.gz"), SampleReports.gzip(SampleReports.xml("google.com", "g1", "example.test",
                REPORT_DAY, List.of(SampleReports.row("192.0.2.10", 30, "pass", "pass"),
                        SampleReports.row("2001:db8:ffff:ffff:ffff:ffff:ffff:1234", 12345, "fail", "fail")))));
        robot.interact(() -> app.window().model().reports().importPaths(List.of(inbox)));
        FxWait.until(20, () -> !app.window().model().reports().importingProperty().get()
                && app.window().model().reports().loadedProperty().get() != null);
        for (Language language : LANGUAGES) {
            speak(robot, language);
            for (View view : List.of(View.DOMAIN, View.SPF, View.PROPAGATION, View.HEALTH, View.REPORTS)) {
                robot.interact(() -> view.show(app.window()));
                settle();
                robot.interact(() -> {
                    Parent page = (Parent) stage.getScene().lookup("#page-" + view.page.id());
                    switch (view) {
                        case DOMAIN -> {
                            ((TextField) page.lookup("#domainField")).setText("example.test");
                            fire(page, "#lookUpButton");
                        }
                        case SPF -> fire(page, "#treeToggle");
                        case PROPAGATION -> fire(page, "#startButton");
                        case HEALTH -> fire(page, "#checkButton");
                        // Imported before the walk: the sources table, the totals and the charts.
                        default -> app.window().model().reports().refresh();
                    }
                });
                settle();
                for (double[] size : SIZES) {
                    FxWait.resize(stage, size[0], size[1]);
                    walk(robot, view + " filled", size, language, problems);
                }
            }
        }
        assertNone(problems);
    }

    private static void fire(Parent page, String id) {
        Node button = page.lookup(id);
        assertTrue(button instanceof ButtonBase && !button.isDisabled(), id + " can be pressed");
        ((ButtonBase) button).fire();
    }

    /** The walk itself, on a made-up page with one of each fault: a walk that saw none would prove nothing. */
    @Test
    void theWalkSeesEachFault(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            Label cut = new Label("Abrir la página SPF");
            cut.setMaxWidth(60);
            Label english = new Label("Which domain signs, and under which selector?");
            Label code = new Label("Lookup of _spf.example.test (dns-error)");
            Label finding = new Label("spf.too-many-lookups");
            TextField wide = new TextField();
            wide.setMinWidth(800);
            VBox page = new VBox(cut, english, code, finding, new HBox(wide));
            new Scene(page, 600, 200);
            page.applyCss();
            page.layout();
            new Walk("made-up", true, WORDS, problems).walk(page, 600);
        });

        assertEquals(5, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("\"Abrir la página SPF\" is cut short"), problems.get(0));
        assertTrue(problems.get(1).contains("is English in the Spanish window"), problems.get(1));
        assertTrue(problems.get(2).contains("shows the raw code (dns-error)"), problems.get(2));
        assertTrue(problems.get(3).contains("shows the raw code spf.too-many-lookups"), problems.get(3));
        assertTrue(problems.get(4).contains("sticks out of its container"), problems.get(4));
    }

    /** What a step needs before Next: a sender answer on DMARC's, a key made and saved on DKIM's. */
    private void answer(FxRobot robot, View view, WizardViewModel wizard) {
        if (wizard.canGoNextProperty().get()) {
            return;
        }
        if (view == View.DMARC) {
            robot.interact(() -> app.window().model().dmarc().sendersProperty().set(DmarcViewModel.SenderAnswer.ALL_COVERED));
        } else if (view == View.DKIM_KEY) {
            DkimWizardViewModel dkim = app.window().model().dkim().wizard();
            if (!DkimSteps.hasKey(dkim)) {
                robot.interact(() -> DkimSteps.makeKey(dkim));
                FxWait.until(30, () -> DkimSteps.hasKey(dkim));
            }
            if (!wizard.canGoNextProperty().get()) {
                Path file = app.preferences().dataFolder().resolve("key-" + System.nanoTime() + ".private");
                robot.interact(() -> DkimSteps.saveKey(dkim, file));
            }
        }
        FxWait.until(10, () -> wizard.canGoNextProperty().get(), () -> view + " waits for an answer at " + wizard.currentStepProperty().get().title());
    }

    private WizardViewModel wizardOf(View view) {
        return switch (view) {
            case SPF -> app.window().model().spf().wizard();
            case DKIM_KEY -> app.window().model().dkim().wizard().wizard();
            case DMARC -> app.window().model().dmarc().wizard();
            default -> throw new IllegalArgumentException(view + " is no wizard");
        };
    }

    private void speak(FxRobot robot, Language language) {
        robot.interact(() -> app.context().settings().languageProperty().set(language));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for the lookups a page or step starts, so it is walked as the user reads it. */
    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.until(20, () -> !app.context().work().busyProperty().get());
    }

    private void walk(FxRobot robot, String view, double[] size, Language language, List<String> problems) {
        String where = view + " " + (int) size[0] + "×" + (int) size[1] + " " + language;
        robot.interact(() -> {
            Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            new Walk(where, language == Language.SPANISH, WORDS, problems).walk(root, stage.getScene().getWidth());
        });
    }

    private static void assertNone(List<String> problems) {
        List<String> distinct = problems.stream().distinct().toList();
        assertTrue(distinct.isEmpty(), distinct.size() + " problems:\n" + String.join("\n", distinct));
    }

    /** What the walk shows: every page, and the DKIM page in its second mode too. */
    private enum View {
        DOMAIN(Page.DOMAIN), SPF(Page.SPF), DKIM_KEY(Page.DKIM), DKIM_MESSAGE(Page.DKIM), DMARC(Page.DMARC),
        PROPAGATION(Page.PROPAGATION), HEALTH(Page.HEALTH), REPORTS(Page.REPORTS), SETTINGS(Page.SETTINGS);

        private final Page page;

        View(Page page) {
            this.page = page;
        }

        void show(ShellWindow window) {
            window.model().pageProperty().set(page);
            if (page == Page.DKIM) {
                window.model().dkim().modeProperty().set(this == DKIM_MESSAGE ? DkimViewModel.Mode.VERIFY : DkimViewModel.Mode.KEY);
            }
        }
    }

    /** One walk of one scene graph, iterative (a deep page must not exhaust the stack), adding to {@code problems}. */
    private static final class Walk {
        private final String where;
        private final boolean spanish;
        private final Words words;
        private final List<String> problems;

        Walk(String where, boolean spanish, Words words, List<String> problems) {
            this.where = where;
            this.spanish = spanish;
            this.words = words;
            this.problems = problems;
        }

        /** A node to visit, with the horizontal span its ancestors let be seen, in scene coordinates. */
        private record Visit(Node node, double left, double right, boolean checkWidth) {
        }

        void walk(Parent root, double sceneWidth) {
            Deque<Visit> toVisit = new ArrayDeque<>();
            toVisit.push(new Visit(root, 0, sceneWidth, true));
            while (!toVisit.isEmpty()) {
                Visit visit = toVisit.pop();
                Node node = visit.node();
                if (!node.isVisible() || node.getOpacity() == 0) {
                    continue;
                }
                double left = visit.left();
                double right = visit.right();
                Bounds shown = node.localToScene(node.getLayoutBounds());
                boolean checkWidth = visit.checkWidth();
                if (checkWidth && (node instanceof Control || node instanceof Text && !isSkinText(node))
                        && shown.getWidth() > 0 && (shown.getMinX() < left - SLACK || shown.getMaxX() > right + SLACK)) {
                    problems.add(problem("sticks out of its container (shown " + span(left, right) + ", it spans "
                            + span(shown.getMinX(), shown.getMaxX()) + ")", node));
                    // Its insides stick out with it: one report each.
                    checkWidth = false;
                }
                if (node.getClip() != null) {
                    Bounds clip = node.localToScene(node.getClip().getBoundsInParent());
                    left = Math.max(left, clip.getMinX());
                    right = Math.min(right, clip.getMaxX());
                }
                if (isViewport(node)) {
                    left = Math.max(left, shown.getMinX());
                    right = Math.min(right, shown.getMaxX());
                }
                check(node);
                if (node instanceof TextInputControl) {
                    // What is typed is the user's; the skin's insides are not the window's words.
                    continue;
                }
                if (node instanceof Parent parent) {
                    List<Node> children = parent.getChildrenUnmodifiable();
                    for (int i = children.size() - 1; i >= 0; i--) {
                        toVisit.push(new Visit(children.get(i), left, right, checkWidth));
                    }
                }
            }
        }

        private void check(Node node) {
            if (node instanceof Labeled labeled) {
                checkClip(labeled);
                read(labeled.getText(), node);
            } else if (node instanceof Text text && !isSkinText(node)) {
                read(text.getText(), node);
            }
            if (node instanceof TextInputControl field && (field.getText() == null || field.getText().isEmpty())) {
                read(field.getPromptText(), node);
            }
            if (node instanceof TextField field) {
                checkFieldWidth(field);
            }
            if (node instanceof Control control && control.getTooltip() != null) {
                Tooltip tooltip = control.getTooltip();
                read(tooltip.getText(), node);
            }
        }

        /**
         * A field to type in keeps room to read what is typed; the editor of a spinner or a date
         * picker, sized by its control, shows its whole value.
         */
        private void checkFieldWidth(TextField field) {
            boolean empty = field.getText() == null || field.getText().isEmpty();
            if (empty && field.getPromptText() != null && !fits(field, field.getPromptText())) {
                problems.add(problem("cuts its prompt \"" + field.getPromptText() + "\" short at " + Math.round(field.getWidth()) + " px", field));
            }
            if (field.getParent() instanceof Control) {
                if (!empty && !fits(field, field.getText())) {
                    problems.add(problem("cuts its value short at " + Math.round(field.getWidth()) + " px", field));
                }
                return;
            }
            double wanted = Math.min(field.prefWidth(-1), READABLE_FIELD_WIDTH);
            if (field.getWidth() + SLACK < wanted) {
                problems.add(problem("is squeezed to " + Math.round(field.getWidth()) + " px (wants " + Math.round(wanted) + ")", field));
            }
        }

        private static boolean fits(TextField field, String text) {
            Text shown = new Text(text);
            shown.setFont(field.getFont());
            double room = field.getWidth() - field.getInsets().getLeft() - field.getInsets().getRight();
            return shown.getLayoutBounds().getWidth() <= room + SLACK;
        }

        private void checkClip(Labeled labeled) {
            String text = labeled.getText();
            if (text == null || text.isEmpty() || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
                return;
            }
            String expected = labeled.isMnemonicParsing() ? withoutMnemonic(text) : text;
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (isSkinText(child)) {
                    String shown = ((Text) child).getText();
                    if (!expected.equals(shown)) {
                        problems.add(problem("is cut short to \"" + shown + "\" at " + Math.round(labeled.getWidth()) + " px", labeled));
                    }
                }
            }
        }

        private void read(String text, Node node) {
            if (text == null || text.isBlank()) {
                return;
            }
            words.rawCode(text).ifPresent(code -> problems.add(problem("shows the raw code " + code, node)));
            if (spanish) {
                words.english(text).ifPresent(english -> problems.add(problem("is English in the Spanish window (" + english + ")", node)));
            }
        }

        private String problem(String what, Node node) {
            return where + ": " + describe(node) + " " + what;
        }
    }

    /** The text a {@code Labeled}'s skin lays out, the string it shows. */
    private static boolean isSkinText(Node node) {
        return node instanceof Text && node.getParent() instanceof Labeled && node.getClass().getSimpleName().equals("LabeledText");
    }

    /** A scroll pane's or a list's window onto content that may be larger. */
    private static boolean isViewport(Node node) {
        return node.getStyleClass().contains("viewport") || node.getStyleClass().contains("clipped-container");
    }

    /** The text as JavaFX shows it with mnemonic parsing: the first single underscore dropped, a double one shown as one. */
    private static String withoutMnemonic(String text) {
        int at = text.indexOf('_');
        while (at >= 0 && at + 1 < text.length() && text.charAt(at + 1) == '_') {
            at = text.indexOf('_', at + 2);
        }
        String single = at >= 0 && at + 1 < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
        return single.replace("__", "_");
    }

    private static String span(double from, double to) {
        return Math.round(from) + "–" + Math.round(to);
    }

    /** The node, its text and the nearest ancestor with an id or a distinctive style class, to find it in the FXML. */
    private static String describe(Node node) {
        StringBuilder name = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            name.append('#').append(node.getId());
        }
        node.getStyleClass().forEach(style -> name.append('.').append(style));
        String text = node instanceof Labeled labeled ? labeled.getText() : node instanceof Text shown ? shown.getText() : null;
        if (text != null) {
            name.append(" \"").append(text.length() > 60 ? text.substring(0, 60) + "…" : text).append('"');
        }
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up.getId() != null) {
                return name + " in #" + up.getId();
            }
        }
        return name.toString();
    }

    /** A bundle's English pattern with arguments, {@code anchor} its longest fixed part. */
    private record EnglishPattern(String key, String anchor, Pattern pattern) {
    }

    /** The words of every bundle, to tell English and raw codes from the window's Spanish. */
    private static final class Words {
        /** English values, without arguments, whose Spanish value differs. */
        private final Set<String> englishOnly = new LinkedHashSet<>();
        /** English patterns with arguments whose Spanish differs. */
        private final List<EnglishPattern> englishPatterns = new ArrayList<>();
        private final Set<String> codes = new LinkedHashSet<>();

        static Words load() {
            Words words = new Words();
            words.add("/org/mailwright/ui/messages", false);
            words.add("/org/mailwright/i18n/messages", true);
            for (String catalogue : List.of("check", "dkim", "dmarc", "message", "reports", "spf")) {
                String name = "/org/mailwright/findings/findings-" + catalogue;
                words.add(name, true);
                for (String key : properties(name + ".properties").stringPropertyNames()) {
                    words.codes.add(key.replaceFirst("\\.(message|why|fix)$", ""));
                }
            }
            return words;
        }

        private void add(String bundle, boolean messageFormat) {
            Properties english = properties(bundle + ".properties");
            Properties spanish = properties(bundle + "_es.properties");
            for (String key : english.stringPropertyNames()) {
                String value = english.getProperty(key);
                String translated = spanish.getProperty(key);
                if (translated == null || translated.equals(value)) {
                    continue;
                }
                boolean hasArguments = value.matches("(?s).*\\{\\d.*");
                String shown = messageFormat || hasArguments ? value.replace("''", "'") : value;
                if (!hasArguments) {
                    englishOnly.add(shown.strip());
                    continue;
                }
                String[] fixed = shown.split("\\{\\d+[^}]*}", -1);
                String anchor = Arrays.stream(fixed).max(Comparator.comparingInt(String::length)).orElse("");
                // A pattern of little more than its arguments, "{0} ({1})", would match anything.
                if (WORD.matcher(anchor).results().noneMatch(word -> word.group().length() >= 4)) {
                    continue;
                }
                Pattern pattern = Pattern.compile(Arrays.stream(fixed).map(Pattern::quote)
                        .collect(Collectors.joining(".*?", "(?s)", "")));
                englishPatterns.add(new EnglishPattern(key, anchor, pattern));
            }
        }

        Optional<String> english(String text) {
            String stripped = text.strip();
            if (englishOnly.contains(stripped)) {
                return Optional.of("an English bundle value");
            }
            for (EnglishPattern english : englishPatterns) {
                // The fixed part first: a plain search rules out nearly every pattern without a regular expression.
                if (stripped.contains(english.anchor()) && english.pattern().matcher(stripped).matches()) {
                    return Optional.of("the English of " + english.key());
                }
            }
            String withoutNames = stripped;
            for (String name : NAMES) {
                withoutNames = withoutNames.replace(name, "");
            }
            Matcher word = WORD.matcher(withoutNames);
            while (word.find()) {
                if (ENGLISH_ONLY_WORDS.contains(word.group().toLowerCase(Locale.ROOT))) {
                    return Optional.of("the English word \"" + word.group() + "\"");
                }
            }
            return Optional.empty();
        }

        Optional<String> rawCode(String text) {
            Matcher bracketed = BRACKETED_CODE.matcher(text);
            if (bracketed.find()) {
                return Optional.of(bracketed.group());
            }
            if (text.startsWith("[") && text.endsWith("]") && text.contains(".")) {
                return Optional.of(text);
            }
            for (String code : codes) {
                for (int at = text.indexOf(code); at >= 0; at = text.indexOf(code, at + 1)) {
                    int end = at + code.length();
                    if ((at == 0 || !isCodeCharacter(text.charAt(at - 1))) && (end == text.length() || !isCodeCharacter(text.charAt(end)))) {
                        return Optional.of(code);
                    }
                }
            }
            return Optional.empty();
        }

        private static boolean isCodeCharacter(char character) {
            return Character.isLetterOrDigit(character) || character == '-' || character == '.' || character == '_';
        }

        private static Properties properties(String name) {
            Properties properties = new Properties();
            try (InputStream in = PageLayoutUiTest.class.getResourceAsStream(name)) {
                if (in == null) {
                    return properties;
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties;
        }
    }
}
