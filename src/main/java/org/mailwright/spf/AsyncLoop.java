package org.mailwright.spf;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;

/**
 * Runs asynchronous steps one after another without growing the stack: a step whose answer is
 * already there (a cached lookup, a term that needs no DNS) is followed in a plain loop, and only
 * a step still waiting for DNS continues from its own completion. Chaining futures recursively
 * instead (step i composing step i + 1) nests one set of frames per completed step, so a record
 * of a few thousand terms overflows the stack.
 */
final class AsyncLoop {

    private AsyncLoop() {
    }

    /**
     * Runs {@code step} for 0, 1, ... {@code count - 1} in turn until one gives a value, and
     * completes with that value, or with empty after the last. A step that throws, or whose future
     * fails, ends the loop with that failure.
     */
    static <T> CompletableFuture<Optional<T>> firstPresent(int count, IntFunction<CompletableFuture<Optional<T>>> step) {
        CompletableFuture<Optional<T>> result = new CompletableFuture<>();
        new Runner<>(count, step, result).run(0);
        return result;
    }

    private record Runner<T>(int count, IntFunction<CompletableFuture<Optional<T>>> step,
                             CompletableFuture<Optional<T>> result) {

        void run(int from) {
            int index = from;
            while (index < count) {
                CompletableFuture<Optional<T>> current;
                try {
                    current = step.apply(index);
                } catch (RuntimeException | Error failure) {
                    result.completeExceptionally(failure);
                    return;
                }
                int next = index + 1;
                if (!current.isDone()) {
                    current.whenComplete((value, failure) -> {
                        if (!finished(value, failure)) {
                            run(next);
                        }
                    });
                    return;
                }
                Optional<T> value = null;
                Throwable failure = null;
                try {
                    value = current.join();
                } catch (CompletionException | CancellationException failed) {
                    failure = failed;
                }
                if (finished(value, failure)) {
                    return;
                }
                index = next;
            }
            result.complete(Optional.empty());
        }

        /** Completes the result when the step failed or found something; false to go on. */
        private boolean finished(Optional<T> value, Throwable failure) {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                result.completeExceptionally(cause);
                return true;
            }
            if (value.isPresent()) {
                result.complete(value);
                return true;
            }
            return false;
        }
    }
}
