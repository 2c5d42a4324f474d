package org.deskcrm.ui.call;

import org.deskcrm.ui.common.DialogService;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A DialogService whose answers a test queues up; it records every message shown. */
public final class ScriptedDialogs implements DialogService {
    public final Deque<String> prompts = new ArrayDeque<>();
    public final Deque<Integer> choices = new ArrayDeque<>();
    public final List<String> shown = new ArrayList<>();
    public final List<List<String>> offered = new ArrayList<>();

    @Override
    public void error(String title, String message) {
        shown.add("error: " + message);
    }

    @Override
    public void info(String title, String message) {
        shown.add("info: " + message);
    }

    @Override
    public boolean confirm(String title, String message) {
        return true;
    }

    @Override
    public Optional<Integer> choose(String title, String message, List<String> options) {
        offered.add(List.copyOf(options));
        return Optional.ofNullable(choices.poll());
    }

    @Override
    public Optional<String> prompt(String title, String message, String initial) {
        return Optional.ofNullable(prompts.poll());
    }
}
