package org.mailwright.ui.work;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Starts work that ends in a {@link CompletableFuture} (DNS, mostly) and hands its outcome back
 * on the FX thread. View models take one instead of starting tasks themselves, so their tests run
 * the same work without the FX thread.
 */
public interface BackgroundJobs {

    /** A piece of work started; cancelling it makes {@code done} receive a cancellation. */
    interface Job {
        void cancel();
    }

    /**
     * Starts {@code work}, saying {@code message} while it runs.
     *
     * @param work called off the FX thread; it may also throw
     * @param done receives, exactly once and on the FX thread, the result and null, or null and
     *     the failure (a {@link java.util.concurrent.CancellationException} when cancelled)
     */
    <T> Job start(String message, Supplier<CompletableFuture<T>> work, BiConsumer<T, Throwable> done);

    /**
     * Blocking work (files, the plan store) as the future {@link #start} expects: its value, or
     * the exception it threw. Call it inside the work, so it runs off the FX thread.
     */
    static <T> CompletableFuture<T> completed(Callable<T> work) {
        try {
            return CompletableFuture.completedFuture(work.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
