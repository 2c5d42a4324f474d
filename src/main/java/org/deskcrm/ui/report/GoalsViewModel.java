package org.deskcrm.ui.report;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.report.FilterChoices;
import org.deskcrm.model.report.GoalEntry;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.PeriodKind;
import org.deskcrm.service.goal.GoalService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The goals editor: the goals of one period (month, quarter or year containing a day), and a form to
 * add or change one. Every read and save runs in the background; after a change the plan vs fact
 * report it was opened from recomputes. Owners are keys {@code u:ID} (a manager) or {@code t:ID} (a team).
 */
public final class GoalsViewModel {
    private final GoalService service;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Runnable onChanged;
    private final Supplier<FilterChoices> lookups;
    private final ObjectProperty<PeriodKind> kind = new SimpleObjectProperty<>(PeriodKind.MONTH);
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final ObservableList<GoalEntry> goals = FXCollections.observableArrayList();
    private final ObservableList<String> owners = FXCollections.observableArrayList();
    private final Map<String, String> ownerNames = new LinkedHashMap<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty editable = new SimpleBooleanProperty();
    private final BooleanProperty formOpen = new SimpleBooleanProperty();
    private final ObjectProperty<String> formOwner = new SimpleObjectProperty<>();
    private final ObjectProperty<GoalMetric> formMetric = new SimpleObjectProperty<>(GoalMetric.REVENUE);
    private final StringProperty formTarget = new SimpleStringProperty("");
    private final ObjectProperty<GoalEntry> pendingDelete = new SimpleObjectProperty<>();
    private final StringProperty deleteQuestion = new SimpleStringProperty("");
    private GoalEntry editing;

    public GoalsViewModel(GoalService service, TaskExecutor executor, I18n i18n, Supplier<FilterChoices> lookups,
                          LocalDate initialDay, Runnable onChanged) {
        this.service = service;
        this.executor = executor;
        this.i18n = i18n;
        this.lookups = lookups;
        this.onChanged = onChanged;
        this.day.set(initialDay);
        kind.addListener((o, a, b) -> load());
        day.addListener((o, a, b) -> load());
    }

    /** Loads the owners' names and the period's goals. */
    public void open() {
        busy.set(true);
        executor.submit(p -> new Object[]{lookups.get(), service.canEdit()}, r -> {
            FilterChoices c = (FilterChoices) r[0];
            ownerNames.clear();
            c.teams().forEach((id, name) -> ownerNames.put("t:" + id, i18n.format("goal.ownerTeam", name)));
            c.managers().forEach((id, name) -> ownerNames.put("u:" + id, name));
            owners.setAll(ownerNames.keySet());
            editable.set((Boolean) r[1]);
            load();
        }, this::failed);
    }

    public void load() {
        if (kind.get() == null || day.get() == null) {
            return;
        }
        busy.set(true);
        PeriodKind k = kind.get();
        LocalDate d = day.get();
        executor.submit(p -> service.list(k, d), list -> {
            busy.set(false);
            goals.setAll(list);
        }, this::failed);
    }

    public void startAdd() {
        editing = null;
        formOwner.set(owners.isEmpty() ? null : owners.get(0));
        formMetric.set(GoalMetric.REVENUE);
        formTarget.set("");
        error.set("");
        formOpen.set(true);
    }

    public void startEdit(GoalEntry g) {
        if (g == null) {
            return;
        }
        editing = g;
        formOwner.set(ownerKey(g));
        formMetric.set(g.metric());
        formTarget.set(g.target().toPlainString());
        error.set("");
        formOpen.set(true);
    }

    public void cancel() {
        editing = null;
        formOpen.set(false);
        error.set("");
    }

    /** Saves the form (a new goal in the shown period, or the goal being edited). */
    public void save() {
        GoalEntry g;
        try {
            g = fromForm();
        } catch (AppException e) {
            failed(e);
            return;
        }
        busy.set(true);
        executor.submit(p -> service.save(g), saved -> {
            editing = null;
            formOpen.set(false);
            error.set("");
            changed();
        }, this::failed);
    }

    /** Asks to confirm deleting the goal (answered by {@link #confirmDelete()} or {@link #cancelDelete()}). */
    public void askDelete(GoalEntry g) {
        if (g == null) {
            return;
        }
        deleteQuestion.set(i18n.format("goal.confirmDelete",
                i18n.get("report.value.metric." + g.metric().code()), ownerName(g)));
        pendingDelete.set(g);
    }

    public void confirmDelete() {
        GoalEntry g = pendingDelete.get();
        pendingDelete.set(null);
        delete(g);
    }

    public void cancelDelete() {
        pendingDelete.set(null);
    }

    public ReadOnlyStringProperty deleteQuestionProperty() {
        return deleteQuestion;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<GoalEntry> pendingDeleteProperty() {
        return pendingDelete;
    }

    private void delete(GoalEntry g) {
        if (g == null) {
            return;
        }
        busy.set(true);
        executor.submit(p -> {
            service.delete(g);
            return g;
        }, gone -> changed(), this::failed);
    }

    private void changed() {
        load();
        onChanged.run();
    }

    private GoalEntry fromForm() {
        String owner = formOwner.get();
        Long user = owner != null && owner.startsWith("u:") ? Long.valueOf(owner.substring(2)) : null;
        Long team = owner != null && owner.startsWith("t:") ? Long.valueOf(owner.substring(2)) : null;
        BigDecimal target = parse(formTarget.get());
        if (editing != null) {
            return new GoalEntry(editing.id(), user, team, formMetric.get(), editing.periodKind(), editing.periodStart(),
                    target, editing.version());
        }
        return GoalEntry.draft(user, team, formMetric.get(), kind.get(), day.get(), target);
    }

    private static BigDecimal parse(String text) {
        String t = text == null ? "" : text.strip().replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new AppException("error.goal.badNumber", text.strip());
        }
    }

    private void failed(Throwable e) {
        busy.set(false);
        error.set(i18n.message(e));
    }

    static String ownerKey(GoalEntry g) {
        return g.userId() != null ? "u:" + g.userId() : "t:" + g.teamId();
    }

    /** The owner's name as listed (a team as "Team: name"). */
    public String ownerName(String key) {
        return key == null ? "" : ownerNames.getOrDefault(key, key);
    }

    public String ownerName(GoalEntry g) {
        return ownerName(ownerKey(g));
    }

    public ObjectProperty<PeriodKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ObservableList<GoalEntry> goals() {
        return goals;
    }

    public ObservableList<String> owners() {
        return owners;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable;
    }

    public ReadOnlyBooleanProperty formOpenProperty() {
        return formOpen;
    }

    public ObjectProperty<String> formOwnerProperty() {
        return formOwner;
    }

    public ObjectProperty<GoalMetric> formMetricProperty() {
        return formMetric;
    }

    public StringProperty formTargetProperty() {
        return formTarget;
    }
}
