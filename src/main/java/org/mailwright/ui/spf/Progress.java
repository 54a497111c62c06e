package org.mailwright.ui.spf;

/** Where a piece of the page's background work is. */
public enum Progress {
    /** Nothing asked yet, or nothing to do (for example, no valid record to check). */
    IDLE,
    RUNNING,
    DONE,
    /** It ended in an error the page explains. */
    FAILED,
    /** The user cancelled it (Escape), or the resolver changed under it. */
    CANCELLED
}
