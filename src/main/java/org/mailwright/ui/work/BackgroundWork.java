package org.mailwright.ui.work;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * The window's background work: one executor of daemon threads that runs every
 * {@link Task}, and a tracker of what is running that the status bar observes. Tasks are started,
 * observed and cancelled on the FX thread; their work runs off it.
 */
public final class BackgroundWork implements BackgroundJobs, AutoCloseable {

    private final ExecutorService executor;
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    private final BooleanBinding busy = Bindings.isNotEmpty(running);
    private final StringBinding message;
    private final DoubleBinding progress;

    public BackgroundWork() {
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "mailwright-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // The newest task speaks for all of them: it is the one the user just asked for.
        message = Bindings.createStringBinding(() -> newest() == null ? "" : newest().getMessage(), running);
        progress = Bindings.createDoubleBinding(() -> newest() == null ? 0 : newest().getProgress(), running);
    }

    /**
     * Runs {@code task} in the background and tracks it until it ends. Call on the FX thread. Once
     * the window's work is closed (the window is going), a task started late is cancelled, so
     * whoever started it hears so rather than waiting for ever.
     */
    public <T> Task<T> start(Task<T> task) {
        if (executor.isShutdown()) {
            task.cancel();
            return task;
        }
        track(task);
        executor.execute(task);
        return task;
    }

    /**
     * Tracks {@code task}, which something else runs (a {@link javafx.concurrent.Service} on
     * {@link #executor()}), until it ends: the status bar shows it and Escape cancels it. Call on
     * the FX thread once the task is running, not while it waits for its turn.
     */
    public <T> Task<T> track(Task<T> task) {
        if (task.isDone() || running.contains(task)) {
            return task;
        }
        running.add(task);
        task.messageProperty().addListener((observable, old, text) -> message.invalidate());
        task.progressProperty().addListener((observable, old, value) -> progress.invalidate());
        task.stateProperty().addListener((observable, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                running.remove(task);
            }
        });
        return task;
    }

    /** Runs {@code work} as a task of this tracker (in the status bar, cancelled by Escape). Call on the FX thread. */
    @Override
    public <T> Job start(String message, Supplier<CompletableFuture<T>> work, BiConsumer<T, Throwable> done) {
        CompletableTask<T> task = new CompletableTask<>(message, work);
        task.setOnSucceeded(event -> done.accept(task.getValue(), null));
        task.setOnFailed(event -> done.accept(null, task.getException()));
        task.setOnCancelled(event -> done.accept(null, new CancellationException()));
        start(task);
        return task::cancel;
    }

    /** The daemon threads the window's work runs on, for a {@link javafx.concurrent.Service}'s tasks. */
    public Executor executor() {
        return executor;
    }

    /** Cancels everything running, as Escape does. Call on the FX thread. */
    public void cancelAll() {
        List.copyOf(running).forEach(Task::cancel);
    }

    /** True while any task runs. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** What the newest running task says it is doing; empty when idle. */
    public StringBinding messageProperty() {
        return message;
    }

    /** The newest running task's progress, from 0 to 1, or -1 when it cannot tell. */
    public DoubleBinding progressProperty() {
        return progress;
    }

    private Task<?> newest() {
        return running.isEmpty() ? null : running.get(running.size() - 1);
    }

    @Override
    public void close() {
        cancelAll();
        executor.shutdownNow();
    }
}
