package org.deskcrm.persistence;

import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.task.Recurrence;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.model.task.TaskTemplate;
import org.deskcrm.model.task.TemplateStage;
import org.deskcrm.persistence.jooq.tables.records.TaskTemplateRecord;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.TASK;
import static org.deskcrm.persistence.jooq.Tables.TASK_TEMPLATE;
import static org.deskcrm.persistence.jooq.Tables.TASK_TEMPLATE_STAGE;

/** Recurring task templates with their stages, and the dated tasks they generate. */
public class TaskTemplateRepository {
    private final DSLContext dsl;

    public TaskTemplateRepository(Database db) {
        this.dsl = db.dsl();
    }

    public long insert(TaskTemplate t) {
        return dsl.transactionResult(() -> {
            long id = dsl.insertInto(TASK_TEMPLATE)
                    .set(TASK_TEMPLATE.TITLE, t.title().strip())
                    .set(TASK_TEMPLATE.KIND_CODE, t.kind().code())
                    .set(TASK_TEMPLATE.RECURRENCE, t.recurrence().code())
                    .set(TASK_TEMPLATE.ANCHOR_DATE, t.anchorDate())
                    .set(TASK_TEMPLATE.ASSIGNEE_ID, t.assigneeId())
                    .set(TASK_TEMPLATE.CLIENT_ID, t.clientId())
                    .set(TASK_TEMPLATE.ACTIVE, t.active())
                    .returning(TASK_TEMPLATE.ID).fetchOne(TASK_TEMPLATE.ID);
            for (TemplateStage s : t.stages()) {
                insertStage(id, s);
            }
            return id;
        });
    }

    /**
     * Saves an edited template (version-checked) with its stages: stages with an id are updated,
     * new ones inserted, missing ones deleted (their generated tasks stay, unlinked from the stage).
     * Returns the new version.
     */
    public long update(TaskTemplate t) {
        return dsl.transactionResult(() -> {
            int n = dsl.update(TASK_TEMPLATE)
                    .set(TASK_TEMPLATE.TITLE, t.title().strip())
                    .set(TASK_TEMPLATE.KIND_CODE, t.kind().code())
                    .set(TASK_TEMPLATE.RECURRENCE, t.recurrence().code())
                    .set(TASK_TEMPLATE.ANCHOR_DATE, t.anchorDate())
                    .set(TASK_TEMPLATE.ASSIGNEE_ID, t.assigneeId())
                    .set(TASK_TEMPLATE.CLIENT_ID, t.clientId())
                    .set(TASK_TEMPLATE.ACTIVE, t.active())
                    .set(TASK_TEMPLATE.VERSION, TASK_TEMPLATE.VERSION.plus(1))
                    .where(TASK_TEMPLATE.ID.eq(t.id()).and(TASK_TEMPLATE.VERSION.eq(t.version())))
                    .execute();
            if (n == 0) {
                throw new ConcurrentEditException("task_template", t.id());
            }
            List<Long> existing = dsl.select(TASK_TEMPLATE_STAGE.ID).from(TASK_TEMPLATE_STAGE)
                    .where(TASK_TEMPLATE_STAGE.TEMPLATE_ID.eq(t.id())).fetch(TASK_TEMPLATE_STAGE.ID);
            List<Long> kept = t.stages().stream().map(TemplateStage::id).filter(java.util.Objects::nonNull).toList();
            List<Long> removed = existing.stream().filter(id -> !kept.contains(id)).toList();
            if (!removed.isEmpty()) {
                dsl.update(TASK).set(TASK.TEMPLATE_STAGE_ID, (Long) null)
                        .where(TASK.TEMPLATE_STAGE_ID.in(removed)).execute();
                dsl.deleteFrom(TASK_TEMPLATE_STAGE).where(TASK_TEMPLATE_STAGE.ID.in(removed)).execute();
            }
            int parked = -1;
            for (Long id : kept) { // out of the way of (template_id, sort_order) while stages are reordered
                dsl.update(TASK_TEMPLATE_STAGE).set(TASK_TEMPLATE_STAGE.SORT_ORDER, parked--)
                        .where(TASK_TEMPLATE_STAGE.ID.eq(id).and(TASK_TEMPLATE_STAGE.TEMPLATE_ID.eq(t.id()))).execute();
            }
            for (TemplateStage s : t.stages()) {
                if (s.id() == null) {
                    insertStage(t.id(), s);
                } else {
                    dsl.update(TASK_TEMPLATE_STAGE)
                            .set(TASK_TEMPLATE_STAGE.SORT_ORDER, s.order())
                            .set(TASK_TEMPLATE_STAGE.TITLE, s.title().strip())
                            .set(TASK_TEMPLATE_STAGE.OFFSET_DAYS, s.offsetDays())
                            .set(TASK_TEMPLATE_STAGE.KIND_CODE, s.kind() == null ? null : s.kind().code())
                            .set(TASK_TEMPLATE_STAGE.VERSION, TASK_TEMPLATE_STAGE.VERSION.plus(1))
                            .where(TASK_TEMPLATE_STAGE.ID.eq(s.id()).and(TASK_TEMPLATE_STAGE.TEMPLATE_ID.eq(t.id())))
                            .execute();
                }
            }
            return t.version() + 1;
        });
    }

