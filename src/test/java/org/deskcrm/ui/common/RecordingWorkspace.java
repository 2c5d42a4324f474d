package org.deskcrm.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A workspace for screen tests: remembers the tabs it was asked to open (creating their content) and the messages. */
public class RecordingWorkspace implements Workspace {
    public final List<String> keys = new ArrayList<>();
    public final List<javafx.scene.Node> contents = new ArrayList<>();
    public final List<String> statuses = new ArrayList<>();
    public final List<String> closed = new ArrayList<>();

    @Override
    public void openTab(String key, String title, Supplier<javafx.scene.Node> content) {
        keys.add(key);
        contents.add(content.get());
    }

    @Override
    public void retitleTab(String key, String title) {
    }

    @Override
    public void closeTab(String key) {
        closed.add(key);
    }

    @Override
    public void rekeyTab(String oldKey, String newKey) {
    }

    @Override
    public void status(String text) {
        statuses.add(text);
    }

    @Override
    public void openClient(long clientId) {
    }

    @Override
    public void newClient() {
    }
}
