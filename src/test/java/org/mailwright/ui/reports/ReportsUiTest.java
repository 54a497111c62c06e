package org.mailwright.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.reports.SampleReports;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.WindowUnderTest;
import org.mailwright.ui.settings.Language;
import org.mailwright.ui.shell.Page;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Reports page in the real window: an import of generated reports ends in the totals, the charts and the source table. */
@ExtendWith(ApplicationExtension.class)
class ReportsUiTest {

    private WindowUnderTest app;

    @Start
    void start(Stage stage) {
        app = WindowUnderTest.open(stage, TestDnsServer.start(ReportsViewModelTest.SHOP, ReportsViewModelTest.GOOGLE, ReportsViewModelTest.REVERSE), settings -> {
            settings.timeoutProperty().set(Duration.ofMillis(750));
            settings.lastPageProperty().set(Page.REPORTS.id());
        });
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void anImportShowsTheTotalsChartsAndSources(FxRobot robot) throws Exception {
        Path inbox = Files.createDirectories(app.preferences().dataFolder().resolve("inbox"));
        Files.write(inbox.resolve("google.xml.gz"), SampleReports.gzip(SampleReports.xml("google.com", "g1", "shop.test",
                ReportsViewModelTest.DAY1, List.of(SampleReports.row("192.0.2.25", 30, "pass", "pass"),
                        SampleReports.row("209.85.220.41", 10, "fail", "fail")))));
        Files.writeString(inbox.resolve("broken.xml"), "<feedback>");
        Stage stage = (Stage) robot.window(0);
        robot.interact(() -> {
            stage.setWidth(800);
            stage.setHeight(600);
        });
        assertTrue(robot.lookup(".empty-title").queryAs(Label.class).isVisible(), "an empty archive says how to fill it");

        // What a drop of the folder asks for: the page's own drag-and-drop hands the same paths over.
        robot.interact(() -> app.window().model().reports().importPaths(List.of(inbox)));
        FxWait.until(20, () -> !app.window().model().reports().importingProperty().get()
                && !app.window().model().reports().namesPendingProperty().get()
                && app.window().model().reports().loadedProperty().get() != null);

        assertEquals("1 report, 40 messages: 30 passed DMARC (75.0%), 10 failed (25.0%).",
                FxWait.onFx(() -> robot.lookup(".reports-totals").queryAs(Label.class).getText()));
        String brokenInEnglish = FxWait.onFx(() -> robot.lookup(".reports-errors .list-cell").queryAs(javafx.scene.control.ListCell.class)
                .getText());
        assertTrue(brokenInEnglish.startsWith("broken.xml: "), brokenInEnglish);
        TableView<?> table = robot.lookup(".reports-table").queryAs(TableView.class);
        assertEquals(2, FxWait.onFx(() -> table.getItems().size()));
        ReportsViewModel.SourceRow first = (ReportsViewModel.SourceRow) FxWait.onFx(() -> table.getItems().get(0));
        assertEquals("192.0.2.25", first.ip());
        assertEquals("mail.shop.test", first.ptr());
        assertEquals(3, robot.lookup(".reports-chart").queryAll().size());
        XYChart<?, ?> timeline = robot.lookup("#reports-chart-timeline").queryAs(XYChart.class);
        assertEquals(2, FxWait.onFx(() -> timeline.getData().size()), "passed and failed");

        // The window rebuilt in Spanish: the same sentence as reports summary, numbers as Spanish writes them.
        robot.interact(() -> app.context().settings().languageProperty().set(Language.SPANISH));
        FxWait.until(10, () -> FxWait.onFx(() -> robot.lookup(".reports-totals").queryAs(Label.class).getText())
                .startsWith("1 informe,"));
        assertEquals("1 informe, 40 mensajes: 30 pasaron DMARC (75,0 %), 10 fallaron (25,0 %).",
                FxWait.onFx(() -> robot.lookup(".reports-totals").queryAs(Label.class).getText()));
        String brokenInSpanish = FxWait.onFx(() -> robot.lookup(".reports-errors .list-cell").queryAs(javafx.scene.control.ListCell.class)
                .getText());
        assertTrue(brokenInSpanish.startsWith("broken.xml: ") && !brokenInSpanish.equals(brokenInEnglish),
                "the file's reason is said again in Spanish: " + brokenInSpanish);
        XYChart<?, ?> timelineInSpanish = robot.lookup("#reports-chart-timeline").queryAs(XYChart.class);
        assertEquals("125.000", FxWait.onFx(() -> ((NumberAxis) timelineInSpanish.getYAxis()).getTickLabelFormatter().toString(125_000)));
        // The sources table is headed with the words reports summary prints.
        TableView<?> tableInSpanish = robot.lookup(".reports-table").queryAs(TableView.class);
        assertEquals(List.of("Dirección", "Nombre inverso", "Emisor", "Mensajes", "Pasan DMARC", "Fallan DMARC", "SPF alineado",
                "DKIM alineado"), FxWait.onFx(() -> tableInSpanish.getColumns().stream().map(TableColumn::getText).toList()));
    }

    @Test
    void aLongPeriodsDaysEachKeepABarAt800By600(FxRobot robot) throws Exception {
        Path inbox = Files.createDirectories(app.preferences().dataFolder().resolve("inbox"));
        int days = 90;
        for (int day = 0; day < days; day++) {
            Files.writeString(inbox.resolve("day" + day + ".xml"), SampleReports.xml("google.com", "d" + day, "shop.test",
                    ReportsViewModelTest.DAY1 - day * 86_400L, List.of(SampleReports.row("192.0.2.25", 30, "pass", "pass"))));
        }

        List<javafx.scene.Node> bars = importedAt800By600(robot, inbox, days);

        // At the default 10 px between days, the bars of three months had no width left in a small window.
        List<Double> widths = FxWait.onFx(() -> bars.stream().map(bar -> bar.getLayoutBounds().getWidth()).toList());
        assertTrue(widths.stream().allMatch(width -> width >= 2), widths.toString());
    }

    @Test
    void longSilencesNamedUprightLeaveTheBarsTheirHeight(FxRobot robot) throws Exception {
        Path inbox = Files.createDirectories(app.preferences().dataFolder().resolve("inbox"));
        // A broken reporter's report of 1970, and days weeks apart: each silence between them is named by two dates.
        Files.writeString(inbox.resolve("epoch.xml"), SampleReports.xml("broken.example", "e", "shop.test", 100,
                List.of(SampleReports.row("192.0.2.25", 1, "pass", "pass"))));
        int days = 20;
        for (int day = 0; day < days; day++) {
            Files.writeString(inbox.resolve("day" + day + ".xml"), SampleReports.xml("google.com", "d" + day, "shop.test",
                    ReportsViewModelTest.DAY1 - day * 20 * 86_400L, List.of(SampleReports.row("192.0.2.25", 30, "pass", "pass"))));
        }

        List<javafx.scene.Node> bars = importedAt800By600(robot, inbox, days);

        // The names of the silences stand upright, some 150 px tall; the chart kept its height and left the bars none.
        double tallest = FxWait.onFx(() -> bars.stream().mapToDouble(bar -> bar.getLayoutBounds().getHeight()).max().orElse(0));
        assertTrue(tallest >= 80, "the tallest bar is " + tallest + " px high");
    }

    /** Imports {@code inbox} in a window of 800×600 and returns the chart's bars once it shows at least {@code bars}. */
    private List<javafx.scene.Node> importedAt800By600(FxRobot robot, Path inbox, int bars) {
        Stage stage = (Stage) robot.window(0);
        robot.interact(() -> {
            stage.setWidth(800);
            stage.setHeight(600);
        });
        robot.interact(() -> app.window().model().reports().importPaths(List.of(inbox)));
        FxWait.until(20, () -> !app.window().model().reports().importingProperty().get()
                && app.window().model().reports().loadedProperty().get() != null);
        FxWait.until(10, () -> FxWait.onFx(() -> robot.lookup("#reports-chart-timeline .chart-bar").queryAll().size()) >= bars);
        return FxWait.onFx(() -> List.copyOf(robot.lookup("#reports-chart-timeline .chart-bar").queryAll()));
    }
}