    private void insertStage(long templateId, TemplateStage s) {
        dsl.insertInto(TASK_TEMPLATE_STAGE)
                .set(TASK_TEMPLATE_STAGE.TEMPLATE_ID, templateId)
                .set(TASK_TEMPLATE_STAGE.SORT_ORDER, s.order())
                .set(TASK_TEMPLATE_STAGE.TITLE, s.title().strip())
                .set(TASK_TEMPLATE_STAGE.OFFSET_DAYS, s.offsetDays())
                .set(TASK_TEMPLATE_STAGE.KIND_CODE, s.kind() == null ? null : s.kind().code())
                .execute();
    }

    /** The active users a template can be assigned to, by name. */
    public java.util.Map<Long, String> assignees() {
        java.util.Map<Long, String> out = new java.util.LinkedHashMap<>();
        dsl.select(APP_USER.ID, APP_USER.FULL_NAME).from(APP_USER).where(APP_USER.ACTIVE.isTrue())
                .orderBy(APP_USER.FULL_NAME, APP_USER.ID).forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    public List<TaskTemplate> findAll(boolean activeOnly) {
        var where = activeOnly ? TASK_TEMPLATE.ACTIVE.isTrue() : org.jooq.impl.DSL.noCondition();
        return dsl.selectFrom(TASK_TEMPLATE).where(where).orderBy(TASK_TEMPLATE.TITLE, TASK_TEMPLATE.ID)
                .fetch(this::map);
    }

    public Optional<TaskTemplate> find(long id) {
        return dsl.selectFrom(TASK_TEMPLATE).where(TASK_TEMPLATE.ID.eq(id)).fetchOptional(this::map);
    }

    private TaskTemplate map(TaskTemplateRecord r) {
        List<TemplateStage> stages = dsl.selectFrom(TASK_TEMPLATE_STAGE)
                .where(TASK_TEMPLATE_STAGE.TEMPLATE_ID.eq(r.getId()))
                .orderBy(TASK_TEMPLATE_STAGE.SORT_ORDER)
                .fetch(s -> new TemplateStage(s.getId(), s.getSortOrder(), s.getTitle(), s.getOffsetDays(),
                        s.getKindCode() == null ? null : TaskKind.ofCode(s.getKindCode())));
        return new TaskTemplate(r.getId(), r.getTitle(), TaskKind.ofCode(r.getKindCode()),
                Recurrence.ofCode(r.getRecurrence()), r.getAnchorDate(), r.getAssigneeId(), r.getClientId(),
                r.getActive(), r.getGeneratedUntil(), stages, r.getVersion());
    }

    public void setActive(long id, boolean active) {
        dsl.update(TASK_TEMPLATE).set(TASK_TEMPLATE.ACTIVE, active)
                .set(TASK_TEMPLATE.VERSION, TASK_TEMPLATE.VERSION.plus(1)).where(TASK_TEMPLATE.ID.eq(id)).execute();
    }

    public void setGeneratedUntil(long id, LocalDate until) {
        dsl.update(TASK_TEMPLATE).set(TASK_TEMPLATE.GENERATED_UNTIL, until).where(TASK_TEMPLATE.ID.eq(id)).execute();
    }

    /** Whether the task of this stage due at this moment was generated already. */
    public boolean generated(long stageId, Instant dueAt) {
        return dsl.fetchExists(TASK, TASK.TEMPLATE_STAGE_ID.eq(stageId).and(TASK.DUE_AT.eq(odt(dueAt))));
    }

    /** Inserts one generated task of a template stage. */
    public long insertGenerated(TaskTemplate t, TemplateStage s, String title, Instant dueAt, Instant remindAt,
                                Instant now) {
        return dsl.insertInto(TASK)
                .set(TASK.TITLE, title)
                .set(TASK.KIND_CODE, (s.kind() != null ? s.kind() : t.kind()).code())
                .set(TASK.STATUS_CODE, TaskStatus.OPEN.code())
                .set(TASK.DUE_AT, odt(dueAt))
                .set(TASK.REMIND_AT, odt(remindAt))
                .set(TASK.ASSIGNEE_ID, t.assigneeId())
                .set(TASK.CLIENT_ID, t.clientId())
                .set(TASK.TEMPLATE_ID, t.id())
                .set(TASK.TEMPLATE_STAGE_ID, s.id())
                .set(TASK.CREATED_AT, odt(now))
                .set(TASK.UPDATED_AT, odt(now))
                .returning(TASK.ID).fetchOne(TASK.ID);
    }

    public int generatedCount(long templateId) {
        return dsl.fetchCount(TASK, TASK.TEMPLATE_ID.eq(templateId));
    }
}
