package org.deskcrm.service.call;

import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.call.MissedCall;
import org.deskcrm.model.notify.Notification;
import org.deskcrm.model.notify.NotificationKind;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.MissedCallRepository;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.service.notify.NotificationCenter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Missed-call control. A missed incoming call opens a miss due {@code calls.callback_hours} (default
 * 24 h) later and notifies the client's manager at once (or the supervisors when nobody owns the
 * number). An outgoing call to the number, or an answered incoming call from it, made after the miss
 * returns it. A miss still open when its window ends is escalated to the supervisor by {@link #sweep()}.
 */
public class MissedCallService {
    public static final String WINDOW_SETTING = "calls.callback_hours";
    static final int DEFAULT_WINDOW_HOURS = 24;

    private final Database db;
    private final MissedCallRepository misses;
    private final SettingsRepository settings;
    private final NotificationCenter notifications;
    private final Clock clock;

    public MissedCallService(Database db, MissedCallRepository misses, SettingsRepository settings,
                             NotificationCenter notifications, Clock clock) {
        this.db = db;
        this.misses = misses;
        this.settings = settings;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The callback window from the settings (whole hours, positive), 24 h when unset or invalid. */
    public Duration window() {
        int hours = settings.get(WINDOW_SETTING).map(String::strip).filter(s -> s.matches("\\d{1,4}"))
                .map(Integer::parseInt).filter(h -> h > 0).orElse(DEFAULT_WINDOW_HOURS);
        return Duration.ofHours(hours);
    }

    static boolean isMiss(Call c) {
        return c.direction() == CallDirection.IN && c.status() == CallStatus.MISSED;
    }

    static boolean isCallback(Call c) {
        return c.direction() == CallDirection.OUT
                || (c.direction() == CallDirection.IN && c.status() == CallStatus.ANSWERED);
    }

    /** What putting a call under control did: whether a miss was opened, and who is to be told. */
    record Registered(boolean opened, List<Notification> notices) {
        static final Registered NONE = new Registered(false, List.of());
    }

    /**
     * Puts a just-saved missed call (with its id) under control, inside the caller's transaction;
     * returns the notifications to publish once that transaction commits.
     */
    List<Notification> register(Call saved, Long managerId, String clientName) {
        return register(saved, managerId, clientName, window()).notices();
    }

    /**
     * The same with the callback window read once by the caller (an import registers many calls). The
     * miss counts as notified at once only when a window in this process shows the notifications;
     * otherwise (the command line) it waits for a running window to deliver it ({@link #sweep()}).
     */
    Registered register(Call saved, Long managerId, String clientName, Duration window) {
        if (!isMiss(saved) || saved.phoneNorm() == null || saved.phoneNorm().isEmpty()) {
            return Registered.NONE;
        }
        Instant now = clock.instant();
        if (!misses.open(saved.id(), managerId, saved.startedAt().plus(window),
                notifications.isDelivering() ? now : null)) {
            return Registered.NONE;
        }
        return new Registered(true, notices(saved.id(), managerId, saved.phoneRaw(), clientName, now));
    }

    /** A just-saved call (with its id) of an import and the manager to tell when it is a miss. */
    record Saved(Call call, Long managerId) {
    }

    /** What putting many calls under control did: how many misses were opened, and who is to be told. */
    record RegisteredAll(int opened, List<Notification> notices) {
    }

    /**
     * {@link #register(Call, Long, String, Duration)} for the calls of an import, set-based: the misses
     * among them are opened with one look-up and batched inserts, and the supervisors (told about the
     * misses nobody owns) are read once. Notices come in the order of {@code saved}.
     */
    RegisteredAll registerAll(List<Saved> saved, Duration window) {
        Instant now = clock.instant();
        Instant notifiedAt = notifications.isDelivering() ? now : null;
        List<MissedCallRepository.Opening> openings = new ArrayList<>();
        for (Saved s : saved) {
            Call c = s.call();
            if (isMiss(c) && c.phoneNorm() != null && !c.phoneNorm().isEmpty()) {
                openings.add(new MissedCallRepository.Opening(c.id(), s.managerId(), c.startedAt().plus(window),
                        notifiedAt));
            }
        }
        java.util.Set<Long> opened = openings.isEmpty() ? java.util.Set.of() : misses.openAll(openings);
        List<Notification> out = new ArrayList<>();
        List<Long> supervisors = null;
        for (Saved s : saved) {
            if (!opened.contains(s.call().id())) {
                continue;
            }
            List<Long> recipients;
            if (s.managerId() != null) {
                recipients = List.of(s.managerId());
            } else {
                supervisors = supervisors != null ? supervisors : misses.supervisorsOf(null);
                recipients = supervisors;
            }
            out.addAll(notices(s.call().id(), recipients, s.call().phoneRaw(), null, now));
        }
        return new RegisteredAll(opened.size(), out);
    }

    /** "Call back" for the manager, or for the supervisors when nobody owns the number. */
    private List<Notification> notices(long callId, Long managerId, String phoneRaw, String clientName, Instant now) {
        List<Long> recipients = managerId != null ? List.of(managerId) : misses.supervisorsOf(null);
        return notices(callId, recipients, phoneRaw, clientName, now);
    }

    private static List<Notification> notices(long callId, List<Long> recipients, String phoneRaw, String clientName,
                                              Instant now) {
        String target = "call:" + callId;
        List<Notification> out = new ArrayList<>();
        String who = clientName == null ? "" : clientName;
        for (Long r : recipients) {
            out.add(Notification.of(NotificationKind.MISSED_CALL, r, now, target, "notify.missedCall", phoneRaw, who));
        }
        return out;
    }

    /**
     * Returns the open misses of these numbers that a later call (already saved) returned; call it in
     * the same transaction after saving calls. Returns how many misses were closed.
     */
    int reconcile(Collection<String> phoneNorms) {
        List<MissedCall> open = misses.unresolvedOf(phoneNorms);
        if (open.isEmpty()) {
            return 0;
        }
        java.util.Map<Long, MissedCallRepository.CallAt> back = misses.firstCallbacks(open);
        misses.resolveAll(back);
        return back.size();
    }

    /**
     * Puts under control the missed incoming calls saved by another path (demo data, a generic
     * import) without notifying anybody: closes those a later call returned, and marks as escalated
     * (at the end of their window, silently) those whose window is already over. Returns how many
     * misses were opened.
     */
    public int backfill() {
        Instant now = clock.instant();
        Duration window = window();
        return db.inTransaction(() -> {
            List<MissedCallRepository.Uncontrolled> list = misses.uncontrolled();
            java.util.Set<String> phones = new java.util.HashSet<>();
            for (MissedCallRepository.Uncontrolled u : list) {
                misses.open(u.callId(), u.managerId(), u.startedAt().plus(window), null);
                phones.add(u.phoneNorm());
            }
            reconcile(phones);
            for (MissedCallRepository.Uncontrolled u : list) {
                Instant due = u.startedAt().plus(window);
                if (!due.isAfter(now) && misses.find(u.callId()).map(m -> m.resolvedAt() == null).orElse(false)) {
                    misses.markEscalated(u.callId(), due);
                }
            }
            return list.size();
        });
    }

    /** Drops the notifications of misses that are no longer open (returned in the same batch). */
    List<Notification> stillOpen(List<Notification> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> open = misses.stillOpen(pending.stream().map(MissedCallService::callOf).toList());
        List<Notification> out = new ArrayList<>();
        for (Notification n : pending) {
            if (open.contains(callOf(n))) {
                out.add(n);
            }
        }
        return out;
    }

    private static long callOf(Notification n) {
        return Long.parseLong(n.target().substring("call:".length()));
    }

    /** Publishes notifications (after the transaction that produced them committed). */
    void publish(List<Notification> list) {
        notifications.publishAll(list);
    }

    private boolean tryResolve(MissedCall m) {
        Optional<MissedCallRepository.CallAt> back = misses.firstCallback(m.phoneNorm(), m.startedAt());
        back.ifPresent(cb -> misses.resolve(m.callId(), cb.callId(), cb.startedAt()));
        return back.isPresent();
    }

    /**
     * The periodic check (the window runs it on a timer). When a window shows the notifications, it
     * first tells the managers of the misses that another process (the command line, another desktop)
     * put under control without telling anybody, unless a later call returned them; then it closes
     * misses that were returned by calls saved meanwhile and escalates every miss whose window is over
     * to the supervisor. Publishes and returns these notifications.
     */
    public List<Notification> sweep() {
        Instant now = clock.instant();
        boolean delivering = notifications.isDelivering();
        List<Notification> out = db.inTransaction(() -> {
            List<Notification> list = new ArrayList<>();
            if (delivering) {
                for (MissedCall m : misses.undelivered(now)) {
                    if (!tryResolve(m) && misses.markNotified(m.callId(), now)) {
                        list.addAll(notices(m.callId(), m.managerId(), m.phoneRaw(), m.clientName(), now));
                    }
                }
            }
            for (MissedCall m : misses.toEscalate(now)) {
                if (tryResolve(m)) {
                    continue;
                }
                misses.markEscalated(m.callId(), now);
                for (Long sup : misses.supervisorsOf(m.managerId())) {
                    list.add(Notification.of(NotificationKind.MISSED_CALL_ESCALATED, sup, now, "call:" + m.callId(),
                            "notify.missedCallEscalated", m.phoneRaw(),
                            m.clientName() == null ? "" : m.clientName(),
                            m.managerName() == null ? "" : m.managerName()));
                }
            }
            return list;
        });
        notifications.publishAll(out);
        return out;
    }

    /**
     * Whose notifications a window acting for this user shows: an administrator sees everybody's
     * (null), anybody else their own.
     */
    public Long audienceOf(Long userId) {
        return userId == null || misses.isAdmin(userId) ? null : userId;
    }

    /** Open and escalated misses (not returned yet), oldest first; {@code managerId} null = all. */
    public List<MissedCall> unresolved(Long managerId) {
        return misses.unresolved(managerId);
    }

    /** Misses not returned although their window is over (the control indicator). */
    public List<MissedCall> overdue() {
        return misses.overdue(clock.instant());
    }

    public int overdueCount() {
        return misses.overdueCount(clock.instant());
    }

    /** Every miss since a moment, returned or not (the list's "recent" view). */
    public List<MissedCall> since(Instant from) {
        return misses.since(from);
    }

    public Optional<MissedCall> find(long callId) {
        return misses.find(callId);
    }

    public Clock clock() {
        return clock;
    }
}
