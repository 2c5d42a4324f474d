package org.deskcrm.ui.task;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.task.Recurrence;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskTemplate;
import org.deskcrm.model.task.TemplateStage;
import org.deskcrm.service.task.TaskTemplateService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recurring-template editor: the list of templates, the form of the selected (or a new) one with
 * its stages, save, and "generate tasks now" up to a date with the number of tasks created (generating
 * again creates nothing twice).
 */
public final class TemplateEditorViewModel {
    private static final Pattern STAGE_FIELD = Pattern.compile("stages\\[(\\d+)]\\.(\\w+)");

    private final TaskTemplateService service;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final ObservableList<TaskTemplate> templates = FXCollections.observableArrayList();
    private final ObservableList<Named> assignees = FXCollections.observableArrayList();
    private final ObservableList<StageRow> stages = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<TaskKind> kind = new SimpleObjectProperty<>(TaskKind.OTHER);
    private final ObjectProperty<Recurrence> recurrence = new SimpleObjectProperty<>(Recurrence.MONTHLY);
    private final ObjectProperty<LocalDate> anchor = new SimpleObjectProperty<>();
    private final ObjectProperty<Named> assignee = new SimpleObjectProperty<>();
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final ObjectProperty<LocalDate> generateUntil = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper editingExisting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final LocalDate today;
    private Long id;
    private long version;
    private LocalDate generatedUntil;

    /** {@code today} is the business day the defaults (first period, generate until) start from. */
    public TemplateEditorViewModel(TaskTemplateService service, TaskExecutor executor, I18n i18n, LocalDate today) {
        this.service = service;
        this.executor = executor;
        this.i18n = i18n;
        this.today = today;
        newTemplate();
    }

    public ObservableList<TaskTemplate> templates() {
        return templates;
    }

    public ObservableList<Named> assignees() {
        return assignees;
    }

