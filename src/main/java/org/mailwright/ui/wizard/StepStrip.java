package org.mailwright.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Lays out a wizard's step strip so every step keeps its whole name: on one row, the lines between
 * the steps stretched to the width, when they all fit; otherwise wrapped onto as few rows as the
 * width allows, filled evenly (four and four rather than seven and one), with short lines between
 * the steps of a row. A name longer than the whole width wraps inside its step. Never an ellipsis:
 * a step named only by its number tells the user nothing.
 *
 * <p>The children are the steps with a line between each two ({@link #setSteps}).
 */
final class StepStrip extends Pane {

    private static final double GAP = 4;
    private static final double ROW_GAP = 4;
    private static final double SHORTEST_LINE = 12;
    private static final double LINE_HEIGHT = 2;

    private final List<Node> steps = new ArrayList<>();
    private final List<Region> lines = new ArrayList<>();

    StepStrip() {
        getStyleClass().add("wizard-strip");
        setMinWidth(0);
    }

    /** Shows {@code stepNodes}, in order, joined by lines. */
    void setSteps(List<? extends Node> stepNodes) {
        steps.clear();
        lines.clear();
        getChildren().clear();
        for (Node step : stepNodes) {
            if (!steps.isEmpty()) {
                Region line = new Region();
                line.getStyleClass().add("wizard-strip-line");
                line.setManaged(false);
                lines.add(line);
                getChildren().add(line);
            }
            steps.add(step);
            getChildren().add(step);
        }
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + oneRowWidth(SHORTEST_LINE) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inside = width < 0 ? oneRowWidth(SHORTEST_LINE) : width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + arrange(inside, false) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        arrange(getWidth() - snappedLeftInset() - snappedRightInset(), true);
    }

    private double oneRowWidth(double line) {
        double width = 0;
        for (Node step : steps) {
            width += step.prefWidth(-1);
        }
        return width + lines.size() * (line + 2 * GAP);
    }

    /** Places the steps and lines in {@code width} (when {@code place}) and returns the height they take. */
    private double arrange(double width, boolean place) {
        if (steps.isEmpty()) {
            return 0;
        }
        boolean oneRow = oneRowWidth(SHORTEST_LINE) <= width;
        double lineLength = oneRow && !lines.isEmpty() ? (width - oneRowWidth(0)) / lines.size() : SHORTEST_LINE;
        double wrapAt = oneRow ? width : evenWidth(width, lineLength);
        double top = 0;
        int first = 0;
        while (first < steps.size()) {
            int end = rowEnd(first, wrapAt, width, lineLength);
            if (first > 0) {
                top += ROW_GAP;
                if (place) {
                    // The line from the last step of a row to the first of the next joins nothing.
                    lines.get(first - 1).setVisible(false);
                }
            }
            top += placeRow(first, end, width, top, lineLength, place);
            first = end;
        }
        return top;
    }

    /**
     * The narrowest width at most {@code width} that wraps the steps onto as few rows as
     * {@code width} does: wrapping there fills the rows evenly.
     */
    private double evenWidth(double width, double lineLength) {
        int rows = rowCount(width, width, lineLength);
        double narrow = 0;
        double wide = width;
        for (int halving = 0; halving < 20; halving++) {
            double middle = (narrow + wide) / 2;
            if (rowCount(middle, width, lineLength) == rows) {
                wide = middle;
            } else {
                narrow = middle;
            }
        }
        return wide;
    }

    private int rowCount(double wrapAt, double width, double lineLength) {
        int rows = 0;
        for (int first = 0; first < steps.size(); first = rowEnd(first, wrapAt, width, lineLength)) {
            rows++;
        }
        return rows;
    }

    /**
     * The end (exclusive) of the row that starts with step {@code first}: as many steps as fit in
     * {@code wrapAt}, at least one.
     */
    private int rowEnd(int first, double wrapAt, double width, double lineLength) {
        double x = stepWidth(first, width);
        int end = first + 1;
        while (end < steps.size() && x + lineLength + 2 * GAP + stepWidth(end, width) <= wrapAt) {
            x += lineLength + 2 * GAP + stepWidth(end, width);
            end++;
        }
        return end;
    }

    /** Lays steps {@code first} to {@code end} (exclusive) out as a row at {@code top}; returns its height. */
    private double placeRow(int first, int end, double width, double top, double lineLength, boolean place) {
        double height = 0;
        for (int i = first; i < end; i++) {
            height = Math.max(height, steps.get(i).prefHeight(stepWidth(i, width)));
        }
        if (!place) {
            return height;
        }
        double x = snappedLeftInset();
        double y = snappedTopInset() + top;
        for (int i = first; i < end; i++) {
            if (i > first) {
                Region line = lines.get(i - 1);
                line.setVisible(true);
                line.resizeRelocate(snapPositionX(x + GAP), snapPositionY(y + (height - LINE_HEIGHT) / 2), snapSizeX(lineLength), LINE_HEIGHT);
                x += lineLength + 2 * GAP;
            }
            Node step = steps.get(i);
            double stepWidth = stepWidth(i, width);
            double stepHeight = step.prefHeight(stepWidth);
            step.resizeRelocate(snapPositionX(x), snapPositionY(y + (height - stepHeight) / 2), snapSizeX(stepWidth), snapSizeY(stepHeight));
            x += stepWidth;
        }
        return height;
    }

    /** A step's width: its whole name on one line, or the whole strip for a name longer than that (it then wraps). */
    private double stepWidth(int position, double width) {
        return Math.max(0, Math.min(steps.get(position).prefWidth(-1), width));
    }
}
