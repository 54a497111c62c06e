package org.mailwright.ui.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.mailwright.reports.ReportImportBenchmark;
import org.mailwright.testdns.TestDnsServer;
import org.mailwright.ui.AppContext;
import org.mailwright.ui.ThrowawayPreferences;
import org.mailwright.ui.work.BackgroundWork;

/**
 * Issue 13's "stays responsive while importing 10,000 reports", measured: the Reports page's view
 * model imports N generated reports (gzip, 40 records each) with the window's own background work,
 * while a probe asks the FX thread for a turn every 20 ms and records how long each took to come.
 * Needs a display (Xvfb). Run:
 * {@code java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) org.mailwright.ui.reports.ReportsPageImportBenchmark 10000}.
 */
public final class ReportsPageImportBenchmark {

    private ReportsPageImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path reports = Files.createTempDirectory("mailwright-page-bench");
        ReportImportBenchmark.write(reports, count);
        Platform.startup(() -> { });
        List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
        try (TestDnsServer dns = TestDnsServer.start("$ORIGIN test.\n");
             ThrowawayPreferences preferences = new ThrowawayPreferences()) {
            AppContext context = new AppContext(preferences.settingsAsking(dns), new BackgroundWork(), preferences.dataFolder());
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<ReportsViewModel> model = new AtomicReference<>();
            long start = System.nanoTime();
            Platform.runLater(() -> {
                model.set(new ReportsViewModel(context, request -> { }));
                model.get().importingProperty().addListener((property, was, now) -> {
                    if (!now) {
                        done.countDown();
                    }
                });
                model.get().importPaths(List.of(reports));
            });
            probe.scheduleAtFixedRate(() -> {
                long asked = System.nanoTime();
                Platform.runLater(() -> delays.add(System.nanoTime() - asked));
            }, 20, 20, TimeUnit.MILLISECONDS);
            done.await();
            double seconds = (System.nanoTime() - start) / 1e9;
            probe.shutdownNow();
            List<Long> sorted = new ArrayList<>(delays);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "%d reports in %.1f s (%.0f reports/s, %.0f records/s) in the window's view model%n",
                    count, seconds, count / seconds, count * 40 / seconds);
            System.out.printf(Locale.ROOT, "FX thread: %d turns asked; waited median %.1f ms, 99th %.1f ms, longest %.1f ms%n",
                    sorted.size(), sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 99 / 100) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6);
            System.out.printf(Locale.ROOT, "heap used at the end: %d MB; %s%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, model.get().importNoteProperty().get());
            context.close();
        } finally {
            Platform.exit();
        }
    }
}
