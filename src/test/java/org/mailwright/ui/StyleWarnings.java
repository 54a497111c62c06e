package org.mailwright.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What JavaFX says about the styles while a window test runs: a looked-up colour it could not
 * resolve, a value it could not convert. Each is one warning per node and property, and they once
 * filled the build's log by the hundred, so a window test asserts there are none.
 */
public final class StyleWarnings implements AutoCloseable {

    private static final Logger CSS = Logger.getLogger("javafx.css");

    private final List<String> said = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            said.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private StyleWarnings() {
        CSS.addHandler(handler);
    }

    /** Listens from now until {@link #close()}. */
    public static StyleWarnings listen() {
        return new StyleWarnings();
    }

    /** The first few different warnings said so far. */
    public List<String> first() {
        return said.stream().distinct().limit(5).toList();
    }

    @Override
    public void close() {
        CSS.removeHandler(handler);
    }
}
