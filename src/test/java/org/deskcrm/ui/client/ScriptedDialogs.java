package org.deskcrm.ui.client;

import org.deskcrm.ui.common.DialogService;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Dialogs for tests: answers from a script, and remembers every question. */
final class ScriptedDialogs implements DialogService {
    record Asked(String title, String message, List<String> options) {
    }

    final List<Asked> asked = new ArrayList<>();
    final Deque<Optional<Integer>> choices = new ArrayDeque<>();
    boolean confirmAnswer = true;

    ScriptedDialogs answer(Integer option) {
        choices.add(Optional.ofNullable(option));
        return this;
    }

    @Override
    public void error(String title, String message) {
        asked.add(new Asked(title, message, List.of()));
    }

    @Override
    public void info(String title, String message) {
        asked.add(new Asked(title, message, List.of()));
    }

    @Override
    public boolean confirm(String title, String message) {
        asked.add(new Asked(title, message, List.of()));
        return confirmAnswer;
    }

    @Override
    public Optional<Integer> choose(String title, String message, List<String> options) {
        asked.add(new Asked(title, message, options));
        return choices.isEmpty() ? Optional.empty() : choices.poll();
    }

    @Override
    public Optional<String> prompt(String title, String message, String initial) {
        return Optional.empty();
    }
}
