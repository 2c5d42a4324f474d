package org.deskcrm.persistence;

import org.deskcrm.model.report.GoalEntry;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.PeriodKind;
import org.deskcrm.persistence.jooq.tables.records.GoalRecord;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.GOAL;
import static org.deskcrm.persistence.jooq.Tables.TEAM;

/** Goals (plans) for the goals editor: read one period's, insert, update and delete with a version check. */
public class GoalRepository {
    private final DSLContext dsl;

    public GoalRepository(Database db) {
        this.dsl = db.dsl();
    }

    /** The goals of one period (kind and first day), by metric, then team goals before managers'. */
    public List<GoalEntry> ofPeriod(PeriodKind kind, LocalDate start) {
        return dsl.selectFrom(GOAL).where(GOAL.PERIOD_KIND.eq(kind.code())).and(GOAL.PERIOD_START.eq(start))
                .orderBy(GOAL.METRIC_CODE, GOAL.TEAM_ID.asc().nullsLast(), GOAL.USER_ID, GOAL.ID)
                .fetch(GoalRepository::entry);
    }

    public Optional<GoalEntry> find(long id) {
        return dsl.selectFrom(GOAL).where(GOAL.ID.eq(id)).fetchOptional(GoalRepository::entry);
    }

    /** Whether another goal has the same owner, metric and period (the unique key), other than {@code exceptId}. */
    public boolean exists(GoalEntry g, Long exceptId) {
        var c = GOAL.METRIC_CODE.eq(g.metric().code()).and(GOAL.PERIOD_KIND.eq(g.periodKind().code()))
                .and(GOAL.PERIOD_START.eq(g.periodStart()))
                .and(g.userId() == null ? GOAL.USER_ID.isNull() : GOAL.USER_ID.eq(g.userId()))
                .and(g.teamId() == null ? GOAL.TEAM_ID.isNull() : GOAL.TEAM_ID.eq(g.teamId()));
        if (exceptId != null) {
            c = c.and(GOAL.ID.ne(exceptId));
        }
        return dsl.fetchExists(GOAL, c);
    }

    public long insert(GoalEntry g) {
        return dsl.insertInto(GOAL, GOAL.USER_ID, GOAL.TEAM_ID, GOAL.METRIC_CODE, GOAL.PERIOD_KIND,
                        GOAL.PERIOD_START, GOAL.TARGET)
                .values(g.userId(), g.teamId(), g.metric().code(), g.periodKind().code(), g.periodStart(), g.target())
                .returning(GOAL.ID).fetchOne(GOAL.ID);
    }

    /** Updates the goal if its version is still {@code g.version()}; false when it changed or is gone. */
    public boolean update(GoalEntry g) {
        return dsl.update(GOAL).set(GOAL.USER_ID, g.userId()).set(GOAL.TEAM_ID, g.teamId())
                .set(GOAL.METRIC_CODE, g.metric().code()).set(GOAL.PERIOD_KIND, g.periodKind().code())
                .set(GOAL.PERIOD_START, g.periodStart()).set(GOAL.TARGET, g.target())
                .set(GOAL.VERSION, GOAL.VERSION.plus(1))
                .where(GOAL.ID.eq(g.id())).and(GOAL.VERSION.eq(g.version())).execute() == 1;
    }

    /** Deletes the goal if its version is still {@code version}; false when it changed or is gone. */
    public boolean delete(long id, long version) {
        return dsl.deleteFrom(GOAL).where(GOAL.ID.eq(id)).and(GOAL.VERSION.eq(version)).execute() == 1;
    }

    /** The team of a user: empty when the user does not exist; an empty inner value when the user has no team. */
    public Optional<Optional<Long>> teamOfUser(long userId) {
        return dsl.select(APP_USER.TEAM_ID).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> Optional.ofNullable(r.value1()));
    }

    public boolean teamExists(long teamId) {
        return dsl.fetchExists(TEAM, TEAM.ID.eq(teamId));
    }

    private static GoalEntry entry(GoalRecord r) {
        return new GoalEntry(r.getId(), r.getUserId(), r.getTeamId(), GoalMetric.ofCode(r.getMetricCode()),
                PeriodKind.ofCode(r.getPeriodKind()), r.getPeriodStart(), r.getTarget(), r.getVersion());
    }
}
