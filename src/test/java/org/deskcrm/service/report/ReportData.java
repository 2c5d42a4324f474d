package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.PeriodKind;
import org.deskcrm.model.task.Activity;
import org.deskcrm.model.task.ActivityKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.report.PlanQueries;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.deskcrm.persistence.jooq.Tables.CLIENT;

/** Writes report test data through the real repositories (deals with their stage history, calls, goals...). */
public final class ReportData {
    public final AppContext ctx;
    public final PlanQueries plans;
    private final DSLContext dsl;
    private final AtomicInteger seq = new AtomicInteger();

    public ReportData(AppContext ctx) {
        this.ctx = ctx;
        this.plans = new PlanQueries(ctx.database());
        this.dsl = ctx.database().dsl();
    }

    public long user(String login, Long teamId) {
        return ctx.users().insert(User.draft(login, login.substring(0, 1).toUpperCase() + login.substring(1), Role.MANAGER, teamId), null);
    }

    public long team(String name) {
        return ctx.users().insertTeam(name, null);
    }

    public long client(String name, Long ownerId, Instant createdAt) {
        return dsl.insertInto(CLIENT).set(CLIENT.KIND, "company").set(CLIENT.NAME, name)
                .set(CLIENT.NAME_NORM, name.toLowerCase()).set(CLIENT.OWNER_ID, ownerId)
                .set(CLIENT.CREATED_AT, createdAt.atOffset(ZoneOffset.UTC))
                .set(CLIENT.UPDATED_AT, createdAt.atOffset(ZoneOffset.UTC))
                .returning(CLIENT.ID).fetchOne(CLIENT.ID);
    }

    public Pipeline pipeline(String code) {
        return ctx.pipelines().findByCode(code).orElseThrow();
    }

    public static Stage stage(Pipeline p, String name) {
        return p.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    public long source(String name) {
        return key(ctx.pipelines().leadSources(), name);
    }

    public long reason(String name) {
        return key(ctx.pipelines().lostReasons(), name);
    }

    private static long key(Map<Long, String> m, String name) {
        return m.entrySet().stream().filter(e -> e.getValue().equals(name)).findFirst().orElseThrow().getKey();
    }

    /** A deal created at its first stage at the given instant. */
    public long deal(long clientId, long ownerId, Pipeline p, Stage first, String amount, Long sourceId, ScoreBand band,
              LocalDate expectedClose, Instant created) {
        Deal d = new Deal(null, "Deal " + seq.incrementAndGet(), clientId, null, ownerId, p.id(), first.id(),
                new BigDecimal(amount), expectedClose, sourceId, 0, band, null, null, created, null, null, 0);
        return ctx.deals().insert(d, ownerId, created);
    }

    public void move(long dealId, Stage to, Long lostReasonId, Instant at) {
        Deal d = ctx.deals().find(dealId).orElseThrow();
        ctx.deals().move(dealId, d.version(), to.id(), lostReasonId, null, d.ownerId(), at);
    }

    public void move(long dealId, Stage to, Instant at) {
        if (to.kind() == StageKind.LOST) {
            throw new IllegalArgumentException("lost needs a reason");
        }
        move(dealId, to, null, at);
    }

    public long call(Long userId, CallDirection dir, CallStatus status, Instant at, int seconds) {
        return ctx.calls().insert(new Call(null, dir, status, at, seconds, "+7900" + seq.incrementAndGet(),
                "+7900" + seq.get(), null, null, userId, null, null, null)).orElseThrow();
    }

    /** A call from or to a given number, matched to a client card or not. */
    public long call(Long userId, CallDirection dir, CallStatus status, Instant at, int seconds, String phone, Long clientId) {
        return ctx.calls().insert(new Call(null, dir, status, at, seconds, phone, phone, clientId, null, userId,
                null, null, null)).orElseThrow();
    }

    public long activity(Long userId, ActivityKind kind, Instant at) {
        return ctx.tasks().insertActivity(new Activity(null, kind, null, null, null, userId, at, kind.name(), null));
    }

    public long sale(long clientId, Long ownerId, String saleDate, String amount, String dueDate, String paid) {
        return ctx.sales().insert(new org.deskcrm.model.deal.Sale(null, clientId, null, ownerId, "S" + seq.incrementAndGet(),
                LocalDate.parse(saleDate), new BigDecimal(amount), dueDate == null ? null : LocalDate.parse(dueDate),
                new BigDecimal(paid), 0));
    }

    public long task(Long assigneeId, Instant due, Instant doneAt) {
        org.deskcrm.model.task.TaskStatus status = doneAt == null ? org.deskcrm.model.task.TaskStatus.OPEN
                : org.deskcrm.model.task.TaskStatus.DONE;
        return ctx.tasks().insert(new org.deskcrm.model.task.Task(null, "Task " + seq.incrementAndGet(), null,
                org.deskcrm.model.task.TaskKind.CALL, status, due, null, assigneeId, null, null, null, null, null, doneAt, 0),
                assigneeId, due);
    }

    /** A missed incoming call in the missed-call list, returned (resolved) or not. */
    public long missedCall(Long userId, Instant at, boolean returned) {
        long id = call(userId, CallDirection.IN, CallStatus.MISSED, at, 0);
        new org.deskcrm.persistence.totals.CallTotals(dsl).around(
                org.deskcrm.persistence.totals.CallTotals.Reach.calls(java.util.List.of(id)), () -> dsl.insertInto(org.deskcrm.persistence.jooq.Tables.MISSED_CALL)
                .set(org.deskcrm.persistence.jooq.Tables.MISSED_CALL.CALL_ID, id)
                .set(org.deskcrm.persistence.jooq.Tables.MISSED_CALL.MANAGER_ID, userId)
                .set(org.deskcrm.persistence.jooq.Tables.MISSED_CALL.DUE_AT, at.plusSeconds(86_400).atOffset(ZoneOffset.UTC))
                .set(org.deskcrm.persistence.jooq.Tables.MISSED_CALL.RESOLVED_AT,
                        returned ? at.plusSeconds(3600).atOffset(ZoneOffset.UTC) : null)
                .execute());
        return id;
    }

    public void event(Long userId, Instant at, String entity, long entityId) {
        ctx.audit().append(java.util.List.of(org.deskcrm.model.audit.AuditEvent.of(at, userId,
                org.deskcrm.model.audit.AuditAction.UPDATE, entity, entityId).withChange("name", "old", "new")));
    }

    public long goal(Long userId, Long teamId, GoalMetric metric, LocalDate start, String target) {
        return plans.insertGoal(userId, teamId, metric, PeriodKind.MONTH, start, new BigDecimal(target));
    }
}
