package org.deskcrm.service.task;

import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.task.TaskTemplate;
import org.deskcrm.model.task.TemplateStage;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TaskTemplateRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recurring templates with stages. {@link #generate(LocalDate)} creates, for every period that starts
 * on or before a date, one task per stage due {@code offsetDays} after the period start at the end
 * of the business day (reminded that morning). Generating again creates nothing twice.
 */
public class TaskTemplateService {
    static final LocalTime DUE_TIME = LocalTime.of(18, 0);
    static final LocalTime REMIND_TIME = LocalTime.of(9, 0);

    private final Database db;
    private final TaskTemplateRepository templates;
    private final TaskService tasks;
    private final Clock clock;

    public TaskTemplateService(Database db, TaskTemplateRepository templates, TaskService tasks, Clock clock) {
        this.db = db;
        this.templates = templates;
        this.tasks = tasks;
        this.clock = clock;
    }

    public List<FieldError> validate(TaskTemplate t) {
        List<FieldError> errors = new ArrayList<>();
        if (Texts.isBlank(t.title())) {
            errors.add(FieldError.of("title", "task.validation.required"));
        }
        if (t.kind() == null) {
            errors.add(FieldError.of("kind", "task.validation.required"));
        }
        if (t.recurrence() == null) {
            errors.add(FieldError.of("recurrence", "task.validation.required"));
        }
        if (t.anchorDate() == null) {
            errors.add(FieldError.of("anchorDate", "task.validation.required"));
        }
        if (t.stages().isEmpty()) {
            errors.add(FieldError.of("stages", "task.validation.stages"));
        }
        Set<Integer> orders = new HashSet<>();
        for (int i = 0; i < t.stages().size(); i++) {
            TemplateStage s = t.stages().get(i);
            if (Texts.isBlank(s.title())) {
                errors.add(FieldError.of("stages[" + i + "].title", "task.validation.required"));
            }
            if (s.offsetDays() < 0) {
                errors.add(FieldError.of("stages[" + i + "].offsetDays", "task.validation.offset"));
            }
            if (!orders.add(s.order())) {
                errors.add(FieldError.of("stages[" + i + "].order", "task.validation.stageOrder"));
            }
        }
        return errors;
    }

    public long create(TaskTemplate t) {
        List<FieldError> errors = validate(t);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return templates.insert(t);
    }

    /** Saves an edited template and its stages (version-checked); returns the new version. */
    public long update(TaskTemplate t) {
        List<FieldError> errors = validate(t);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return templates.update(t);
    }

    public TaskTemplate find(long id) {
        return templates.find(id).orElseThrow(() -> new NotFoundException("task_template", id));
    }

    /** Who a template can be assigned to: active users by name. */
    public java.util.Map<Long, String> assignees() {
        return templates.assignees();
    }

    /** How many tasks a template has generated so far. */
    public int generatedCount(long templateId) {
        return templates.generatedCount(templateId);
    }

    public List<TaskTemplate> templates() {
        return templates.findAll(false);
    }

    public void setActive(long id, boolean active) {
        templates.setActive(id, active);
    }

    /** Generates the tasks of every active template for periods starting on or before {@code until}. */
    public int generate(LocalDate until) {
        int n = 0;
        for (TaskTemplate t : templates.findAll(true)) {
            n += generate(t, until);
        }
        return n;
    }

    /** Generates one template's tasks up to {@code until}; returns how many tasks were created. */
    public int generate(long templateId, LocalDate until) {
        TaskTemplate t = templates.find(templateId).orElseThrow(() -> new NotFoundException("task_template",
                templateId));
        return generate(t, until);
    }

    private int generate(TaskTemplate t, LocalDate until) {
        var zone = tasks.zone();
        Instant now = clock.instant();
        return db.inTransaction(() -> {
            int created = 0;
            LocalDate last = t.generatedUntil();
            for (int k = 0; ; k++) {
                LocalDate start = t.recurrence().periodStart(t.anchorDate(), k);
                if (start == null || start.isAfter(until)) {
                    break;
                }
                if (t.generatedUntil() != null && !start.isAfter(t.generatedUntil())) {
                    continue; // generated before (even if some of its tasks were deleted since)
                }
                for (TemplateStage s : t.stages()) {
                    LocalDate day = start.plusDays(s.offsetDays());
                    Instant due = day.atTime(DUE_TIME).atZone(zone).toInstant();
                    if (templates.generated(s.id(), due)) {
                        continue;
                    }
                    Instant remind = day.atTime(REMIND_TIME).atZone(zone).toInstant();
                    templates.insertGenerated(t, s, t.title().strip() + ": " + s.title().strip(), due, remind, now);
                    created++;
                }
                last = last == null || start.isAfter(last) ? start : last;
            }
            if (last != null && !last.equals(t.generatedUntil())) {
                templates.setGeneratedUntil(t.id(), last);
            }
            return created;
        });
    }
}
