package org.deskcrm.ui.client;

import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * A client card was saved (new or edited). The card fires it on itself; it bubbles up to the window's
 * scene, where every open client list listens and reloads, so a list never shows a stale name, owner
 * or status after an edit in another tab.
 */
public final class ClientSavedEvent extends Event {
    public static final EventType<ClientSavedEvent> CLIENT_SAVED = new EventType<>(Event.ANY, "CLIENT_SAVED");

    private final long clientId;

    public ClientSavedEvent(long clientId) {
        super(CLIENT_SAVED);
        this.clientId = clientId;
    }

    public long clientId() {
        return clientId;
    }

    /**
     * Runs {@code action} for every client saved in the window that {@code node} is shown in, for as
     * long as it is shown there (the handler moves with the node's scene and goes when it leaves it).
     */
    static void listen(Node node, Runnable action) {
        javafx.event.EventHandler<ClientSavedEvent> handler = e -> action.run();
        node.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removeEventHandler(CLIENT_SAVED, handler);
            }
            if (scene != null) {
                scene.addEventHandler(CLIENT_SAVED, handler);
            }
        });
        Scene now = node.getScene();
        if (now != null) {
            now.addEventHandler(CLIENT_SAVED, handler);
        }
    }
}
