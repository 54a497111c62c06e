package org.mailwright.dns;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * At most so many tasks running at once, the others queued in order without holding a thread:
 * a semaphore for asynchronous work, so a burst of lookups waits rather than opening a socket and
 * a thread each.
 */
final class InFlightLimit {

    private final int limit;
    /** Each starts its task and says whether it began; one the executor refused has failed its future. */
    private final Queue<BooleanSupplier> waiting = new ArrayDeque<>();
    private int running;

    InFlightLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit);
        }
        this.limit = limit;
    }

    /** Runs {@code task} on {@code executor} as soon as fewer than the limit are running. */
    <T> CompletableFuture<T> submit(Supplier<T> task, Executor executor) {
        CompletableFuture<T> result = new CompletableFuture<>();
        BooleanSupplier start = () -> {
            CompletableFuture<T> started;
            try {
                started = CompletableFuture.supplyAsync(task, executor);
            } catch (RuntimeException refused) {
                // The executor is shut down: the task never runs, so it frees no place later.
                result.completeExceptionally(refused);
                return false;
            }
            started.whenComplete((value, failure) -> {
                release();
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
            return true;
        };
        synchronized (this) {
            if (running == limit) {
                waiting.add(start);
                return result;
            }
            running++;
        }
        if (!start.getAsBoolean()) {
            release();
        }
        return result;
    }

    /** How many tasks run now. */
    synchronized int running() {
        return running;
    }

    /** A place is free: it passes to the first task waiting that starts, else it is given back. */
    private void release() {
        while (true) {
            BooleanSupplier next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    running--;
                    return;
                }
            }
            if (next.getAsBoolean()) {
                return;
            }
        }
    }
}
