package org.deskcrm.ui.common;

import java.util.List;
import java.util.Optional;

/**
 * Dialogs behind an interface so that view models can ask the user without touching JavaFX, and
 * tests can answer. Messages are already localized.
 */
public interface DialogService {
    void error(String title, String message);

    void info(String title, String message);

    boolean confirm(String title, String message);

    /** Lets the user choose one of the labelled options; empty when cancelled. */
    Optional<Integer> choose(String title, String message, List<String> options);

    /** Asks for a line of text; empty when cancelled. */
    Optional<String> prompt(String title, String message, String initial);
}
