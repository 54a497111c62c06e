package org.mailwright.ui.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Runs each job to its end on the calling thread, so a view model is tested without the FX thread.
 * A job that has not ended after 20 seconds fails with the timeout rather than hanging the test.
 */
public final class DirectJobs implements BackgroundJobs {

    /** What each job said while it ran, in order. */
    public final List<String> messages = new ArrayList<>();

    @Override
    public <T> Job start(String message, Supplier<CompletableFuture<T>> work, BiConsumer<T, Throwable> done) {
        messages.add(message);
        T result = null;
        Throwable failure = null;
        try {
            result = work.get().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (Exception e) {
            failure = e;
        }
        done.accept(result, failure);
        return () -> { };
    }
}
