package org.deskcrm.persistence.report;

import org.deskcrm.model.report.CostEntry;
import org.deskcrm.model.report.Goal;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.PeriodKind;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.persistence.Database;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CALENDAR_DAY;
import static org.deskcrm.persistence.jooq.Tables.GOAL;
import static org.deskcrm.persistence.jooq.Tables.LEAD_SOURCE_COST;

/** Goals, the working-day calendar and lead-source costs. */
public class PlanQueries {
    private final DSLContext dsl;

    public PlanQueries(Database db) {
        this.dsl = db.dsl();
    }

    /**
     * Goals whose period starts within the filter's period, of the filter's manager (and of that
     * manager's team) or team (and of its members); every goal when neither is set.
     */
    public List<Goal> goals(ReportFilter f) {
        Condition c = GOAL.PERIOD_START.between(f.from(), f.to());
        if (f.managerId() != null) {
            c = c.and(GOAL.USER_ID.eq(f.managerId()).or(GOAL.TEAM_ID.in(
                    DSL.select(APP_USER.TEAM_ID).from(APP_USER).where(APP_USER.ID.eq(f.managerId())))));
        }
        if (f.teamId() != null) {
            c = c.and(GOAL.TEAM_ID.eq(f.teamId()).or(GOAL.USER_ID.in(
                    DSL.select(APP_USER.ID).from(APP_USER).where(APP_USER.TEAM_ID.eq(f.teamId())))));
        }
        return dsl.selectFrom(GOAL).where(c).orderBy(GOAL.METRIC_CODE, GOAL.PERIOD_START, GOAL.TEAM_ID, GOAL.USER_ID, GOAL.ID)
                .fetch(r -> new Goal(r.getId(), r.getUserId(), r.getTeamId(), GoalMetric.ofCode(r.getMetricCode()),
                        PeriodKind.ofCode(r.getPeriodKind()), r.getPeriodStart(), r.getTarget()));
    }

    public long insertGoal(Long userId, Long teamId, GoalMetric metric, PeriodKind kind, LocalDate start,
                           BigDecimal target) {
        return dsl.insertInto(GOAL, GOAL.USER_ID, GOAL.TEAM_ID, GOAL.METRIC_CODE, GOAL.PERIOD_KIND,
                        GOAL.PERIOD_START, GOAL.TARGET)
                .values(userId, teamId, metric.code(), kind.code(), start, target)
                .returning(GOAL.ID).fetchOne(GOAL.ID);
    }

    /** Days that differ from the Monday–Friday rule within [from, to]: true = working. */
    public Map<LocalDate, Boolean> calendarOverrides(LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> m = new TreeMap<>();
        dsl.selectFrom(CALENDAR_DAY).where(CALENDAR_DAY.DAY_DATE.between(from, to))
                .forEach(r -> m.put(r.getDayDate(), r.getWorking()));
        return m;
    }

    public void putCalendarDay(LocalDate day, boolean working, String note) {
        dsl.transaction(() -> {
            dsl.deleteFrom(CALENDAR_DAY).where(CALENDAR_DAY.DAY_DATE.eq(day)).execute();
            dsl.insertInto(CALENDAR_DAY, CALENDAR_DAY.DAY_DATE, CALENDAR_DAY.WORKING, CALENDAR_DAY.NOTE)
                    .values(day, working, note).execute();
        });
    }

    /** Cost entries overlapping [from, to], of one source or of all. */
    public List<CostEntry> costs(LocalDate from, LocalDate to, Long sourceId) {
        Condition c = LEAD_SOURCE_COST.PERIOD_START.le(to).and(LEAD_SOURCE_COST.PERIOD_END.ge(from));
        if (sourceId != null) {
            c = c.and(LEAD_SOURCE_COST.SOURCE_ID.eq(sourceId));
        }
        return dsl.selectFrom(LEAD_SOURCE_COST).where(c).orderBy(LEAD_SOURCE_COST.ID)
                .fetch(r -> new CostEntry(r.getId(), r.getSourceId(), r.getPeriodStart(), r.getPeriodEnd(), r.getAmount()));
    }

    public long insertCost(long sourceId, LocalDate start, LocalDate end, BigDecimal amount) {
        return dsl.insertInto(LEAD_SOURCE_COST, LEAD_SOURCE_COST.SOURCE_ID, LEAD_SOURCE_COST.PERIOD_START,
                        LEAD_SOURCE_COST.PERIOD_END, LEAD_SOURCE_COST.AMOUNT)
                .values(sourceId, start, end, amount).returning(LEAD_SOURCE_COST.ID).fetchOne(LEAD_SOURCE_COST.ID);
    }
}
