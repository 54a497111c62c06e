package org.mailwright.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailwright.reports.SampleReports;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.FxWait;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.settings.AppSettings;
import org.mailwright.ui.shell.Page;
import org.mailwright.ui.shell.ShellWindow;
import org.mailwright.ui.work.BackgroundWork;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Reports page in the real window: an import of generated reports ends in the totals, the charts and the source table. */
@ExtendWith(ApplicationExtension.class)
class ReportsUiTest {

    private TestDnsServer dns;
    private ThrowawayPreferences preferences;
    private AppContext context;
    private ShellWindow window;

    @Start
    void start(Stage stage) {
        dns = TestDnsServer.start(ReportsViewModelTest.SHOP, ReportsViewModelTest.GOOGLE, ReportsViewModelTest.REVERSE);
        preferences = new ThrowawayPreferences();
        AppSettings settings = preferences.settingsAsking(dns);
        settings.timeoutProperty().set(Duration.ofMillis(750));
        settings.lastPageProperty().set(Page.REPORTS.id());
        context = new AppContext(settings, new BackgroundWork(), preferences.dataFolder());
        window = ShellWindow.open(stage, context);
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        dns.close();
        preferences.close();
    }

    @Test
    void anImportShowsTheTotalsChartsAndSources(FxRobot robot) throws Exception {
        Path inbox = Files.createDirectories(preferences.dataFolder().resolve("inbox"));
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
        robot.interact(() -> window.model().reports().importPaths(List.of(inbox)));
        FxWait.until(20, () -> !window.model().reports().importingProperty().get()
                && !window.model().reports().namesPendingProperty().get()
                && window.model().reports().loadedProperty().get() != null);

        assertEquals("1 report, 40 messages: 30 passed DMARC (75%), 10 failed (25%).",
                FxWait.onFx(() -> robot.lookup(".reports-totals").queryAs(Label.class).getText()));
        assertTrue(FxWait.onFx(() -> robot.lookup(".reports-errors .list-cell").queryAs(javafx.scene.control.ListCell.class)
                .getText().startsWith("broken.xml: ")));
        TableView<?> table = robot.lookup(".reports-table").queryAs(TableView.class);
        assertEquals(2, FxWait.onFx(() -> table.getItems().size()));
        ReportsViewModel.SourceRow first = (ReportsViewModel.SourceRow) FxWait.onFx(() -> table.getItems().get(0));
        assertEquals("192.0.2.25", first.ip());
        assertEquals("mail.shop.test", first.ptr());
        assertEquals(3, robot.lookup(".reports-chart").queryAll().size());
        XYChart<?, ?> daily = robot.lookup("#reports-chart-daily").queryAs(XYChart.class);
        assertEquals(2, FxWait.onFx(() -> daily.getData().size()), "passed and failed");
    }
}
