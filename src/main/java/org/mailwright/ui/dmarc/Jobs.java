package org.mailwright.ui.dmarc;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Runs the page's DNS and file work off the FX thread and hands the outcome back on it. The window
 * uses {@link TrackedJobs} (the status bar shows the work, Escape cancels it); tests run the work
 * directly, so the view models are tested without the FX thread.
 */
public interface Jobs {

    /** A job under way. */
    interface Running {
        /** Stops waiting; the job then ends with a {@link java.util.concurrent.CancellationException}. */
        void cancel();
    }

    /**
     * Starts {@code work} in the background.
     *
     * @param message what the status bar says while it runs, in the user's language
     * @param work called off the FX thread; its future's outcome is the job's
     * @param done called once on the FX thread with the result, or with the failure (a
     *     {@link java.util.concurrent.CancellationException} when cancelled)
     */
    <T> Running start(String message, Callable<CompletableFuture<T>> work, BiConsumer<T, Throwable> done);
}
