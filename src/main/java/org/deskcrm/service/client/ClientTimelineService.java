package org.deskcrm.service.client;

import org.deskcrm.model.client.TimelineEntry;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.task.Activity;
import org.deskcrm.model.task.ActivityKind;
import org.deskcrm.persistence.TaskRepository;
import org.deskcrm.persistence.TimelineRepository;

import java.time.Clock;
import java.util.List;

/** A client's timeline (calls, tasks, notes, deal moves, edits; newest first) and quick notes on it. */
public class ClientTimelineService {
    private final TimelineRepository timeline;
    private final TaskRepository tasks;
    private final Clock clock;
    private java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope = org.deskcrm.model.user.AccessScope::all;

    public ClientTimelineService(TimelineRepository timeline, TaskRepository tasks, Clock clock) {
        this.timeline = timeline;
        this.tasks = tasks;
        this.clock = clock;
    }


    /**
     * Makes every read of this service return only what {@code scope} sees (the signed-in user's records);
     * called once by the composition root. Without it the service reads everything (command line).
     */
    public ClientTimelineService restrictedTo(java.util.function.Supplier<org.deskcrm.model.user.AccessScope> scope) {
        this.scope = scope;
        return this;
    }

    /** The newest {@code perKind} entries of each kind, merged newest first. */
    public List<TimelineEntry> timeline(long clientId, int perKind) {
        return timeline.forClient(clientId, perKind, scope.get());
    }

    /** Adds a note to the client's timeline. */
    public long addNote(long clientId, Long userId, String text) {
        if (Texts.isBlank(text)) {
            throw new AppException("validation.required");
        }
        String body = text.strip();
        String subject = body.length() > 120 ? body.substring(0, 119) + "…" : body;
        return tasks.insertActivity(new Activity(null, ActivityKind.NOTE, clientId, null, null, userId,
                clock.instant(), subject.lines().findFirst().orElse(subject), body));
    }
}
