package org.deskcrm.ui.client;

import javafx.scene.Node;

/**
 * A section another feature adds to an existing client's card, below its own sections (the deal
 * feature adds sales and needs). Registered with {@link ClientScreens#withCardSection(CardSection)}.
 */
@FunctionalInterface
public interface CardSection {
    /**
     * Builds the section for one client (on the FX thread; loading belongs in the background).
     * {@code purchasesChanged} asks the card to reload and show the client's recomputed lifecycle status and its
     * timeline (run it after the section saved a sale, a deal, a task or a call).
     */
    Node create(long clientId, Runnable purchasesChanged);
}
