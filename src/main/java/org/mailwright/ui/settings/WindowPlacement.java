package org.mailwright.ui.settings;

/**
 * Where the window was and how big, to bring it back there.
 *
 * @param x the left edge, in screen coordinates
 * @param y the top edge, in screen coordinates
 * @param width the width when not maximized
 * @param height the height when not maximized
 * @param maximized whether the window filled the screen
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    public static final double MIN_WIDTH = 760;
    public static final double MIN_HEIGHT = 520;

    public WindowPlacement {
        width = Math.max(width, MIN_WIDTH);
        height = Math.max(height, MIN_HEIGHT);
    }
}
