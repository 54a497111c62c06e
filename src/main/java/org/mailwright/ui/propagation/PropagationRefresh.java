package org.mailwright.ui.propagation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.mailwright.ui.work.BackgroundWork;

/**
 * Checks a watch again and again in the background, on the window's work threads, each check
 * shown in the status bar (where Escape cancels it, which stops the refreshing too). After each
 * check the page says how long to wait before the next one, measured from when that check ended,
 * or that it is done; {@link #cancel()} stops it, {@link #restart()} checks at once.
 */
final class PropagationRefresh extends ScheduledService<ProbeRound> {

    private final BackgroundWork work;
    private final Supplier<Task<ProbeRound>> checks;
    private final Function<ProbeRound, Optional<Duration>> afterCheck;
    private volatile long checkStarted;

    /**
     * @param checks makes each check's task, on the FX thread
     * @param afterCheck takes each check's result on the FX thread, and says how long to wait
     *     before the next, or nothing when there is no need for one
     */
    PropagationRefresh(BackgroundWork work, Supplier<Task<ProbeRound>> checks,
                       Function<ProbeRound, Optional<Duration>> afterCheck) {
        this.work = Objects.requireNonNull(work, "work");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.afterCheck = Objects.requireNonNull(afterCheck, "afterCheck");
        Executor threads = work.executor();
        setExecutor(check -> {
            try {
                threads.execute(check);
            } catch (RejectedExecutionException closed) {
                // The window's work has shut down (the window is closing): there is no one left to check for.
            }
        });
    }

    @Override
    protected Task<ProbeRound> createTask() {
        Task<ProbeRound> check = checks.get();
        // Tracked once it runs, not while it waits its turn: the spinner means "asking now".
        check.stateProperty().addListener((observable, old, state) -> {
            if (state == Worker.State.RUNNING) {
                checkStarted = System.currentTimeMillis();
                work.track(check);
            }
        });
        return check;
    }

    @Override
    protected void succeeded() {
        try {
            Optional<Duration> wait = afterCheck.apply(getValue());
            if (wait.isPresent()) {
                // The service counts the period from when the check started; the page counts the wait from now.
                long checking = Math.max(0, System.currentTimeMillis() - checkStarted);
                setPeriod(javafx.util.Duration.millis(checking + wait.get().toMillis()));
            } else {
                // Cancelling inside succeeded() ends the service in CANCELLED instead of scheduling again.
                cancel();
            }
        } finally {
            // Even if taking the result failed, the checks go on: a page that stops refreshing unseen is worse.
            super.succeeded();
        }
    }
}