    public ObservableList<StageRow> stages() {
        return stages;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObjectProperty<TaskKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Recurrence> recurrenceProperty() {
        return recurrence;
    }

    public ObjectProperty<LocalDate> anchorProperty() {
        return anchor;
    }

    public ObjectProperty<Named> assigneeProperty() {
        return assignee;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public ObjectProperty<LocalDate> generateUntilProperty() {
        return generateUntil;
    }

    /** What was just done, or what is wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** About the selected template: how many tasks it generated, up to which period. */
    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** True when the form shows a saved template (it can generate tasks). */
    public ReadOnlyBooleanProperty editingExistingProperty() {
        return editingExisting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Loads the templates and the assignees (in the background); {@code selectId} is shown after. */
    public void load(Long selectId) {
        load(selectId, null);
    }

    /** The same, then shows {@code note} (what was just done) once the list is back. */
    private void load(Long selectId, String note) {
        busy.set(true);
        executor.submit(p -> new Loaded(service.templates(), service.assignees()), l -> {
            busy.set(false);
            List<Named> people = new ArrayList<>();
            people.add(new Named(null, i18n.get("task.template.nobody")));
            l.assignees().forEach((k, v) -> people.add(new Named(k, v)));
            assignees.setAll(people);
            templates.setAll(l.templates());
            if (selectId != null) {
                templates.stream().filter(t -> selectId.equals(t.id())).findFirst().ifPresent(this::select);
            } else if (id == null) {
                assignee.set(people.get(0));
            }
            if (note != null) {
                message.set(note);
            }
        }, this::fail);
    }

    private record Loaded(List<TaskTemplate> templates, Map<Long, String> assignees) {
    }

    /** Shows a template in the form. */
    public void select(TaskTemplate t) {
        if (t == null) {
            return;
        }
        id = t.id();
        version = t.version();
        generatedUntil = t.generatedUntil();
        title.set(t.title());
        kind.set(t.kind());
        recurrence.set(t.recurrence());
        anchor.set(t.anchorDate());
        active.set(t.active());
        assignee.set(assignees.stream().filter(n -> Objects.equals(n.id(), t.assigneeId())).findFirst()
                .orElse(new Named(t.assigneeId(), t.assigneeId() == null ? i18n.get("task.template.nobody")
                        : String.valueOf(t.assigneeId()))));
        stages.setAll(t.stages().stream().map(StageRow::of).toList());
        editingExisting.set(true);
        message.set("");
        refreshInfo();
    }

    private void refreshInfo() {
        Long current = id;
        if (current == null) {
            info.set("");
            return;
        }
        LocalDate until = generatedUntil;
        executor.submit(p -> service.generatedCount(current), n -> {
            if (Objects.equals(current, id)) {
                info.set(until == null ? i18n.format("task.template.info.none", n)
                        : i18n.format("task.template.info", n, date(until)));
            }
        }, this::fail);
    }

    /** An empty form with one stage, first period today. */
    public void newTemplate() {
        id = null;
        version = 0;
        generatedUntil = null;
        title.set("");
        kind.set(TaskKind.OTHER);
        recurrence.set(Recurrence.MONTHLY);
        anchor.set(today);
        active.set(true);
        assignee.set(assignees.isEmpty() ? null : assignees.get(0));
        stages.setAll(new StageRow(null, "", 0, null));
        generateUntil.set(today.plusMonths(3));
        editingExisting.set(false);
        message.set("");
        info.set("");
    }

    public void addStage() {
        int last = stages.isEmpty() ? 0 : Objects.requireNonNullElse(stages.get(stages.size() - 1).offsetDays(), 0);
        stages.add(new StageRow(null, "", last, null));
    }

    public void removeStage(StageRow row) {
        stages.remove(row);
    }

    /** Moves a stage one place up ({@code -1}) or down ({@code +1}). */
    public void move(StageRow row, int delta) {
        int i = stages.indexOf(row);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= stages.size()) {
            return;
        }
        stages.remove(i);
        stages.add(j, row);
    }

    /** The form as a template (stages numbered in their order on screen). */
    TaskTemplate toTemplate() {
        List<TemplateStage> list = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            list.add(stages.get(i).toStage(i + 1));
        }
        Named who = assignee.get();
        return new TaskTemplate(id, title.get() == null ? "" : title.get(), kind.get(), recurrence.get(), anchor.get(),
                who == null ? null : who.id(), null, active.get(), generatedUntil, list, version);
    }

    /** Saves the form (a new template or the selected one); the list reloads and keeps it selected. */
    public void save() {
        List<String> offsets = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).offsetDays() == null) {
                offsets.add(i18n.format("task.template.stage", i + 1) + ": " + i18n.get("task.template.offsetNumber"));
            }
        }
        if (!offsets.isEmpty()) {
            message.set(String.join("\n", offsets));
            return;
        }
        TaskTemplate t = toTemplate();
        busy.set(true);
        executor.submit(p -> t.id() == null ? service.create(t) : saveExisting(t), savedId -> {
            busy.set(false);
            load(savedId, i18n.format("task.template.saved", t.title().strip()));
        }, this::fail);
    }

    private long saveExisting(TaskTemplate t) {
        service.update(t);
        return t.id();
    }

    /**
     * Generates the selected template's tasks for every period starting up to {@link #generateUntil};
     * the message tells how many were created (0 when they were generated before).
     */
    public void generate() {
        Long current = id;
        LocalDate until = generateUntil.get();
        if (current == null || until == null) {
            return;
        }
        busy.set(true);
        executor.submit(p -> service.generate(current, until), n -> {
            busy.set(false);
            load(current, i18n.format("task.template.generated", n, date(until)));
        }, this::fail);
    }

    private String date(LocalDate d) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(i18n.locale()).format(d);
    }

    String describe(Throwable e) {
        if (e instanceof ValidationException v) {
            return String.join("\n", v.errors().stream().map(this::describe).toList());
        }
        return i18n.message(e);
    }

    private String describe(FieldError f) {
        String problem = i18n.format(f.messageKey(), f.args().toArray());
        Matcher m = STAGE_FIELD.matcher(f.field());
        if (m.matches()) {
            return i18n.format("task.template.stage", Integer.parseInt(m.group(1)) + 1) + ": "
                    + i18n.get("task.template.col." + m.group(2)) + " " + problem;
        }
        return i18n.get("task.field." + f.field()) + ": " + problem;
    }

    private void fail(Throwable e) {
        busy.set(false);
        message.set(describe(e));
    }
}
