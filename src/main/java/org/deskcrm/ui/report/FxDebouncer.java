package org.deskcrm.ui.report;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on the FX thread: the action runs after the given quiet time. */
final class FxDebouncer implements Debouncer {
    private final PauseTransition pause;

    FxDebouncer(Duration quiet) {
        this.pause = new PauseTransition(quiet);
    }

    @Override
    public void request(Runnable action) {
        pause.setOnFinished(e -> action.run());
        pause.playFromStart();
    }
}
