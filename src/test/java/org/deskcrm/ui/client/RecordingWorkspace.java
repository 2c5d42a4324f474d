package org.deskcrm.ui.client;

import javafx.scene.Node;
import org.deskcrm.ui.common.Workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A workspace for view-model tests: remembers what it was asked to do. */
final class RecordingWorkspace implements Workspace {
    final Map<String, String> titles = new LinkedHashMap<>();
    final List<Long> openedClients = new ArrayList<>();
    final List<String> statuses = new ArrayList<>();
    int newClients;

    @Override
    public void openTab(String key, String title, Supplier<Node> content) {
        titles.put(key, title);
    }

    @Override
    public void retitleTab(String key, String title) {
        titles.put(key, title);
    }

    @Override
    public void closeTab(String key) {
        titles.remove(key);
    }

    @Override
    public void rekeyTab(String oldKey, String newKey) {
        if (titles.containsKey(oldKey) && !titles.containsKey(newKey)) {
            titles.put(newKey, titles.remove(oldKey));
        }
    }

    @Override
    public void status(String text) {
        statuses.add(text);
    }

    @Override
    public void openClient(long clientId) {
        openedClients.add(clientId);
    }

    @Override
    public void newClient() {
        newClients++;
    }
}
