package org.mailwright.ui.dmarc;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/** Jobs run on the calling thread, to the end, so view models are tested without the FX thread. */
final class DirectJobs implements Jobs {

    int started;

    @Override
    public <T> Running start(String message, Callable<CompletableFuture<T>> work, BiConsumer<T, Throwable> done) {
        started++;
        T result;
        try {
            result = work.call().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException || e instanceof CompletionException
                    ? e.getCause() : e;
            done.accept(null, cause);
            return () -> { };
        }
        done.accept(result, null);
        return () -> { };
    }
}
