package org.mailwright.ui.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.mailwright.ui.work.BackgroundJobs;

/** Runs each job to its end on the calling thread, so a view model is tested without the FX thread. */
final class DirectJobs implements BackgroundJobs {

    final List<String> messages = new ArrayList<>();

    @Override
    public <T> Job start(String message, Supplier<CompletableFuture<T>> work, BiConsumer<T, Throwable> done) {
        messages.add(message);
        T result = null;
        Throwable failure = null;
        try {
            result = work.get().join();
        } catch (CompletionException e) {
            failure = e.getCause();
        } catch (RuntimeException e) {
            failure = e;
        }
        done.accept(result, failure);
        return () -> { };
    }
}
