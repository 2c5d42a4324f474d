package org.deskcrm.persistence.report;

import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.persistence.Database;
import org.jooq.DSLContext;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.LEAD_SOURCE;
import static org.deskcrm.persistence.jooq.Tables.LOST_REASON;
import static org.deskcrm.persistence.jooq.Tables.PIPELINE;
import static org.deskcrm.persistence.jooq.Tables.STAGE;
import static org.deskcrm.persistence.jooq.Tables.TEAM;

/** Names and small dictionaries that report rows are labelled with (inactive entries included). */
public class ReportLookups {
    private final DSLContext dsl;

    public ReportLookups(Database db) {
        this.dsl = db.dsl();
    }

    /** Every stage by id, pipelines' stages in order. */
    public Map<Long, Stage> stages() {
        Map<Long, Stage> m = new LinkedHashMap<>();
        dsl.selectFrom(STAGE).orderBy(STAGE.PIPELINE_ID, STAGE.SORT_ORDER).forEach(r -> m.put(r.getId(),
                new Stage(r.getId(), r.getPipelineId(), r.getName(), r.getSortOrder(),
                        StageKind.ofCode(r.getKindCode()), r.getProbability(), r.getMaxDays())));
        return m;
    }

    public List<Stage> stagesOf(long pipelineId) {
        return stages().values().stream().filter(s -> s.pipelineId() == pipelineId).toList();
    }

    /** The first pipeline by order: the funnel's default. */
    public Optional<Long> firstPipeline() {
        return dsl.select(PIPELINE.ID).from(PIPELINE).orderBy(PIPELINE.SORT_ORDER, PIPELINE.ID).limit(1)
                .fetchOptional(PIPELINE.ID);
    }

    public Map<Long, String> pipelineNames() {
        Map<Long, String> m = new LinkedHashMap<>();
        dsl.select(PIPELINE.ID, PIPELINE.NAME).from(PIPELINE).orderBy(PIPELINE.SORT_ORDER, PIPELINE.ID)
                .forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    public Optional<Long> pipelineByCode(String code) {
        return dsl.select(PIPELINE.ID).from(PIPELINE).where(PIPELINE.CODE.eq(code)).fetchOptional(PIPELINE.ID);
    }

    public Map<Long, String> userNames() {
        Map<Long, String> m = new LinkedHashMap<>();
        dsl.select(APP_USER.ID, APP_USER.FULL_NAME).from(APP_USER).orderBy(APP_USER.FULL_NAME)
                .forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    /** The active users with the manager role: the people rated per person (ADR 0019). */
    public java.util.Set<Long> activeManagers() {
        return new java.util.HashSet<>(dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.ACTIVE.isTrue())
                .and(APP_USER.ROLE_CODE.eq("manager")).fetch(APP_USER.ID));
    }

    public Optional<Long> userByLogin(String login) {
        return dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.LOGIN.eq(login)).fetchOptional(APP_USER.ID);
    }

    /** The team of every user that has one. */
    public Map<Long, Long> teamOfUser() {
        Map<Long, Long> m = new LinkedHashMap<>();
        dsl.select(APP_USER.ID, APP_USER.TEAM_ID).from(APP_USER).where(APP_USER.TEAM_ID.isNotNull())
                .forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    public Map<Long, String> teamNames() {
        Map<Long, String> m = new LinkedHashMap<>();
        dsl.select(TEAM.ID, TEAM.NAME).from(TEAM).orderBy(TEAM.NAME).forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    public Map<Long, String> sourceNames() {
        Map<Long, String> m = new LinkedHashMap<>();
        dsl.select(LEAD_SOURCE.ID, LEAD_SOURCE.NAME).from(LEAD_SOURCE).orderBy(LEAD_SOURCE.NAME)
                .forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    public Map<Long, String> lostReasonNames() {
        Map<Long, String> m = new LinkedHashMap<>();
        dsl.select(LOST_REASON.ID, LOST_REASON.NAME).from(LOST_REASON).orderBy(LOST_REASON.SORT_ORDER, LOST_REASON.ID)
                .forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    /**
     * Names of the given clients. Many of them (an eighth of the table or more, as a report of every client
     * with sales asks) are read in one pass over the table, which costs less than looking each one up by its
     * key; fewer in one statement with the ids bound as an array.
     */
    public Map<Long, String> clientNames(Collection<Long> ids) {
        Map<Long, String> m = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return m;
        }
        java.util.Set<Long> wanted = new java.util.HashSet<>(ids);
        if ((long) wanted.size() * 8 >= dsl.fetchCount(CLIENT)) {
            dsl.select(CLIENT.ID, CLIENT.NAME).from(CLIENT).forEach(r -> {
                if (wanted.contains(r.value1())) {
                    m.put(r.value1(), r.value2());
                }
            });
            return m;
        }
        dsl.select(CLIENT.ID, CLIENT.NAME).from(CLIENT).where(CLIENT.ID.eq(org.jooq.impl.DSL.any(wanted.toArray(Long[]::new))))
                .forEach(r -> m.put(r.value1(), r.value2()));
        return m;
    }

    /** How many active clients of the filter's manager or team (by the card's owner) have each lifecycle status. */
    public Map<String, Long> lifecycleCounts(org.deskcrm.model.report.ReportFilter f) {
        Map<String, Long> m = new LinkedHashMap<>();
        if (f.managerId() == null && f.teamId() == null) {
            // every client by status from the status index alone, less the few archived ones: the active clients read
            // through the table took 0.3-0.9 s at 100 000 clients, these two reads 30-40 ms
            dsl.select(CLIENT.LIFECYCLE_CODE, org.jooq.impl.DSL.count()).from(CLIENT)
                    .groupBy(CLIENT.LIFECYCLE_CODE).orderBy(CLIENT.LIFECYCLE_CODE)
                    .forEach(r -> m.put(r.value1(), (long) r.value2()));
            dsl.select(CLIENT.LIFECYCLE_CODE, org.jooq.impl.DSL.count()).from(CLIENT).where(CLIENT.ARCHIVED.isTrue())
                    .groupBy(CLIENT.LIFECYCLE_CODE)
                    .forEach(r -> m.computeIfPresent(r.value1(), (code, n) -> n - r.value2() == 0 ? null : n - r.value2()));
            return m;
        }
        dsl.select(CLIENT.LIFECYCLE_CODE, org.jooq.impl.DSL.count()).from(CLIENT).where(CLIENT.ARCHIVED.isFalse())
                .and(Scopes.people(CLIENT.OWNER_ID, f))
                .groupBy(CLIENT.LIFECYCLE_CODE).orderBy(CLIENT.LIFECYCLE_CODE)
                .forEach(r -> m.put(r.value1(), (long) r.value2()));
        return m;
    }
}
