package org.mailwright.ui.work;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Background work where only the latest request counts: starting again abandons the previous run
 * (its outcome is dropped, so a late answer to an earlier question is never shown), and each run
 * may first wait a moment, so a burst of keystrokes ends in one round of lookups. A run cancelled
 * by the user (Escape) still reports its cancellation.
 */
public final class LatestJob {

    private final BackgroundJobs jobs;
    private final Duration settle;
    private BackgroundJobs.Job current;
    private int generation;
    private boolean running;

    /** Runs start at once, without a settling pause. */
    public LatestJob(BackgroundJobs jobs) {
        this(jobs, Duration.ZERO);
    }

    public LatestJob(BackgroundJobs jobs, Duration settle) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.settle = Objects.requireNonNull(settle, "settle");
    }

    /** Starts {@code work} after the settling pause, in place of any run not finished yet. */
    public <T> void start(String message, Supplier<CompletableFuture<T>> work, BiConsumer<T, Throwable> done) {
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
        // Work that ended at once (a test's direct jobs), or a newer run started from its outcome,
        // leaves nothing of this run to cancel.
        if (running && mine == generation) {
            current = job;
        }
    }

    /** Drops the run not finished yet, without reporting it, and stops it. */
    public void abandon() {
        generation++;
        running = false;
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    public boolean running() {
        return running;
    }
}
