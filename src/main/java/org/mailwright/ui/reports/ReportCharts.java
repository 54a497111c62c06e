package org.mailwright.ui.reports;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;
import org.mailwright.i18n.ControlCharacters;
import org.mailwright.reports.ReportArchive;
import org.mailwright.reports.Summary;
import org.mailwright.reports.Timeline;
import org.mailwright.ui.Texts;

/**
 * The Reports page's three charts, stacked one above the other so each keeps a readable width in
 * a narrow window: messages over time split pass and fail, the largest sources, each reporter's pass rate.
 */
final class ReportCharts {

    /** The sources the chart of the largest shows. */
    static final int TOP_SOURCES = 10;
    private static final double HEIGHT = 260;
    /** The room of a chart over time besides its periods' names: the bars, the title and the legend. */
    private static final double HEIGHT_BESIDE_NAMES = 200;
    /** Room for a bar and its name on a chart of names (sources, reporters), so no name is left out. */
    private static final double HEIGHT_PER_NAME = 24;
    /** The title, the number axis and the legend of a chart of names. */
    private static final double FRAME_HEIGHT = 110;

    private ReportCharts() {
    }

    static List<Node> of(ReportsViewModel.Loaded loaded, ResourceBundle words, Locale locale) {
        return List.of(timeline(loaded.timeline(), words, locale), topSources(loaded.summary(), words, locale),
                reporters(loaded.reporters(), words, locale));
    }

    private static Node timeline(Timeline timeline, ResourceBundle words, Locale locale) {
        StackedBarChart<String, Number> chart = new StackedBarChart<>(new CategoryAxis(), numbers(new NumberAxis(), locale));
        XYChart.Series<String, Number> pass = new XYChart.Series<>();
        pass.setName(Texts.format(words, "reports.chart.pass"));
        XYChart.Series<String, Number> fail = new XYChart.Series<>();
        fail.setName(Texts.format(words, "reports.chart.fail"));
        List<Timeline.Period> periods = timeline.periods();
        List<String> labels = periodLabels(timeline, locale);
        for (int i = 0; i < periods.size(); i++) {
            pass.getData().add(new XYChart.Data<>(labels.get(i), periods.get(i).dmarcPass()));
            fail.getData().add(new XYChart.Data<>(labels.get(i), periods.get(i).dmarcFail()));
        }
        // The default 10 px between periods left a long timeline's bars no width at all in a small window.
        int count = Math.max(1, periods.size());
        chart.categoryGapProperty().bind(Bindings.createDoubleBinding(() -> Math.min(10, chart.getWidth() / count / 4),
                chart.widthProperty()));
        chart.getData().setAll(List.of(pass, fail));
        String title = Texts.format(words, switch (timeline.unit()) {
            case DAY -> "reports.chart.daily";
            case WEEK -> "reports.chart.weekly";
            case MONTH -> "reports.chart.monthly";
            case YEAR -> "reports.chart.yearly";
        });
        Node framed = framed(chart, "reports-chart-timeline", title, HEIGHT);
        // Names standing upright (a long silence's two dates) take their length in height: the chart
        // grows by it rather than squeeze the bars to nothing.
        DoubleBinding height = Bindings.createDoubleBinding(
                () -> Math.max(HEIGHT, chart.getXAxis().getHeight() + HEIGHT_BESIDE_NAMES), chart.getXAxis().heightProperty());
        chart.minHeightProperty().bind(height);
        chart.prefHeightProperty().bind(height);
        return framed;
    }

    /**
     * The periods' names under their bars, short enough that a quarter's days stand upright (6 Dec,
     * 6 dic): a day or a week by its first day, a month by its name, a long silence by its first and
     * last (5 Oct – 29 Nov), with the year when the timeline spans more than one. Each name is a bar
     * of its own, and two years' 6 Decembers made one bar of both days' messages.
     */
    static List<String> periodLabels(Timeline timeline, Locale locale) {
        List<Timeline.Period> periods = timeline.periods();
        boolean oneYear = periods.isEmpty()
                || periods.get(0).start().getYear() == periods.get(periods.size() - 1).end().getYear();
        String pattern = switch (timeline.unit()) {
            case DAY, WEEK -> oneYear ? "d MMM" : "d MMM yyyy";
            case MONTH -> oneYear ? "MMM" : "MMM yyyy";
            case YEAR -> "yyyy";
        };
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, locale);
        return periods.stream().map(period -> period.end().equals(timeline.unit().end(period.start()))
                ? format.format(period.start())
                : format.format(period.start()) + " – " + format.format(period.end())).toList();
    }

    private static Node topSources(Summary summary, ResourceBundle words, Locale locale) {
        StackedBarChart<Number, String> chart = new StackedBarChart<>(numbers(new NumberAxis(), locale), new CategoryAxis());
        XYChart.Series<Number, String> pass = new XYChart.Series<>();
        pass.setName(Texts.format(words, "reports.chart.pass"));
        XYChart.Series<Number, String> fail = new XYChart.Series<>();
        fail.setName(Texts.format(words, "reports.chart.fail"));
        // The largest at the top: a category axis draws its first category at the bottom.
        List<Summary.Source> top = summary.sources().stream().limit(TOP_SOURCES).toList();
        for (int i = top.size() - 1; i >= 0; i--) {
            Summary.Source source = top.get(i);
            String address = ControlCharacters.shown(source.ip());
            pass.getData().add(new XYChart.Data<>(source.dmarcPass(), address));
            fail.getData().add(new XYChart.Data<>(source.dmarcFail(), address));
        }
        chart.getData().setAll(List.of(pass, fail));
        return framed(chart, "reports-chart-sources", Texts.format(words, "reports.chart.sources", TOP_SOURCES), heightFor(top.size()));
    }

    private static Node reporters(List<ReportArchive.Reporter> reporters, ResourceBundle words, Locale locale) {
        NumberAxis percent = numbers(new NumberAxis(0, 100, 20), locale);
        BarChart<Number, String> chart = new BarChart<>(percent, new CategoryAxis());
        XYChart.Series<Number, String> rate = new XYChart.Series<>();
        rate.setName(Texts.format(words, "reports.chart.rate"));
        for (int i = reporters.size() - 1; i >= 0; i--) {
            ReportArchive.Reporter reporter = reporters.get(i);
            double share = reporter.messages() == 0 ? 0 : 100.0 * reporter.dmarcPass() / reporter.messages();
            rate.getData().add(new XYChart.Data<>(share, ControlCharacters.shown(reporter.name())));
        }
        chart.getData().setAll(List.of(rate));
        chart.setLegendVisible(false);
        return framed(chart, "reports-chart-reporters", Texts.format(words, "reports.chart.reporters"), heightFor(reporters.size()));
    }

    /** {@code axis} with its numbers written as the window's language writes them (125.000 in Spanish). */
    private static NumberAxis numbers(NumberAxis axis, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number number) {
                return format.format(number);
            }

            @Override
            public Number fromString(String text) {
                return format.parse(text, new ParsePosition(0));
            }
        });
        return axis;
    }

    private static double heightFor(int names) {
        return Math.max(HEIGHT, FRAME_HEIGHT + HEIGHT_PER_NAME * names);
    }

    private static Node framed(XYChart<?, ?> chart, String id, String title, double height) {
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setPrefHeight(height);
        chart.setMinHeight(height);
        chart.getStyleClass().add("reports-chart");
        return chart;
    }
}
