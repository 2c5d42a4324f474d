package org.deskcrm.ui.client;

/**
 * Opens a link outside the application (tel:, mailto:, https://wa.me/..., https://t.me/...). The window
 * passes {@code getHostServices()::showDocument}; tests record the links instead.
 */
@FunctionalInterface
public interface LinkOpener {
    void open(String uri);
}
