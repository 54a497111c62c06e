package org.mailwright.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * How long a view lives. A view listens to objects that outlive it (its view model, the
 * settings); a listener left there after the window replaced the view (a language or theme switch
 * rebuilds everything) would keep the old view alive and at work. A view adds such listeners
 * through its lifetime, and the window ends the lifetime when it lets the view go. Bindings need
 * none of this: JavaFX holds a bound target weakly.
 */
public final class ViewLifetime {

    private final List<Runnable> removals = new ArrayList<>();
    private boolean ended;

    /** Calls {@code listener} on every change of {@code value} while the view lives. */
    public <T> void onChange(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        held(() -> value.removeListener(listener));
    }

    /** Calls {@code listener} whenever {@code observable} becomes invalid, while the view lives. */
    public void onInvalidation(Observable observable, InvalidationListener listener) {
        observable.addListener(listener);
        held(() -> observable.removeListener(listener));
    }

    /** Calls {@code listener} on every change of {@code list} while the view lives. */
    public <E> void onChange(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        held(() -> list.removeListener(listener));
    }

    /** Removes every listener added through this lifetime; later additions are refused. */
    public void end() {
        ended = true;
        removals.forEach(Runnable::run);
        removals.clear();
    }

    /** How many listeners are held now. */
    public int size() {
        return removals.size();
    }

    private void held(Runnable removal) {
        if (ended) {
            removal.run();
            throw new IllegalStateException("The view's lifetime has ended; it must not listen any more.");
        }
        removals.add(removal);
    }
}
