package org.deskcrm.service.notify;

import org.deskcrm.model.notify.Notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The in-app queue of notifications (missed calls, escalations, reminders). Services publish; the
 * window drains the ones for the signed-in user and pops them up. Thread-safe; one per application
 * (built by the composition root, never a static singleton).
 */
public final class NotificationCenter {
    private final ConcurrentLinkedQueue<Notification> queue = new ConcurrentLinkedQueue<>();
    private final List<Consumer<Notification>> listeners = new CopyOnWriteArrayList<>();

    public void publish(Notification n) {
        queue.add(Objects.requireNonNull(n));
        for (Consumer<Notification> l : listeners) {
            l.accept(n);
        }
    }

    public void publishAll(Collection<Notification> all) {
        all.forEach(this::publish);
    }

    /** Called on the publishing thread for every new notification. */
    public void addListener(Consumer<Notification> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Notification> listener) {
        listeners.remove(listener);
    }

    /**
     * True while somebody listens (a running window shows the notifications); the command line has no
     * listener, so what it would publish is left for a window to deliver from the database.
     */
    public boolean isDelivering() {
        return !listeners.isEmpty();
    }

    /**
     * Removes and returns the notifications for this user (and those for nobody in particular); with
     * {@code userId} null, all of them.
     */
    public List<Notification> drain(Long userId) {
        List<Notification> out = new ArrayList<>();
        for (var it = queue.iterator(); it.hasNext(); ) {
            Notification n = it.next();
            if (userId == null || n.recipientId() == null || userId.equals(n.recipientId())) {
                it.remove();
                out.add(n);
            }
        }
        return out;
    }

    /** What is waiting, without removing it. */
    public List<Notification> pending() {
        return List.copyOf(queue);
    }
}
