package org.mailwright.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits for the window to get somewhere, reading it on the FX thread: a read from the test's own
 * thread can meet a list the FX thread is changing, and fail for no fault of the window.
 */
public final class FxWait {

    private FxWait() {
    }

    /**
     * Returns once {@code condition} holds, or fails after {@code seconds} saying what {@code shown}
     * showed then.
     */
    public static void until(int seconds, Callable<Boolean> condition, Supplier<String> shown) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return onFx(condition);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the window did not get there within " + seconds + " s " + onFx(shown::get), e);
        }
    }

    public static void until(int seconds, Callable<Boolean> condition) {
        until(seconds, condition, () -> "");
    }

    /** {@code read} done on the FX thread, for what the window shows now. */
    public static <T> T onFx(Callable<T> read) {
        try {
            return Platform.isFxApplicationThread() ? read.call() : WaitForAsyncUtils.waitForAsyncFx(2000, read);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Gives {@code stage} a new size, hidden while it changes, and returns once its scene has the
     * size: JavaFX's software painter (Monocle's, in the tests) throws on a frame it was painting at
     * the old size when the window grows under it, a stack trace per frame on the build's output.
     */
    public static void resize(Stage stage, double width, double height) {
        onFx(() -> {
            stage.hide();
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            return null;
        });
        until(5, () -> stage.getScene().getWidth() == width && stage.getScene().getHeight() == height,
                () -> "the window is " + stage.getScene().getWidth() + "×" + stage.getScene().getHeight());
    }
}
