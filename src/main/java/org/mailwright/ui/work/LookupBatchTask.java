package org.mailwright.ui.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.mailwright.dns.Detail;
import org.mailwright.dns.LookupResult;
import org.mailwright.dns.Outcome;
import org.mailwright.dns.RecordType;
import org.mailwright.dns.ResolverService;
import org.mailwright.dns.ResolverTarget;

/**
 * Several lookups at once through the resolver service, as one background task: each answer is
 * handed to the FX thread as soon as it arrives, so a page fills in row by row while a slow server
 * is still being waited for. Cancelling the task abandons the lookups still pending. Create and
 * start it on the FX thread.
 */
public final class LookupBatchTask extends Task<List<LookupResult>> {

    /** One name and type to look up. */
    public record Lookup(String name, RecordType type) {
        public Lookup {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /** Receives each answer on the FX thread, with the position of its lookup in the batch. */
    @FunctionalInterface
    public interface AnswerListener {
        void answered(int index, LookupResult result);
    }

    private final ResolverService resolver;
    private final ResolverTarget target;
    private final List<Lookup> lookups;
    private final AnswerListener listener;
    private final BiFunction<Integer, Integer, String> progressMessage;
    private final List<CompletableFuture<LookupResult>> pending = new ArrayList<>();

    /**
     * @param progressMessage the status text for "{@code done} of {@code total} answered", in the
     *     user's language
     */
    public LookupBatchTask(ResolverService resolver, ResolverTarget target, List<Lookup> lookups,
                           AnswerListener listener, BiFunction<Integer, Integer, String> progressMessage) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.target = Objects.requireNonNull(target, "target");
        this.lookups = List.copyOf(lookups);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.progressMessage = Objects.requireNonNull(progressMessage, "progressMessage");
        updateMessage(progressMessage.apply(0, this.lookups.size()));
    }

    @Override
    protected List<LookupResult> call() throws Exception {
        int total = lookups.size();
        AtomicInteger done = new AtomicInteger();
        updateProgress(0, total);
        synchronized (pending) {
            for (int index = 0; index < total; index++) {
                int position = index;
                Lookup lookup = lookups.get(index);
                CompletableFuture<LookupResult> future = start(lookup).thenApply(result -> {
                    int count = done.incrementAndGet();
                    updateProgress(count, total);
                    updateMessage(progressMessage.apply(count, total));
                    Platform.runLater(() -> {
                        if (!isCancelled()) {
                            listener.answered(position, result);
                        }
                    });
                    return result;
                });
                pending.add(future);
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
        return pending.stream().map(CompletableFuture::join).toList();
    }

    /** A lookup that cannot even be sent still ends as a result the user can read. */
    private CompletableFuture<LookupResult> start(Lookup lookup) {
        try {
            return resolver.lookup(lookup.name(), lookup.type(), target)
                    .exceptionally(failure -> failed(lookup, failure));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(failed(lookup, e));
        }
    }

    private LookupResult failed(Lookup lookup, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new LookupResult(lookup.name(), lookup.type(), Outcome.ERROR, List.of(), List.of(),
                LookupResult.NO_TTL, target.displayName(), Detail.unexplained(detail), false, Duration.ZERO);
    }

    @Override
    protected void cancelled() {
        synchronized (pending) {
            pending.forEach(future -> future.cancel(true));
        }
    }
}
