package org.deskcrm.ui.report;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * The pipeline each person last chose in each report, kept in this desktop's {@link Preferences} under the
 * person's user id (a choice of "all pipelines" forgets it). A report opens on it; without one the report
 * service picks the pipeline that holds the period's deals.
 */
public final class PipelineMemory {
    private final Preferences node;
    private final Supplier<Long> user;

    public PipelineMemory(Preferences node, Supplier<Long> user) {
        this.node = node;
        this.user = user;
    }

    /** The node beside the window's own preferences (property {@code deskcrm.prefsNode} moves both). */
    public static PipelineMemory forCurrentUser(Supplier<Long> user) {
        return new PipelineMemory(Preferences.userRoot().node(System.getProperty("deskcrm.prefsNode", "org/deskcrm/shell"))
                .node("report-pipelines"), user);
    }

    public Optional<Long> get(String report) {
        String key = key(report);
        if (key == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(node.get(key, null)).map(Long::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void put(String report, Long pipelineId) {
        String key = key(report);
        if (key == null) {
            return;
        }
        if (pipelineId == null) {
            node.remove(key);
        } else {
            node.put(key, pipelineId.toString());
        }
    }

    private String key(String report) {
        Long id = user.get();
        return id == null ? null : id + "." + report;
    }
}
