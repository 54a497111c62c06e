package org.mailwright.ui.spf;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.mailwright.ui.work.BackgroundJobs;

/**
 * Background work where only the latest request counts: starting again abandons the previous run
 * (its outcome is dropped), and each run first waits a moment, so a burst of keystrokes ends in one
 * round of lookups. A run cancelled by the user (Escape) still reports its cancellation.
 */
final class LatestJob {

    private final BackgroundJobs jobs;
    private final Duration settle;
    private BackgroundJobs.Job current;
    private int generation;
    private boolean running;

    LatestJob(BackgroundJobs jobs, Duration settle) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.settle = Objects.requireNonNull(settle, "settle");
    }

    /** Starts {@code work} after the settling pause, in place of any run not finished yet. */
    <T> void start(String message, Supplier<CompletableFuture<T>> work, BiConsumer<T, Throwable> done) {
        abandon();
        int mine = generation;
        Supplier<CompletableFuture<T>> settled = settle.isZero() ? work
                : () -> CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(settle.toMillis(), TimeUnit.MILLISECONDS))
                        .thenCompose(pause -> work.get());
        running = true;
        BackgroundJobs.Job job = jobs.start(message, settled, (value, failure) -> {
            if (mine == generation) {
                running = false;
                current = null;
                done.accept(value, failure);
            }
        });
        if (running) {
            current = job;
        }
    }

    /** Drops the run not finished yet, without reporting it. */
    void abandon() {
        generation++;
        running = false;
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    boolean running() {
        return running;
    }
}
