package org.deskcrm.ui.common;

import javafx.scene.Node;

import java.util.function.Supplier;

/**
 * The main window as seen by feature views: open a record or report as a tab (1C style), focus it if
 * it is already open, and show transient messages in the status bar.
 */
public interface Workspace {
    /**
     * Opens a tab identified by {@code key} (e.g. {@code "client:42"}); when a tab with that key is
     * open it is selected instead. {@code content} is only called when a new tab is needed.
     */
    void openTab(String key, String title, Supplier<Node> content);

    /** Retitles or closes the tab with that key (no-op when it is not open). */
    void retitleTab(String key, String title);

    void closeTab(String key);

    /**
     * Gives an open tab another key, e.g. a new record's card once it is saved and has an id, so that
     * opening that record later selects this tab. No-op when {@code oldKey} is not open; when
     * {@code newKey} is already open elsewhere, that tab keeps it and this one keeps {@code oldKey}.
     */
    void rekeyTab(String oldKey, String newKey);

    /** A short message in the status bar (saved, exported...). */
    void status(String text);

    /** Opens the card of a client (new tab or the existing one). */
    void openClient(long clientId);

    /** Opens an empty card for a new client. */
    void newClient();
}
