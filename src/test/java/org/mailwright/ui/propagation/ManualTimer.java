package org.mailwright.ui.propagation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A {@link PageTimer} whose time moves only when a test moves it, running what falls due on the calling thread. */
final class ManualTimer implements PageTimer {

    private final List<Waiting> waiting = new ArrayList<>();
    private Duration now = Duration.ZERO;
    private long made;

    private final class Waiting implements Pending {
        private final Duration due;
        private final long order;
        private final Runnable action;

        private Waiting(Duration due, long order, Runnable action) {
            this.due = due;
            this.order = order;
            this.action = action;
        }

        @Override
        public void cancel() {
            waiting.remove(this);
        }
    }

    @Override
    public Pending after(Duration wait, Runnable action) {
        Waiting pending = new Waiting(now.plus(wait), made++, action);
        waiting.add(pending);
        return pending;
    }

    /** Moves time on by {@code step}, doing what falls due on the way, in order. */
    void advance(Duration step) {
        Duration until = now.plus(step);
        while (true) {
            Optional<Waiting> next = waiting.stream().filter(pending -> pending.due.compareTo(until) <= 0)
                    .min(Comparator.comparing((Waiting pending) -> pending.due).thenComparingLong(pending -> pending.order));
            if (next.isEmpty()) {
                break;
            }
            waiting.remove(next.get());
            now = next.get().due;
            next.get().action.run();
        }
        now = until;
    }

    /** True when nothing waits: no check to come, no countdown running. */
    boolean idle() {
        return waiting.isEmpty();
    }
}
