package org.mailwright.ui.work;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.concurrent.Task;

/** A task that waits for the future its work returns; cancelling the task abandons the future. */
final class CompletableTask<T> extends Task<T> {

    private final Supplier<CompletableFuture<T>> work;
    private volatile CompletableFuture<T> future;

    CompletableTask(String message, Supplier<CompletableFuture<T>> work) {
        this.work = Objects.requireNonNull(work, "work");
        updateMessage(message);
    }

    @Override
    protected T call() throws Exception {
        future = work.get();
        if (isCancelled()) {
            future.cancel(true);
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            // Cancelling the task, or closing the window's executor, interrupts this wait: the work
            // was stopped, not failed, and says so as every cancelled piece of work does.
            future.cancel(true);
            Thread.currentThread().interrupt();
            CancellationException stopped = new CancellationException("The background work was stopped.");
            stopped.initCause(e);
            throw stopped;
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
