package org.mailwright.ui.controls;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;

/**
 * Brings a node into sight inside the scroll pane that holds it: a result, a question or an
 * error that appears below the fold would otherwise go unseen.
 */
public final class ScrollIntoView {

    private ScrollIntoView() {
    }

    /** Scrolls {@code node} into sight each time it becomes visible. */
    public static void whenShown(Node node) {
        node.visibleProperty().addListener((observable, was, visible) -> {
            if (visible) {
                later(node);
            }
        });
    }

    /** Scrolls {@code node} into sight once the layout has taken it in. */
    public static void later(Node node) {
        Platform.runLater(() -> now(node));
    }

    /** Scrolls the nearest enclosing scroll pane just enough to show {@code node}, its top first. */
    public static void now(Node node) {
        ScrollPane scroll = enclosing(node);
        if (scroll == null || scroll.getContent() == null || node.getScene() == null) {
            return;
        }
        Node content = scroll.getContent();
        scroll.layout();
        Bounds shown = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewHeight = scroll.getViewportBounds().getHeight();
        double range = contentHeight - viewHeight;
        if (range <= 0 || shown == null) {
            return;
        }
        double top = scroll.getVvalue() * range;
        double wanted = top;
        if (shown.getMaxY() > top + viewHeight) {
            wanted = shown.getMaxY() - viewHeight;
        }
        if (shown.getMinY() < wanted) {
            wanted = shown.getMinY();
        }
        scroll.setVvalue(Math.max(0, Math.min(1, wanted / range)));
    }

    private static ScrollPane enclosing(Node node) {
        for (Parent parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof ScrollPane scroll) {
                return scroll;
            }
        }
        return null;
    }
}
