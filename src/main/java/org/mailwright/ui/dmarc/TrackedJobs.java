package org.mailwright.ui.dmarc;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import javafx.concurrent.Task;
import org.mailwright.ui.work.BackgroundWork;

/** {@link Jobs} as tasks of the window's {@link BackgroundWork}: shown in the status bar, cancelled by Escape. */
final class TrackedJobs implements Jobs {

    private final BackgroundWork work;

    TrackedJobs(BackgroundWork work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public <T> Running start(String message, Callable<CompletableFuture<T>> job, BiConsumer<T, Throwable> done) {
        FutureTask<T> task = new FutureTask<>(message, job);
        task.setOnSucceeded(event -> done.accept(task.getValue(), null));
        task.setOnFailed(event -> done.accept(null, task.getException()));
        task.setOnCancelled(event -> done.accept(null, new CancellationException()));
        work.start(task);
        return task::cancel;
    }

    /** A task that waits for a future; cancelling it abandons the future (and the lookups behind it). */
    private static final class FutureTask<T> extends Task<T> {

        private final Callable<CompletableFuture<T>> job;
        private volatile CompletableFuture<T> future;

        FutureTask(String message, Callable<CompletableFuture<T>> job) {
            this.job = job;
            updateMessage(message);
        }

        @Override
        protected T call() throws Exception {
            future = job.call();
            if (isCancelled()) {
                future.cancel(true);
            }
            try {
                return future.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        @Override
        protected void cancelled() {
            CompletableFuture<T> running = future;
            if (running != null) {
                running.cancel(true);
            }
        }
    }
}
