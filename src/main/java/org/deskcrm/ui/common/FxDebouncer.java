package org.deskcrm.ui.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on the FX thread: the action runs when nothing was scheduled for the delay. */
public final class FxDebouncer implements Debouncer {
    private final PauseTransition pause;

    public FxDebouncer(Duration delay) {
        this.pause = new PauseTransition(delay);
    }

    @Override
    public void schedule(Runnable action) {
        pause.stop();
        pause.setOnFinished(e -> action.run());
        pause.playFromStart();
    }

    @Override
    public void cancel() {
        pause.stop();
    }
}
