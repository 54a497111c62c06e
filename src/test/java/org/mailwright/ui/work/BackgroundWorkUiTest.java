package org.mailwright.ui.work;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class BackgroundWorkUiTest {

    @Start
    void start(Stage stage) {
        // The FX thread is all these tests need.
    }

    @Test
    void workStartedAfterTheWindowClosedIsCancelledNotThrown(FxRobot robot) {
        BackgroundWork work = new BackgroundWork();
        AtomicReference<Throwable> heard = new AtomicReference<>();
        robot.interact(() -> {
            work.close();
            work.start("late", () -> CompletableFuture.completedFuture("never"), (value, failure) -> heard.set(failure));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertInstanceOf(CancellationException.class, heard.get());
        assertFalse(work.busyProperty().get(), "nothing is left running in the status bar");
    }

    /**
     * A task whose waiting thread is interrupted (closing the window's executor does that) ends
     * with a cancellation, not a failure that the pages would log with its stack trace.
     */
    @Test
    void workWhoseThreadIsInterruptedEndsCancelledNotFailed(FxRobot robot) throws Exception {
        CompletableFuture<String> never = new CompletableFuture<>();
        CompletableTask<String> task = new CompletableTask<>("waits", () -> never);
        Thread thread = new Thread(task);
        thread.start();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> thread.getState() == Thread.State.WAITING);
        thread.interrupt();
        thread.join(5_000);
        WaitForAsyncUtils.waitForFxEvents();

        AtomicReference<Throwable> ended = new AtomicReference<>();
        robot.interact(() -> ended.set(task.getException()));
        assertInstanceOf(CancellationException.class, ended.get());
        assertTrue(never.isCancelled(), "the work's own future is cancelled too");
    }
}
