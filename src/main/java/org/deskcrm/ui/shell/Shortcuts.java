package org.deskcrm.ui.shell;

import javafx.event.EventHandler;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.KeyCombination;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Window-wide keyboard shortcuts, installed as a scene event filter so that they work whichever
 * control has the focus (a text field does not swallow Ctrl+W, the tab pane does not keep Ctrl+Tab).
 */
public final class Shortcuts implements EventHandler<KeyEvent> {
    private final Map<KeyCombination, Runnable> actions = new LinkedHashMap<>();

    public Shortcuts on(KeyCombination keys, Runnable action) {
        actions.put(keys, action);
        return this;
    }

    @Override
    public void handle(KeyEvent event) {
        for (Map.Entry<KeyCombination, Runnable> e : actions.entrySet()) {
            if (e.getKey().match(event)) {
                event.consume();
                e.getValue().run();
                return;
            }
        }
    }
}
