package org.deskcrm.service.goal;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.report.GoalEntry;
import org.deskcrm.model.report.PeriodKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.GoalRepository;
import org.deskcrm.service.user.Session;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The goals editor's rules. Anyone may read a period's goals; supervisors and administrators (and the
 * command line's system actor) may change them, a supervisor only for the own team and its members.
 * A goal belongs to one manager or one team, its period starts on the first day of its month,
 * quarter or year (a date inside the period is moved there), its target is a non-negative amount
 * with at most two decimals. Saves check the version read; every change is audited.
 */
public final class GoalService {
    public static final String ENTITY = "goal";
    private static final BigDecimal MAX_TARGET = new BigDecimal("9999999999999999.99");

    private final Database db;
    private final GoalRepository goals;
    private final AuditRepository audit;
    private final Session session;
    private final Clock clock;

    public GoalService(Database db, GoalRepository goals, AuditRepository audit, Session session, Clock clock) {
        this.db = db;
        this.goals = goals;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /** The first day of the period of this kind that contains the date. */
    public static LocalDate periodStart(PeriodKind kind, LocalDate day) {
        return switch (kind) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> LocalDate.of(day.getYear(), 1, 1);
        };
    }

    /** The goals of the period of this kind containing the date. */
    public List<GoalEntry> list(PeriodKind kind, LocalDate day) {
        return goals.ofPeriod(kind, periodStart(kind, day));
    }

    /** Whether the signed-in user may change goals at all. */
    public boolean canEdit() {
        Optional<User> u = session.user();
        return u.isEmpty() || u.get().role() != Role.MANAGER;
    }

    /** Creates the goal (its id must be null) or updates it (version checked); returns it as saved. */
    public GoalEntry save(GoalEntry draft) {
        requireEditor();
        GoalEntry g = validate(draft);
        return db.inTransaction(() -> {
            if (goals.exists(g, g.id())) {
                throw new AppException("error.goal.duplicate");
            }
            if (g.id() == null) {
                long id = goals.insert(g);
                audit.append(List.of(AuditEvent.of(clock.instant(), session.userId(), AuditAction.CREATE, ENTITY, id)
                        .withDetails(describe(g))));
                return goals.find(id).orElseThrow();
            }
            GoalEntry before = goals.find(g.id()).orElseThrow(() -> new ConcurrentEditException(ENTITY, g.id()));
            requireOwnTeam(before);
            if (!goals.update(g)) {
                throw new ConcurrentEditException(ENTITY, g.id());
            }
            audit.append(changes(before, g));
            return goals.find(g.id()).orElseThrow();
        });
    }

    /** Deletes the goal if nobody changed it since it was read. */
    public void delete(GoalEntry g) {
        requireEditor();
        db.inTransaction(() -> {
            GoalEntry before = goals.find(g.id()).orElseThrow(() -> new ConcurrentEditException(ENTITY, g.id()));
            requireOwnTeam(before);
            if (!goals.delete(g.id(), g.version())) {
                throw new ConcurrentEditException(ENTITY, g.id());
            }
            audit.append(List.of(AuditEvent.of(clock.instant(), session.userId(), AuditAction.DELETE, ENTITY, g.id())
                    .withDetails(describe(before))));
        });
    }

    private GoalEntry validate(GoalEntry g) {
        if ((g.userId() == null) == (g.teamId() == null)) {
            throw new AppException("error.goal.owner");
        }
        if (g.metric() == null) {
            throw new AppException("error.goal.metric");
        }
        if (g.periodKind() == null || g.periodStart() == null) {
            throw new AppException("error.goal.period");
        }
        BigDecimal target = g.target();
        if (target == null || target.signum() < 0 || target.stripTrailingZeros().scale() > 2
                || target.compareTo(MAX_TARGET) > 0) {
            throw new AppException("error.goal.target");
        }
        if (g.userId() != null && goals.teamOfUser(g.userId()).isEmpty()
                || g.teamId() != null && !goals.teamExists(g.teamId())) {
            throw new AppException("error.goal.unknownOwner");
        }
        GoalEntry n = new GoalEntry(g.id(), g.userId(), g.teamId(), g.metric(), g.periodKind(),
                periodStart(g.periodKind(), g.periodStart()), target.setScale(2), g.version());
        requireOwnTeam(n);
        return n;
    }

    private void requireEditor() {
        if (!canEdit()) {
            throw new AppException("error.goal.forbidden");
        }
    }

    /** A supervisor may plan for the own team and its members only. */
    private void requireOwnTeam(GoalEntry g) {
        User u = session.user().orElse(null);
        if (u == null || u.role() != Role.SUPERVISOR) {
            return;
        }
        Long team = g.teamId() != null ? g.teamId()
                : goals.teamOfUser(g.userId()).flatMap(t -> t).orElse(null);
        if (team == null || !team.equals(u.teamId())) {
            throw new AppException("error.goal.otherTeam");
        }
    }

    private List<AuditEvent> changes(GoalEntry before, GoalEntry after) {
        List<AuditEvent> events = new ArrayList<>();
        AuditEvent e = AuditEvent.of(clock.instant(), session.userId(), AuditAction.UPDATE, ENTITY, after.id());
        change(events, e, "user_id", before.userId(), after.userId());
        change(events, e, "team_id", before.teamId(), after.teamId());
        change(events, e, "metric_code", before.metric().code(), after.metric().code());
        change(events, e, "period_kind", before.periodKind().code(), after.periodKind().code());
        change(events, e, "period_start", before.periodStart(), after.periodStart());
        change(events, e, "target", before.target().toPlainString(), after.target().toPlainString());
        if (events.isEmpty()) {
            events.add(e.withDetails(describe(after)));
        }
        return events;
    }

    private static void change(List<AuditEvent> events, AuditEvent e, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            events.add(e.withChange(field, before == null ? null : before.toString(),
                    after == null ? null : after.toString()));
        }
    }

    private static String describe(GoalEntry g) {
        return (g.userId() != null ? "user " + g.userId() : "team " + g.teamId()) + " " + g.metric().code() + " "
                + g.periodKind().code() + " " + g.periodStart() + " " + g.target().toPlainString();
    }
}
