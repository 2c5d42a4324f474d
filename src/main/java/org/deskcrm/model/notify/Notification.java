package org.deskcrm.model.notify;

import java.time.Instant;
import java.util.List;

/**
 * A message for one user ({@code recipientId}; null = whoever is signed in), localized by the UI from
 * {@code messageKey} and {@code args}. {@code target} names the record it is about ("call:12",
 * "task:5", "client:7") so that a click can open it.
 */
public record Notification(NotificationKind kind, Long recipientId, String messageKey, List<Object> args,
                           Instant at, String target) {
    public Notification {
        args = List.copyOf(args);
    }

    public static Notification of(NotificationKind kind, Long recipientId, Instant at, String target,
                                  String messageKey, Object... args) {
        return new Notification(kind, recipientId, messageKey, List.of(args), at, target);
    }
}
