package org.mailwright.ui.dmarc;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * One kind of background job of which only the newest counts: starting another cancels the one
 * before, and a late answer to an earlier question is dropped rather than shown.
 */
final class LatestJob {

    private final Jobs jobs;
    private Jobs.Running running;
    private int generation;

    LatestJob(Jobs jobs) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    <T> void start(String message, Callable<CompletableFuture<T>> work, BiConsumer<T, Throwable> done) {
        drop();
        int mine = ++generation;
        boolean[] finished = {false};
        Jobs.Running started = jobs.start(message, work, (result, failure) -> {
            finished[0] = true;
            if (mine == generation) {
                running = null;
                done.accept(result, failure);
            }
        });
        // Work that ends at once (a test's direct jobs) has nothing left to cancel.
        if (!finished[0] && mine == generation) {
            running = started;
        }
    }

    /** Forgets the job under way, if any, and stops it. */
    void drop() {
        generation++;
        Jobs.Running stopping = running;
        running = null;
        if (stopping != null) {
            stopping.cancel();
        }
    }
}
