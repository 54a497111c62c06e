package org.mailwright.ui.propagation;

import java.time.Duration;
import javafx.animation.PauseTransition;

/**
 * Waits, then acts on the FX thread: the page's next check and its countdown. The window waits
 * with {@link #fx()}; tests move time on by hand, so the page is tested without the FX thread.
 */
@FunctionalInterface
interface PageTimer {

    /** Something waited for, that may be called off. */
    @FunctionalInterface
    interface Pending {
        void cancel();
    }

    /** Runs {@code action} after {@code wait}, unless cancelled first. Call on the FX thread. */
    Pending after(Duration wait, Runnable action);

    /** Waits with the FX thread's animation timer. */
    static PageTimer fx() {
        return (wait, action) -> {
            PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(wait.toMillis()));
            pause.setOnFinished(event -> action.run());
            pause.play();
            return pause::stop;
        };
    }
}
