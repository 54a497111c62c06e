package org.mailwright.ui.work;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
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
}
